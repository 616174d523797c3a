"""Helpers shared by the report tests (conftest.py holds the fixtures)."""

from __future__ import annotations

import subprocess
from contextlib import chdir
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main
from generator.kpi import Sheet
from generator.model import Alliance

YEAR = 2025
CANARY = "CANARY"


@dataclass
class Canaried:
    root: Path
    folder: Path
    alliance: Alliance
    sheet: Sheet
    canaries: dict[str, str]  # canary -> the field it was planted in, e.g. member.name (zh)


def pdf_text(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """pdftotext drops or adds spaces between CJK and digits: compare without whitespace."""
    return "".join(text.split())



def run_cli(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    """``alliance --lang en ARGS`` run in-process from the project ``root``."""
    with chdir(root):
        code = main(["--lang", "en", *args])
    out = capsys.readouterr()
    return code, out.out, out.err
