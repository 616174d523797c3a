"""The one boundary between an alliance folder and everything a command reads or publishes.

Every path a user writes — a YAML field such as ``logo.src``, a Markdown link or image in a
news post or a free page, the files under ``news/`` and ``pages/`` themselves — goes through
this module, and a build copies only files that :func:`public_file` returned. The checks are
made on the *resolved* path, not on the text, because the text lies: ``media/../evidence/…``
leaves ``media/`` lexically, a symbolic link ``media/x → /etc/passwd`` leaves it physically,
and a FIFO named ``outcomes.yml`` hangs whoever opens it for reading.

- Published (``media/``): a regular file whose real path stays under the alliance's real
  ``media/`` folder, of a type a browser displays or downloads but never runs.
- Read (YAML, ``news/*.md``, ``pages/*.md``): a regular file inside the alliance folder, at
  most :data:`MAX_TEXT_BYTES`, UTF-8 without lone surrogates; opened without blocking.
- ``evidence/`` is private: no link may point into it, whatever the spelling.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from .i18n import Msg

PUBLIC = "media"
PRIVATE = "evidence"
MAX_TEXT_BYTES = 2 * 1024 * 1024  # a YAML file or a page; the example's largest is ~40 KB
# What a browser shows or downloads but never runs: no HTML, SVG, XML or script.
MEDIA_SUFFIXES = frozenset({
    ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif",
    ".pdf", ".txt", ".csv", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
    ".odt", ".ods", ".odp", ".zip", ".mp3", ".mp4", ".webm", ".ogg",
})


class Refused(Exception):
    """A path the boundary does not let through: what is wrong and how to fix it."""

    def __init__(self, reason: Msg, fix: Msg) -> None:
        super().__init__(reason.en)
        self.reason = reason
        self.fix = fix


class Missing(Refused):
    """The path is acceptable but nothing is there (a broken link, rule R6's business)."""


@dataclass(frozen=True)
class PublicFile:
    """A file that may be published: ``rel`` as the site links it, ``real`` to copy from."""

    rel: str
    real: Path


def normalise(written: str, base: str = "", *, url: bool = False) -> str:
    """``written`` as a path relative to the alliance folder, lexically normalised.

    ``media/…`` and ``evidence/…`` are relative to the alliance folder wherever they are
    written (the format's convention); anything else is relative to ``base``, the folder of
    the file that holds the link (``news``, ``pages``, or ``""`` for the YAML files).
    Backslashes count as slashes; for a ``url`` (a link, not a YAML path) percent escapes
    are undone first, once, as browsers do.
    """
    path = (unquote(written) if url else written).replace("\\", "/")
    if path.startswith("/"):
        raise Refused(Msg(f"'{written}' is an absolute path", f"「{written}」是絕對路徑"),
                      Msg("write the path inside the alliance folder, e.g. media/photo.jpg",
                          "請寫聯盟資料夾內的路徑，例如 media/photo.jpg"))
    first = path.split("/", 1)[0]
    joined = path if first in (PUBLIC, PRIVATE) or not base else f"{base}/{path}"
    clean = posixpath.normpath(joined)
    if clean == ".." or clean.startswith("../"):
        raise Refused(
            Msg(f"'{written}' points outside the alliance folder",
                f"「{written}」指到聯盟資料夾之外"),
            Msg("put the file under media/ and link media/<file>",
                "請把檔案放在 media/，並連結 media/<檔名>"))
    return clean


def _private(rel: str, written: str) -> None:
    if rel == PRIVATE or rel.startswith(PRIVATE + "/"):
        raise Refused(
            Msg(f"'{written}' points into evidence/, which is never published",
                f"「{written}」指向 evidence/，該資料夾永不公開"),
            Msg("remove the link; to publish a file, put a copy without personal data under "
                "media/", "請移除連結；若要公開，請把不含個資的版本放在 media/"))


def _regular(real: Path, written: str) -> os.stat_result:
    try:
        info = real.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise Missing(Msg(f"{written} does not exist", f"{written} 不存在"),
                      Msg("add the file or correct the name", "請新增檔案或更正檔名")) from None
    except OSError as exc:
        raise Refused(Msg(f"{written} cannot be read: {exc.strerror}",
                          f"無法讀取 {written}：{exc.strerror}"),
                      Msg("check the file's permissions", "請檢查檔案權限")) from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused(
            Msg(f"{written} is not a regular file (a folder, FIFO or device)",
                f"{written} 不是一般檔案（資料夾、具名管道或裝置）"),
            Msg("replace it with an ordinary file", "請改成一般檔案"))
    return info


def _inside(real: Path, folder: Path, written: str, what: Msg) -> None:
    if not real.is_relative_to(folder):
        raise Refused(
            Msg(f"{written} leaves {what.en} through a symbolic link (to {real})",
                f"{written} 經由符號連結離開{what.zh}（指向 {real}）"),
            Msg("copy the file itself into the folder instead of linking to it",
                "請把檔案本身複製進資料夾，不要用符號連結"))


#: The files let through during one pass over an alliance (:func:`remembered`).
_passed: ContextVar[dict[tuple[Path, str, str], PublicFile] | None] = ContextVar(
    "public_files_passed", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    """One pass over an alliance (a site generated): a path let through once is not
    resolved again. A photo is checked three or four times (its link, size, WebP twin):
    732 checks of 112 files on the example, 0.07 s of a 0.33 s preview update. What is
    refused is checked every time; a file is opened for copying without following
    links and checked again then (:func:`open_regular`)."""
    token = _passed.set({})
    try:
        yield
    finally:
        _passed.reset(token)


def public_file(root: Path, written: str, base: str = "") -> PublicFile:
    """The one gate to publication: ``written`` must be a regular file under ``media/``."""
    passed = _passed.get()
    if passed is not None and (root, written, base) in passed:
        return passed[root, written, base]
    found = _public_file(root, written, base)
    if passed is not None:
        passed[root, written, base] = found
    return found


def _public_file(root: Path, written: str, base: str) -> PublicFile:
    rel = normalise(written, base)
    _private(rel, written)
    if not rel.startswith(PUBLIC + "/"):
        raise Refused(Msg(f"'{written}' is not under media/", f"「{written}」不在 media/ 內"),
                      Msg("only files under media/ are published: move it there",
                          "只有 media/ 內的檔案會公開，請移到該處"))
    suffix = posixpath.splitext(rel)[1].lower()
    if suffix not in MEDIA_SUFFIXES:
        raise Refused(
            Msg(f"{written}: a '{suffix or 'no suffix'}' file is not published (it could run "
                "in the reader's browser or is not a known document type)",
                f"{written}：「{suffix or '無副檔名'}」類型的檔案不會公開（可能在讀者的瀏覽器執行，"
                "或不是已知的文件格式）"),
            Msg("publish images as PNG/JPEG/WebP and documents as PDF",
                "圖片請用 PNG/JPEG/WebP，文件請用 PDF"))
    top = root.resolve()
    real = (top / rel).resolve()
    _inside(real, top / PUBLIC, written, Msg("media/", "media/"))
    _regular(real, written)
    return PublicFile(rel, real)


def open_regular(real: Path, shown: str) -> BinaryIO:
    """Open a path the boundary accepted, refusing it if it changed into anything else since.

    ``O_NOFOLLOW`` (a symlink put in its place), ``O_NONBLOCK`` (a FIFO cannot hang the
    open) and ``fstat`` on the open file (what is read is what was checked).
    """
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise Refused(Msg(f"{shown} cannot be read: {exc.strerror}",
                          f"無法讀取 {shown}：{exc.strerror}"),
                      Msg("replace it with an ordinary file you can read",
                          "請改成可讀取的一般檔案")) from None
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise Refused(Msg(f"{shown} is not a regular file", f"{shown} 不是一般檔案"),
                      Msg("replace it with an ordinary file", "請改成一般檔案"))
    return handle


def read_text(root: Path, path: Path) -> str:
    """A file the tools read (YAML, Markdown): regular, inside the folder, bounded, UTF-8.

    Opened with ``O_NONBLOCK`` and checked with ``fstat`` *after* opening, so a FIFO or a
    device put in place between the check and the read still cannot hang the command.
    """
    shown = path.name if path.parent == root else f"{path.parent.name}/{path.name}"
    top = root.resolve()
    real = path.resolve()
    _inside(real, top, shown, Msg("the alliance folder", "聯盟資料夾"))
    _private(real.relative_to(top).as_posix(), shown)
    _regular(real, shown)
    with open_regular(real, shown) as handle:
        data = handle.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise Refused(
            Msg(f"{shown} is larger than {MAX_TEXT_BYTES // 1024 // 1024} MB",
                f"{shown} 超過 {MAX_TEXT_BYTES // 1024 // 1024} MB"),
            Msg("split it, or move large content (images, tables) to media/",
                "請拆成較小的檔案，或把大型內容（圖片、表格）移到 media/"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise Refused(Msg(f"{shown} is not UTF-8 text (line {line})",
                          f"{shown} 不是 UTF-8 編碼的文字（第 {line} 行）"),
                      Msg("save it as UTF-8 in your editor",
                          "請在編輯器中以 UTF-8 編碼另存")) from None


# -- links in Markdown and HTML ------------------------------------------------------------

# The places a Markdown or HTML source names a URL: inline links and images, reference
# definitions, and URL-valued HTML attributes (quoted or not). Only ``t`` is ever replaced.
_TARGET = re.compile(
    r"""(?:\]\(\s*<?(?P<t1>[^)\s>]+)"""
    r"""|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<t2>[^\s>]+)"""
    r"""|\b(?:href|src|srcset|poster|data|action|formaction|background|cite|xlink:href)"""
    r"""\s*=\s*(?:"(?P<t3>[^"]*)"|'(?P<t4>[^']*)'|(?P<t5>[^\s>"']+)))""",
    re.M | re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Link:
    line: int  # 1-based, within the text scanned
    target: str


def links(text: str) -> Iterator[Link]:
    """Every URL a Markdown/HTML text names, with its line."""
    for match in _TARGET.finditer(text):
        group = next(g for g in ("t1", "t2", "t3", "t4", "t5") if match.group(g) is not None)
        yield Link(text.count("\n", 0, match.start(group)) + 1, match.group(group))


def is_file_link(target: str) -> bool:
    """A relative URL (not ``https:``, ``mailto:``, ``#top`` or ``/…``): a path to check."""
    path = urlsplit(target.strip()).path if not _SCHEME.match(target.strip()) else ""
    return bool(path) and not target.strip().startswith(("#", "//"))


def link_path(target: str) -> str:
    """The path part of a relative URL (without ``?query`` and ``#fragment``)."""
    return urlsplit(target.strip()).path


def classify(root: Path, target: str, base: str) -> PublicFile | None:
    """What a relative link in a text means: a media file to publish, or None (a page link).

    Raises :class:`Refused` for links into ``evidence/``, outside the alliance folder, or to
    a ``media/`` path that :func:`public_file` refuses. Links to other relative URLs (a free
    page, a site page) are left to MkDocs, which checks them: nothing but ``media/`` is ever
    copied, so they cannot publish a file.
    """
    path = link_path(target)
    rel = normalise(path, base, url=True)
    _private(rel, target)
    if rel == PUBLIC or rel.startswith(PUBLIC + "/"):
        return public_file(root, rel)
    return None


def is_private(target: str, base: str) -> bool:
    """Whether a link points into ``evidence/`` (removed from pages, with a warning)."""
    try:
        rel = normalise(link_path(target), base, url=True)
    except Refused:
        return False
    return rel == PRIVATE or rel.startswith(PRIVATE + "/")


def rewrite(text: str, fix: Callable[[str], str | None]) -> str:
    """Replace every link target by ``fix(target)`` (None: left as it is)."""
    def one(match: re.Match[str]) -> str:
        group = next(g for g in ("t1", "t2", "t3", "t4", "t5") if match.group(g) is not None)
        new = fix(match.group(group))
        if new is None:
            return match.group(0)
        start, end = match.span(group)
        whole = match.start(0)
        return match.group(0)[:start - whole] + new + match.group(0)[end - whole:]

    return _TARGET.sub(one, text)
