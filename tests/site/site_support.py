"""Helpers for the site tests: build an alliance folder into a temp site, read what came out."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.commands.build import build
from generator.site.pipeline import BuildOptions

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "alliances" / "smart-sensing"


@dataclass
class Built:
    code: int
    out: Path
    scratch: Path
    stdout: str
    stderr: str


def make_project(tmp: Path, alliances: dict[str, Path]) -> Path:
    """A throwaway project root: the real base mkdocs.yml and copies of alliance folders."""
    root = tmp / "project"
    (root / "alliances").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name, source in alliances.items():
        shutil.copytree(source, root / "alliances" / name)
    return root


# The day the examples describe (their data runs to November 2026; events lie in December):
# a fixed build day keeps "upcoming" and "this year" the same whenever the tests run.
EXAMPLE_DAY = date(2026, 12, 2)


def run_build(root: Path, out: Path, scratch: Path, ids: list[str] | None = None,
              strict: bool = True, jobs: int = 1, reports: bool = True,
              today: date = EXAMPLE_DAY) -> Built:
    folders = sorted(p for p in (root / "alliances").iterdir() if (p / "alliance.yml").is_file())
    if ids is not None:
        folders = [root / "alliances" / i for i in ids]
    options = BuildOptions(root=root, out=out, strict=strict, jobs=jobs, lang="en",
                           scratch=scratch, reports=reports, today=today)
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = build(folders, options)
    return Built(code, out, scratch, stdout.getvalue(), stderr.getvalue())


def html_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


_HREF = re.compile(r'\b(?:href|src)="([^"]*)"')


def links_in(html: str) -> list[str]:
    return _HREF.findall(html)
