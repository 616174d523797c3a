"""What WeasyPrint makes of report.css: the sizes a reviewer reads on paper.

WeasyPrint silently drops declarations it cannot compute (``max(8pt, 0.85em)`` made the
English line as large as the Chinese one in the PDF while browsers showed it smaller), so
the sizes are read from WeasyPrint's own layout, not from the stylesheet.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.report.html import stylesheet
from generator.report.pdf import _fonts

PT = 4 / 3  # CSS px per pt


def _english_lines(box: Any, parent: Any = None) -> Iterator[tuple[Any, Any]]:
    """Each ``.en`` element's first box with the box of the element around it."""
    element = getattr(box, "element", None)
    classes = (element.get("class") or "").split() if element is not None else []
    if "en" in classes and parent is not None and parent.element is not element:
        yield box, parent
    if element is not None and (parent is None or parent.element is not element):
        parent = box
    for child in getattr(box, "children", None) or ():
        yield from _english_lines(child, parent)


def test_english_lines_are_smaller_but_never_below_8pt(public_html: str) -> None:
    from weasyprint import HTML

    document = HTML(string=public_html).render(font_config=_fonts())
    found = [(box.style["font_size"] / PT, parent.style["font_size"] / PT,
              parent.element.tag)
             for page in document.pages for box, parent in _english_lines(page._page_box)]
    assert len(found) > 50
    for size, around, tag in found:
        assert size >= 8 - 1e-6, (tag, around, size)
        assert size <= max(8, 0.85 * around) + 1e-6, (tag, around, size)
    # The cover's facts (10 pt) have their English at 8.5 pt, as on screen.
    assert any(tag == "dt" and abs(size - 8.5) < 1e-6 for size, _, tag in found)


def test_the_printed_stylesheet_has_its_palette_written_in() -> None:
    css = stylesheet()
    assert "var(" not in css and "--brand" not in css
    assert "color: #1f4e79" in css  # --brand, as the file names it
