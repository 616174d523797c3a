"""``field:`` (the programme's review group) and ``services[].type``: the portal's filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core_support import line_of, run

from generator.commands.validate import findings_for
from generator.kpi import compute


def test_a_review_group_of_the_programme_validates(write_alliance, capsys):
    folder = write_alliance(lambda d: d["alliance.yml"].update(field="生醫"))
    code, out, err = run(capsys, folder, "validate", str(folder))
    assert code == 0, out + err


def test_an_unknown_review_group_is_an_error_listing_the_four(write_alliance, capsys):
    folder = write_alliance(lambda d: d["alliance.yml"].update(field="食品"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "alliance.yml", "field: 食品")
    assert f"alliances/demo/alliance.yml:{line}: field: '食品' is not one of the programme's" in out
    for group in ("民生化工", "生醫", "機電材料", "土木能環"):
        assert group in out


def test_an_unknown_service_type_is_an_error(write_alliance, capsys):
    folder = write_alliance(lambda d: d["alliance.yml"].update(
        services=[{"title": "量測", "type": "testin"}]))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "services[0].type: 'testin' is not a service type" in out
    assert "consulting, testing, visits, training, matching" in out


def test_second_example_is_clean_and_counted_as_its_targets_say():
    """The food-safety example: 0 errors, one deliberate warning (an announced event)."""
    folder = Path(__file__).resolve().parents[2] / "alliances" / "food-safety"
    result, findings = findings_for(folder, today=date(2026, 12, 1))
    assert result.alliance is not None
    assert [(f.severity.name, f.rule, f.record) for f in findings] == [
        ("WARNING", "R15", "activities.yml:2026-12-18-year-end-showcase")]
    assert result.alliance.info.field == "民生化工"
    sheet = compute(result.alliance, 2025).kpi
    assert (sheet["members_total"], sheet["members_east"], sheet["income_membership"]) == (
        6, 4, 180)
    assert compute(result.alliance, 2026).kpi["members_total"] == 8


def test_every_shipped_example_names_its_review_group():
    examples = Path(__file__).resolve().parents[2] / "alliances"
    for folder in sorted(p for p in examples.iterdir() if (p / "alliance.yml").is_file()):
        result, _ = findings_for(folder, today=date(2026, 12, 1))
        assert result.alliance is not None and result.alliance.info.field, folder.name
