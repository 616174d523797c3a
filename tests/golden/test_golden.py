"""Golden outputs, the way Pelican tests its output: what the tools write, compared on
every run with the files committed under ``tests/golden/expected/``.

A change in any output is then seen and reviewed in the diff, not discovered by a PI. After
a reviewed change, regenerate them all with::

    make golden        # = UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden -q

Covered: the KPI JSON and CSV of every year of the example and of the fixture alliances
(``tests/fixtures/alliances``: minimal, outlying counties, three years with every trap),
the example's generated Markdown and per-language ``mkdocs.yml``, and its public report
HTML (embedded images reduced to their hash).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.commands.report import sheet_csv, sheet_json
from generator.diagnostics import has_errors
from generator.kpi import compute
from generator.loader import load_alliance
from generator.report.content import build_view
from generator.report.html import render_html
from generator.rules import check
from generator.site.generate import generate

REPO = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).parent / "expected"
FIXTURES = REPO / "tests" / "fixtures" / "alliances"
ALLIANCES = {"smart-sensing": REPO / "alliances" / "smart-sensing",
             **{p.name: p for p in sorted(FIXTURES.iterdir()) if p.is_dir()}}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
TODAY = date(2026, 11, 30)  # the site is built as if on this day (every year has begun)
EPOCH = 1796083200  # 2026-12-01 00:00 UTC: file dates and the report's date


def _compare(name: str, actual: str) -> None:
    path = EXPECTED / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"no golden file {path}: run `make golden` and review the diff"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                    f"expected/{name}", "actual", lineterm="", n=1)
        pytest.fail(f"{name} differs from its golden file (after a reviewed change: "
                    "make golden)\n" + "\n".join(list(diff)[:60]))


def _copy(source: Path, tmp: Path) -> Path:
    """A copy whose files all carry the same date: page dates come from file dates."""
    folder = tmp / "alliances" / source.name
    shutil.copytree(source, folder)
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (EPOCH, EPOCH))
    return folder


@pytest.mark.parametrize("name", sorted(ALLIANCES))
def test_kpi_json_and_csv_of_every_year(name: str) -> None:
    result = load_alliance(ALLIANCES[name])
    assert result.alliance is not None
    alliance = result.alliance
    assert not has_errors(check(alliance)), "a fixture alliance must validate with 0 errors"
    for year in alliance.info.project.performance_years:
        sheet = compute(alliance, year)
        _compare(f"{name}/kpi-{year}.json", sheet_json(alliance, sheet, "en"))
        _compare(f"{name}/kpi-{year}.csv", sheet_csv(sheet))


def _normalise(text: str, tmp: Path) -> str:
    """Absolute paths of this run (the temp folder, the checkout) as <TMP> and <REPO>."""
    for root, mark in ((tmp, "<TMP>"), (REPO, "<REPO>")):
        text = text.replace(str(root.resolve()), mark).replace(str(root), mark)
    return text


def test_example_site_markdown_and_mkdocs_yml(tmp_path: Path) -> None:
    folder = _copy(ALLIANCES["smart-sensing"], tmp_path)
    alliance = load_alliance(folder).alliance
    assert alliance is not None
    work = tmp_path / "work"
    generate(alliance, work, tmp_path / "site", base_config=REPO / "mkdocs.yml", today=TODAY,
             reports=False)
    files = sorted(p for p in work.rglob("*") if p.suffix == ".md" or p.name == "mkdocs.yml")
    assert len(files) > 20
    names = [p.relative_to(work).as_posix() for p in files]
    _compare("smart-sensing/site/FILES", "\n".join(names) + "\n")
    for path, name in zip(files, names, strict=True):
        _compare(f"smart-sensing/site/{name}",
                 _normalise(path.read_text(encoding="utf-8"), tmp_path))


_DATA_URI = re.compile(r"data:([\w/+.-]+);base64,([A-Za-z0-9+/=]+)")


def test_example_public_report_html(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    alliance = load_alliance(ALLIANCES["smart-sensing"]).alliance
    assert alliance is not None
    history = {y: compute(alliance, y) for y in (2024,)}
    html = render_html(build_view(alliance, compute(alliance, 2025), history))
    html = _DATA_URI.sub(lambda m: f"data:{m.group(1)};sha256="
                         + hashlib.sha256(m.group(2).encode()).hexdigest()[:16], html)
    _compare("smart-sensing/report-2025.html", html)
