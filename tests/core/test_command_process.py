"""The ``alliance`` command as a process: its exit codes and streams, as a shell sees them."""

from __future__ import annotations

import io
import subprocess
import sys

from generator.cli import main

COMMAND = [sys.executable, "-c", "from generator.cli import run; run()"]


class _ReaderGone(io.TextIOBase):
    """Standard output whose reader went away, as ``| head`` leaves it."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no file")


def test_a_reader_that_goes_away_stops_the_command_quietly(monkeypatch, capsys):
    """``alliance rules | head -1``: no "Broken pipe" message, the shell's 141."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", _ReaderGone())
    assert main(["--lang", "en", "rules"]) == 141
    assert capsys.readouterr().err == ""


def test_the_exit_code_is_main_s(tmp_path):
    done = subprocess.run([*COMMAND, "--lang", "en", "validate", "nope"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "no alliance 'nope'" in done.stderr
    assert done.stdout == ""
