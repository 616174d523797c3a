"""Where things live: the project root, alliances/, site/ and build/.

The command works from any directory inside the project, like git: it looks upward for the
folder holding ``alliances/`` and ``mkdocs.yml``, and falls back to the current directory.
"""

from __future__ import annotations

from pathlib import Path


def project_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "alliances").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder
    return here


def alliances_dir(root: Path) -> Path:
    return root / "alliances"
