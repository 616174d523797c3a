"""``alliance new``: the scaffold validates as it is and shows every key of the format."""

from __future__ import annotations

import re
from contextlib import chdir
from pathlib import Path

from generator.cli import main
from generator.model.activities import Activity
from generator.model.alliance import AllianceInfo
from generator.model.members import Contract, Member
from generator.model.outcomes import Income


def test_new_alliance_validates_and_has_a_deploy_workflow(tmp_path: Path, capsys):
    (tmp_path / "alliances").mkdir()
    (tmp_path / "mkdocs.yml").write_text("theme: {name: material}\n")
    with chdir(tmp_path):
        assert main(["--lang", "en", "new", "my-lab"]) == 0
        assert main(["--lang", "en", "validate", "my-lab"]) == 0
    out = capsys.readouterr().out
    assert "my-lab: ok — 0 error(s)" in out
    folder = tmp_path / "alliances" / "my-lab"
    assert (tmp_path / ".github/workflows/alliance-pages.yml").is_file()
    assert (folder / "evidence/.gitignore").read_text().count("*") == 1
    text = {name: (folder / name).read_text(encoding="utf-8")
            for name in ("alliance.yml", "members.yml", "activities.yml", "outcomes.yml")}
    # Every key of the format is shown (as a key or in a comment), in both languages' comments.
    for model, name in ((AllianceInfo, "alliance.yml"), (Member, "members.yml"),
                        (Contract, "members.yml"), (Activity, "activities.yml"),
                        (Income, "outcomes.yml")):
        for key in model.model_fields:
            assert re.search(rf"\b{key}\b", text[name]), f"{name} does not show {key}"
    assert re.search(r"#.*[\u4e00-\u9fff]", text["members.yml"])
    assert re.search(r"#.*[A-Za-z]{4,}", text["members.yml"])


def test_new_refuses_existing_or_bad_ids(tmp_path: Path, capsys):
    (tmp_path / "alliances" / "taken").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("")
    with chdir(tmp_path):
        assert main(["--lang", "en", "new", "taken"]) == 1
        assert main(["--lang", "en", "new", "Bad_ID"]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "not a valid id" in err
