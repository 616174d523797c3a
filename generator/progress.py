"""Something moving during long runs — and nothing at all when output is not a terminal.

A build of many alliances or a PDF report takes seconds to minutes; a person at a terminal
should see that work goes on, while CI logs, pipes and tests must get the plain lines only.
rich draws on stderr so that stdout stays what scripts read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from .i18n import Lang, Msg

Advance = Callable[[str], None]


def wanted(stream: TextIO) -> bool:
    """A terminal that can redraw: not a pipe, a file, ``TERM=dumb`` or ``NO_COLOR`` CI logs."""
    return stream.isatty() and os.environ.get("TERM") != "dumb" and not os.environ.get("CI")


@contextmanager
def bar(total: int, label: str, stream: TextIO | None = None) -> Iterator[Advance]:
    """A progress bar over ``total`` items; ``advance(name)`` marks one done.

    Only for two or more items on a terminal; otherwise ``advance`` does nothing, and the
    caller's own per-item lines are the whole output.
    """
    stream = stream or sys.stderr
    if total < 2 or not wanted(stream):
        yield lambda name: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(file=stream, force_terminal=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[last]}"), TimeElapsedColumn(), console=console,
                  transient=True) as progress:  # other prints go above the bar
        task = progress.add_task(label, total=total, last="")

        def advance(name: str) -> None:
            progress.update(task, advance=1, last=name)

        yield advance


@contextmanager
def status(message: Msg, lang: Lang, stream: TextIO | None = None) -> Iterator[None]:
    """A spinner with what is being done, for one long step (rendering a PDF)."""
    stream = stream or sys.stderr
    if not wanted(stream):
        yield
        return
    from rich.console import Console

    with Console(file=stream, force_terminal=True).status(message(lang)):
        yield
