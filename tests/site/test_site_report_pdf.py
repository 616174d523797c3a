"""The published report PDF as a reviewer and a screen reader meet it: tagged, in Chinese,
a bookmark per item, running headers naming the section each page continues, nothing
printed below 8 pt. Uses the PDFs of the session's example build (no second rendering)."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from site_support import Built

from generator.model.sheet_keys import ITEM_TITLES

ID = "smart-sensing"
ITEMS = [zh for zh, _ in ITEM_TITLES.values()]  # the eTop form's own item names


@pytest.fixture(scope="module")
def report_pdf(example_site: Built) -> Path:
    return example_site.out / ID / "zh-TW" / "reports" / "smart-sensing-2025.pdf"


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_pdf_is_tagged_and_says_it_is_chinese(report_pdf: Path):
    with pikepdf.open(report_pdf) as pdf:
        assert str(pdf.Root.Lang) == "zh-Hant-TW"
        assert bool(pdf.Root.MarkInfo.Marked) is True
        tree = pdf.Root.StructTreeRoot
        assert "/K" in tree and "/ParentTree" in tree


def test_a_bookmark_for_every_item(report_pdf: Path):
    with pikepdf.open(report_pdf) as pdf, pdf.open_outline() as outline:
        titles = [item.title for top in outline.root for item in top.children]
    for name in ITEMS:
        assert any(t.startswith(name + " ") for t in titles), (name, titles)
    assert all(not t[0].isdigit() for t in titles)  # "計畫亮點 Highlights", not "1計畫亮點…"


def test_running_header_names_the_section_the_page_continues(report_pdf: Path):
    with pikepdf.open(report_pdf) as pdf, pdf.open_outline() as outline:
        number = {page.objgen: i for i, page in enumerate(pdf.pages, start=1)}
        # A destination is [page, /XYZ, x, y, zoom]; the highest y is the top of the content.
        top = Decimal(max(d.destination[3] for d in outline.root[0].children))
        starts = [(number[b.destination[0].objgen], Decimal(b.destination[3]), b.title)
                  for b in outline.root[0].children]
        pages = len(pdf.pages)
    checked = 0
    for page in range(2, pages + 1):
        begun = [title for at, y, title in starts
                 if at < page or (at == page and y >= top - 1)]
        first_line = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(report_pdf), "-"],
            check=True, capture_output=True, text=True).stdout.strip().splitlines()[0]
        assert _squeeze(first_line).endswith(_squeeze(begun[-1])), (page, first_line, begun[-1])
        checked += 1
    assert checked >= 5


def test_nothing_is_printed_below_8pt(example_site: Built):
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    html = (example_site.out / ID / "zh-TW" / "reports" / "smart-sensing-2025.html").read_text()
    small: list[tuple[int, float, str]] = []

    def walk(box, page: int) -> None:
        if isinstance(box, boxes.TextBox) and box.text.strip():
            points = box.style["font_size"] * 0.75  # CSS px → pt
            if points < 7.995:
                small.append((page, round(points, 2), box.text[:20]))
        for child in getattr(box, "children", None) or ():
            walk(child, page)

    document = HTML(string=html).render()
    for number, page in enumerate(document.pages, start=1):
        walk(page._page_box, number)  # margin boxes (running headers) included
    assert not small, small[:10]
