"""A LinkChecker logger that writes nothing and hands every checked URL to the collector."""

from __future__ import annotations

from linkcheck.logger import _Logger

from site_checks.crawl.collector import Collector


class CollectorLogger(_Logger):
    """LinkChecker's ``_Logger`` interface, feeding :class:`Collector` instead of a file."""

    LoggerName = "spotcheck"

    def __init__(self, collector: Collector) -> None:
        super().__init__()
        self.collector = collector

    def start_output(self) -> None:
        """Nothing to open: results stay in memory until the worker returns them."""

    def log_url(self, url_data) -> None:
        self.collector.result(url_data)

    def end_output(self, **kwargs) -> None:
        """Nothing to flush."""
