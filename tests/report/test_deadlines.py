"""``alliance deadlines``: the next filings and what the data still lacks for them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from report_support import Canaried, run_cli


def test_before_q1(canaried: Canaried, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, canaried.root, "deadlines", "smart-sensing",
                        "--date", "2025-04-10")
    assert code == 0
    lines = [line.strip() for line in out.splitlines() if line.startswith("  20")]
    assert lines[0].startswith("2025-04-30  (in 20 days)  Q1 progress 2025")
    assert [line[:10] for line in lines] == ["2025-04-30", "2025-05-01", "2025-07-31",
                                             "2025-10-31"]
    assert "back-fill Q4 of 2024" in out
    assert "performance year 2025 (ROC 114)" in out


def test_in_spot_check_season(canaried: Canaried, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, canaried.root, "deadlines", "smart-sensing",
                        "--date", "2025-09-01")
    assert code == 0
    assert "spot-check season" in out
    assert "no news between 2025-07-03 and 2025-09-01" in out
    assert "member dajia-hydraulic: contract ends 2025-09-30, before Oct 31" in out
    assert "2025-09-26-east-recruit" in out  # a promotion without evidence


def test_after_the_phase(canaried: Canaried, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, canaried.root, "deadlines", "smart-sensing",
                        "--date", "2027-03-01")
    assert code == 0 and "no filing left in this phase (2024–2026)" in out


def test_missing_targets_for_next_year(canaried: Canaried, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    (root / "alliances").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("theme: {name: material}\n")
    folder = root / "alliances" / "smart-sensing"
    shutil.copytree(canaried.folder, folder)
    data = yaml.safe_load((folder / "alliance.yml").read_text(encoding="utf-8"))
    del data["targets"][2026]
    (folder / "alliance.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                         encoding="utf-8")
    code, out, _ = run_cli(capsys, root, "deadlines", "smart-sensing", "--date", "2025-10-01")
    assert code == 0 and "no targets for 2026 (targets.2026 in alliance.yml)" in out


def test_bad_date_is_usage_error(canaried: Canaried, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, canaried.root, "deadlines", "smart-sensing",
                        "--date", "2025-13-01")
    assert code == 2 and "YYYY-MM-DD" in err and "Traceback" not in err
