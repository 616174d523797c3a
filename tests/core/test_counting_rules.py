"""The briefing's counting rules, each with its message, file:line, rule and exit code."""

from __future__ import annotations

import json

import pytest
from core_support import line_of, run

from generator.kpi import compute
from generator.loader import load_alliance
from generator.report.private import build_private


def _sheet(folder, year=2025):
    alliance = load_alliance(folder).alliance
    assert alliance is not None
    return alliance, compute(alliance, year)


def _other(**extra):
    return {"id": "misc", "date": "2025-06-01", "kind": "other", "amount": 1500,
            "evidence": "evidence/r1.pdf", **extra}


# ---- R12: other income says where it comes from, and is not a refused kind -------------------
def test_other_income_needs_a_note(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(_other()))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "outcomes.yml", "kind: other")
    assert (f"alliances/demo/outcomes.yml:{line}: income[2].kind: other income 'misc' does "
            "not say where the money comes from — add note:") in out
    assert "(R12)" in out


@pytest.mark.parametrize(("field", "text", "says"), [
    ("note", "廠商捐贈設備（示波器）", "equipment donated by a company"),
    ("note", "學校獎勵金", "a school's incentive or equipment"),
    ("note", "國科會產學小聯盟計畫經費", "the ministry's own alliance grant"),
    ("note", "技轉授權金", "technology-transfer income"),
    ("note", "SBIR 配合款", "funds of another project"),
    ("payer", "科技部", "the ministry's own alliance grant"),
])
def test_other_income_that_shows_a_refused_kind_is_an_error(write_alliance, capsys, field,
                                                            text, says):
    extra = {"note": "報名費", field: text}
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(_other(**extra)))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "outcomes.yml", f"{field}: {text}")
    assert (f"alliances/demo/outcomes.yml:{line}: income[2].{field}: other income 'misc' "
            f"looks like a refused source: {says}") in out
    assert "(R12)" in out


def test_refused_other_income_names_the_item_it_belongs_to(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(
        _other(note="技術移轉收入")))
    _, out, _ = run(capsys, folder, "validate", str(folder))
    assert "record it under transfers: in outcomes.yml (item 7) (R12)" in out


def test_seminar_fees_are_other_income(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(
        _other(amount=15, note={"zh": "研討會報名費", "en": "most seminar fees"})))
    code, out, err = run(capsys, folder, "validate", str(folder))
    assert code == 0, out + err
    assert _sheet(folder)[1].kpi["income_other"] == 15


# ---- R13: item 3 and item 7 never hold the same money ------------------------------------
def test_income_matching_a_transfer_of_the_same_member_is_a_double_count(write_alliance,
                                                                          capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(
        _other(amount=100, payer="acme", note="授課費")))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "outcomes.yml", "amount: 100", 0)
    assert (f"alliances/demo/outcomes.yml:{line}: income[2].amount: income 'misc' (100 仟元 "
            "from acme) is the transfer 'tr1' of item 7 again: the same money counted twice"
            " — remove the income record: the transfer counts in item 7 only (R13)") in out


def test_income_matching_a_project_by_member_name_is_a_double_count(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(
        {"id": "ts2", "date": "2025-06-01", "kind": "technical_service", "amount": 600,
         "payer": "貝塔公司", "evidence": "evidence/r1.pdf"}))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1 and "is the project 'pr1' of item 7 again" in out and "(R13)" in out


def test_the_same_amount_in_another_year_is_not_a_double_count(write_alliance, capsys):
    """tr1 (100, Nov 2025) falls in performance year 2025; income of 100 from acme in
    performance year 2026 is other money, and counts."""
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(
        _other(date="2026-03-01", amount=100, payer="acme", note="授課費")))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0 and "counted twice" not in out


# ---- R5: item 8 has no ids, so one entry per member and year ---------------------------------
def test_a_second_item_8_entry_for_a_member_and_year_is_an_error(write_alliance, capsys):
    def twice(data):
        outcomes = data["outcomes.yml"]["member_outcomes"]
        outcomes.append(dict(outcomes[0]))

    folder = write_alliance(twice)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert ("member_outcomes[1].member: member acme already has an item-8 entry for 2025 — "
            "one entry per member and year: add the hires and the value into it (R5)") in out


