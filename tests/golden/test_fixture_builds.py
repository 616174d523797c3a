"""The fixture alliance with every trap builds into a site, reports included: a pending
project with or without dates, a non-member's transfer and unsigned contracts break nothing."""

from __future__ import annotations

import contextlib
import io
import shutil
from datetime import date
from pathlib import Path

from generator.commands.build import build
from generator.site.pipeline import BuildOptions

REPO = Path(__file__).resolve().parents[2]
TRAPS = REPO / "tests" / "fixtures" / "alliances" / "traps"


def test_traps_fixture_builds_with_its_reports(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "alliances").mkdir(parents=True)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    folder = root / "alliances" / "traps"
    shutil.copytree(TRAPS, folder)
    out = tmp_path / "site"
    options = BuildOptions(root=root, out=out, strict=True, jobs=1, lang="en",
                           today=date(2026, 11, 30), scratch=tmp_path / "scratch")
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = build([folder], options)
    assert code == 0, stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()
    reports = sorted(p.name for p in out.rglob("traps-*.pdf"))
    assert {"traps-2024.pdf", "traps-2025.pdf", "traps-2026.pdf"} <= set(reports)
    outcomes = (out / "traps" / "zh-TW" / "outcomes" / "index.html").read_text(encoding="utf-8")
    assert "申請中計畫" not in outcomes and "規劃中計畫" not in outcomes  # R19: never listed
    assert "演算法授權" in outcomes  # a consenting member's counted transfer
