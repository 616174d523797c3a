"""The shipped example alliance: valid, with its deliberate warnings, and counted right.

The 2025 numbers were counted by hand from the YAML by the person who wrote the example,
independently of ``generator.kpi``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.commands.validate import findings_for
from generator.diagnostics import Severity
from generator.kpi import compute

EXAMPLE = Path(__file__).resolve().parents[2] / "alliances" / "smart-sensing"

HAND_COUNTED_2025 = {
    "members_total": 22, "members_paying": 18, "members_free": 4, "members_north": 8,
    "members_central": 6, "members_south": 6, "members_east": 2, "income_membership": 400,
    "income_technical_service": 210, "income_other": 36, "income_total": 646,
    "website_established": "202403", "promotion_events": 5, "seminars": 6,
    "seminar_participants": 385, "consulting": 11, "consulting_persons": 17, "visits": 7,
    "visit_persons": 26, "products": 2, "technologies": 2, "patents": 2,
    "technical_services": 4, "transfers": 2, "transfer_amount": 450, "projects": 3,
    "project_amount": 4450, "new_hires": 3, "output_value": 8100, "staff_undergraduate": 2,
    "staff_master": 4, "staff_phd": 1, "staff_postdoc": 0, "staff_assistant": 2,
}


def test_example_validates_with_only_its_deliberate_warnings():
    result, findings = findings_for(EXAMPLE, today=date(2026, 11, 24))
    assert result.alliance is not None
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    deliberate = {(f.rule, f.record) for f in findings}
    assert {
        ("R10", "members.yml:dajia-hydraulic"),  # 2025 contract ends Sep 30
        ("R10", "members.yml:taiping-cnc"),  # no school seal
        ("R14", "activities.yml:2025-09-26-east-recruit"),  # promotion without evidence
        ("R19", "outcomes.yml:proj-2026-hsinchu-sbir2"),  # pending project
        ("R18", "outcomes.yml:tr-2025-miaoli-defect-labelling"),  # licensor not PI/co-PI
        ("R11", "outcomes.yml:other-2026-ot-training"),  # receipt file missing
        ("R9", "members.yml:csmi"), ("R9", "members.yml:chen-kuan-yu"),
    } <= deliberate


def test_example_2025_sheet_matches_the_hand_count():
    result, _ = findings_for(EXAMPLE, today=date(2026, 11, 24))
    assert result.alliance is not None
    assert compute(result.alliance, 2025).kpi == HAND_COUNTED_2025
