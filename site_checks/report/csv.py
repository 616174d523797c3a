"""``spotcheck-<date>.csv``: one row per site, for the officer's spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

COLUMNS = ["id", "name", "url", "verdict", "reasons", "pages", "checked", "broken",
           "unverified", "blocked", "fresh", "last_update", "changed_since_last_check",
           "missing_content", "warnings"]


def rows(document: dict) -> list[dict]:
    out = []
    for site in document["sites"]:
        links = site.get("links") or {}
        fresh = site.get("freshness") or {}
        content = site.get("content") or {}
        changed = fresh.get("changed_since_last_check")
        out.append({
            "id": site["id"],
            "name": site.get("name", ""),
            "url": site["url"],
            "verdict": site["verdict"],
            "reasons": "; ".join(site["reasons"]),
            "pages": links.get("pages", 0),
            "checked": links.get("checked", 0),
            "broken": len(links.get("broken", [])),
            "unverified": len(links.get("unverified", [])),
            "blocked": len(links.get("blocked", [])),
            "fresh": "" if not fresh else ("yes" if fresh.get("fresh") else "no"),
            "last_update": fresh.get("last_update") or "",
            "changed_since_last_check": "" if changed is None else ("yes" if changed else "no"),
            "missing_content": " ".join(content.get("missing", [])),
            "warnings": "; ".join(site.get("warnings", [])),
        })
    return out


def write(document: dict, path: Path) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(document))
    # UTF-8 with BOM: Excel (what officers open CSV with) otherwise garbles Chinese.
    tmp = path.with_suffix(".csv.tmp")
    tmp.write_text(buf.getvalue(), encoding="utf-8-sig")
    tmp.replace(path)
    return path
