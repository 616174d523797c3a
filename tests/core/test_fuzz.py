"""No input a user can type produces a traceback: malformed YAML and mutated documents.

Hypothesis writes arbitrary text into the files and mutates the valid base documents
(dropping keys, swapping values for other types, renaming keys); the command must always
answer with an exit code of 0, 1 or 2 and messages, never an exception.
"""

from __future__ import annotations

import copy
import os
import shutil
from contextlib import chdir
from pathlib import Path
from typing import Any

import yaml
from core_support import EVIDENCE, base_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main

FILES = ["alliance.yml", "members.yml", "activities.yml", "outcomes.yml"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**6), st.floats(allow_nan=True),
    st.text(max_size=12), st.sampled_from(["2025-02-30", "114/05/03", "無", "申請中", "-1"]),
    st.dates().map(str),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(base_data())
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(FILES))
        paths = [p for p in _paths(data[name]) if p]
        path = draw(st.sampled_from(paths))
        parent = data[name]
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "rename"]))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = parent.pop(path[-1])
    return data


def _write(root: Path, files: dict[str, str]) -> None:
    folder = root / "alliances" / "demo"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "evidence").mkdir(parents=True)
    for name in EVIDENCE:
        (folder / "evidence" / name).write_text("evidence")
    (root / "mkdocs.yml").write_text("")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def _run_all(root: Path) -> None:
    with chdir(root):
        for args in (["validate", "demo", "--date", "2026-03-01"],
                     ["report", "demo", "--year", "2025", "--format", "json"],
                     ["report", "demo", "--year", "2025", "--format", "csv"]):
            assert main(["--lang", "en", *args]) in (0, 1, 2)


FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@FUZZ
@given(data=mutated())
def test_mutated_documents_never_crash(tmp_path: Path, data: dict[str, Any]) -> None:
    _write(tmp_path, {n: yaml.safe_dump(v, allow_unicode=True) for n, v in data.items()})
    _run_all(tmp_path)


@FUZZ
@given(name=st.sampled_from(FILES), text=st.text(max_size=200))
def test_malformed_yaml_never_crashes(tmp_path: Path, name: str, text: str) -> None:
    files = {n: yaml.safe_dump(v, allow_unicode=True) for n, v in base_data().items()}
    files[name] = text
    _write(tmp_path, files)
    _run_all(tmp_path)


@FUZZ
@given(cut=st.integers(0, 4000), name=st.sampled_from(FILES))
def test_truncated_files_never_crash(tmp_path: Path, cut: int, name: str) -> None:
    files = {n: yaml.safe_dump(v, allow_unicode=True) for n, v in base_data().items()}
    files[name] = files[name][:cut]
    _write(tmp_path, files)
    _run_all(tmp_path)
