"""Where the site generator's own files are: the theme and the hooks beside the package."""

from __future__ import annotations

from pathlib import Path

CODE_ROOT = Path(__file__).resolve().parents[2]  # the checkout holding generator/ and themes/
THEME_DIR = CODE_ROOT / "themes" / "alliance"
HOOKS = Path(__file__).resolve().parent / "hooks.py"
