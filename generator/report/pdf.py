"""HTML to an A4 PDF with WeasyPrint: the same standalone HTML, printed.

WeasyPrint is imported here only, so that the site build and ``alliance validate`` do not
pay for it, and its chatty logger is kept quiet unless something is actually wrong.

One font configuration serves every report of a process (fontconfig is set up once, and the
fonts WeasyPrint has loaded stay loaded; :func:`warm` loads them before a build forks its
printers), and :class:`PdfCache` keeps each PDF under the digest of its HTML: a report whose
HTML did not change is not printed again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


# The report's fonts (regular and bold CJK, Latin, the platform sheet's monospace).
_WARM_UP = ('<html lang="zh-Hant"><body style="font-family: \'Noto Sans CJK TC\'">'
            '<p>年度 <b>報告</b> Report 1</p><pre style="font-family: \'Noto Sans Mono CJK TC\'">'
            '表 1</pre></body></html>')


def warm() -> None:
    """Import WeasyPrint and load the report's fonts, once in a process that forks printers.

    A fresh process pays about 0.5 s of imports and 0.3 s more on its first report; forked
    from a warm one, each printer starts on the layout at once.
    """
    html_to_pdf(_WARM_UP)


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

    def __init__(self, folder: Path) -> None:
        self.folder = folder

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
            self._keep({html: data})
        return data

    def render_all(self, htmls: list[str]) -> list[bytes]:
        """Each HTML's PDF, from the cache or printed here, one after the other."""
        return [self.render(html) for html in htmls]

    @contextmanager
    def printing(self, htmls: list[str], jobs: int) -> Iterator[Callable[[], list[bytes]]]:
        """Print ``htmls`` in forked processes while the caller goes on.

        WeasyPrint prints on one core, about 1.2–1.8 s a report, and takes about 1 s to load
        with its fonts. One process is forked at once: it loads WeasyPrint and forks up to
        ``jobs`` printers from itself (:func:`_print_all`), while the caller runs MkDocs on
        the other core instead of waiting for the loading. Yields a function that waits
        for the PDFs (in the order of ``htmls``) and keeps them in the cache.
        """
        if not htmls:
            yield lambda: []
            return
        from ..children import fork_pool

        host = fork_pool(1)
        future = host.submit(_print_all, htmls, jobs)

        def printed() -> list[bytes]:
            data = future.result()
            self._keep(dict(zip(htmls, data, strict=True)))
            return data

        try:
            yield printed
        finally:
            host.shutdown(cancel_futures=True)

    def _keep(self, printed: dict[str, bytes]) -> None:
        for html, data in printed.items():
            write_atomic(self._path(html), data)
        self._trim()

    def _trim(self) -> None:
        entries = sorted((p.stat().st_mtime, p) for p in self.folder.glob("*.pdf"))
        oldest = time.time() - self.DAYS * 86400
        for index, (used, path) in enumerate(entries):
            if used < oldest or index < len(entries) - self.KEEP:
                path.unlink(missing_ok=True)


def _print_all(htmls: list[str], jobs: int) -> list[bytes]:
    """Each HTML's PDF, by up to ``jobs`` printers forked once WeasyPrint and its fonts are
    loaded here (a printer forked cold would load them again: 0.8 s each)."""
    warm()
    if jobs <= 1 or len(htmls) == 1:
        return [html_to_pdf(html) for html in htmls]
    from ..children import fork_pool

    with fork_pool(min(jobs, len(htmls))) as printers:
        return list(printers.map(html_to_pdf, htmls))
