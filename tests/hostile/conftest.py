"""The hostile corpus: what a careless or hostile user can put in an alliance folder or type.

One folder per class (files, escaping, parsing, builds); each test names the attack it stands
for. ``hostile_support`` holds the few helpers they share.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from hostile_support import Planted, copy_example, plant_everything  # noqa: E402

from generator.commands.build import build  # noqa: E402
from generator.site.pipeline import BuildOptions  # noqa: E402


@pytest.fixture
def alliance(tmp_path: Path) -> Path:
    """A fresh copy of the shipped example inside a throwaway project."""
    return copy_example(tmp_path)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Planted]:
    """The example with hostile markup in every text, metadata in its media and links into
    evidence/ (warnings, not errors), built once with the public reports."""
    tmp = tmp_path_factory.mktemp("hostile")
    folder = copy_example(tmp)
    planted = plant_everything(folder)
    out = tmp / "site"
    options = BuildOptions(root=folder.parents[1], out=out, jobs=1, lang="en",
                           scratch=tmp / "scratch")
    assert build([folder], options) == 0
    return out, planted
