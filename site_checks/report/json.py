"""``spotcheck-<date>.json``: the machine-readable result (keys fixed by interfaces.md)."""

from __future__ import annotations

import json
from pathlib import Path

from site_checks.report import RunReport


def document(report: RunReport) -> dict:
    """The JSON document of a run."""
    return {
        "date": report.date,
        "in_season": report.in_season,
        "max_age_days": report.max_age_days,
        "sites": [r.to_json(report.text_lang) for r in report.results],
    }


def write(report: RunReport, path: Path) -> Path:
    """Write the document atomically (a reader never sees half a file)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(document(report), ensure_ascii=False, indent=2) + "\n",
                   encoding="utf-8")
    tmp.replace(path)
    return path
