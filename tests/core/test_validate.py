"""``alliance validate``: every rule's message, its file and line, and the exit code."""

from __future__ import annotations

from core_support import line_of, run


def test_clean_alliance_validates_without_findings(write_alliance, capsys):
    folder = write_alliance()
    code, out, err = run(capsys, folder, "validate", str(folder))
    assert code == 0, out + err
    assert "0 error(s), 0 warning(s)" in out


def test_highlights_over_250_characters_are_an_error(write_alliance, capsys):
    folder = write_alliance(lambda d: d["alliance.yml"]["highlights"][2025].update(
        points=["亮" * 200, "點" * 51]))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "alliance.yml", "points:")
    assert (f"alliances/demo/alliance.yml:{line}: highlights.2025.points: the 2025 highlights "
            "have 251 characters, over 250 — shorten them by 1 characters (R8)") in out


def test_patent_number_pending_is_refused(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["patents"][0].update(number="申請中"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "outcomes.yml", "number: 申請中")
    assert f"outcomes.yml:{line}: patents[0].number: the patent number may not be '申請中'" in out
    assert "(R16)" in out


def test_member_none_is_refused(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["products"][0].update(member="無"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "products[0].member: the company may not be '無'" in out
    assert "(R16)" in out


def test_refused_income_kinds_name_the_item_they_belong_to(write_alliance, capsys):
    def mutate(d):
        d["outcomes.yml"]["income"].extend([
            {"id": "gift", "date": "2025-04-01", "kind": "equipment_donation", "amount": 5},
            {"id": "tt", "date": "2025-04-01", "kind": "technology_transfer", "amount": 5},
            {"id": "sbir", "date": "2025-04-01", "kind": "sbir", "amount": 5},
            {"id": "grant", "date": "2025-04-01", "kind": "ministry_grant", "amount": 5},
        ])

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "income[2].kind: equipment donated by a company" in out and "(item 9)" in out
    assert "income[3].kind: technology-transfer income is not operating income" in out
    assert "transfers: in outcomes.yml (item 7)" in out
    assert "income[4].kind: funds of another project" in out
    assert "income[5].kind: the ministry's own alliance grant" in out
    assert out.count("(R12)") == 4


def test_technical_service_needs_matching_technical_service_income(write_alliance, capsys):
    def mutate(d):
        d["outcomes.yml"]["income"][0]["id"] = "fee-acme"
        d["outcomes.yml"]["technical_services"].append(
            {"id": "ts2", "date": "2025-06-01", "member": "acme", "title": "x",
             "income": "fee-acme"})
        d["outcomes.yml"]["technical_services"].append(
            {"id": "ts3", "date": "2025-06-01", "member": "acme", "title": "y",
             "income": "nothing"})

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert ("technical_services[1].income: income 'fee-acme' is membership income, "
            "not technical_service") in out
    assert "technical_services[2].income: there is no income record 'nothing'" in out
    assert out.count("(R13)") == 2


def test_transfer_by_a_non_pi_is_a_warning_and_not_counted(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["transfers"][0].update(
        licensor="張老師"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0
    line = line_of(folder / "outcomes.yml", "licensor: 張老師")
    assert (f"outcomes.yml:{line}: transfers[0].licensor: transfer tr1 not counted in 2025: "
            "張老師 is not the PI or a co-PI") in out
    assert "(R18)" in out


def test_project_partner_must_be_a_member(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["projects"][0].update(member="gamma"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "projects[0].member: there is no member 'gamma'" in out


def test_pending_project_is_a_warning(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["projects"][0].update(
        status="pending"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 0
    assert "projects[0].status: project pr1 not counted in 2025: it is still under " \
           "application" in out
    assert "(R19)" in out


def test_same_patent_number_twice_is_an_error(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["patents"].append(
        {"id": "pat2", "date": "2025-10-02", "member": "acme", "title": "重複",
         "status": "granted", "number": "TW113100001"}))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "patents[1].number: patent number TW113100001 is already reported as 'pat1'" in out
    assert "(R5)" in out


def test_same_activity_twice_and_promotion_seminar_overlap(write_alliance, capsys):
    def mutate(d):
        acts = d["activities.yml"]
        acts.append({**acts[0], "id": "open-house-again"})
        acts.append({**acts[0], "id": "open-house-seminar", "kind": "seminar"})

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "'說明會' on 2025-04-10 is recorded twice (also 'open-house')" in out
    assert "recorded as both a promotion and a seminar" in out and "(R14)" in out


def test_activity_with_two_kinds_is_an_error(write_alliance, capsys):
    folder = write_alliance(lambda d: d["activities.yml"][0].update(
        kind=["promotion", "seminar"]))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "activities.yml", "kind:")
    assert f"activities.yml:{line}: kind: an activity has exactly one kind" in out


def test_duplicate_income_id_is_an_error(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["income"].append(
        dict(d["outcomes.yml"]["income"][0])))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "income[2].id: the income id 'fee-acme' is used twice" in out


def test_unknown_key_gets_did_you_mean(write_alliance, capsys):
    def mutate(d):
        d["members.yml"][0]["tiers"] = d["members.yml"][0].pop("tier")

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    line = line_of(folder / "members.yml", "tiers:")
    assert f"members.yml:{line}: tiers: unknown key 'tiers' — did you mean 'tier'?" in out


def test_bad_dates_are_explained(write_alliance, capsys):
    def mutate(d):
        d["activities.yml"][0]["date"] = "2025-02-30"
        d["activities.yml"][1]["date"] = "114/06/10"

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "date: 2025-02-30 is not a real date" in out
    assert "date: '114/06/10' is not a date — write it as YYYY-MM-DD" in out


def test_wrong_type_is_explained(write_alliance, capsys):
    folder = write_alliance(lambda d: d["activities.yml"][1].update(participants="many"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "participants: 'many' is not a count — write a whole number, 0 or more" in out


def test_image_without_alt_is_an_error(write_alliance, capsys):
    def mutate(d):
        d["members.yml"][0]["logo"] = {"src": "media/acme.png"}

    folder = write_alliance(mutate)
    (folder / "media").mkdir()
    (folder / "media" / "acme.png").write_bytes(b"\x89PNG")
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "logo.alt: the image has no alt text — add alt:" in out


def test_missing_media_file_is_an_error(write_alliance, capsys):
    folder = write_alliance(lambda d: d["members.yml"][0].update(
        logo={"src": "media/none.png", "alt": "標誌"}))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "logo.src: media/none.png does not exist" in out


def test_exactly_one_pi(write_alliance, capsys):
    folder = write_alliance(lambda d: d["alliance.yml"]["team"][1].update(role="pi"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "team[1].role: a second PI (李共同); an alliance has exactly one" in out
    folder = write_alliance(lambda d: [p.update(role="member")
                                       for p in d["alliance.yml"]["team"]])
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "team: the team has no PI" in out


def test_kinmen_needs_a_region_mapping(write_alliance, capsys):
    folder = write_alliance(lambda d: d["members.yml"][2].update(city="金門縣"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "city: 金門縣 is in none of the four regions — say where it counts in " \
           "alliance.yml, e.g. regions: {金門縣: north}" in out


def test_unknown_city_gets_did_you_mean(write_alliance, capsys):
    folder = write_alliance(lambda d: d["members.yml"][0].update(city="新竹線"))
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "city: '新竹線' is not a county or city of Taiwan — did you mean '新竹縣'?" in out


def test_unknown_references(write_alliance, capsys):
    def mutate(d):
        d["members.yml"][0]["tier"] = "golden"
        d["activities.yml"][2]["members"] = ["acmee"]

    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "tier: there is no tier 'golden' — did you mean 'gold'?" in out
    assert "members[0]: there is no member 'acmee' — did you mean 'acme'?" in out


def test_malformed_yaml_and_duplicate_keys(write_alliance, capsys):
    folder = write_alliance(raw={"activities.yml": "- id: a\n  date: [2025\n"})
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "activities.yml:2: the '[' on line 2 is never closed" in out
    folder = write_alliance(raw={"activities.yml": "- id: a\n  id: b\n"})
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "activities.yml:2: [0].id: the key 'id' appears twice" in out


def test_messages_in_chinese(write_alliance, capsys):
    folder = write_alliance(lambda d: d["outcomes.yml"]["patents"][0].update(number="pending"))
    from contextlib import chdir

    from generator.cli import main

    with chdir(folder.parent.parent):
        code = main(["--lang", "zh", "validate", "demo"])
    out = capsys.readouterr().out
    assert code == 1
    assert "錯誤:" in out and "專利號不可填「pending」" in out and "(R16)" in out


def test_errors_come_before_warnings_grouped_by_file(write_alliance, capsys):
    def mutate(d):
        d["outcomes.yml"]["projects"][0]["status"] = "pending"  # warning, outcomes.yml
        d["outcomes.yml"]["patents"][0]["number"] = "申請中"  # error, outcomes.yml, later line

    folder = write_alliance(mutate)
    _, out, _ = run(capsys, folder, "validate", str(folder))
    lines = [line for line in out.splitlines() if "outcomes.yml" in line]
    assert lines[0].startswith("error:") and lines[-1].startswith("warning:")


def test_usage_errors_exit_2(write_alliance, capsys):
    folder = write_alliance()
    code, _, err = run(capsys, folder, "validate", "no-such-alliance")
    assert code == 2 and "no alliance 'no-such-alliance'" in err
