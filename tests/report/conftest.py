"""A copy of the example alliance with a unique canary in every field not published.

The numbers of the copy are those of the example (evidence files are renamed, not dropped),
so one copy serves the number tests and the privacy tests, and the PDF is rendered once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from canary_walk import plant
from report_support import CANARY, YEAR, Canaried

from generator.kpi import Sheet, compute
from generator.loader import load_alliance
from generator.model import Alliance
from generator.report.content import build_view
from generator.report.html import render_html
from generator.report.pdf import html_to_pdf
from generator.report.private import build_private

EXAMPLE = Path(__file__).resolve().parents[2] / "alliances" / "smart-sensing"


def _withdraw_consent_of_a_partner(folder: Path) -> None:
    """The members of the first transfer and patent stop consenting (counts do not change),
    so that item 6 and 7 records of non-consenting members are among the planted."""
    outcomes = yaml.safe_load((folder / "outcomes.yml").read_text(encoding="utf-8"))
    partners = {outcomes["transfers"][0]["member"], outcomes["patents"][0]["member"]}
    members = yaml.safe_load((folder / "members.yml").read_text(encoding="utf-8"))
    for member in members:
        if member["id"] in partners:
            member["public"] = False
    (folder / "members.yml").write_text(yaml.safe_dump(members, allow_unicode=True,
                                                       sort_keys=False), encoding="utf-8")


def _plant(folder: Path) -> dict[str, str]:
    """A canary in every field the public view may not publish (``canary_walk``).

    Evidence files are renamed, not dropped, so the copy's numbers are the example's.
    """
    planted: dict[str, str] = {}

    def canary(what: str) -> str:
        word = f"{CANARY}{len(planted):04d}"
        planted[word] = what
        return word

    def evidence(old: str | None, what: str) -> str:
        new_rel = f"evidence/{canary(what)}.pdf"
        if old is not None and (folder / old).is_file():
            shutil.move(folder / old, folder / new_rel)
        return new_rel

    _withdraw_consent_of_a_partner(folder)
    private_media = f"media/{canary('private media')}.png"
    shutil.copyfile(folder / "media" / "members" / "csmi.png", folder / private_media)
    plant(folder, canary, evidence, private_media)
    return planted


@pytest.fixture(scope="session")
def canaried(tmp_path_factory: pytest.TempPathFactory) -> Canaried:
    root = tmp_path_factory.mktemp("project")
    (root / "mkdocs.yml").write_text("theme: {name: material}\n")
    folder = root / "alliances" / "smart-sensing"
    shutil.copytree(EXAMPLE, folder)
    canaries = _plant(folder)
    result = load_alliance(folder)
    assert result.alliance is not None, [f.render("en") for f in result.findings]
    alliance = result.alliance
    return Canaried(root, folder, alliance, compute(alliance, YEAR), canaries)


@pytest.fixture(scope="session")
def json_sheet() -> dict[str, Any]:
    """What ``alliance report smart-sensing --year 2025 --format json`` prints."""
    out = subprocess.run([sys.executable, "-m", "generator.cli", "--lang", "en", "report",
                          str(EXAMPLE), "--year", str(YEAR), "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.fixture(scope="session")
def example_sheet() -> Sheet:
    alliance = load_alliance(EXAMPLE).alliance
    assert alliance is not None
    return compute(alliance, YEAR)


def _history(alliance: Alliance, year: int) -> dict[int, Sheet]:
    return {y: compute(alliance, y) for y in range(alliance.info.project.first_year, year)}


@pytest.fixture(scope="session")
def public_html(canaried: Canaried) -> str:
    view = build_view(canaried.alliance, canaried.sheet,
                      _history(canaried.alliance, YEAR))
    return render_html(view)


@pytest.fixture(scope="session")
def private_html(canaried: Canaried) -> str:
    view = build_view(canaried.alliance, canaried.sheet,
                      _history(canaried.alliance, YEAR))
    return render_html(view, build_private(canaried.alliance, canaried.sheet, "zh",
                                           canaried.root))


@pytest.fixture(scope="session")
def public_pdf(public_html: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(html_to_pdf(public_html))
    return path
