"""The KPI sheet against hand-computed numbers, including the calendar's edges."""

from __future__ import annotations

import csv
import io
import json

import pytest
from core_support import run

from generator.kpi import compute
from generator.loader import load_alliance
from generator.model.sheet_keys import KPI_ORDER

# Counted by hand from tests/core/conftest.py's base data.
BASE_2025 = {
    "members_total": 3, "members_paying": 2, "members_free": 1, "members_north": 1,
    "members_central": 1, "members_south": 1, "members_east": 0,
    "income_membership": 30, "income_technical_service": 50, "income_other": 0,
    "income_total": 80, "website_established": "202503", "promotion_events": 1,
    "seminars": 1, "seminar_participants": 55, "consulting": 1, "consulting_persons": 2,
    "visits": 1, "visit_persons": 6, "products": 1, "technologies": 1, "patents": 1,
    "technical_services": 1, "transfers": 1, "transfer_amount": 100, "projects": 1,
    "project_amount": 600, "new_hires": 1, "output_value": 1200,
    "staff_undergraduate": 0, "staff_master": 2, "staff_phd": 0, "staff_postdoc": 0,
    "staff_assistant": 1,
}


def sheet(folder, year=2025, until=None):
    result = load_alliance(folder)
    assert result.alliance is not None, [f.render("en") for f in result.findings]
    return compute(result.alliance, year, until)


def test_base_sheet_matches_hand_count(write_alliance):
    s = sheet(write_alliance())
    assert s.kpi == BASE_2025
    assert list(s.kpi) == list(KPI_ORDER)
    assert s.warnings == []
    assert s.targets == {"members_total": 3, "income_total": 100}


@pytest.mark.parametrize(("start", "end", "counted"), [
    ("2025-03-01", "2025-10-30", False),  # ends the day before the review day
    ("2025-03-01", "2025-10-31", True),   # ends on it
    ("2025-10-31", "2026-10-30", True),   # starts on it
    ("2025-11-01", "2026-10-31", False),  # starts the day after
])
def test_contract_must_span_oct_31(write_alliance, start, end, counted):
    folder = write_alliance(lambda d: d["members.yml"][0]["contracts"][0].update(
        start=start, end=end))
    s = sheet(folder)
    assert s.kpi["members_total"] == (3 if counted else 2)
    assert s.kpi["members_north"] == (1 if counted else 0)
    reasons = [w.text("en") for w in s.warnings if w.record == "members.yml:acme"]
    if counted:
        assert reasons == []
    else:
        word = "ends" if end < "2025-10-31" else "starts"
        assert reasons == [f"member acme not counted in 2025: contract {word} "
                           f"{end if word == 'ends' else start}, "
                           f"{'before' if word == 'ends' else 'after'} Oct 31 — a counted "
                           "contract must span 2025-10-31 (R10)"]


@pytest.mark.parametrize(("day", "year"), [
    ("2025-01-31", 2024), ("2025-02-01", 2025), ("2026-01-31", 2025), ("2026-02-01", 2026),
])
def test_record_belongs_to_the_one_year_whose_window_holds_it(write_alliance, day, year):
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(
        {"id": "edge", "date": day, "kind": "other", "amount": 7, "note": "研討會報名費",
         "evidence": "evidence/r1.pdf"}))
    for y in (2024, 2025, 2026):
        assert sheet(folder, y).kpi["income_other"] == (7 if y == year else 0)


def test_until_oct_31_cuts_the_window(write_alliance):
    folder = write_alliance()
    s = sheet(folder, until=(10, 31))
    assert s.window.end.isoformat() == "2025-10-31"
    # The transfer (Nov 1) and the project (Dec 1) fall after the cut.
    assert (s.kpi["transfers"], s.kpi["projects"]) == (0, 0)
    assert s.kpi["patents"] == 1  # Oct 1 is inside


def test_free_tier_and_contract_fee(write_alliance):
    def mutate(d):
        d["members.yml"][0]["contracts"][0].pop("fee")  # defaults to tier gold (30)
        d["members.yml"][2]["tier"] = "free"
        d["members.yml"][2]["contracts"][0].pop("fee")  # defaults to the free tier

    s = sheet(write_alliance(mutate))
    assert (s.kpi["members_paying"], s.kpi["members_free"]) == (1, 2)


