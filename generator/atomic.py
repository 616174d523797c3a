"""Replacing a file so that no reader, and no run killed halfway, sees half of it.

Every file this tool publishes or keeps (pages, reports, PDFs, the import's YAML, states,
caches) is written beside its target and renamed over it: at every instant the target is
the old file or the new one. The temporary name holds the process and thread, so two
builds, or two threads of the preview, never write into one temporary file.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """``path`` holds ``data`` (text as UTF-8); an unchanged file is left alone, so its date
    stays honest (a feed reader, a sitemap and ``make`` read it)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.stat().st_size == len(payload) and path.read_bytes() == payload:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        temporary.write_bytes(payload)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
