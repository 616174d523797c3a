"""Driving LinkChecker 10.6 in-process for one site.

LinkChecker has no documented library API; its own command line builds a ``Configuration``,
an ``Aggregate`` and calls ``director.check_urls``. We do the same with our queue, result
cache, logger and plugins plugged in, and a fresh ``Configuration`` per site (it carries the
site's intern patterns). The caller must already have pointed HOME/XDG_* at a work folder.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from linkcheck import configuration, get_link_pat, plugins
from linkcheck.cache import robots_txt
from linkcheck.checker import get_url_from
from linkcheck.director import aggregator, check_urls

from site_checks import USER_AGENT
from site_checks.crawl import linkfinder
from site_checks.crawl.collector import Collector
from site_checks.crawl.externals import ExternalStore, SharedResultCache
from site_checks.crawl.logger import CollectorLogger
from site_checks.crawl.queue import RecordingUrlQueue
from site_checks.crawl.scope import internal_prefixes, other_hosts_pattern
from site_checks.safety.traps import TrapLimits
from site_checks.settings import CheckSettings

PLUGIN_FOLDER = Path(__file__).parent / "lc_plugins"
PLUGINS = ["SpotCheckContent", "SpotCheckConnection"]


def make_config(
    collector: Collector, settings: CheckSettings, start_url: str
) -> configuration.Configuration:
    """A fresh LinkChecker configuration for one site."""
    config = configuration.Configuration()
    config["threads"] = settings.threads
    config["timeout"] = settings.request_timeout
    config["aborttimeout"] = 10
    config["recursionlevel"] = settings.max_depth
    config["maxfilesizedownload"] = settings.max_bytes
    config["maxfilesizeparse"] = settings.max_bytes
    # Links outside the site are checked, never followed (scope.py); with --internal-only,
    # links to other hosts are not even checked, those to the same host still are.
    config["checkextern"] = True
    if not settings.check_external:
        config["externlinks"].append(
            get_link_pat("!" + other_hosts_pattern(start_url), strict=True))
    config["allowedschemes"] = ["http", "https"]  # no DNS/SMTP probes for mailto: and co.
    config["useragent"] = USER_AGENT
    config["status"] = False
    config["verbose"] = True              # every URL reaches our logger, not only errors
    config["logger"] = CollectorLogger(collector)
    config["pluginfolders"] = [str(PLUGIN_FOLDER)]
    config["enabledplugins"] = list(PLUGINS)
    config["SpotCheckContent"] = {"collector": collector}
    config["SpotCheckConnection"] = {}
    config.sanitize()
    return config


class _Aggregate(aggregator.Aggregate):
    """LinkChecker's ``Aggregate``, ending a crawl without waiting out the threads' poll."""

    def finish(self):
        for thread in self.threads:
            thread.stop()
        self.urlqueue.close()
        super().finish()


def crawl_site(
    start_url: str, collector: Collector, settings: CheckSettings, store: ExternalStore
) -> None:
    """Crawl one site within its host and path, checking every link once."""
    linkfinder.install()
    config = make_config(collector, settings, start_url)
    urlqueue = RecordingUrlQueue(collector, TrapLimits(max_pages=settings.max_pages))
    aggregate = _Aggregate(
        config,
        urlqueue,
        robots_txt.RobotsTxt(config["useragent"]),
        plugins.PluginManager(config),
        SharedResultCache(config["resultcachesize"], store, internal_prefixes(start_url)),
    )
    # LinkChecker's pace: a random gap in [min, max] per host. Its floor (0.1–0.6 s) is a
    # class default; setting it on the instance makes the pace configurable both ways.
    low, high = settings.pace
    aggregate.wait_time_min = aggregate.wait_time_min_default = low
    aggregate.wait_time_max = aggregate.wait_time_max_default = high
    for url in (start_url, urljoin(start_url, "sitemap.xml")):
        aggregate.urlqueue.put(get_url_from(url, 0, aggregate, extern=(0, 0)))
    check_urls(aggregate)
