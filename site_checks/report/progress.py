"""Progress on a terminal (sites done, pages, requests per second, current sites); silence
elsewhere, so CI logs and cron mails stay clean."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.live import Live
from rich.text import Text

from site_checks.crawl.pool import ProgressFn


@contextmanager
def progress_display(total: int, force: bool | None = None) -> Iterator[ProgressFn | None]:
    """A progress callback for :func:`site_checks.crawl.pool.run_sites`, or None off a TTY."""
    interactive = sys.stderr.isatty() if force is None else force
    if not interactive:
        yield None
        return
    console = Console(stderr=True)
    state = {"done": 0, "pages": {}, "requests": {}, "current": {}}
    started = time.monotonic()

    def view() -> Text:
        requests = sum(state["requests"].values())
        rate = requests / max(0.1, time.monotonic() - started)
        current = ", ".join(sorted(state["current"]))[:120]
        return Text(
            f"sites {state['done']}/{total} · pages {sum(state['pages'].values())} · "
            f"{rate:.1f} req/s · checking: {current or '—'}")

    with Live(view(), console=console, refresh_per_second=4, transient=True) as live:
        def update(event: str, site_id: str, pages: int, requests: int) -> None:
            if event == "start":
                state["current"][site_id] = True
            elif event == "done":
                state["current"].pop(site_id, None)
                state["done"] += 1
            if pages or requests:
                state["pages"][site_id] = pages
                state["requests"][site_id] = requests
            live.update(view())

        yield update
