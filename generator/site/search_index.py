"""One search across every alliance: a Pagefind index of the built public pages.

Pagefind's extended binary (PyPI ``pagefind[extended]``) segments Chinese, so 刀具磨耗 is
found as 刀具 + 磨耗; it is driven here through its Python API. Every page is read from the
built site (only public data ever reaches it) and indexed in a reduced form: the page's main
content, its alliance and its page type as metadata, and the anchor of each capability or
section moved onto its heading so that a result opens the exact spot (``#cap-4``).

Which pages are searchable is decided in :func:`kind_of`, default-deny: a page type it does
not name (list pages, archives, 404, redirects) is not indexed.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import hashlib
import html
import importlib.util
import json
import re
import shutil
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from lxml.etree import ParserError
from pagefind.index import IndexConfig, PagefindIndex

from ..atomic import write_atomic
from .labels import FOLDER, HTML_LANG, SiteLang, label
from .portal_words import PAGE, word

OUTPUT = "_portal/pagefind"  # under site/; alliance ids cannot start with "_"
SECTIONS = ("about", "capabilities", "services", "members", "join", "activities", "outcomes",
            "reports", "contact")
_POST = re.compile(r"^news/\d{4}/\d\d/\d\d/[^/]+/index\.html$")
_FREE_PAGE = re.compile(r"^pages/[^/]+/index\.html$")
_REPORT = re.compile(r"^reports/[^/]+\.html$")
_HEADINGS = ("h1", "h2", "h3", "h4")


class SearchIndexError(Exception):
    """Pagefind could not index the site (the message says what it reported)."""


@dataclass(frozen=True)
class Record:
    path: str  # the page's file under site/; Pagefind makes the result URL from it
    html: str  # the reduced page Pagefind indexes


def kind_of(relative: str) -> str | None:
    """The page type (a label key) of a page of one language build, or None: not indexed."""
    if relative == "index.html":
        return "home"
    first = relative.split("/", 1)[0]
    if first in SECTIONS and relative == f"{first}/index.html":
        return first
    if _REPORT.match(relative):
        return "reports"
    if _POST.match(relative):
        return "news"
    if _FREE_PAGE.match(relative):
        return "more_pages"
    return None


def _content(page: str, selector: str) -> str | None:
    """The main content of a built page as HTML, or None if it has none."""
    try:
        tree = lxml.html.fromstring(page)
    except (ParserError, ValueError):
        return None
    found = tree.xpath(selector)
    if not found:
        return None
    main = found[0]
    for junk in main.xpath(".//script|.//style|.//form|.//nav"
                           "|.//a[contains(concat(' ', @class, ' '), ' headerlink ')]"):
        junk.drop_tree()
    for holder in main.xpath(".//*[@id]"):
        if holder.tag in _HEADINGS:
            continue
        heading = next((h for h in holder.iter(*_HEADINGS) if h.get("id") is None), None)
        if heading is not None:  # <article id="cap-4"><h2>…: the anchor goes on the heading
            heading.set("id", holder.attrib.pop("id"))
    for heading in main.iter(*_HEADINGS):
        for part in heading:  # <span>1</span><span>計畫亮點</span><span>Highlights</span>
            if not (part.tail or "")[:1].isspace():
                part.tail = " " + (part.tail or "")
    return lxml.html.tostring(main, encoding="unicode")


def _record(path: str, lang: SiteLang, content: str, alliance: str, kind: str) -> Record:
    page = (
        f'<!doctype html><html lang="{HTML_LANG[lang]}"><head><meta charset="utf-8">'
        f"</head><body><div data-pagefind-body>"
        f'<p data-pagefind-ignore data-pagefind-meta="alliance">{html.escape(alliance)}</p>'
        f'<p data-pagefind-ignore data-pagefind-meta="kind">{html.escape(kind)}</p>'
        f"{content}</div></body></html>"
    )
    return Record(path, page)


@dataclass(frozen=True)
class Source:
    """A built page to index, before it is read."""

    path: Path
    relative: str  # under site/, e.g. smart-sensing/zh-TW/capabilities/index.html
    lang: SiteLang
    selector: str  # where its main content is
    alliance: str
    kind: str


def sources(out: Path, cards: list[dict[str, Any]]) -> Iterator[Source]:
    """Every searchable page of every alliance, then the portal pages, in a stable order."""
    for card in sorted(cards, key=lambda c: c["id"]):
        for lang, folder in FOLDER.items():
            root = out / card["id"] / folder
            alliance = (card["name"].get("en") if lang == "en" else None) or card["name"]["zh"]
            for path in sorted(root.rglob("*.html")):
                relative = path.relative_to(root).as_posix()
                kind = kind_of(relative)
                if kind is None or path.is_symlink() or not path.is_file():
                    continue
                selector = ("//body" if kind == "reports" and not relative.endswith("index.html")
                            else "//article[contains(@class, 'md-content__inner')]")
                yield Source(path, f"{card['id']}/{folder}/{relative}", lang, selector,
                             alliance, label(kind, lang))
    for lang, name in PAGE.items():
        if (out / name).is_file():
            yield Source(out / name, name, lang, "//main", word("portal_alliance", lang),
                         word("portal_kind", lang))


def records(found: list[Source], memo: Path | None = None) -> Iterator[Record]:
    """The reduced page of each source (a page without main content is left out).

    ``memo`` (JSON, beside the index's stamp) keeps each page's reduced form under its
    labels, its size and modification time, and the digest of its bytes: a build that
    changed one alliance reads only that alliance's pages again, and of those reduces only
    the pages whose bytes changed (MkDocs rewrites every page of a language; a one-line
    edit changes one of the example's 51). Reducing is lxml parsing (0.17 s for the 72
    pages of one alliance, measured), so without it the portal's share of a one-alliance
    rebuild grew with the number of alliances.
    """
    known = _read_memo(memo) if memo is not None else {}
    kept: dict[str, list[Any]] = {}
    for source in found:
        stat = source.path.stat()
        labels = [source.lang, source.selector, source.alliance, source.kind]
        key = [stat.st_size, stat.st_mtime_ns, *labels]
        hit = known.get(source.relative)
        if not (isinstance(hit, list) and len(hit) == 3 and isinstance(hit[1], str | None)
                and isinstance(hit[0], list) and hit[0][2:] == labels):
            hit = None
        if hit is not None and hit[0] == key:
            page, digest = hit[1], hit[2]
        else:
            raw = source.path.read_bytes()
            digest = hashlib.sha256(raw).hexdigest()
            if hit is not None and hit[2] == digest:
                page = hit[1]
            else:
                content = _content(raw.decode("utf-8"), source.selector)
                page = (None if content is None else _record(
                    source.relative, source.lang, content, source.alliance, source.kind).html)
        kept[source.relative] = [key, page, digest]
        if page is not None:
            yield Record(source.relative, page)
    if memo is not None and kept != known:
        write_atomic(memo, json.dumps(kept, ensure_ascii=False))


def _read_memo(memo: Path) -> dict[str, list[Any]]:
    try:
        data = json.loads(memo.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def fingerprint(pages: list[Record]) -> str:
    """What Pagefind would index: a rebuilt alliance whose text did not change (a comment,
    a logo) costs no new index."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for page in pages:
        digest.update(f"{page.path}\0{page.html}\0".encode())
    return digest.hexdigest()


class _Discard(Exception):
    """Closes a Pagefind index without writing it (its context's rule for an exception)."""


#: What the early service indexes to load its Chinese dictionary (about 0.3 s, measured).
#: It has no ``data-pagefind-body`` while every real record has one, so Pagefind leaves it
#: out of the index (its documented rule), and the index equals one made without it.
_WARM_PAGE = ('<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"></head><body>'
              "<p>產學合作聯盟會員廠商</p></body></html>")


class _Early:
    """A Pagefind service started while the alliances build, in a thread of its own.

    The service is a separate process, so it starts (0.1 s) and loads its dictionaries on
    the other core while the build runs; at the end only the pages are added and the index
    written (0.36 s instead of 0.94 s on the example, measured). The thread only waits on
    the service's pipes.
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="pagefind",
                                       daemon=True)
        self.thread.start()
        self.index: Future[PagefindIndex] = asyncio.run_coroutine_threadsafe(
            self._open(), self.loop)

    @staticmethod
    async def _open() -> PagefindIndex:
        index = await PagefindIndex(config=IndexConfig()).__aenter__()
        await index.add_html_file(content=_WARM_PAGE, url="/_warm/")
        return index

    def run(self, job: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(job, self.loop).result()

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a service that never started has nothing open
            index = self.index.result()
            self.run(index.__aexit__(_Discard, _Discard(), None))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        if not self.thread.is_alive():
            self.loop.close()


_early: _Early | None = None


def start_early() -> None:
    """Start this process's Pagefind service now; :func:`write` uses it, :func:`stop_early`
    ends it if it was not used (a build with nothing to index)."""
    global _early
    if _early is None and importlib.util.find_spec("pagefind_bin_extended") is not None:
        _early = _Early()


def stop_early() -> None:
    global _early
    early, _early = _early, None
    if early is not None:
        early.close()


def _scratch(pages: list[Record], folder: Path) -> None:
    for page in pages:
        target = folder / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.html, encoding="utf-8")


def _check_count(found: dict[str, Any], pages: list[Record]) -> None:
    if found.get("page_count") != len(pages):
        raise SearchIndexError(f"Pagefind indexed {found.get('page_count')} of "
                               f"{len(pages)} pages")


async def _index(pages: list[Record], dest: Path) -> None:
    """Index the reduced pages in one request.

    They are written to a scratch folder mirroring the site and indexed as a directory:
    the Python API answers one request at a time, about ten a second, so adding pages one
    by one would take minutes for a few thousand pages.
    """
    with tempfile.TemporaryDirectory(prefix="pagefind-") as scratch:
        _scratch(pages, Path(scratch))
        index = await PagefindIndex(config=IndexConfig()).__aenter__()
        try:
            _check_count(await index.add_directory(scratch), pages)
            await index.write_files(str(dest))
            await_written(dest)
        finally:  # closed without writing again
            await index.__aexit__(_Discard, _Discard(), None)


def _index_early(early: _Early, pages: list[Record], dest: Path) -> None:
    """As :func:`_index`, with the service started early (then closed)."""
    try:
        index = early.index.result()
        with tempfile.TemporaryDirectory(prefix="pagefind-") as scratch:
            _scratch(pages, Path(scratch))
            _check_count(early.run(index.add_directory(scratch)), pages)
        early.run(index.write_files(str(dest)))
        await_written(dest)
    finally:
        early.close()


def await_written(folder: Path, timeout: float = 10.0) -> None:
    """Wait until every file Pagefind wrote into ``folder`` is whole.

    Pagefind (1.5) answers ``write_files`` once each file's last write is *queued*: its
    files are Tokio files dropped without a flush, so the write lands later, on a thread of
    its own, and closing the service kills the process with whatever is still queued. Seen
    here once, in a bench build: it failed on an empty ``pagefind-entry.json`` (an empty
    fragment would have gone unnoticed, a search result that never loads). Each
    file is written in one piece, so it is empty until it is whole; a compressed one must
    also decompress, and the entry must parse.
    """
    deadline = time.monotonic() + timeout
    pending = [path for path in folder.rglob("*") if path.is_file()]
    while pending := [path for path in pending if not _whole(path)]:
        if time.monotonic() > deadline:
            raise SearchIndexError(
                f"Pagefind left {len(pending)} file(s) unfinished after {timeout:.0f} s, "
                f"e.g. {pending[0].relative_to(folder).as_posix()}")
        time.sleep(0.01)


def _whole(path: Path) -> bool:
    data = path.read_bytes()
    if not data:
        return False
    if data[:2] == b"\x1f\x8b":  # gzip: a cut stream does not decompress
        try:
            gzip.decompress(data)
        except (EOFError, OSError, zlib.error):
            return False
    elif path.suffix == ".json":
        try:
            json.loads(data)
        except ValueError:
            return False
    return True


def _normalise_entry(folder: Path) -> None:
    """Check Pagefind's output and sort its entry file's keys.

    Pagefind lists the languages in hash-map order; sorted, equal sites give equal files.
    """
    entry = folder / "pagefind-entry.json"
    if not (folder / "pagefind.js").is_file() or not entry.is_file():
        raise SearchIndexError(f"Pagefind wrote no pagefind.js or pagefind-entry.json "
                               f"into {folder}")
    text = entry.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError:
        raise SearchIndexError(f"Pagefind's {entry.name} is not JSON ({len(text)} characters)"
                               ) from None
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False,
                                separators=(",", ":")), encoding="utf-8")


def write(out: Path, cards: list[dict[str, Any]], stamp: Path) -> int:
    """(Re)write ``out/_portal/pagefind/`` when the searchable pages changed; pages indexed.

    ``stamp`` keeps the fingerprint of the pages last indexed, outside the published site.
    The new index is written beside the old one and renamed over it.
    """
    # Not *.json: the state folder's *.json are the alliances' states.
    pages = list(records(list(sources(out, cards)), stamp.with_suffix(".pages")))
    digest = fingerprint(pages)
    dest = out / OUTPUT
    if dest.is_dir() and stamp.is_file() and stamp.read_text(encoding="utf-8") == digest:
        return len(pages)
    if importlib.util.find_spec("pagefind_bin_extended") is None:  # Chinese needs it
        raise SearchIndexError("the extended Pagefind binary (PyPI pagefind-bin-extended) is "
                               "not installed — run 'make site', which installs the pinned "
                               "dependencies")
    fresh = dest.with_name(".pagefind-new")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        global _early
        early, _early = _early, None
        if early is not None:
            _index_early(early, pages, fresh)
        else:  # its own thread and event loop: the caller may run one already (Playwright)
            with ThreadPoolExecutor(max_workers=1) as thread:
                thread.submit(asyncio.run, _index(pages, fresh)).result()
        _normalise_entry(fresh)
    except SearchIndexError:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    except Exception as exc:  # the Pagefind process's failures reach us as any exception
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchIndexError(f"{type(exc).__name__}: {exc}") from exc
    old = dest.with_name(".pagefind-old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        dest.rename(old)
    fresh.rename(dest)
    shutil.rmtree(old, ignore_errors=True)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest, encoding="utf-8")
    return len(pages)
