"""Reads one alliance folder into the typed model, collecting every schema error at once.

An assistant fixing a file wants the whole list, not the first error: list files are
validated record by record, so one bad member does not hide the next one's problem.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import userfiles
from .diagnostics import Finding, Where, error, warning
from .i18n import Msg
from .model import Alliance
from .model.activities import Activity
from .model.alliance import AllianceInfo
from .model.members import Member
from .model.news import NewsFrontMatter, NewsPost
from .model.outcomes import Outcomes
from .model.pages import FreePage, PageText
from .model.types import LocalText, Record
from .schema_errors import schema_findings
from .yamlmarks import Loc, SourceFile, YamlError, parse_text, read_file

M = TypeVar("M", bound=BaseModel)

NEWS_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9-]*)(\.en)?\.md$")


@dataclass
class LoadResult:
    alliance: Alliance | None
    findings: list[Finding]


def resolve_alliance_dir(id_or_dir: str, alliances_root: Path) -> Path:
    """An ``ID_OR_DIR`` of the command line: a path if it is one, else an id under alliances/."""
    path = Path(id_or_dir)
    if path.is_dir() or "/" in id_or_dir or id_or_dir.startswith("."):
        return path
    return alliances_root / id_or_dir


def load_alliance(folder: Path, texts: Mapping[str, str] | None = None) -> LoadResult:
    """Load ``folder``; ``alliance`` is None when the data cannot be used at all.

    ``texts`` stands in for some of its YAML files (name → text), so that a change can be
    judged before it is written (``alliance import``), with the folder's real files around it.
    """
    findings: list[Finding] = []
    if not (folder / "alliance.yml").is_file():
        findings.append(error(
            Where(folder / "alliance.yml"),
            Msg("there is no alliance.yml in this folder", "這個資料夾沒有 alliance.yml"),
            Msg("run 'alliance new ID' to start one, or give the path of an alliance folder",
                "請執行「alliance new ID」建立，或指定聯盟資料夾的路徑"),
        ))
        return LoadResult(None, findings)

    sources: dict[str, SourceFile] = {}

    def read(name: str, empty: Any) -> SourceFile | None:
        """The file's data; None when it is not YAML (its schema is then not checked)."""
        path = folder / name
        if texts is not None and name in texts:
            try:
                source = parse_text(texts[name], path)
            except YamlError as exc:
                findings.append(exc.finding)
                return None
            if source.data is None:
                source.data = empty
        elif not os.path.lexists(path):
            source = SourceFile(path, empty)
        else:
            try:
                source = read_file(path, folder)
            except YamlError as exc:
                findings.append(exc.finding)
                return None
            if source.data is None:
                source.data = empty
        sources[name] = source
        return source

    info = _validate_one(read("alliance.yml", {}), AllianceInfo, findings)
    members = _validate_list(read("members.yml", []), Member, findings)
    activities = _validate_list(read("activities.yml", []), Activity, findings)
    outcomes = _validate_one(read("outcomes.yml", {}), Outcomes, findings)
    news = _load_news(folder / "news", findings)
    pages = _load_pages(folder, findings)
    for source in sources.values():
        findings.extend(_yaml_paths(folder, source))

    if info is not None and info.id != folder.name:
        source = sources["alliance.yml"]
        findings.append(error(
            source.where(("id",)),
            Msg(f"the id '{info.id}' differs from the folder name '{folder.name}'",
                f"id「{info.id}」與資料夾名稱「{folder.name}」不同"),
            Msg("make them the same: the site's address is built from the id",
                "請讓兩者一致：網站網址由 id 產生"),
        ))
    if info is None or members is None or activities is None or outcomes is None:
        return LoadResult(None, findings)
    alliance = Alliance(folder, info, members, activities, outcomes, news, sources, pages)
    return LoadResult(alliance, findings)


