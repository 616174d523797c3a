"""``alliance import ID WHAT FILE``: rows of a workbook or CSV merged into the YAML by id.

Dry run by default: the diff is shown and nothing is written until ``--yes``. Every problem
names its cell (``members.xlsx!C7``); with any error, nothing is written at all.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Any

import yaml

from ..atomic import write_atomic
from ..diagnostics import Finding, has_errors, render_grouped
from ..i18n import Lang, Msg
from ..sheets.columns import GROUPS, Table
from ..sheets.merge import Known, Tally, merge
from ..sheets.read import Problem, SheetError, read_grid, rows_of, sheet_for
from ..sheets.roundtrip import document_shape, dump, load
from .validate import findings_for

SUFFIXES = (".xlsx", ".csv")


class ImportUsage(Exception):
    """Wrong use of the command (exit 2), with the message in both languages."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.message = message


def parse_map(entries: list[str], tables: tuple[Table, ...]) -> dict[str, str]:
    """``--map 'HEADER=key'`` entries, each key checked against the tables' columns."""
    keys = list(dict.fromkeys(c.key for t in tables for c in t.columns))
    mapping: dict[str, str] = {}
    for entry in entries:
        header, sep, key = entry.partition("=")
        if not sep or not header.strip() or key.strip() not in keys:
            raise ImportUsage(Msg(
                f"--map takes 'HEADER=key' with one of the keys: {', '.join(keys)}; "
                f"not '{entry}'",
                f"--map 的格式為「表頭=key」，key 可用：{', '.join(keys)}；不是「{entry}」"))
        mapping[header.strip()] = key.strip()
    return mapping


def run(folder: Path, what: str, file: Path, maps: list[str], sheet: str | None, yes: bool,
        lang: Lang) -> int:
    tables = GROUPS[what]
    try:
        mapping = parse_map(maps, tables)
        if file.suffix.lower() not in SUFFIXES:
            raise ImportUsage(Msg(f"{file.name}: give an .xlsx workbook or a .csv file",
                                  f"{file.name}：請提供 .xlsx 活頁簿或 .csv 檔"))
        if not file.is_file():
            raise ImportUsage(Msg(f"no file {file}", f"找不到檔案 {file}"))
    except ImportUsage as exc:
        print(f"alliance: {exc.message(lang)}", file=sys.stderr)
        return 2
    try:
        problems, tallies, changes = _import(folder, tables, file, mapping, sheet)
    except SheetError as exc:
        _print(exc.problems, lang)
        return 1
    _print(problems, lang)
    for table, tally in tallies:
        print(Msg(f"{table.sheet} ({table.name}): {tally.added} new, {tally.changed} changed, "
                  f"{tally.unchanged} unchanged",
                  f"{table.sheet}（{table.name}）：新增 {tally.added}、修改 {tally.changed}、"
                  f"未變 {tally.unchanged} 筆")(lang))
    if any(not p.warning for p in problems):
        print(Msg("nothing was written: fix the cells above and run the import again",
                  "未寫入任何檔案：請修正上列儲存格後再匯入一次")(lang), file=sys.stderr)
        return 1
    if not changes:
        print(Msg("the YAML already says what the sheet says: nothing to change",
                  "YAML 與表格內容相同：無需變更")(lang))
        return 0
    for path, (old, new) in changes.items():
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True),
            fromfile=f"{path.name} (now)", tofile=f"{path.name} (after import)"))
    names = ", ".join(p.name for p in changes)
    introduced = findings_after(folder, {p: new for p, (_, new) in changes.items()})
    if introduced:
        print(Msg("after this import, 'alliance validate' would add:",
                  "匯入後，「alliance validate」會多出：")(lang), file=sys.stderr)
        print(render_grouped(introduced, lang, folder.parent.parent), file=sys.stderr)
    if has_errors(introduced):
        print(Msg("nothing was written: the data would not validate — fix the sheet (or the "
                  "YAML named above) and run the import again",
                  "未寫入任何檔案：匯入後的資料無法通過檢查 — "
                  "請修正表格（或上列 YAML）後再匯入")(lang), file=sys.stderr)
        return 1
    if not yes:
        print(Msg(f"dry run: nothing written — run again with --yes to write {names}",
                  f"預覽：尚未寫入 — 確認無誤請加上 --yes 再執行一次以寫入 {names}")(lang))
        return 0
    for path, (_, new) in changes.items():
        write_atomic(path, new)
    print(Msg(f"wrote {names} — next: alliance validate {folder.name}",
              f"已寫入 {names} — 下一步：alliance validate {folder.name}")(lang))
    return 0


