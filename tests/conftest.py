"""Makes the helpers shared by several test folders (``canary_walk``) importable."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
