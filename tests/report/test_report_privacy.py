"""The public report holds no private field and no warning; the private companion does."""

from __future__ import annotations

import re
from pathlib import Path

from report_support import CANARY, Canaried, pdf_text, squeeze


def test_canaries_were_planted(canaried: Canaried) -> None:
    fields = set(canaried.canaries.values())
    assert {"member.name (zh)", "member.contracts.representative", "member.contracts.address",
            "member.contracts.phone", "member.contracts.evidence", "income.payer",
            "income.note (zh)", "consulting.title (zh)", "products.title (zh)",
            "member id", "income id"} <= fields
    # item 7 of members who did not consent: titles and funders are planted too
    assert {"transfers.title (zh)", "projects.title (zh)", "projects.funder (zh)",
            "technical_services.title (zh)", "patents.number", "patents.title (zh)"} <= fields
    # the renamed evidence is still found, so the example's numbers are unchanged
    assert canaried.sheet.kpi["members_total"] == 22


def test_public_html_has_no_canary(public_html: str) -> None:
    assert CANARY.lower() not in public_html.lower()


def test_public_pdf_has_no_canary(public_pdf: Path) -> None:
    assert CANARY.lower() not in pdf_text(public_pdf).lower()


def test_public_report_has_no_warning(canaried: Canaried, public_html: str,
                                      public_pdf: Path) -> None:
    assert canaried.sheet.warnings, "the example is expected to leave something out"
    html, pdf = squeeze(public_html), squeeze(pdf_text(public_pdf))
    for warning in canaried.sheet.warnings:
        for lang in ("zh", "en"):
            text = squeeze(warning.message(lang))
            assert text not in html
            assert text not in pdf
        assert warning.record not in public_html  # record ids often spell a company's name


def test_public_html_is_standalone(public_html: str) -> None:
    assert "<link" not in public_html and "<script" not in public_html
    sources = re.findall(r'<img[^>]+src="([^"]+)"', public_html)
    assert sources and all(s.startswith("data:image/") for s in sources)


def test_private_companion_has_warnings_and_checklist(canaried: Canaried,
                                                       private_html: str) -> None:
    html = squeeze(private_html)
    for warning in canaried.sheet.warnings:
        assert squeeze(warning.text("zh")) in html
    assert "佐證檢查清單" in private_html
    # the example's promotion without evidence is on the checklist with its file and line
    assert "activities.yml:" in private_html and "2025-09-26-east-recruit" in private_html
    assert "(1)總會員數：共22家" in html