def _validate_one(source: SourceFile | None, model: type[M], findings: list[Finding]
                  ) -> M | None:
    if source is None:
        return None
    if not isinstance(source.data, dict):
        findings.append(_shape_error(source, "mapping"))
        return None
    try:
        value = model.model_validate(source.data)
    except ValidationError as exc:
        findings.extend(schema_findings(exc, source, model))
        return None
    _place_records(value, source, (), ())
    return value


def _validate_list(source: SourceFile | None, model: type[M], findings: list[Finding]
                   ) -> list[M] | None:
    if source is None:
        return None
    if not isinstance(source.data, list):
        findings.append(_shape_error(source, "list"))
        return None
    records: list[M] = []
    ok = True
    for index, item in enumerate(source.data):
        try:
            record = model.model_validate(item)
        except ValidationError as exc:
            findings.extend(schema_findings(exc, source, model, (index,)))
            ok = False
            continue
        _place_records(record, source, (index,), ())
        records.append(record)
    return records if ok else None


def _place_records(value: Any, source: SourceFile, loc: Loc, shown: Loc) -> None:
    """Give every record its file and line, so that rules can point at it later.

    ``shown`` is the path as messages print it: relative to the record in the list files
    (``contracts[0].end``, as the spec's example reads), from the top elsewhere.
    """
    if isinstance(value, Record):
        value.place(source, loc, shown)
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _place_records(getattr(value, name), source, (*loc, name), (*shown, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _place_records(item, source, (*loc, index), (*shown, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            _place_records(item, source, (*loc, key), (*shown, key))


def _shape_error(source: SourceFile, shape: str) -> Finding:
    if shape == "list":
        msg = Msg(f"{source.path.name} must be a list of records",
                  f"{source.path.name} 必須是一筆筆紀錄的清單")
        fix = Msg("start each record with '- id: …'", "每筆紀錄以「- id: …」開頭")
    else:
        msg = Msg(f"{source.path.name} must be a mapping of keys",
                  f"{source.path.name} 必須是「欄位: 值」的對應")
        fix = Msg("write 'key: value' lines at the top level", "請在最上層寫「欄位: 值」")
    return error(Where(source.path, source.line_of(())), msg, fix)


def _not_a_folder(path: Path) -> Finding:
    return error(Where(path), Msg(f"{path.name} must be a folder", f"{path.name} 必須是資料夾"),
                 Msg(f"remove the file and create the folder {path.name}/",
                     f"請刪除此檔案並建立資料夾 {path.name}/"))


def _load_news(folder: Path, findings: list[Finding]) -> list[NewsPost]:
    if not folder.is_dir():
        if os.path.lexists(folder):
            findings.append(_not_a_folder(folder))
        return []
    posts: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.md")):
        match = NEWS_NAME.match(path.name)
        if not match:
            findings.append(error(
                Where(path),
                Msg("a news file name must be YYYY-MM-DD-<slug>.md",
                    "消息檔名必須是 YYYY-MM-DD-<slug>.md"),
                Msg("rename it, e.g. 2025-05-03-open-house.md (lowercase ASCII slug)",
                    "請改名，例如 2025-05-03-open-house.md（英文小寫代稱）"),
            ))
            continue
        parsed = _read_post(path, folder.parent, findings)
        if parsed is None:
            continue
        front, body, source = parsed
        if str(front.date) != match.group(1):
            findings.append(error(
                source.where(("date",)),
                Msg(f"the date {front.date} differs from the file name's {match.group(1)}",
                    f"日期 {front.date} 與檔名的 {match.group(1)} 不同"),
                Msg("make them the same", "請讓兩者一致"),
            ))
        key = path.name.removesuffix(".en.md").removesuffix(".md")
        posts.setdefault(key, {})["en" if match.group(3) else "zh"] = (front, body, match)
    result: list[NewsPost] = []
    for key, versions in sorted(posts.items()):
        if "zh" not in versions:
            findings.append(error(
                Where(folder / f"{key}.en.md"),
                Msg("an English post needs its Chinese original beside it",
                    "英文消息必須有對應的中文原文"),
                Msg(f"add news/{key}.md", f"請新增 news/{key}.md"),
            ))
            continue
        front, body, match = versions["zh"]
        en = versions.get("en")
        title = front.title
        summary_en = None
        if en is not None:
            title = LocalText(zh=title.zh, en=en[0].title.get("en") if en[0].title.en
                              else en[0].title.zh)
            if en[0].summary is not None:  # a plain text in the English twin is English
                summary_en = en[0].summary.en or en[0].summary.zh or None
        result.append(NewsPost(
            path=folder / f"{key}.md",
            slug=front.slug or match.group(2),
            date=front.date,
            title=title,
            categories=tuple(front.categories),
            summary=front.summary,
            image=front.image,
            body_zh=body,
            body_en=en[1] if en is not None else None,
            event=front.event,
            summary_en=summary_en,
        ))
    return result


def _read_post(path: Path, root: Path, findings: list[Finding]
               ) -> tuple[NewsFrontMatter, str, SourceFile] | None:
    text = _read_markdown(root, path, findings)
    if text is None:
        return None
    match = re.match(r"^---\s*\n(.*?)\n---\s*(?:\n|$)(.*)$", text, re.S)
    if not match:
        findings.append(error(
            Where(path, 1),
            Msg("the post has no front matter", "消息缺少開頭的 front matter"),
            Msg("start the file with ---, title: …, date: YYYY-MM-DD, ---",
                "檔案開頭請寫 ---、title: …、date: YYYY-MM-DD、---"),
        ))
        return None
    try:
        source = _offset_source(match.group(1), path)
    except YamlError as exc:
        findings.append(exc.finding)
        return None
    findings.extend(_yaml_paths(root, source))  # image.src: through the file boundary too
    front = _validate_one(source, NewsFrontMatter, findings)
    if front is None:
        return None
    return front, match.group(2).strip() + "\n", source


def _offset_source(front: str, path: Path) -> SourceFile:
    """Front matter starts on line 2 of the file: shift the marks to match."""
    try:
        source = parse_text(front, path)
    except YamlError as exc:
        where = exc.finding.where
        if where.line is not None:
            exc.finding = replace(exc.finding, where=replace(where, line=where.line + 1))
        raise
    source.lines = {loc: line + 1 for loc, line in source.lines.items()}
    return source


def discover(alliances_root: Path) -> list[Path]:
    """Alliance folders under ``alliances/``: those holding an alliance.yml."""
    if not alliances_root.is_dir():
        return []
    return sorted(p for p in alliances_root.iterdir() if (p / "alliance.yml").is_file())


# -- pages/ and the paths written in texts --------------------------------------------------

_FRONT = re.compile(r"^---[ \t]*\n(.*?)\n---[ \t]*(?:\n|$)(.*)$", re.S)


def _load_pages(root: Path, findings: list[Finding]) -> list[FreePage]:
    """``pages/*.md`` (English in ``*.en.md``), through the file boundary, front matter checked."""
    folder = root / "pages"
    if not folder.is_dir():
        if os.path.lexists(folder):
            findings.append(_not_a_folder(folder))
        return []
    pages = []
    for path in sorted(folder.glob("*.md")):
        if path.name.endswith(".en.md"):
            if not path.with_name(path.name.removesuffix(".en.md") + ".md").exists():
                findings.append(error(
                    Where(path),
                    Msg("an English page needs its Chinese original beside it",
                        "英文頁面必須有對應的中文原文"),
                    Msg(f"add pages/{path.name.removesuffix('.en.md')}.md",
                        f"請新增 pages/{path.name.removesuffix('.en.md')}.md")))
            continue
        zh = _read_page(root, path, findings)
        twin = path.with_name(path.stem + ".en.md")
        en = _read_page(root, twin, findings) if os.path.lexists(twin) else None
        if zh is not None:
            pages.append(FreePage(path.stem, zh, en))
    return pages


def _read_markdown(root: Path, path: Path, findings: list[Finding]) -> str | None:
    """A post or page through the file boundary, its links judged; None when refused."""
    try:
        text = userfiles.read_text(root, path)
    except userfiles.Refused as exc:
        findings.append(error(Where(path), exc.reason, exc.fix))
        return None
    findings.extend(_link_findings(root, path, text))
    return text


def _read_page(root: Path, path: Path, findings: list[Finding]) -> PageText | None:
    text = _read_markdown(root, path, findings)
    if text is None:
        return None
    match = _FRONT.match(text)
    if not match:
        return PageText(path, None, None, None, text)
    try:
        source = _offset_source(match.group(1), path)
    except YamlError as exc:
        findings.append(exc.finding)
        return None
    meta = source.data if source.data is not None else {}
    if not isinstance(meta, dict):
        findings.append(error(
            Where(path, 2), Msg("the front matter must be 'key: value' lines",
                                "front matter 必須是「欄位: 值」的格式"),
            Msg("write e.g. title: 交通資訊 between the two --- lines",
                "請在兩行 --- 之間寫，例如 title: 交通資訊")))
        return None
    texts: dict[str, str | None] = {}
    for key in ("title", "description"):
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int, float)):
            findings.append(error(source.where((key,)),
                                  Msg(f"'{key}' must be text", f"「{key}」必須是文字"),
                                  Msg(f"write {key}: followed by one line of text",
                                      f"請寫 {key}: 與一行文字")))
            return None
        texts[key] = str(value) if value is not None else None
    updated = meta.get("updated", meta.get("date"))
    if updated is not None and not isinstance(updated, date):
        key = "updated" if "updated" in meta else "date"
        findings.append(error(source.where((key,)),
                              Msg(f"'{key}' is not a date: {updated}",
                                  f"「{key}」不是日期：{updated}"),
                              Msg("write it as YYYY-MM-DD", "請寫成 YYYY-MM-DD")))
        return None
    return PageText(path, texts["title"], texts["description"], updated, match.group(2))


def _link_findings(root: Path, path: Path, text: str, line0: int = 0) -> Iterator[Finding]:
    """Every relative link of a Markdown/HTML text, resolved through the file boundary."""
    base = path.parent.relative_to(root).as_posix() if path.parent != root else ""
    for link in userfiles.links(text):
        if not userfiles.is_file_link(link.target):
            continue
        yield from _judge(root, link.target, base, Where(path, line0 + link.line))


def _judge(root: Path, target: str, base: str, where: Where) -> Iterator[Finding]:
    try:
        userfiles.classify(root, target, base)
    except userfiles.Refused as exc:
        if userfiles.is_private(target, base):  # never published: removed, and said so
            removed = Msg(" (the link is removed from the page)", "（連結會從頁面移除）")
            yield warning(where, exc.reason + removed, exc.fix)
        else:
            yield error(where, exc.reason, exc.fix)


_WHOLE_MEDIA = re.compile(r"^media/\S+$")


def _yaml_paths(root: Path, source: SourceFile) -> Iterator[Finding]:
    """Media paths and the links inside long texts of one YAML file, at their lines."""
    def walk(value: Any, loc: Loc) -> Iterator[Finding]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, (*loc, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*loc, index))
        elif isinstance(value, str):
            where = source.where(loc)
            if _WHOLE_MEDIA.match(value):
                try:
                    userfiles.public_file(root, value)
                except userfiles.Missing:
                    pass  # a named file that is not there: rule R6 says so, with its fix
                except userfiles.Refused as exc:
                    yield error(where, exc.reason, exc.fix)
            elif "](" in value or "=" in value or "]:" in value:
                for link in userfiles.links(value):
                    if userfiles.is_file_link(link.target):
                        yield from _judge(root, link.target, "", where)

    yield from walk(source.data, ())
