"""Spreadsheets in and out: an assistant's workbook becomes YAML without typing YAML.

Workbooks are built with openpyxl the way Excel saves them; the YAML is the base alliance
(or the example) in a temp project; every problem must name its cell.
"""

from __future__ import annotations

import shutil
from contextlib import chdir
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from generator.cli import main
from generator.sheets.columns import ALL_TABLES, read_header
from generator.sheets.roundtrip import dump, load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "alliances" / "smart-sensing"


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def alliance(capsys, folder: Path, *args: str) -> tuple[int, str, str]:
    with chdir(folder.parent.parent):
        code = main(["--lang", "en", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example alliance in a project of its own."""
    (tmp_path / "alliances").mkdir()
    (tmp_path / "mkdocs.yml").write_text("theme: {name: material}\n")
    shutil.copytree(EXAMPLE, tmp_path / "alliances" / "smart-sensing")
    return tmp_path / "alliances" / "smart-sensing"


SCAFFOLD = ROOT / "generator" / "scaffold"
YAML_FILES = [EXAMPLE / n for n in ("members.yml", "activities.yml", "outcomes.yml",
                                    "alliance.yml")] + sorted(SCAFFOLD.glob("*.yml"))


@pytest.mark.parametrize("path", YAML_FILES, ids=[f"{p.parent.name}/{p.name}"
                                                  for p in YAML_FILES])
def test_the_round_trip_yaml_comes_out_byte_for_byte(path: Path):
    """Aligned end-of-line comments, flow mappings, blank lines: all as they were."""
    text, data = load(path, None)
    assert dump(data) == text


def test_export_then_import_changes_nothing(example: Path, capsys, tmp_path: Path):
    book = tmp_path / "book.xlsx"
    code, out, err = alliance(capsys, example, "export", "smart-sensing", "--out", str(book))
    assert code == 0 and "private" in err
    before = {p.name: p.read_bytes() for p in example.glob("*.yml")}
    for what in ("members", "contracts", "activities", "income", "outcomes"):
        code, out, err = alliance(capsys, example, "import", "smart-sensing", what, str(book),
                                  "--yes")
        assert code == 0, err
        assert "nothing to change" in out, out
    assert {p.name: p.read_bytes() for p in example.glob("*.yml")} == before
    sheets = load_workbook(book).sheetnames
    assert sheets[-1] == "說明" and {"會員", "合約", "活動", "收入", "專利"} <= set(sheets)


@pytest.mark.parametrize(("broken", "said"), [
    ("x: 1\n", "members.yml: the file's top level is not a list (- …)"),
    ("- id: a\n\tname: b\n", "members.yml:2: the file is not valid YAML"),
])
def test_a_broken_target_file_is_named_not_an_internal_error(example: Path, capsys,
                                                             tmp_path: Path, broken, said):
    book = tmp_path / "book.xlsx"
    assert alliance(capsys, example, "export", "smart-sensing", "--out", str(book))[0] == 0
    (example / "members.yml").write_text(broken, encoding="utf-8")
    for args in (("import", "smart-sensing", "members", str(book)),
                 ("export", "smart-sensing", "members", "--out", str(tmp_path / "b.xlsx"))):
        code, _, err = alliance(capsys, example, *args)
        assert code == 1 and said in err and "fix members.yml first" in err, err


def test_a_members_workbook_in_chinese_headers_merges_by_id(example: Path, capsys,
                                                             tmp_path: Path):
    members = yaml.safe_load((example / "members.yml").read_text("utf-8"))
    first = members[0]
    book = workbook(tmp_path / "會員.xlsx", {"工作表1": [
        ["會員名單 2025"],  # a title line above the headers, as offices do
        ["代碼", "公司名稱", "縣 市", "會員等級", "同意公開", "備註欄"],
        [first["id"], first["name"]["zh"], "苗栗縣", first["tier"], "是", "x"],
        ["new-co", "新創精機有限公司", "台中市", "白金會員", "否", ""],
    ]})
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "members", str(book))
    assert code == 0, err
    assert "會員 (members): 1 new, 1 changed" in out
    assert "-  city: 新竹縣" in out and "+  city: 苗栗縣" in out
    assert "+- id: new-co" in out and "+  tier: platinum" in out
    assert "會員.xlsx!D4: '白金會員' is the name of tier 'platinum'" in err
    assert "會員.xlsx!F2: the column '備註欄' is not used" in err
    assert "dry run: nothing written" in out
    assert (example / "members.yml").read_text("utf-8").count("new-co") == 0
    text_before = (example / "members.yml").read_text("utf-8")
    code, out, _ = alliance(capsys, example, "import", "smart-sensing", "members", str(book),
                            "--yes")
    after = (example / "members.yml").read_text("utf-8")
    assert code == 0 and "wrote members.yml" in out
    # Comments and every untouched line survive; the new record is appended.
    assert [line for line in text_before.splitlines() if line.startswith("#")] == \
        [line for line in after.splitlines() if line.startswith("#")]
    data = yaml.safe_load(after)
    assert data[0]["city"] == "苗栗縣" and data[0]["contracts"] == first["contracts"]
    assert data[-1] == {"id": "new-co", "name": "新創精機有限公司", "city": "台中市",
                        "tier": "platinum", "public": False}
    code, out, _ = alliance(capsys, example, "validate", "smart-sensing", "--date",
                            "2026-12-01")
    assert "smart-sensing: ok" in out


def test_roc_dates_and_yuan_convert_only_when_the_header_says_so(example: Path, capsys,
                                                                 tmp_path: Path):
    book = workbook(tmp_path / "income.xlsx", {"收入": [
        ["代碼", "日期（民國）", "收入類別", "金額（元）", "付款者"],
        ["fee-2025-new", "114/03/05", "會員費", 30000, "hsinchu-precision"],
        ["fee-2025-new2", "114年3月6日", "membership", "12,500", "hsinchu-precision"],
    ]})
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "income", str(book),
                              "--yes")
    assert code == 0, err
    income = yaml.safe_load((example / "outcomes.yml").read_text("utf-8"))["income"]
    added = {r["id"]: r for r in income[-2:]}
    assert added["fee-2025-new"]["date"].isoformat() == "2025-03-05"
    assert added["fee-2025-new"]["amount"] == 30 and added["fee-2025-new2"]["amount"] == 12.5
    assert added["fee-2025-new"]["kind"] == "membership"
    # Without the header saying so, nothing is guessed: the cell is named with the fix.
    book = workbook(tmp_path / "plain.xlsx", {"收入": [
        ["代碼", "日期", "收入類別", "金額"],
        ["fee-2025-x", "114/03/05", "會員費", 30],
    ]})
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "income", str(book))
    assert code == 1
    assert "plain.xlsx!B2: '114/03/05' looks like an ROC (民國) date" in err
    assert "add （民國） to the header" in err and "nothing was written" in err


def test_every_problem_names_its_cell_and_nothing_is_written(example: Path, capsys,
                                                             tmp_path: Path):
    book = workbook(tmp_path / "acts.xlsx", {"活動": [
        ["代碼", "日期", "活動類別", "活動名稱", "參與人數"],
        ["2025-x", datetime(2025, 5, 1), "workshop", "工作坊", 12],
        ["Bad Id", datetime(2025, 5, 2), "研討會", "研討會", "十二"],
        ["2025-y", "2025-13-01", "研討會", "", 3],
        ["2025-z", datetime(2025, 5, 3), "研討會", "", 3],
    ]})
    before = (example / "activities.yml").read_bytes()
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "activities",
                              str(book), "--yes")
    assert code == 1
    assert "acts.xlsx!C2: 'workshop' is not one of: promotion（推廣）" in err
    assert "acts.xlsx!A3: 'Bad Id' is not a valid id" in err
    assert "acts.xlsx!E3: '十二' is not a whole number" in err
    assert "acts.xlsx!B4: 2025-13-01 is not a real date" in err
    assert "acts.xlsx!A5: a new record (2025-z) needs 活動名稱 (title.zh)" in err
    assert "(2025-y)" not in err  # its date was unreadable: told once, at B4
    assert (example / "activities.yml").read_bytes() == before


def test_a_model_error_points_at_the_cell_that_holds_the_value(example: Path, capsys,
                                                               tmp_path: Path):
    book = workbook(tmp_path / "c.xlsx", {"合約": [
        ["會員代碼", "合約起日", "合約迄日"],
        ["hsinchu-precision", datetime(2030, 3, 1), datetime(2029, 2, 28)],
    ]})
    code, _, err = alliance(capsys, example, "import", "smart-sensing", "contracts", str(book))
    assert code == 1
    assert "c.xlsx!A2: the contract ends (2029-02-28) before it starts (2030-03-01)" in err


def test_map_names_other_headers_and_csv_in_big5_is_read(example: Path, capsys,
                                                         tmp_path: Path):
    csv_file = tmp_path / "members.csv"
    csv_file.write_bytes("統一編號,公司,縣市\nhsinchu-precision,竹晶精密機械股份有限公司,新竹市\n"
                         .encode("cp950"))
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "members",
                              str(csv_file), "--map", "統一編號=id", "--map", "公司=name.zh")
    assert code == 0, err
    assert "+  city: 新竹市" in out
    code, _, err = alliance(capsys, example, "import", "smart-sensing", "members",
                            str(csv_file), "--map", "統一編號=vat")
    assert code == 2 and "--map takes 'HEADER=key' with one of the keys: id, name.zh" in err


def test_new_writes_an_empty_workbook_that_imports_as_nothing(tmp_path: Path, capsys):
    (tmp_path / "alliances").mkdir()
    (tmp_path / "mkdocs.yml").write_text("theme: {name: material}\n")
    with chdir(tmp_path):
        assert main(["--lang", "en", "new", "lab"]) == 0
    book = tmp_path / "alliances" / "lab" / "alliance-data.xlsx"
    sheets = load_workbook(book)
    assert sheets.sheetnames == [t.sheet for t in ALL_TABLES] + ["說明"]
    assert [c.value for c in sheets["會員"][1]][:3] == ["代碼", "公司名稱", "公司名稱（英文）"]
    help_text = " ".join(str(c.value) for row in sheets["說明"].iter_rows() for c in row)
    assert "金額（元）" in help_text and "（民國）" in help_text and "members.yml" in help_text
    capsys.readouterr()
    code, out, _ = alliance(capsys, tmp_path / "alliances" / "lab", "import", "lab",
                            "members", str(book))
    assert code == 0 and "nothing to change" in out


def test_units_are_read_from_the_header():
    assert read_header("金額（元）").yuan and not read_header("金額（仟元）").yuan
    assert read_header("Amount (NT$)").yuan and not read_header("Amount (k NTD)").yuan
    roc = read_header("合約起日（民國）")
    assert roc.roc and roc.base == "合約起日"


def test_csv_export_then_import_changes_nothing(example: Path, capsys, tmp_path: Path):
    folder = tmp_path / "csv"
    code, out, _ = alliance(capsys, example, "export", "smart-sensing", "members", "contracts",
                            "income", "outcomes", "--format", "csv", "--out", str(folder))
    assert code == 0
    before = {p.name: p.read_bytes() for p in example.glob("*.yml")}
    groups = {"members": "members", "contracts": "contracts", "income": "income",
              "patents": "outcomes", "projects": "outcomes", "member_outcomes": "outcomes"}
    for table, what in groups.items():
        code, out, err = alliance(capsys, example, "import", "smart-sensing", what,
                                  str(folder / f"{table}.csv"), "--yes")
        assert code == 0 and "nothing to change" in out, (table, out, err)
    assert {p.name: p.read_bytes() for p in example.glob("*.yml")} == before


def test_the_export_refuses_site(example: Path, capsys):
    code, _, err = alliance(capsys, example, "export", "smart-sensing", "--out",
                            str(example.parent.parent / "site" / "data.xlsx"))
    assert code == 2 and "under site/" in err


def test_the_documented_column_list_is_the_catalogue():
    from generator.sheets.write import columns_markdown

    doc = (ROOT / "docs" / "spreadsheets.md").read_text("utf-8")
    assert columns_markdown() in doc, "docs/spreadsheets.md is stale: paste columns_markdown()"


def test_an_oversized_sheet_is_refused_by_name(example: Path, capsys, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch):
    from generator.sheets import read

    monkeypatch.setattr(read, "MAX_ROWS", 3)
    book = workbook(tmp_path / "big.xlsx", {"會員": [["代碼", "縣市"]] + [[f"m{i}", "臺北市"]
                                                                          for i in range(5)]})
    code, _, err = alliance(capsys, example, "import", "smart-sensing", "members", str(book))
    assert code == 1 and "big.xlsx!會員: the file is too large" in err


def test_an_office_list_without_ids_finds_members_by_name(example: Path, capsys,
                                                          tmp_path: Path):
    members = yaml.safe_load((example / "members.yml").read_text("utf-8"))
    known = members[1]
    book = workbook(tmp_path / "名單.xlsx", {"會員": [
        ["公司名稱", "公司名稱（英文）", "縣市", "會員等級"],
        [known["name"]["zh"], known["name"]["en"], "宜蘭縣", known["tier"]],
        ["大同精工股份有限公司", "Datong Precision Co., Ltd.", "臺北市", "general"],
    ]})
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "members", str(book))
    assert code == 1
    assert "名單.xlsx!A3: '大同精工股份有限公司' is a new member, and new members need an id" in err
    assert "e.g. datong-precision-co-ltd" in err
    contracts = workbook(tmp_path / "合約.xlsx", {"合約": [
        ["公司名稱", "合約起日", "合約迄日", "年費"],
        [known["name"]["zh"], datetime(2027, 3, 1), datetime(2028, 2, 29), 30],
    ]})
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "contracts",
                              str(contracts))
    assert code == 0, err
    assert "合約 (contracts): 1 new" in out and "+    - start: 2027-03-01" in out


def test_an_outcome_naming_its_member_by_company_name_gets_the_id(example: Path, capsys,
                                                                 tmp_path: Path):
    members = yaml.safe_load((example / "members.yml").read_text("utf-8"))
    book = workbook(tmp_path / "成果.xlsx", {"專利": [
        ["代碼", "日期", "會員", "專利名稱", "狀態", "專利號"],
        ["pat-new", datetime(2025, 6, 1), members[0]["name"]["zh"], "感測器", "已申請",
         "113123456"],
    ]})
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "outcomes", str(book))
    assert code == 0, err
    assert f"is the name of member '{members[0]['id']}': written as its id" in err
    assert f"+    member: {members[0]['id']}" in out and "+    status: filed" in out


def test_the_import_says_what_validate_would_add_and_refuses_errors(example: Path, capsys,
                                                                   tmp_path: Path):
    members = yaml.safe_load((example / "members.yml").read_text("utf-8"))
    before = (example / "members.yml").read_bytes()
    book = workbook(tmp_path / "m.xlsx", {"會員": [
        ["代碼", "縣市"], [members[0]["id"], "火星市"]]})
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "members", str(book),
                              "--yes")
    assert code == 1
    assert "after this import, 'alliance validate' would add:" in err
    assert "error: alliances/smart-sensing/members.yml:" in err and "火星市" in err
    assert "nothing was written: the data would not validate" in err
    assert (example / "members.yml").read_bytes() == before


def test_an_activitys_venue_comes_in_from_its_column(example: Path, capsys, tmp_path: Path):
    """The venue decides R14 (same day and venue = one event), so the sheet must carry it."""
    activities = yaml.safe_load((example / "activities.yml").read_text("utf-8"))
    first = activities[0]
    book = workbook(tmp_path / "活動.xlsx", {"活動": [
        ["代碼", "地點", "地點（英文）"],
        [first["id"], "國立臺灣精密科技大學 工學院 B101", "Room B101, College of Engineering"],
    ]})
    code, out, err = alliance(capsys, example, "import", "smart-sensing", "activities",
                              str(book), "--yes")
    assert code == 0, err
    venue = yaml.safe_load((example / "activities.yml").read_text("utf-8"))[0]["venue"]
    assert venue == {"zh": "國立臺灣精密科技大學 工學院 B101",
                     "en": "Room B101, College of Engineering"}
