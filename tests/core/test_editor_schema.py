"""The editor's JSON Schemas: generated from the model, committed, and as strict as validate.

Checked with a real JSON Schema validator (``jsonschema``), on the data as an editor's YAML
server sees it: dates and year keys are text, not Python objects.
"""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Callable
from contextlib import chdir
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.editor_schema import FILES, build_schema, modeline, schema_name
from generator.editor_schema.descriptions import MODEL_DOCS, key_doc
from generator.loader import discover, load_alliance
from generator.paths import alliances_dir, project_root

ROOT = project_root(Path(__file__).parent)
EXAMPLES = discover(alliances_dir(ROOT))


def as_editor_sees(value: Any) -> Any:
    """YAML as yaml-language-server hands it to the schema: dates and keys are strings."""
    if isinstance(value, dict):
        return {str(k): as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def errors_of(file_name: str, data: Any) -> list[str]:
    validator = Draft202012Validator(build_schema(file_name))
    return [f"{list(e.absolute_path)}: {e.message}"
            for e in validator.iter_errors(as_editor_sees(data))]


def read(folder: Path, file_name: str) -> Any:
    return yaml.safe_load((folder / file_name).read_text(encoding="utf-8"))


def test_the_schemas_are_valid_json_schemas():
    for file_name in FILES:
        Draft202012Validator.check_schema(build_schema(file_name))


def test_committed_schemas_are_what_the_model_generates():
    for file_name in FILES:
        committed = json.loads((ROOT / "schemas" / schema_name(file_name)).read_text("utf-8"))
        assert committed == build_schema(file_name), \
            f"schemas/{schema_name(file_name)} is stale: run 'alliance schema'"


@pytest.mark.parametrize("folder", EXAMPLES, ids=[f.name for f in EXAMPLES])
def test_the_example_alliances_pass_their_schemas(folder: Path):
    for file_name in FILES:
        if (folder / file_name).is_file():
            assert errors_of(file_name, read(folder, file_name)) == []


def test_the_example_carries_the_modeline_and_it_resolves():
    folder = alliances_dir(ROOT) / "smart-sensing"
    for file_name in FILES:
        first = (folder / file_name).read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(file_name)
        relative = first.split("$schema=", 1)[1]
        assert (folder / relative).resolve() == (ROOT / "schemas" / schema_name(file_name))


def test_the_scaffold_passes_its_schemas_and_new_writes_them(tmp_path: Path, capsys):
    (tmp_path / "alliances").mkdir()
    (tmp_path / "mkdocs.yml").write_text("theme: {name: material}\n")
    with chdir(tmp_path):
        assert main(["--lang", "en", "new", "fresh-lab"]) == 0
    folder = tmp_path / "alliances" / "fresh-lab"
    for file_name in FILES:
        text = (folder / file_name).read_text(encoding="utf-8")
        assert text.splitlines()[0] == modeline(file_name)
        target = folder / text.splitlines()[0].split("$schema=", 1)[1]
        assert json.loads(target.read_text("utf-8")) == build_schema(file_name)
        assert errors_of(file_name, yaml.safe_load(text)) == []


Mutation = Callable[[Any], None]


def _set(path: list[Any], value: Any) -> Mutation:
    def mutate(data: Any) -> None:
        for part in path[:-1]:
            data = data[part]
        data[path[-1]] = value
    return mutate


# Each of these is refused by 'alliance validate' too (checked below on the same data).
MUTATIONS: list[tuple[str, Mutation, str]] = [
    ("members.yml", _set([0, "tear"], "gold"), "unknown key"),
    ("members.yml", _set([0, "kind"], "startup"), "not an allowed kind"),
    ("members.yml", _set([0, "contracts", 0, "start"], "114/03/01"), "ROC date"),
    ("members.yml", _set([0, "id"], "Acme Tech"), "bad id"),
    ("activities.yml", _set([0, "kind"], ["promotion", "seminar"]), "two kinds"),
    ("activities.yml", _set([0, "participants"], -3), "negative count"),
    ("outcomes.yml", _set(["income", 0, "amount"], "三萬"), "amount as text"),
    ("outcomes.yml", _set(["income", 0, "evidence"], "receipts/r.pdf"), "not under evidence/"),
    ("alliance.yml", _set(["targets", 2025], {"member_total": 3}), "misspelt KPI"),
    ("alliance.yml", _set(["team", 0, "role"], "boss"), "unknown role"),
    ("alliance.yml", _set(["name"], {"en": "English only"}), "text without zh"),
    ("alliance.yml", _set(["website", "established"], "2024-13"), "month 13"),
    ("members.yml", _set([0, "contracts", 0, "signed", "pi"], "yes"), "a flag as text"),
    ("members.yml", _set([0, "contracts", 0, "seal"], True), "unknown key in a contract"),
    ("members.yml", _set([0, "logo", "src"], "../evidence/x.png"), "logo outside media/"),
    ("outcomes.yml", _set(["income", 0, "kind"], "grant"), "refused income kind"),
]


@pytest.mark.parametrize("file_name,mutate,why", MUTATIONS, ids=[m[2] for m in MUTATIONS])
def test_a_mutated_example_fails_the_schema_as_it_fails_validate(
        file_name: str, mutate: Mutation, why: str, tmp_path: Path):
    source = alliances_dir(ROOT) / "smart-sensing"
    data = read(source, file_name)
    assert errors_of(file_name, data) == []
    broken = copy.deepcopy(data)
    mutate(broken)
    assert errors_of(file_name, broken), f"the schema accepts a file with {why}"
    # validate refuses the same file: the editor and the command agree.
    folder = tmp_path / "smart-sensing"
    folder.mkdir()
    for name in FILES:
        (folder / name).write_text((source / name).read_text("utf-8"), encoding="utf-8")
    (folder / file_name).write_text(yaml.safe_dump(broken, allow_unicode=True), "utf-8")
    assert load_alliance(folder).alliance is None


def test_every_key_has_hover_text_in_both_languages():
    for file_name in FILES:
        schema = build_schema(file_name)
        for name, definition in schema.get("$defs", {}).items():
            assert name in MODEL_DOCS, f"{name} has no description"
            for key, prop in definition.get("properties", {}).items():
                doc = key_doc(name, key)
                assert doc is not None, f"{name}.{key} has no description"
                assert doc[0] in prop["description"] and doc[1] in prop["description"]
