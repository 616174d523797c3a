"""Running the command in-process and finding lines in the files it complains about."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from generator.cli import main


@contextmanager
def cwd(path: Path):
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run(capsys, folder: Path, *args: str) -> tuple[int, str, str]:
    """``alliance --lang en ARGS`` from the project holding ``folder``; (code, out, err)."""
    if args and args[0] == "validate" and not any(a.startswith("--date") for a in args):
        args = (*args, "--date", "2025-12-15")  # the base data's first year, after Oct 31
    with cwd(folder.parent.parent):
        code = main(["--lang", "en", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_of(path: Path, needle: str, nth: int = 0) -> int:
    """The 1-based line of the ``nth`` occurrence of ``needle`` in ``path``."""
    hits = [i + 1 for i, line in enumerate(path.read_text(encoding="utf-8").splitlines())
            if needle in line]
    return hits[nth]
