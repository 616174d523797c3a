"""``alliance report``: the KPI sheet (JSON, CSV) and the public summary report."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from ..checked import load_checked
from ..diagnostics import render_grouped
from ..i18n import Lang, Msg
from ..kpi import Sheet, compute
from ..progress import status


def sheet_csv(sheet: Sheet) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["key", "value", "target"])
    for key, value, target in sheet.rows():
        writer.writerow([key, value, "" if target is None else target])
    return out.getvalue()


def sheet_json(sheet: Sheet, lang: Lang) -> str:
    return json.dumps(sheet.as_json(lang), ensure_ascii=False, indent=2) + "\n"


def run(folder: Path, year: int, until: tuple[int, int] | None, fmt: str, out: Path | None,
        lang: Lang, root: Path, private: bool = False) -> int:
    alliance, findings = load_checked(folder)
    if alliance is None:
        print(render_grouped(findings, lang, root), file=sys.stderr)
        return 1
    sheet = compute(alliance, year, until)
    if fmt in ("json", "csv"):
        text = sheet_json(sheet, lang) if fmt == "json" else sheet_csv(sheet)
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomic(out, text.encode("utf-8"))
        return 0
    from ..report import render_report  # heavy (WeasyPrint): only for html and pdf

    with status(Msg(f"rendering the {fmt.upper()} report…", f"正在產生 {fmt.upper()} 報告…"),
                lang):
        return render_report(alliance, sheet, fmt, out, lang, root, private)


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target and rename: a failed run never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
