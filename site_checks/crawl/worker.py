"""The worker process: one site, start to finish, in a process of its own.

One site per process because LinkChecker's per-host pause holds a process-wide lock (two sites
in one process take twice as long) and because a hung crawl must be killable without losing
the rest of the run. The worker points HOME and XDG_* at its own folder (LinkChecker writes
there), drops proxy settings and installs the private-address guard before any request.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
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

    collector = Collector(site.id, site.url, check_date, progress)
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
    crawl.peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return crawl


def worker_main(
    site: Site,
    settings: CheckSettings,
    check_date: dt.date,
    externals_db: Path,
    workdir: Path,
    conn: Connection,
) -> None:
    """Process entry point: check the site and send the :class:`SiteCrawl` to the parent."""
    crawl = check_site(site, settings, check_date, externals_db, workdir, conn)
    conn.send(("done", site.id, crawl))
    conn.close()