def findings_after(folder: Path, texts: dict[Path, str]) -> list[Finding]:
    """What validate would report after writing ``texts`` that it does not report now.

    The new texts are judged in place of the files they replace, with the folder's own media,
    evidence and news around them, and compared with the alliance as it is, by message rather
    than line, since lines move with the import.
    """
    def key(finding: Finding) -> tuple[object, ...]:
        return (finding.where.file.name, finding.severity, finding.message.en,
                finding.fix.en if finding.fix else None, finding.rule)

    _, now = findings_for(folder)
    _, after = findings_for(folder, texts={path.name: text for path, text in texts.items()})
    before = {key(f) for f in now}
    return [f for f in after if key(f) not in before]


def _import(folder: Path, tables: tuple[Table, ...], file: Path, mapping: dict[str, str],
            sheet: str | None) -> tuple[list[Problem], list[tuple[Table, Tally]],
                                        dict[Path, tuple[str, str]]]:
    grid = read_grid(file)
    several = len(grid) > 1  # then a cell is named with its sheet: book.xlsx!會員!C7
    if file.suffix.lower() == ".csv":  # one table: named by the file, or by --sheet
        grid = {sheet or file.stem: grid[""]}
    elif sheet is not None:
        if sheet not in grid:
            raise SheetError([Problem(file.name, Msg(
                f"there is no sheet '{sheet}' (sheets: {', '.join(grid)})",
                f"沒有名為「{sheet}」的工作表（現有：{'、'.join(grid)}）"))])
        grid = {sheet: grid[sheet]}
    names = list(grid)
    problems: list[Problem] = []
    found: list[tuple[Table, Any]] = []
    for table in tables:
        name = sheet_for(table, names, single=len(tables) == 1)
        if name is None:
            continue
        label = f"{file.name}!{name}" if several else file.name
        rows, more = rows_of(grid[name], table, label, mapping)
        problems.extend(more)
        found.append((table, rows))
    if not found:
        expected = " / ".join(f"{t.sheet} ({t.name})" for t in tables)
        raise SheetError([Problem(file.name, Msg(
            f"no sheet for {expected} in this file (sheets: {', '.join(names)})",
            f"檔案中找不到 {expected} 的工作表（現有：{'、'.join(names)}）"), Msg(
            "name the sheet so, or choose it with --sheet NAME",
            "請把工作表改成這個名稱，或用 --sheet 名稱 指定"))])
    tallies: list[tuple[Table, Tally]] = []
    changes: dict[Path, tuple[str, str]] = {}
    documents: dict[Path, tuple[str, Any]] = {}
    tiers = _known(folder / "alliance.yml", ("membership", "tiers"))
    members = _known(folder / "members.yml", ())
    for table, rows in found:
        path = folder / table.file
        if path not in documents:
            documents[path] = load(path, document_shape(table))
        tally = merge(documents[path][1], rows, tiers, members)
        problems.extend(tally.problems)
        tallies.append((table, tally))
    for path, (old, data) in documents.items():
        new = dump(data)
        if new != old:
            changes[path] = (old, new)
    return problems, tallies, changes


def _known(path: Path, within: tuple[str, ...]) -> Known:
    """Ids and names of a list (tiers in alliance.yml, members in members.yml), read plainly:
    their own errors are validate's to report."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in within:
            data = data[key]
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return Known([], {})
    records = [r for r in data or [] if isinstance(r, dict)] if isinstance(data, list) else []
    names: dict[str, str] = {}
    for record in records:
        name = record.get("name")
        for text in (name.values() if isinstance(name, dict) else [name]):
            if isinstance(text, str) and text.strip():
                names[text.strip()] = str(record.get("id"))
    return Known([str(r.get("id")) for r in records], names)


def _print(problems: list[Problem], lang: Lang) -> None:
    for problem in sorted(problems, key=lambda p: p.warning):
        print(problem.render(lang), file=sys.stderr)