def test_kinmen_counts_where_the_alliance_says(write_alliance):
    def mutate(d):
        d["members.yml"][2]["city"] = "金門縣"
        d["alliance.yml"]["regions"] = {"金門縣": "south"}

    s = sheet(write_alliance(mutate))
    assert s.kpi["members_south"] == 1
    s = sheet(write_alliance(lambda d: (mutate(d), d["alliance.yml"].update(
        regions={"金門縣": "east"}))))
    assert (s.kpi["members_south"], s.kpi["members_east"]) == (0, 1)


def test_regions_by_ndc_scheme_with_old_names_and_tai(write_alliance):
    def mutate(d):
        d["members.yml"][0]["city"] = "臺北縣"  # now 新北市, north
        d["members.yml"][1]["city"] = "台東縣"  # 臺東縣, east
        d["members.yml"][2]["city"] = "宜蘭縣"

    s = sheet(write_alliance(mutate))
    assert (s.kpi["members_north"], s.kpi["members_east"]) == (2, 1)
    override = write_alliance(lambda d: (mutate(d), d["alliance.yml"].update(
        regions={"宜蘭縣": "east"})))
    assert sheet(override).kpi["members_east"] == 2


def test_legal_entity_and_individual_members_are_not_counted(write_alliance):
    def mutate(d):
        d["members.yml"][0]["kind"] = "legal_entity"
        d["members.yml"][1]["kind"] = "individual"

    s = sheet(write_alliance(mutate))
    assert s.kpi["members_total"] == 1
    texts = [w.text("en") for w in s.warnings]
    assert "member acme not counted in 2025: legal-entity members are not counted — mention " \
           "them in the free text of item 2 (R9)" in texts
    assert any("member beta" in t and "individual" in t for t in texts)


def test_incomplete_contract_is_not_counted(write_alliance):
    def mutate(d):
        contract = d["members.yml"][0]["contracts"][0]
        contract["signed"]["school_seal"] = False
        del contract["phone"]

    s = sheet(write_alliance(mutate))
    assert s.kpi["members_total"] == 2
    assert s.warnings[0].text("en") == (
        "member acme not counted in 2025: the contract lacks the member's phone, the school "
        "seal — complete the contract and its record in members.yml (R10)")
    assert s.warnings[0].record == "members.yml:acme"


def test_missing_evidence_file_for_contract(write_alliance):
    s = sheet(write_alliance(evidence=["c-beta.pdf", "c-kin.pdf", "r1.pdf", "poster.pdf",
                                       "visit.pdf", "tr.pdf", "proj.pdf", "r-ts.pdf"]))
    assert s.kpi["members_total"] == 2
    assert "the file evidence/c-acme.pdf" in s.warnings[0].text("en")


def test_promotion_without_evidence_is_not_counted(write_alliance):
    s = sheet(write_alliance(lambda d: d["activities.yml"][0].pop("evidence")))
    assert s.kpi["promotion_events"] == 0
    assert s.warnings[0].text("en") == (
        "promotion open-house not counted in 2025: it has no evidence — add a poster or "
        "sign-in sheet under evidence: (at least one) (R14)")


def test_consulting_needs_no_evidence_but_visits_do(write_alliance):
    def mutate(d):
        d["activities.yml"][3].pop("evidence")

    s = sheet(write_alliance(mutate))
    assert (s.kpi["consulting"], s.kpi["visits"], s.kpi["visit_persons"]) == (1, 0, 0)


def test_product_needs_photo_or_document(write_alliance):
    s = sheet(write_alliance(lambda d: d["outcomes.yml"]["products"][0].pop("evidence")))
    assert s.kpi["products"] == 0
    assert "it has no photo or document" in s.warnings[0].text("en")


def test_transfer_to_a_lapsed_member_is_not_counted(write_alliance):
    def mutate(d):
        d["outcomes.yml"]["transfers"][0]["date"] = "2026-01-15"
        d["members.yml"][0]["contracts"][0]["end"] = "2025-12-31"

    s = sheet(write_alliance(mutate))
    assert s.kpi["transfers"] == 0 and s.kpi["transfer_amount"] == 0
    assert "acme was not a member on 2026-01-15" in s.warnings[0].text("en")


def test_decimal_amounts_are_kept(write_alliance):
    s = sheet(write_alliance(lambda d: d["outcomes.yml"]["income"][0].update(amount=12.5)))
    assert s.kpi["income_membership"] == 12.5
    assert s.kpi["income_total"] == 62.5