# ---- R11: no sealed receipt, not counted ------------------------------------------------------
def test_income_without_receipt_is_not_counted_and_the_companion_asks_for_it(write_alliance,
                                                                             capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"][1].pop("evidence"))
    alliance, sheet = _sheet(folder)
    assert sheet.kpi["income_technical_service"] == 0 and sheet.kpi["income_total"] == 30
    line = line_of(folder / "outcomes.yml", "id: ts-acme")
    texts = [w.render("en") for w in sheet.warnings]
    assert any(t.startswith(f"{folder}/outcomes.yml:{line}: income[1].evidence: income ts-acme "
                            "not counted in 2025: it has no sealed receipt in evidence/")
               and t.endswith("(R11)") for t in texts), texts
    private = build_private(alliance, sheet, "en", folder.parent.parent)
    assert [(m.record, m.what) for m in private.missing] == [
        ("income ts-acme", "a receipt sealed by the accounting office (R11)")]
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0 and "(R11)" in out


# ---- 仟元: amounts that look like 元 -------------------------------------------------------
def test_contract_fee_in_ntd_is_a_warning_with_the_likely_value(write_alliance, capsys):
    folder = write_alliance(lambda d: d["members.yml"][0]["contracts"][0].update(fee=30000))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0
    line = line_of(folder / "members.yml", "fee: 30000")
    assert (f"alliances/demo/members.yml:{line}: contracts[0].fee: the contract fee 30000 "
            "looks like NT$ (元), not thousands (仟元): tier gold's fee is 30 — write 30 "
            "(thousands of NTD)") in out


def test_membership_income_that_differs_from_the_fee(write_alliance, capsys):
    def mutate(d):
        d["outcomes.yml"]["income"][0].update(amount=30000, payer="acme")

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0
    assert ("income[0].amount: membership income 30000 looks like NT$ (元), not thousands "
            "(仟元): tier gold's fee is 30 — write 30 (thousands of NTD)") in out
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"][0].update(amount=25,
                                                                            payer="acme"))
    _, out, _ = run(capsys, folder, "validate", str(folder))
    assert "membership income 25 differs from acme's fee, 30 (thousands of NTD)" in out


# ---- R9: legal entities typed as companies ---------------------------------------------------
@pytest.mark.parametrize("name", ["財團法人精密機械研究發展中心", "工業技術研究院", "台灣感測協會",
                                  "國立示範大學"])
def test_legal_entity_name_typed_as_company_is_moved_to_item_9(write_alliance, capsys, name):
    folder = write_alliance(lambda d: d["members.yml"][0].update(name=name))
    _, sheet = _sheet(folder)
    assert sheet.kpi["members_total"] == 2
    [moved] = sheet.moved_to_item_9()
    assert moved.rule == "R9" and moved.record.id == "acme"
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0
    line = line_of(folder / "members.yml", "kind: company")
    assert (f"alliances/demo/members.yml:{line}: kind: member acme not counted in 2025: its "
            "name shows a legal entity or school") in out and "(R9)" in out


def test_company_name_with_institute_word_is_a_company(write_alliance):
    folder = write_alliance(lambda d: d["members.yml"][0].update(name="大學光學科技股份有限公司"))
    assert _sheet(folder)[1].kpi["members_total"] == 3


