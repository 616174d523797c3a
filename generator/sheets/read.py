"""A workbook or CSV file → rows of typed values, each remembering its cell (``FILE!C7``).

The header row is found among the first rows (a title line above it is common), headers are
matched with the column catalogue plus the user's ``--map``, and every cell is converted at
once, so that the assistant gets the whole list of problems in one run, each with its cell.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import Lang, Msg
from .cells import CellProblem, convert, is_empty
from .columns import Column, Header, Table, header_names, normalise, read_header

HELP_SHEET = "說明"
HEADER_ROWS = 5  # how far down the header row may be
MAX_BYTES = 20_000_000
MAX_ROWS = 20_000
MAX_COLUMNS = 200


@dataclass(frozen=True)
class Problem:
    """Something wrong at a cell (``members.xlsx!C7``) or a sheet, with how to fix it."""

    ref: str
    message: Msg
    fix: Msg | None = None
    warning: bool = False

    def render(self, lang: Lang) -> str:
        tag = (Msg("warning", "警告") if self.warning else Msg("error", "錯誤"))(lang)
        text = f"{tag}: {self.ref}: {self.message(lang)}"
        return text + (f" — {self.fix(lang)}" if self.fix is not None else "")


@dataclass
class Row:
    """One data row: the converted value of each mapped column (None: the cell is empty)."""

    ref: str                                   # the row's first cell, for row-level messages
    values: dict[str, Any] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    failed: bool = False                       # a cell could not be read: told already


@dataclass
class SheetRows:
    table: Table
    label: str                                 # FILE or FILE!SHEET
    columns: list[str]                         # column keys present in the sheet
    rows: list[Row]


def column_letter(index: int) -> str:
    """0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_grid(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet of ``path`` as rows of cell values; a CSV file is one sheet named ''.

    Bounded: an alliance has tens to hundreds of records, so a file of many megabytes or a
    sheet of tens of thousands of rows is a mistake (or a zip bomb), refused before it is
    read into memory.
    """
    if path.stat().st_size > MAX_BYTES:
        raise SheetError([_too_big(path.name, f"{path.stat().st_size // 1_000_000} MB")])
    if path.suffix.lower() == ".csv":
        return {"": _read_csv(path)}
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise SheetError([Problem(path.name, Msg(
            f"this is not an .xlsx workbook ({type(exc).__name__})",
            "這不是 .xlsx 活頁簿"), Msg(
            "save it from Excel as 'Excel Workbook (.xlsx)', or as CSV UTF-8",
            "請在 Excel 另存為「Excel 活頁簿 (.xlsx)」或「CSV UTF-8」"))]) from None
    try:
        grid: dict[str, list[list[Any]]] = {}
        for sheet in book.worksheets:
            rows = grid[sheet.title] = []
            for row in sheet.iter_rows(values_only=True):
                if len(rows) >= MAX_ROWS:
                    raise SheetError([_too_big(f"{path.name}!{sheet.title}",
                                               f"more than {MAX_ROWS} rows")])
                rows.append(list(row[:MAX_COLUMNS]))
        return grid
    finally:
        book.close()


def _too_big(label: str, size: str) -> Problem:
    return Problem(label, Msg(f"the file is too large for an alliance's data ({size})",
                              f"檔案過大，不像聯盟資料（{size}）"),
                   Msg("export only the sheet with the records to import",
                       "請只匯出要匯入的紀錄所在的工作表"))


def _read_csv(path: Path) -> list[list[Any]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp950"):  # Excel in Taiwan saves "CSV" as Big5
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        rows = [list(row) for row in csv.reader(text.splitlines())]
        if len(rows) > MAX_ROWS:
            raise SheetError([_too_big(path.name, f"more than {MAX_ROWS} rows")])
        return rows
    raise SheetError([Problem(path.name, Msg("the CSV is neither UTF-8 nor Big5 text",
                                             "CSV 檔既不是 UTF-8 也不是 Big5 編碼"),
                              Msg("save it from Excel as 'CSV UTF-8'",
                                  "請在 Excel 另存為「CSV UTF-8（逗號分隔）」"))])


class SheetError(Exception):
    """Problems that stop the import before any row is read."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].message.en if problems else "")
        self.problems = problems


def rows_of(grid: list[list[Any]], table: Table, label: str, mapping: dict[str, str]
            ) -> tuple[SheetRows, list[Problem]]:
    """The rows of one sheet for ``table``, and every problem found on the way."""
    problems: list[Problem] = []
    at, headers = _find_header(grid, table, mapping)
    if at is None:
        expected = ", ".join(c.header for c in table.columns if c.required)
        raise SheetError([Problem(label, Msg(
            f"no header row found for {table.name} in the first {HEADER_ROWS} rows",
            f"前 {HEADER_ROWS} 列中找不到{table.sheet}的表頭列"), Msg(
            f"put the column names in the first row, at least: {expected} (see the README's "
            "list, or use --map 'HEADER=key')",
            f"請在第一列寫欄位名稱，至少要有：{expected}（見 README 的欄位表，或用 --map "
            "「表頭=key」）"))])
    present: dict[int, tuple[Column, Header]] = {}
    for index, text in enumerate(grid[at]):
        if is_empty(text):
            continue
        ref = f"{label}!{column_letter(index)}{at + 1}"
        column = headers.get(index)
        if column is None:
            problems.append(Problem(ref, Msg(
                f"the column '{text}' is not used", f"未使用「{text}」這一欄"), Msg(
                "map it with --map 'HEADER=key' (keys in the README) if it holds data",
                "若這欄有資料，請用 --map「表頭=key」對應（key 見 README）"), warning=True))
            continue
        if any(c is column for c, _ in present.values()):
            problems.append(Problem(ref, Msg(f"a second '{column.header}' column",
                                             f"第二個「{column.header}」欄"),
                                    Msg("keep one of them", "請只保留一欄")))
            continue
        present[index] = (column, read_header(str(text)))
    # The columns rows are merged by must be there; others only for new records (merge).
    found = {c.key for c, _ in present.values()}
    for key in table.match:
        column = table.column(key)
        if key == "id" and table.by_name in found:
            continue  # rows are found by name; a new one is told to add an id
        if column is not None and key not in found:
            problems.append(Problem(f"{label}!{at + 1}:{at + 1}", Msg(
                f"there is no '{column.header}' column ({column.key}): rows are matched by it",
                f"缺少「{column.header}」欄（{column.key}）：資料列依此比對"), Msg(
                f"add it, or name the column holding it with --map 'HEADER={column.key}'",
                f"請新增這一欄，或用 --map「表頭={column.key}」指定")))
    rows: list[Row] = []
    if any(key not in found and not (key == "id" and table.by_name in found)
           for key in table.match):
        return SheetRows(table, label, [], rows), problems  # no row can be placed
    for number, cells in enumerate(grid[at + 1:], start=at + 2):
        if all(is_empty(v) for v in cells):
            continue
        row = Row(f"{label}!A{number}")
        for index, (column, header) in present.items():
            value = cells[index] if index < len(cells) else None
            ref = f"{label}!{column_letter(index)}{number}"
            row.refs[column.key] = ref
            if is_empty(value):
                row.values[column.key] = None
                continue
            try:
                row.values[column.key] = convert(column, header, value)
            except CellProblem as exc:
                problems.append(Problem(ref, exc.message, exc.fix))
                row.failed = True
        rows.append(row)
    keys = [c.key for c, _ in present.values()]
    return SheetRows(table, label, keys, rows), problems


def _find_header(grid: list[list[Any]], table: Table, mapping: dict[str, str]
                 ) -> tuple[int | None, dict[int, Column]]:
    names = {name: column for column in table.columns for name in header_names(column)}
    for user, key in mapping.items():
        column = table.column(key)
        if column is not None:
            names[read_header(user).base] = column
    for at, cells in enumerate(grid[:HEADER_ROWS]):
        found = {index: names[read_header(str(text)).base] for index, text in enumerate(cells)
                 if not is_empty(text) and read_header(str(text)).base in names}
        if len(found) >= 2 or (found and sum(not is_empty(c) for c in cells) == 1):
            return at, found
    return None, {}


def sheet_for(table: Table, sheets: list[str], single: bool) -> str | None:
    """The sheet holding ``table``: named for it, or the only data sheet of a one-table file."""
    wanted = {normalise(table.sheet), normalise(table.name)}
    for name in sheets:
        if normalise(name) in wanted:
            return name
    data = [s for s in sheets if normalise(s) != normalise(HELP_SHEET)]
    if single and len(data) == 1:
        return data[0]
    return None
