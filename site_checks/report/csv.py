"""``spotcheck-<date>.csv``: one row per site, for the officer's spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from site_checks.report import RunReport

COLUMNS = ["id", "name", "url", "verdict", "reasons", "pages", "checked", "broken",
           "unverified", "blocked", "fresh", "last_update", "changed_since_last_check",
           "missing_content", "warnings"]


def rows(report: RunReport) -> list[dict]:
    lang = report.text_lang
    yes, no = ("是", "否") if lang == "zh" else ("yes", "no")
    out = []
    for site in report.results:
        links, fresh, content = site.links, site.freshness, site.content or {}
        changed = fresh.changed_since_last_check if fresh else None
        out.append({
            "id": site.id,
            "name": site.name,
            "url": site.url,
            "verdict": site.verdict,
            "reasons": "; ".join(m(lang) for m in site.reasons),
            "pages": links.pages,
            "checked": links.checked,
            "broken": len(links.broken),
            "unverified": len(links.unverified),
            "blocked": len(links.blocked),
            "fresh": "" if not fresh else (yes if fresh.fresh else no),
            "last_update": (fresh.last_update if fresh else None) or "",
            "changed_since_last_check": "" if changed is None else (yes if changed else no),
            "missing_content": " ".join(content.get("missing", [])),
            "warnings": "; ".join(m(lang) for m in site.warnings),
        })
    return out


def write(report: RunReport, path: Path) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(report))
    # UTF-8 with BOM: Excel (what officers open CSV with) otherwise garbles Chinese.
    tmp = path.with_suffix(".csv.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8-sig")
    tmp.replace(path)
    return path