# ---- R14: a promotion that repeats a seminar -------------------------------------------------
def test_promotion_and_seminar_sharing_a_sign_in_sheet_are_one_event(write_alliance, capsys):
    folder = write_alliance(lambda d: d["activities.yml"][0].update(
        evidence=["evidence/signin.pdf"], title="招募說明會"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "activities.yml", "kind: seminar")
    assert (f"alliances/demo/activities.yml:{line}: kind: '研討會' shares the evidence file "
            "evidence/signin.pdf with 'open-house': one event recorded as both a promotion "
            "and a seminar (also 'open-house') — keep one record") in out and "(R14)" in out


def test_promotion_and_seminar_on_the_same_day_and_venue_are_one_event(write_alliance, capsys):
    def mutate(d):
        d["activities.yml"][0].update(date="2025-06-10", venue="國際會議廳")
        d["activities.yml"][1].update(venue="國際會議廳")

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1 and "is on 2025-06-10 at 國際會議廳, like 'open-house'" in out
    assert "(R14)" in out


# ---- R5: records outside the phase, report years outside it ----------------------------------
def test_record_before_the_phase_is_a_warning(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["technologies"][0].update(
        date="2024-09-02"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0
    line = line_of(folder / "outcomes.yml", "2024-09-02")
    assert (f"alliances/demo/outcomes.yml:{line}: technologies[0].date: 2024-09-02 is before "
            "this phase (2025-02-01 – 2028-01-31); no sheet of the phase counts it") in out
    assert "(R5)" in out


@pytest.mark.parametrize("fmt", ["json", "csv", "html"])
def test_report_year_outside_the_phase_is_a_usage_error(write_alliance, capsys, fmt):
    folder = write_alliance()
    code, out, err = run(capsys, folder, "report", "demo", "--year", "2024", "--format", fmt)
    assert code == 2 and out == ""
    assert "--year 2024 is not a year of this phase (2025–2027" in err


# ---- R19: pending projects, with or without dates --------------------------------------------
@pytest.mark.parametrize("dates", [{}, {"period": {"start": "2025-08-01", "end": "2026-07-31"}},
                                   {"signed": "2025-08-01"}])
def test_pending_project_never_breaks_a_command(write_alliance, capsys, tmp_path, dates):
    def mutate(d):
        d["outcomes.yml"]["projects"].append(
            {"id": "pr-wait", "member": "acme", "title": "申請中的計畫", "amount": 300,
             "signatory": "王主持", "status": "pending", **dates})

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "report", "demo", "--year", "2025", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["kpi"]["projects"] == 1 and data["kpi"]["project_amount"] == 600
    [r19] = [w for w in data["warnings"] if w["rule"] == "R19"]
    assert r19["record"] == "outcomes.yml:pr-wait" and r19["line"] == line_of(
        folder / "outcomes.yml", "status: pending")
    assert "still under application" in r19["message"]
    target = tmp_path / "out" / "r.html"
    code, _, err = run(capsys, folder, "report", "demo", "--year", "2025", "--format", "html",
                       "--out", str(target), "--private")
    assert code == 0, err
    assert "pr-wait" in target.read_text(encoding="utf-8")  # the companion lists it
    code, _, err = run(capsys, folder, "validate", str(folder))
    assert code == 0 and "Traceback" not in err


# ---- R18: transfers and projects for non-members go to item 9 --------------------------------
def test_transfer_for_a_non_member_cites_r18_and_item_9(write_alliance, capsys):
    def mutate(d):
        d["members.yml"][0]["kind"] = "individual"

    folder = write_alliance(mutate)
    _, sheet = _sheet(folder)
    moved = {d.key: d for d in sheet.moved_to_item_9()}
    assert moved["outcomes.yml:tr1"].rule == "R18"
    assert sheet.kpi["transfers"] == 0
    code, out, _ = run(capsys, folder, "validate", str(folder))
    line = line_of(folder / "outcomes.yml", "member: acme", 4)
    assert code == 0
    assert (f"alliances/demo/outcomes.yml:{line}: transfers[0].member: transfer tr1 not counted "
            "in 2025: acme is an individual member, not a company — a partner must be an alliance "
            "member; report it under other_results (item 9) (R18)") in out


# ---- the catalogue ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_alliance_rules_prints_the_table_that_runs(capsys, lang):
    from generator.cli import main
    from generator.rules import RULES

    assert main(["--lang", lang, "rules"]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        assert f"{rule.id} " in out and rule.function.__name__ in out and rule.title(lang) in out
    assert [r.id for r in RULES] == [f"R{n}" for n in range(5, 20)]


# ---- R8: one way to count highlights --------------------------------------------------------
def test_validate_and_deadlines_count_highlights_the_same_way(write_alliance, capsys):
    points = ["亮 點 " * 60, "成 果 " * 60]  # 480 characters with spaces, 240 without
    folder = write_alliance(lambda d: d["alliance.yml"]["highlights"][2025].update(
        points=points))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0 and "(R8)" not in out
    code, out, _ = run(capsys, folder, "deadlines", "demo", "--date", "2025-10-01")
    assert code == 0 and "(R8)" not in out and "characters" not in out
    folder = write_alliance(lambda d: d["alliance.yml"]["highlights"][2025].update(
        points=[*points, "再一點再多一點點" * 2]))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1 and "have 248" not in out and "have 256 characters, over 250" in out
