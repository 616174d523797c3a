"""A small, complete alliance built in a temp folder, mutated per test.

Every test starts from data that validates with no finding, so that the one change a test
makes is the only thing that can explain what it sees.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from core_support import EVIDENCE, base_data

Writer = Callable[..., Path]


@pytest.fixture
def write_alliance(tmp_path: Path) -> Writer:
    """``write_alliance(mutate)`` writes the base alliance, after ``mutate(data)`` if given."""

    def write(mutate: Callable[[dict[str, Any]], None] | None = None,
              raw: dict[str, str] | None = None, evidence: list[str] | None = None) -> Path:
        data = copy.deepcopy(base_data())
        if mutate is not None:
            mutate(data)
        folder = tmp_path / "alliances" / "demo"
        folder.mkdir(parents=True, exist_ok=True)
        (tmp_path / "mkdocs.yml").write_text("theme: {name: material}\n")
        for name, content in data.items():
            text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
            (folder / name).write_text(text, encoding="utf-8")
        for name, text in (raw or {}).items():
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "evidence").mkdir(exist_ok=True)
        for name in EVIDENCE if evidence is None else evidence:
            (folder / "evidence" / name).write_text("evidence")
        return folder

    return write
