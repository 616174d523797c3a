"""Messages a person can act on: YAML slips in plain words, references with the valid ids,
Chinese without English prose, ``--lang`` anywhere, ids that are also command names."""

from __future__ import annotations

import re
import socket
from contextlib import chdir
from pathlib import Path

import pytest
from core_support import run

from generator.cli import commands, main
from generator.commands import serve
from generator.loader import load_alliance
from generator.model import Activity, AllianceInfo, Member
from generator.model.outcomes import Outcomes
from generator.yamlmarks import YamlError, parse_text

ROOT = Path(__file__).resolve().parents[2]

# (YAML text, line, what the English message says, the fix in English, in Chinese)
SLIPS = {
    "tab": ("id: x\n\tname: y\n", 2, "tab character", "replace the tab with spaces",
            "換成空格"),
    "tab after a colon": ("id: x\nname:\ty\n", 2, "tab character", "with spaces", "換成空格"),
    "colon in a flow mapping": ("id: x\ntitle: {zh: 時間: 上午, en: x}\n", 2,
                                "contains ': ' inside {…}", 'zh: "時間: 上午"',
                                'zh: "時間: 上午"'),
    "no space after the colon": ("id: x\nname:範例\ncity: y\n", 2, "no space after ':'",
                                 "name: 範例", "name: 範例"),
    "no space, in a list": ("- id: x\n  name:範例\n  city: y\n", 2, "no space after ':'",
                            "name: 範例", "name: 範例"),
    "colon in a block value": ("title: Time: 9am\nid: x\n", 1, "contains ': '",
                               'title: "Time: 9am"', 'title: "Time: 9am"'),
    "unclosed quote": ('id: x\ntitle: "abc\ncity: y\n', 2, "never closed", "closing quote",
                       "補上引號"),
    "unclosed brace": ("title: {zh: a, en: b\nid: x\n", 1, "never closed", "'}'", "「}」"),
    "over-indented line": ("id: x\n  name: y\n", 2, "indented more", "line it up", "對齊"),
}


@pytest.mark.parametrize("text,line,says,fix_en,fix_zh", SLIPS.values(), ids=list(SLIPS))
def test_yaml_slips_are_told_in_plain_words_with_the_fix(text, line, says, fix_en, fix_zh):
    with pytest.raises(YamlError) as caught:
        parse_text(text, Path("members.yml"))
    finding = caught.value.finding
    assert finding.where.line == line
    assert says in finding.message("en")
    assert fix_en in finding.fix("en") and fix_zh in finding.fix("zh")
    assert_chinese(finding.text("zh"))


def test_a_file_that_did_not_parse_gets_no_schema_errors(write_alliance):
    folder = write_alliance()
    path = folder / "alliance.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nname:", "\n\tname:", 1),
                    encoding="utf-8")
    result = load_alliance(folder)
    assert result.alliance is None
    assert [f.where.file.name for f in result.findings] == ["alliance.yml"]
    assert "tab character" in result.findings[0].message("en")


def test_a_comma_inside_braces_says_to_quote_the_text(write_alliance, capsys):
    folder = write_alliance(raw={})
    path = folder / "alliance.yml"
    path.write_text(path.read_text(encoding="utf-8") +
                    "tagline: {zh: 服務, en: Services, benefits and how to join}\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "'benefits and how to join', was read as a new key" in out
    assert 'put the whole text in quotes: en: "Services, benefits and how to join"' in out
    assert "unknown key" not in out


def test_a_tier_written_by_its_name_gets_its_id(write_alliance, capsys):
    def mutate(data):
        data["members.yml"][0]["tier"] = "金級"
    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "tier: there is no tier '金級' — '金級' is the name of tier 'gold': write its id, gold" \
        in out


def test_an_unknown_tier_lists_the_valid_ids(write_alliance, capsys):
    def mutate(data):
        data["members.yml"][0]["tier"] = "diamond"
    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    tiers = ", ".join(t["id"] for t in _tiers(folder))
    assert code == 1
    assert f"there is no tier 'diamond' — use one of the tier ids: {tiers}" in out


def test_a_member_written_by_its_company_name_gets_its_id(write_alliance, capsys):
    def mutate(data):
        data["outcomes.yml"]["patents"][0]["member"] = data["members.yml"][0]["name"]
    folder = write_alliance(mutate)
    code, out, _ = run(capsys, folder, "validate", str(folder))
    assert code == 1
    assert "is the name of member 'acme': write its id, acme" in out


def _tiers(folder: Path) -> list[dict]:
    import yaml
    return yaml.safe_load((folder / "alliance.yml").read_text("utf-8"))["membership"]["tiers"]


# Besides the format's keys and fixed values, ids and paths: names with no Chinese form.
VOCABULARY = {"YAML", "Tab", "VS", "Code", "UTF", "PDF", "id", "ID", "alliance", "new",
              "validate", "Ctrl", "C", "MB"}


def _keys() -> set[str]:
    from pydantic import BaseModel

    seen: set[type] = set()
    keys: set[str] = set()

    def walk(tp: object) -> None:
        import typing
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in seen:
                return
            seen.add(tp)
            for name, field in tp.model_fields.items():
                keys.add(name)
                walk(field.annotation)
            return
        for arg in typing.get_args(tp):
            walk(arg)
            if isinstance(arg, str):
                keys.add(arg)  # a Literal's values: kind: promotion, role: pi
    for model in (AllianceInfo, Member, Activity, Outcomes):
        walk(model)
    return keys


def assert_chinese(text: str, ids: frozenset[str] = frozenset()) -> None:
    """No English prose: every ASCII word is a key, a value, an id, a path or a name.

    What the person wrote is quoted (「…」 or "…") and is theirs, not the message's.
    """
    keys = _keys()
    prose = re.sub(r"「[^」]*」|\"[^\"]*\"", "", text)
    for token in re.findall(r"[A-Za-z][A-Za-z0-9_./:@-]*", prose):
        word = token.rstrip(":.")
        if (re.search(r"[0-9_./@-]", word) or word in keys or word in VOCABULARY
                or word in ids):
            continue
        raise AssertionError(f"English word '{word}' in a Chinese message: {text}")


def test_chinese_messages_of_the_example_have_no_english_prose(capsys):
    root = Path(__file__).resolve().parents[2]
    with chdir(root):
        main(["validate", "smart-sensing", "--lang", "zh", "--date", "2026-12-01"])
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if line.strip()]
    assert any("不列入" in line for line in lines)
    ids = frozenset(re.findall(r"^\s*-?\s*id: ([a-z0-9-]+)$",
                               "".join(p.read_text("utf-8") for p in
                                       (root / "alliances/smart-sensing").glob("*.yml")),
                               re.M))
    for line in lines:
        assert_chinese(line, ids)


