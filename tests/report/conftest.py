"""A copy of the example alliance with a unique canary planted in every private field.

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
from report_support import CANARY, YEAR, Canaried

from generator.kpi import Sheet, compute
from generator.loader import load_alliance
from generator.model import Alliance
from generator.report.content import build_view
from generator.report.html import render_html
from generator.report.pdf import html_to_pdf
from generator.report.private import build_private

EXAMPLE = Path(__file__).resolve().parents[2] / "alliances" / "smart-sensing"


class _Planter:
    """Hands out unique canaries and renames evidence files to canary names."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.planted: list[str] = []

    def word(self, what: str) -> str:
        word = f"{CANARY}{what.upper()}{len(self.planted):03d}"
        self.planted.append(word)
        return word

    def evidence(self, path: str) -> str:
        """Move the file to a canary name, so the count stays and the path is a canary."""
        old = self.folder / path
        new_rel = f"evidence/{self.word('evid')}.pdf"
        if old.is_file():
            shutil.move(old, self.folder / new_rel)
        return new_rel


def _plant(folder: Path) -> list[str]:
    plant = _Planter(folder)

    def load(name: str) -> Any:
        return yaml.safe_load((folder / name).read_text(encoding="utf-8"))

    def dump(name: str, data: Any) -> None:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (folder / name).write_text(text, encoding="utf-8")

    members = load("members.yml")
    for member in members:
        if not member.get("public"):
            member["name"] = {"zh": plant.word("member"), "en": plant.word("member")}
        for contract in member.get("contracts", []):
            for key in ("representative", "address", "phone"):
                if contract.get(key):
                    contract[key] = plant.word(key)
            if contract.get("evidence"):
                contract["evidence"] = plant.evidence(contract["evidence"])
    dump("members.yml", members)

    activities = load("activities.yml")
    for activity in activities:
        public = activity.get("public", activity["kind"] in ("promotion", "seminar"))
        if not public:
            activity["title"] = plant.word("activity")
            activity["summary"] = plant.word("activity")
        activity["evidence"] = [plant.evidence(p) for p in activity.get("evidence", [])]
    dump("activities.yml", activities)

    outcomes = load("outcomes.yml")
    for record in outcomes.get("income", []):
        record["payer"] = plant.word("payer")
        record["note"] = plant.word("note")
        if record.get("evidence"):
            record["evidence"] = plant.evidence(record["evidence"])
    for kind in ("products", "technologies"):
        for record in outcomes.get(kind, []):
            if record.get("public") is False:
                record["title"] = plant.word(kind)
                record["summary"] = plant.word(kind)
            ev = record.get("evidence")
            if ev:
                ev = [ev] if isinstance(ev, str) else ev
                record["evidence"] = [plant.evidence(p) for p in ev]
    for kind in ("transfers", "projects"):
        for record in outcomes.get(kind, []):
            if record.get("evidence"):
                record["evidence"] = plant.evidence(record["evidence"])
    for record in outcomes.get("member_outcomes", []):
        record["note"] = plant.word("outcome")
    dump("outcomes.yml", outcomes)
    return plant.planted


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
