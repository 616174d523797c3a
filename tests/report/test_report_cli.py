"""``alliance report --format html|pdf``, ``--until``, ``--private`` and the site's hook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_support import CANARY, Canaried, run_cli, squeeze

from generator.kpi import compute
from generator.report import PublishedReport, write_public_reports


def test_html_report_default_path_and_roc_year(canaried: Canaried,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, canaried.root, "report", "smart-sensing", "--year", "2025",
                        "--format", "html")
    assert code == 0
    path = canaried.root / out.strip()
    assert path == canaried.root / "build/reports/smart-sensing/smart-sensing-2025.html"
    html = path.read_text(encoding="utf-8")
    assert "民國 114 年" in html and "2025年2月1日 – 2026年1月31日" in html
    assert "114/02/01 – 115/01/31" in html


def test_until_cuts_the_period(canaried: Canaried, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, canaried.root, "report", "smart-sensing", "--year", "2025",
                        "--until", "10-31", "--format", "html")
    assert code == 0
    path = canaried.root / out.strip()
    assert path.name == "smart-sensing-2025-until-1031.html"
    html = path.read_text(encoding="utf-8")
    assert "2025年2月1日 – 2025年10月31日" in html and "期中考核" in html
    cut = compute(canaried.alliance, 2025, (10, 31)).kpi
    full = compute(canaried.alliance, 2025).kpi
    assert cut != full  # the example has results after Oct 31
    for key in ("seminars", "transfers", "projects", "income_total"):
        assert f'data-key="{key}"' in html
        assert re.search(rf'data-key="{key}".*?data-value="{cut[key]}"', html, re.S)


def test_private_companion_goes_to_build_private(canaried: Canaried,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, canaried.root, "report", "smart-sensing", "--year", "2025",
                        "--format", "html", "--private")
    assert code == 0
    path = canaried.root / out.strip()
    assert path.parent == canaried.root / "build/private/smart-sensing"
    html = path.read_text(encoding="utf-8")
    assert "未列入計算的項目" in html and "(R10)" in html


def test_private_companion_is_refused_under_site(canaried: Canaried,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = canaried.root / "site" / "smart-sensing" / "private.html"
    code, _, err = run_cli(capsys, canaried.root, "report", "smart-sensing", "--year", "2025",
                        "--format", "html", "--private", "--out", str(target))
    assert code == 2 and "site/" in err and "Traceback" not in err
    assert not target.exists()


def test_year_outside_the_phase_is_a_clear_error(canaried: Canaried,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, canaried.root, "report", "smart-sensing", "--year", "2031",
                        "--format", "html")
    assert code == 2 and "2024–2026" in err


def test_write_public_reports_for_the_site(canaried: Canaried, tmp_path: Path) -> None:
    sheets = {y: compute(canaried.alliance, y) for y in (2024, 2025)}
    published = write_public_reports(canaried.alliance, sheets, tmp_path / "reports")
    assert [p.year for p in published] == [2024, 2025]
    for report in published:
        assert isinstance(report, PublishedReport)
        assert report.html.is_file() and report.pdf is not None and report.pdf.is_file()
        assert report.pdf.read_bytes().startswith(b"%PDF")
        html = report.html.read_text(encoding="utf-8")
        assert CANARY not in html and 'src="media/' not in html
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "smart-sensing-2024.html", "smart-sensing-2024.pdf",
        "smart-sensing-2025.html", "smart-sensing-2025.pdf"]
    later = squeeze(published[1].html.read_text(encoding="utf-8"))
    assert "歷年會員數" in later  # 2025 has 2024 before it: trends are drawn
