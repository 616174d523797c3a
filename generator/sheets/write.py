"""The alliance's YAML as a workbook: one sheet per table, headers from the catalogue.

What is written is what the importer reads back unchanged (the round trip is tested on the
example): amounts in 仟元 under a （仟元） header, dates as Excel dates, lists one item per
line in a cell, choices as their YAML value. With no data it is the empty workbook that
``alliance new`` leaves beside the YAML, with a 說明 sheet listing every column.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from ..atomic import write_atomic
from ..editor_schema.descriptions import key_doc
from .columns import Column, Table
from .merge import MODELS
from .read import HELP_SHEET

# Sub-records whose keys the descriptions name by their own model.
_SUB_MODELS = {"signed": "Signatures", "period": "Period"}


def records(data: Any, table: Table) -> list[dict[str, Any]]:
    """The records of ``table`` in a file's data; contracts carry their member's id."""
    if table.name == "contracts":
        return [{**contract, "member": member.get("id")}
                for member in data or [] if isinstance(member, dict)
                for contract in member.get("contracts") or []]
    if not table.within:
        return [r for r in data or [] if isinstance(r, dict)]
    return [r for r in (data or {}).get(table.within[0]) or [] if isinstance(r, dict)]


def cell_value(record: dict[str, Any], column: Column) -> Any:
    value: Any = record
    for index, part in enumerate(column.path):
        if isinstance(value, str) and index == len(column.path) - 1 and part == "zh":
            return value  # text written as a plain string is its Chinese
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, (bool, int, float, date)):
        return value
    return None if value is None else str(value)


def write_workbook(path: Path, tables: list[tuple[Table, list[dict[str, Any]]]]) -> None:
    """Write ``tables`` (each with its records) and the 說明 sheet to ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for table, rows in tables:
        sheet = book.create_sheet(table.sheet)
        sheet.append([column.header for column in table.columns])
        for cell, column in zip(sheet[1], table.columns, strict=True):
            cell.font, cell.fill = bold, fill
            sheet.column_dimensions[cell.column_letter].width = max(12, len(column.header) * 2.2)
        for record in rows:
            sheet.append([cell_value(record, column) for column in table.columns])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
                if isinstance(cell.value, str) and "\n" in cell.value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
    _help_sheet(book.create_sheet(HELP_SHEET), [t for t, _ in tables], bold, fill)
    buffer = io.BytesIO()  # openpyxl writes a zip: whole, then renamed into place
    book.save(buffer)
    write_atomic(path, buffer.getvalue())


HOW_TO = [
    ("這本活頁簿與聯盟的 YAML 檔一一對應：每個工作表是一份清單，每一列是一筆紀錄，以「代碼」"
     "（id）比對；第一列是表頭，請勿更改表頭文字（可另加欄，匯入時會提醒未使用的欄）。",
     "Each sheet is one list of the alliance's YAML files, one row per record, matched by id; "
     "row 1 holds the headers."),
    ("金額單位一律為仟元；若表頭寫「金額（元）」，匯入時會自動除以 1,000。",
     "Amounts are in thousands of NTD; a header reading （元） is divided by 1,000 on import."),
    ("日期請用 Excel 日期或 2025-03-01；民國日期（114/03/01）請在表頭加上「（民國）」。",
     "Dates are Excel dates or 2025-03-01; for ROC dates add （民國） to the header."),
    ("一格多個值（服務會員、佐證檔）請每行一個（Alt+Enter 換行）。是／否欄填 TRUE 或 FALSE。",
     "Several values in a cell go one per line (Alt+Enter). Yes/no columns take TRUE/FALSE."),
    ("匯入：alliance import <聯盟代碼> members 本檔.xlsx — 先顯示差異，確認後加 --yes 才寫入；"
     "每個問題都會標出儲存格，例如 本檔.xlsx!會員!C7。",
     "Import: alliance import ID members this.xlsx — shows the changes; --yes writes them; "
     "each problem names its cell."),
    ("合約、負責人、地址、電話、佐證檔為私密資料：本檔請勿上傳或公開。",
     "Contracts, representatives, addresses, phones and evidence are PRIVATE: never publish "
     "this file."),
]


def _help_sheet(sheet: Any, tables: list[Table], bold: Any, fill: Any) -> None:
    from openpyxl.styles import Alignment

    sheet.append(["說明 · How to use this workbook"])
    sheet["A1"].font = bold
    for zh, en in HOW_TO:
        sheet.append([zh, None, None, en])
    sheet.append([])
    header = ["工作表 Sheet", "表頭 Header", "YAML key", "新紀錄必填 Needed for a new row",
              "類型 Kind", "說明", "Description"]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font, cell.fill = bold, fill
    for table in tables:
        for column in table.columns:
            zh, en = column_doc(table, column)
            sheet.append([table.sheet, column.header, column.key,
                          "必填 yes" if column.required else "", column.kind, zh, en])
    for letter, width in zip("ABCDEFG", (14, 18, 18, 12, 8, 48, 48), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in range(2, 2 + len(HOW_TO)):  # the notes read across the sheet
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=7)


def column_doc(table: Table, column: Column) -> tuple[str, str]:
    """A column's meaning, from the same catalogue the editor's hover text uses."""
    model = MODELS[table.name].__name__
    if table.name == "contracts" and column.key == "member":
        return "會員代碼（members.yml 的 id）", "The member's id in members.yml"
    if len(column.path) == 2 and column.path[0] in _SUB_MODELS:
        doc = key_doc(_SUB_MODELS[column.path[0]], column.path[1])
    else:
        doc = key_doc(model, column.path[0])
    zh, en = doc if doc is not None else ("", "")
    if column.path[-1] in ("zh", "en") and len(column.path) == 2:
        zh += "（中文）" if column.path[-1] == "zh" else "（英文）"
        en += " (Chinese)" if column.path[-1] == "zh" else " (English)"
    if column.choices:
        zh += "；可填：" + "、".join(f"{v}（{k}）" for k, v in column.choices.items())
    return zh, en


def columns_markdown() -> str:
    """The column list of docs/spreadsheets.md, printed from the catalogue (a test compares)."""
    from .columns import GROUPS

    out: list[str] = []
    for what, tables in GROUPS.items():
        for table in tables:
            where = f"`{table.file}`" + (f", list `{'.'.join(table.within)}`"
                                         if table.within and table.name != "contracts" else "")
            out += [f"### {table.sheet} · `{table.name}` → {where}", "",
                    f"`alliance import ID {what} FILE` · rows matched by "
                    f"`{' + '.join(table.match)}`"
                    + (f", or by `{table.by_name}` when there is no id column"
                       if table.by_name else ""), "",
                    "| header (exported) | also read | key (`--map`) | new row needs it | "
                    "說明 · meaning |", "| --- | --- | --- | --- | --- |"]
            for column in table.columns:
                zh, en = column_doc(table, column)
                others = ", ".join(h for h in column.headers[1:] if h != column.key)
                out.append(f"| {column.header} | {others} | `{column.key}` | "
                           f"{'yes' if column.required else ''} | {zh} · {en} |")
            out.append("")
    return "\n".join(out)
