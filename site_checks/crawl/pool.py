"""The parent side of the crawl: many worker processes at once, each watched by the clock.

LinkChecker can hang (a server that never answers, a thread stuck in a read); the parent
enforces each site's wall-clock cap by killing its worker, so one site's trouble never stops
the run. Workers fork from a forkserver that has already imported LinkChecker, lxml and
htmldate, so starting one is cheap; a worker that finished a site cleanly takes the next
one (still one site per process at a time, with a fresh LinkChecker configuration each).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing as mp
import time
from collections.abc import Callable, Iterator
from multiprocessing import forkserver
from multiprocessing.connection import Connection, wait
from pathlib import Path

from site_checks.models import SiteCrawl
from site_checks.registry import Site
from site_checks.settings import CheckSettings

#: (event, site_id, pages, requests): "start", "progress" or "done".
ProgressFn = Callable[[str, str, int, int], None]


_PRELOAD = ["site_checks.crawl.preload"]


def _context() -> mp.context.BaseContext:
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


def prestart() -> None:
    """Start the forkserver now, so that its imports (LinkChecker, lxml, htmldate: ~0.3 s)
    overlap whatever the caller does before the first site starts."""
    _context()
    forkserver.ensure_running()


#: Sites one worker process checks (one at a time) before the parent starts a fresh one.
SITES_PER_WORKER = 25


def _worker_entry(conn, max_sites: int) -> None:
    """A worker's entry point. The worker module is imported here, not at the top: the
    forkserver has preloaded it, and the parent never needs LinkChecker itself."""
    from site_checks.crawl.worker import worker_loop

    worker_loop(conn, max_sites)


def run_sites(
    sites: list[Site],
    settings: CheckSettings,
    check_date: dt.date,
    workdir: Path,
    on_progress: ProgressFn | None = None,
) -> Iterator[tuple[Site, SiteCrawl]]:
    """Check ``sites`` with up to ``settings.workers`` processes; yield each as it finishes.

    A worker checks one site at a time; one that finished a site cleanly gets the next
    pending one (warm: no process start, caches filled), any other is replaced by a fresh one.
    """
    ctx = _context()
    externals_db = workdir / "externals.sqlite"
    pending = list(sites)
    idle: list[tuple[Connection, mp.Process]] = []
    running: dict[Connection, tuple[Site, mp.Process, float]] = {}
    notify = on_progress or (lambda *_: None)
    #: the last progress of each running site: a site killed at the cap after 300 pages is
    #: slow or big, one killed before its first answer may be hanging
    seen: dict[str, tuple[int, int]] = {}

    def fill() -> None:
        while pending and len(running) < max(1, settings.workers):
            site = pending.pop(0)
            if idle:
                conn, proc = idle.pop()
            else:
                conn, child = ctx.Pipe(duplex=True)
                proc = ctx.Process(target=_worker_entry, name="spotcheck-worker",
                                   args=(child, SITES_PER_WORKER))
                proc.start()
                child.close()
            conn.send((site, settings, check_date, externals_db, workdir))
            running[conn] = (site, proc, time.monotonic())
            notify("start", site.id, 0, 0)

    def drop(conn: Connection, proc: mp.Process, kill: bool = False) -> None:
        if kill:
            proc.kill()
        conn.close()
        proc.join(timeout=None if kill else 5)

    try:
        while pending or running:
            fill()
            for conn in wait(list(running), timeout=0.2):
                site, proc, started = running[conn]
                try:
                    message = conn.recv()
                except EOFError:
                    message = None
                if message and message[0] == "progress":
                    notify("progress", site.id, message[2], message[3])
                    seen[site.id] = (message[2], message[3])
                    continue
                del running[conn]
                if message is None:
                    drop(conn, proc)
                    crawl = SiteCrawl(site.id, site.url, failure=(
                        f"the check of this site crashed (worker exit code {proc.exitcode})"))
                else:
                    crawl, reusable = message[2], message[3]
                    if reusable:
                        idle.append((conn, proc))
                    else:
                        drop(conn, proc)
                notify("done", site.id, len(crawl.pages), crawl.requests)
                fill()  # the next site starts while the caller judges and stores this one
                yield site, crawl
            now = time.monotonic()
            for conn, (site, proc, started) in list(running.items()):
                if now - started > settings.site_timeout:
                    del running[conn]
                    drop(conn, proc, kill=True)
                    pages, requests = seen.get(site.id, (0, 0))
                    crawl = SiteCrawl(site.id, site.url, seconds=now - started, failure=(
                        f"the check did not finish within {settings.site_timeout:g} s "
                        f"(wall-clock cap) after {pages} page(s) and {requests} request(s); "
                        + ("the server may be hanging" if not requests else
                           "the site is larger or slower than the cap allows")))
                    notify("done", site.id, 0, 0)
                    fill()
                    yield site, crawl
    finally:
        for conn, (_site, proc, _started) in running.items():
            drop(conn, proc, kill=True)
        for conn, proc in idle:
            with contextlib.suppress(OSError):
                conn.send(None)
            drop(conn, proc)
