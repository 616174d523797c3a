"""HTML to an A4 PDF with WeasyPrint: the same standalone HTML, printed.

WeasyPrint is imported here only, so that the site build and ``alliance validate`` do not
pay for it, and its chatty logger is kept quiet unless something is actually wrong.
"""

from __future__ import annotations

import logging


def html_to_pdf(html: str) -> bytes:
    """The PDF of ``html``; the HTML has no external resources, so no base URL is needed."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    from weasyprint import HTML

    # Tagged (structure tree, reading order, /Lang from <html lang>) for screen readers;
    # the bookmarks come from the headings (report.css sets their labels).
    return HTML(string=html).write_pdf(pdf_tags=True)