def test_report_json_and_csv(write_alliance, capsys):
    folder = write_alliance()
    code, out, _ = run(capsys, folder, "report", "demo", "--year", "2025", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["alliance"] == "demo" and data["year"] == 2025
    assert data["window"] == {"start": "2025-02-01", "end": "2026-01-31"}
    assert data["kpi"] == BASE_2025
    assert data["targets"] == {"members_total": 3, "income_total": 100}
    assert data["warnings"] == []
    code, out, _ = run(capsys, folder, "report", "demo", "--year", "2025", "--format", "csv",
                       "--until", "10-31")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["key", "value", "target", "item", "label", "unit"]
    assert [r[0] for r in rows[1:]] == list(KPI_ORDER)
    assert ["members_total", "3", "3", "2", "總會員數", "家"] in rows
    assert ["transfers", "0", "", "7", "技術轉移", "案"] in rows
    assert ["seminar_participants", "55", "", "5", "技術研討會參與(人)", "人"] in rows


def test_report_json_has_the_etop_form(write_alliance, capsys):
    def mutate(d):
        d["members.yml"].append({"id": "itri", "name": "工業技術研究院", "kind": "legal_entity",
                                 "city": "新竹縣", "tier": "free",
                                 "contracts": d["members.yml"][1]["contracts"]})
        d["outcomes.yml"]["transfers"][0]["licensor"] = "張老師"
        d["alliance.yml"]["staffing"][2025]["actual"] = {"master": 1, "assistant": 1}
        d["alliance.yml"]["other_results"] = {2025: ["廠商捐贈示波器一台"]}

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "report", "demo", "--year", "2025", "--format", "json")
    assert code == 0
    items = {i["item"]: i for i in json.loads(out)["form"]}
    assert [i for i in items] == list(range(1, 11))
    assert items[1]["title"] == "簡述計畫亮點" and items[1]["points"] == ["協助會員開發新產品"]
    assert items[10]["title"] == "計畫核定研究生人數"
    assert [(x["label"], x["unit"]) for x in items[5]["lines"]][:2] == [
        ("舉辦技術研討會(場)", "場"), ("技術研討會參與(人)", "人")]
    assert items[2]["other"] == ["本聯盟另有法人會員 1 家、個人會員 0 家（不列入會員數）。"]
    assert items[3]["other"] == ["技術服務收入 50 仟元為提供 艾克米公司「檢測」之收入"]
    assert items[9]["other"] == [
        "廠商捐贈示波器一台", "法人會員：工業技術研究院（不列入會員數）",
        "技術轉移「技轉」（艾克米公司）：張老師 不是主持人或共同主持人，未列入第 7 項"]
    assert items[10]["lines"][1] == {"key": "staff_master", "label": "碩士", "unit": "人",
                                     "value": 2, "target": None}
    assert items[10]["other"] == ["以上為核定人數；實際聘請：大學 0 人、碩士 1 人、博士 0 人、"
                                  "博後 0 人、專任助理 1 人"]


def test_report_warnings_in_json(write_alliance, capsys):
    folder = write_alliance(lambda d: d["members.yml"][0]["contracts"][0].update(
        end="2025-09-30"))
    code, out, _ = run(capsys, folder, "report", "demo", "--year", "2025")
    warning = json.loads(out)["warnings"][0]
    assert warning["rule"] == "R10" and warning["record"] == "members.yml:acme"
    assert warning["message"].startswith("member acme not counted in 2025: contract ends "
                                         "2025-09-30, before Oct 31")


def test_report_on_invalid_data_exits_1_and_writes_nothing(write_alliance, capsys, tmp_path):
    folder = write_alliance(lambda d: d["outcomes.yml"]["patents"][0].update(number="申請中"))
    out_file = tmp_path / "sheet.json"
    code, out, err = run(capsys, folder, "report", "demo", "--year", "2025", "--out",
                         str(out_file))
    assert code == 1 and "(R16)" in err and not out_file.exists()


def test_report_usage_errors(write_alliance, capsys):
    folder = write_alliance()
    code, _, err = run(capsys, folder, "report", "demo", "--year", "2025", "--until", "13-01")
    assert code == 2 and "--until" in err
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, folder, "report", "demo")
    assert exit_info.value.code == 2
