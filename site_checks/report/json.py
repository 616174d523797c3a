"""``spotcheck-<date>.json``: the machine-readable result (keys fixed by interfaces.md)."""

from __future__ import annotations

import json
from pathlib import Path


def write(document: dict, path: Path) -> Path:
    """Write ``document`` atomically (a reader never sees half a file)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
