"""The hostile corpus: what a careless or hostile user can put in an alliance folder or type.

One folder per class (files, escaping, parsing, builds); each test names the attack it stands
for. ``hostile_support`` holds the few helpers they share.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from hostile_support import copy_example  # noqa: E402


@pytest.fixture
def alliance(tmp_path: Path) -> Path:
    """A fresh copy of the shipped example inside a throwaway project."""
    return copy_example(tmp_path)
