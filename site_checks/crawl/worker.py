"""The worker process: one site at a time, start to finish, in a process of its own.

One site per process at a time because LinkChecker's per-host pause holds a process-wide lock
(two sites in one process take twice as long) and because a hung crawl must be killable
without losing the rest of the run. For each site the worker points HOME and XDG_* at the
site's own folder (LinkChecker writes there), drops proxy settings, sets the private-address
guard to the site's host and builds a fresh LinkChecker configuration. A worker that finished a
site cleanly (no thread of it left running) takes the next one: it is warm, which saves a
process start and its cold caches per site.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import os
import resource
import threading
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlsplit

from site_checks.crawl.collector import Collector
from site_checks.crawl.externals import ExternalStore
from site_checks.crawl.linkcheck_glue import crawl_site
from site_checks.crawl.retry import retry_unverified
from site_checks.models import SiteCrawl
from site_checks.registry import Site
from site_checks.safety import netguard
from site_checks.settings import CheckSettings


def _isolate(home: Path) -> None:
    """Keep LinkChecker's config and plugin folders out of the real home directory."""
    home.mkdir(parents=True, exist_ok=True)
    os.environ["HOME"] = str(home)
    for var, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        os.environ[var] = str(home / sub)


def check_site(
    site: Site,
    settings: CheckSettings,
    check_date: dt.date,
    externals_db: Path,
    workdir: Path,
    conn: Connection | None = None,
) -> SiteCrawl:
    """Crawl ``site`` and retry what was unverified; the result, never an exception."""
    started = time.monotonic()
    _isolate(workdir / site.id)
    netguard.install(netguard.resolve(urlsplit(site.url).hostname or ""))

    def progress(pages: int, requests: int) -> None:
        if conn is not None:
            conn.send(("progress", site.id, pages, requests))

    collector = Collector(site.id, site.url, check_date, progress, settings.check_external)
    store = ExternalStore(externals_db, stale_after=settings.request_timeout * 3 + 10)
    try:
        crawl_site(site.url, collector, settings, store)
        crawl = collector.finish()
        retry_unverified(crawl.results, settings, store)
    except Exception as exc:  # noqa: BLE001 - one site's trouble never stops the run
        crawl = collector.finish()
        crawl.failure = f"internal error while checking: {type(exc).__name__}: {exc}"
        traceback.print_exc()
    finally:
        store.close()
    crawl.seconds = time.monotonic() - started
    crawl.peak_rss_kb = _peak_rss_kb()
    return crawl


def _release_memory() -> None:
    """Hand what the previous site left behind back to the system before the next one."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)  # glibc: return freed heap pages


def _reset_peak_rss() -> None:
    """Start a new peak-RSS measurement for this site (Linux: VmHWM reset via clear_refs)."""
    # Elsewhere the process's lifetime peak is reported: never less than the site's own.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_rss_kb() -> int:
    """Peak resident memory since :func:`_reset_peak_rss` (or of the process), in KiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker_loop(conn: Connection, max_sites: int) -> None:
    """Process entry point: check the sites the parent sends, one at a time.

    Each job is ``(site, settings, check_date, externals_db, workdir)``; ``None`` ends the
    loop. After each site the worker answers ``("done", site_id, crawl, reusable)`` and quits
    unless ``reusable``: a LinkChecker thread still running (stuck in a read past its join
    timeout) must not share the process with the next site, and ``max_sites`` bounds how long
    one process lives.
    """
    for count in range(1, max_sites + 1):
        job = conn.recv()
        if job is None:
            break
        site = job[0]
        _release_memory()
        _reset_peak_rss()
        crawl = check_site(*job, conn=conn)
        reusable = count < max_sites and threading.active_count() == 1
        conn.send(("done", site.id, crawl, reusable))
        if not reusable:
            break
    conn.close()
