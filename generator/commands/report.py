"""``alliance report``: the KPI sheet (JSON, CSV) and the public summary report."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from ..atomic import write_atomic
from ..checked import load_checked
from ..diagnostics import render_grouped
from ..etop import form
from ..i18n import Lang, Msg
from ..kpi import Sheet, compute
from ..model import Alliance
from ..model.sheet_keys import SHEET_KEYS
from ..progress import status


def sheet_csv(sheet: Sheet) -> str:
    """``key,value,target`` (the contract, for scripts), then the eTop form's item number,
    sub-item label and unit beside each key."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["key", "value", "target", "item", "label", "unit"])
    for key, value, target in sheet.rows():
        spec = SHEET_KEYS[key]
        writer.writerow([key, value, "" if target is None else target, spec.item,
                         spec.form_label, spec.unit_zh])
    return out.getvalue()


def sheet_json(alliance: Alliance, sheet: Sheet, lang: Lang) -> str:
    """The spec's keys plus ``form``: the ten items as the eTop form words them."""
    data = {**sheet.as_json(lang), "form": [item.as_json() for item in form(alliance, sheet)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run(folder: Path, year: int, until: tuple[int, int] | None, fmt: str, out: Path | None,
        lang: Lang, root: Path, private: bool = False) -> int:
    alliance, findings = load_checked(folder)
    if alliance is None:
        print(render_grouped(findings, lang, root), file=sys.stderr)
        return 1
    years = alliance.info.project.performance_years
    if year not in years:
        print(Msg(f"alliance: --year {year} is not a year of this phase "
                  f"({years.start}–{years.stop - 1}, project.first_year and project.years in "
                  f"{folder.name}/alliance.yml)",
                  f"alliance：--year {year} 不在本期執行年度內（{years.start}–{years.stop - 1}，"
                  f"見 {folder.name}/alliance.yml 的 project.first_year 與 project.years）")(lang),
              file=sys.stderr)
        return 2
    sheet = compute(alliance, year, until)
    if fmt in ("json", "csv"):
        text = sheet_json(alliance, sheet, lang) if fmt == "json" else sheet_csv(sheet)
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomic(out, text.encode("utf-8"))
        return 0
    from ..report import render_report  # heavy (WeasyPrint): only for html and pdf

    with status(Msg(f"rendering the {fmt.upper()} report…", f"正在產生 {fmt.upper()} 報告…"),
                lang):
        return render_report(alliance, sheet, fmt, out, lang, root, private)