def test_chinese_warnings_name_records_in_chinese(write_alliance, capsys):
    def mutate(data):
        data["activities.yml"][0]["evidence"] = []
        data["members.yml"][0]["kind"] = "legal_entity"
    folder = write_alliance(mutate)
    with chdir(folder.parent.parent):
        main(["validate", "demo", "--date", "2025-12-15", "--lang", "zh"])
    out = capsys.readouterr().out
    assert "會員 acme 不列入 2025 年" in out
    assert re.search(r"(推廣活動|研討會|訪廠) \S+ 不列入 2025 年", out)
    assert "member acme" not in out and "not counted" not in out


def test_lang_works_anywhere_on_the_line(write_alliance, capsys):
    folder = write_alliance(lambda d: d["members.yml"][0].update(tier="diamond"))
    with chdir(folder.parent.parent):
        assert main(["validate", "demo", "--lang", "zh"]) == 1
        assert main(["validate", "--lang=zh", "demo"]) == 1
        assert main(["validate", "demo", "--lang", "fr"]) == 2
    out = capsys.readouterr()
    assert out.out.count("找不到會員等級「diamond」") == 2
    assert "--lang takes en or zh, not 'fr'" in out.err


def test_an_alliance_called_like_a_command_still_works(tmp_path: Path, capsys):
    (tmp_path / "alliances").mkdir()
    (tmp_path / "mkdocs.yml").write_text("theme: {name: material}\n")
    with chdir(tmp_path):
        assert main(["new", "spotcheck", "--lang", "en"]) == 0
        err = capsys.readouterr().err
        assert "'spotcheck' is also an 'alliance' command" in err
        for argv in (["validate", "spotcheck"], ["validate", "--", "spotcheck"],
                     ["validate", "./alliances/spotcheck"], ["--lang", "en", "validate",
                                                             "spotcheck"]):
            assert main([*argv, "--date", "2026-12-01"][:len(argv)]) == 0, argv
            assert "spotcheck: ok" in capsys.readouterr().out
        assert main(["new", "my-lab"]) == 0
        assert "also an 'alliance' command" not in capsys.readouterr().err


def test_serve_on_a_busy_port_says_so_once_and_builds_nothing(tmp_path: Path, capsys):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        code = serve.run(tmp_path / "alliances" / "demo", port, "en", tmp_path)
    finally:
        taken.close()
    out = capsys.readouterr()
    assert code == 1
    assert out.out == ""
    assert f"port {port} is in use" in out.err and "nothing was started" in out.err
    assert f"--port {port + 1}" in out.err
    assert not (tmp_path / "build").exists()


def test_a_wrong_type_is_named_in_chinese(write_alliance, capsys):
    folder = write_alliance(lambda d: d["members.yml"][0].update(city=5))
    with chdir(folder.parent.parent):
        assert main(["validate", "demo", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "city" in line)
    assert "應為文字，卻是整數" in line
    assert_chinese(line.split(": city: ", 1)[1])


# Names that have no Chinese form, besides keys, options, commands and file names.
NAMES = {"true", "false", "TRUE", "FALSE", "CSV", "Excel", "README", "key", "xlsx", "csv",
         "md", "eTop", "GitHub", "Pages", "main", "MkDocs", "front", "matter", "slug", "pdf",
         *commands()}


def test_no_chinese_message_in_the_code_holds_english_prose():
    """Every Msg's Chinese half, as written in the code: no English sentence slips in."""
    import ast

    keys = _keys() | VOCABULARY | NAMES
    offenders = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Msg"
                    and len(node.args) == 2):
                continue
            zh = node.args[1]
            parts = ([zh.value] if isinstance(zh, ast.Constant) and isinstance(zh.value, str)
                     else [v.value for v in getattr(zh, "values", [])
                           if isinstance(v, ast.Constant)])
            text = re.sub(r"「[^」]*」|\"[^\"]*\"|'[^']*'|--[\w-]+|alliance [a-z]+"
                          r"|\\[a-z]\w*|U\+", "",
                          " ".join(parts))
            words = [w.rstrip(":.") for w in re.findall(r"[A-Za-z][A-Za-z0-9_./:@-]*", text)]
            words = [w for w in words if not re.search(r"[0-9_./@-]", w) and w not in keys]
            if words:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {words}")
    assert offenders == [], "English in Chinese messages:\n" + "\n".join(offenders)
