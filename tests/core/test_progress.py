"""Progress is drawn on a terminal for long runs, and never in pipes, files or CI logs."""

from __future__ import annotations

import io

import pytest

from generator.i18n import Msg
from generator.progress import bar, status


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _a_plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def test_a_bar_moves_on_a_terminal_for_several_items():
    screen = Terminal()
    with bar(3, "building", screen) as advance:
        for name in ("alpha", "beta", "gamma"):
            advance(name)
    drawn = screen.getvalue()
    assert "building" in drawn and "3/3" in drawn and "gamma" in drawn


@pytest.mark.parametrize("stream,total", [(io.StringIO(), 3), (Terminal(), 1)],
                         ids=["not a terminal", "a single alliance"])
def test_no_bar_in_a_pipe_or_for_one_item(stream: io.StringIO, total: int):
    with bar(total, "building", stream) as advance:
        advance("alpha")
    assert stream.getvalue() == ""


def test_no_bar_in_ci_or_on_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch):
    for name, value in (("CI", "true"), ("TERM", "dumb")):
        with monkeypatch.context() as patch:
            patch.setenv(name, value)
            screen = Terminal()
            with bar(3, "building", screen) as advance:
                advance("alpha")
            assert screen.getvalue() == ""


def test_a_spinner_says_what_is_rendering_only_on_a_terminal():
    screen, pipe = Terminal(), io.StringIO()
    for stream in (screen, pipe):
        with status(Msg("rendering the PDF report…", "正在產生 PDF 報告…"), "zh", stream):
            pass
    assert "正在產生 PDF 報告" in screen.getvalue()
    assert pipe.getvalue() == ""
