"""HTML to an A4 PDF with WeasyPrint: the same standalone HTML, printed.

WeasyPrint is imported here only, so that the site build and ``alliance validate`` do not
pay for it, and its chatty logger is kept quiet unless something is actually wrong.

One font configuration serves every report of a process (fontconfig is set up once, and the
fonts WeasyPrint has loaded stay loaded), and :class:`PdfCache` keeps each PDF under the
digest of its HTML: a report whose HTML did not change is not printed again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..atomic import write_atomic


@cache
def _fonts() -> Any:
    """The process's one WeasyPrint font configuration (fontconfig and loaded fonts)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def html_to_pdf(html: str) -> bytes:
    """The PDF of ``html``; the HTML has no external resources, so no base URL is needed."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML

    # Tagged (structure tree, reading order, /Lang from <html lang>) for screen readers;
    # the bookmarks come from the headings (report.css sets their labels).
    return HTML(string=html).write_pdf(pdf_tags=True, font_config=_fonts())


class PdfCache:
    """PDFs already printed, by the digest of their HTML and of WeasyPrint's version.

    The HTML is standalone (CSS, charts and photos inline) and printing is deterministic, so
    the same HTML gives the same PDF: the digest is a complete key.
    """

    # Kept: what was used in the last week, at most KEEP files (enough for every report of
    # a few hundred alliances; a PDF is ≈0.5 MB). The least recently used go first.
    KEEP = 1024
    DAYS = 7

    def __init__(self, folder: Path, jobs: int = 1) -> None:
        self.folder = folder
        self.jobs = jobs  # processes that may print at once (one alliance built alone)

    def _path(self, html: str) -> Path:
        digest = hashlib.sha256(f"weasyprint={metadata.version('weasyprint')} tagged\0".encode())
        digest.update(html.encode("utf-8"))
        return self.folder / f"{digest.hexdigest()}.pdf"

    def get(self, html: str) -> bytes | None:
        """The PDF printed earlier from exactly this HTML, or None."""
        path = self._path(html)
        try:
            data = path.read_bytes()
            os.utime(path)  # recently used: kept by _trim
        except OSError:
            return None
        return data

    def render(self, html: str) -> bytes:
        """The cached PDF, or a freshly printed one (then kept for next time)."""
        data = self.get(html)
        if data is None:
            data = html_to_pdf(html)
            write_atomic(self._path(html), data)
            self._trim()
        return data

    def render_all(self, htmls: list[str]) -> list[bytes]:
        """Each HTML's PDF, the cached ones read and the others printed at once.

        WeasyPrint prints on one core, about 2 s a report: an alliance built alone (the
        other core idle) prints its changed reports in ``jobs`` forked processes.
        """
        found = {html: self.get(html) for html in htmls}
        missing = [html for html, data in found.items() if data is None]
        if len(missing) > 1 and self.jobs > 1:
            from ..children import fork_pool

            with fork_pool(min(self.jobs, len(missing))) as pool:
                printed = dict(zip(missing, pool.map(html_to_pdf, missing), strict=True))
        else:
            printed = {html: html_to_pdf(html) for html in missing}
        for html, data in printed.items():
            write_atomic(self._path(html), data)
        if printed:
            self._trim()
        return [printed[html] if found[html] is None else found[html] for html in htmls]

    def _trim(self) -> None:
        entries = sorted((p.stat().st_mtime, p) for p in self.folder.glob("*.pdf"))
        oldest = time.time() - self.DAYS * 86400
        for index, (used, path) in enumerate(entries):
            if used < oldest or index < len(entries) - self.KEEP:
                path.unlink(missing_ok=True)
