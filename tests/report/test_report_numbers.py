"""The report's numbers are the JSON sheet's numbers, in HTML and in the PDF's text layer."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from report_support import Canaried, pdf_text, squeeze

from generator.kpi import Sheet
from generator.model.sheet_keys import KPI_ORDER, SHEET_KEYS
from generator.report.charts import number


def _html_values(html: str) -> dict[str, str]:
    rows = dict(re.findall(r'<tr[^>]*data-key="([a-z_]+)"[^>]*>.*?data-value="([^"]*)"', html,
                           re.S))
    cells = dict(re.findall(r'<(?:td|strong)[^>]*data-key="([a-z_]+)" data-value="([^"]*)"',
                            html))
    return {**rows, **cells}


def test_every_number_of_the_json_sheet_is_in_the_html(canaried: Canaried,
                                                         json_sheet: dict[str, Any],
                                                         public_html: str) -> None:
    assert canaried.sheet.kpi == json_sheet["kpi"]  # the canary copy counts the same
    assert list(json_sheet["kpi"]) == list(KPI_ORDER)
    shown = _html_values(public_html)
    for key, value in json_sheet["kpi"].items():
        assert shown[key] == str(value), key


def test_targets_and_shares_are_shown(example_sheet: Sheet, public_html: str) -> None:
    html = squeeze(re.sub(r"<[^>]+>", " ", public_html))
    for key, target in example_sheet.targets.items():
        spec = SHEET_KEYS[key]
        actual = example_sheet.kpi[key]
        share = f"{float(actual) / float(target) * 100:.0f}%"
        expected = (f"{spec.zh}{spec.en.replace(' ', '')}{number(target)}{spec.unit_zh}"
                    f"{number(actual)}{spec.unit_zh}{share}")
        assert expected in html, key


def test_pdf_text_layer_holds_name_grant_and_numbers(example_sheet: Sheet,
                                                      public_pdf: Path) -> None:
    text = squeeze(pdf_text(public_pdf))
    assert "智慧感測與預知保養產學小聯盟" in text
    assert "NSTC113-2622-E-999-001-CC1" in text
    assert "民國114" in text
    rows = [squeeze(line) for line in pdf_text(public_pdf, layout=True).splitlines()]
    for key, target in example_sheet.targets.items():
        spec = SHEET_KEYS[key]
        actual = example_sheet.kpi[key]
        share = f"{float(actual) / float(target) * 100:.0f}%"
        expected = f"{spec.zh}{number(target)}{spec.unit_zh}{number(actual)}{spec.unit_zh}{share}"
        assert any(expected in row for row in rows), key
    staff = "".join(f"{number(example_sheet.kpi[k])}人" for k in KPI_ORDER
                    if k.startswith("staff_"))
    assert staff in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_pages_render_to_png(public_pdf: Path, tmp_path: Path) -> None:
    info = subprocess.run(["pdfinfo", str(public_pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert "(A4)" in info
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(public_pdf), str(tmp_path / "p")],
                   check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 5
    assert all(p.stat().st_size > 2000 for p in pages)
