"""Gathers what LinkChecker sees during one site's crawl, from its several threads.

LinkChecker reports each URL once, with the first referring page only; the collector keeps
our own page → link list (fed by the URL queue) and page facts (fed by the content plugin), so
that every page holding a broken link can be named.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable

from lxml import etree

from site_checks.crawl.scope import other_host
from site_checks.evidence.page import page_facts
from site_checks.evidence.template import without_boilerplate
from site_checks.models import LinkUse, PageFacts, SiteCrawl, UrlResult
from site_checks.safety.complexity import too_complex
from site_checks.safety.netguard import refused_in

#: Prefix of the info strings our connection plugin attaches to LinkChecker's results.
TAG = "spotcheck:"


class Collector:
    """Thread-safe sink for pages, links and results of one site."""

    def __init__(
        self,
        site_id: str,
        start_url: str,
        check_date: dt.date,
        on_progress: Callable[[int, int], None] | None = None,
        check_external: bool = True,
    ) -> None:
        self.crawl = SiteCrawl(site_id=site_id, start_url=start_url)
        self.check_date = check_date
        self._lock = threading.Lock()
        self._skipped: Counter[str] = Counter()
        self._on_progress = on_progress
        self._last_progress = 0.0
        self._check_external = check_external

    def page(self, url: str, html: str, last_modified: str | None) -> None:
        """An own HTML page was fetched: draw its facts while the HTML is in memory.

        A page our analysis chokes on is counted, not fatal: its links are still checked. A
        page too complex to parse is counted under that name and neither parsed nor analysed.
        """
        complex_page = too_complex(html)
        if complex_page:
            self.skipped(complex_page)
            return
        try:
            facts: PageFacts = page_facts(html, url, last_modified, self.check_date)
        except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything
            traceback.print_exc()
            self.skipped(f"page could not be analysed ({type(exc).__name__})")
            return
        with self._lock:
            self.crawl.pages.append(facts)
        self._progress()

    def sitemap(self, xml: bytes) -> None:
        """An own sitemap was fetched: keep its ``lastmod`` values (judged later)."""
        try:
            root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError:
            return
        values = [el.text.strip() for el in root.iter("{*}lastmod") if el.text]
        with self._lock:
            self.crawl.sitemap_lastmods.extend(values)

    def link(self, use: LinkUse) -> None:
        with self._lock:
            self.crawl.links.append(use)

    def skipped(self, reason: str) -> None:
        with self._lock:
            self._skipped[reason] += 1

    def result(self, url_data) -> None:
        """LinkChecker's logger hands over one checked URL (a ``CompactUrlData``)."""
        if url_data.extern and not self._check_external and other_host(
                url_data.url or "", self.crawl.start_url):
            with self._lock:
                self._skipped["external link, not checked (--internal-only)"] += 1
            return
        status = None
        tags: list[str] = []
        for info in url_data.info:
            if info.startswith(TAG + "status="):
                status = int(info.split("=", 1)[1])
            elif info.startswith(TAG):
                tags.append(info[len(TAG):])
            elif "robots.txt" in info:
                tags.append("robots")
        if not url_data.valid and refused_in(url_data.result or ""):
            tags.append("blocked")
        result = UrlResult(
            key=url_data.cache_url or url_data.url,
            url=url_data.url,
            valid=bool(url_data.valid),
            result=url_data.result or "",
            internal=not url_data.extern,
            status=status,
            tags=tuple(tags),
        )
        unread = any(tag == "url-error-getting-content" for tag, _msg in url_data.warnings)
        with self._lock:
            self.crawl.results.setdefault(result.key, result)
            self.crawl.requests += 1
            if unread and result.internal:
                self._skipped["page content could not be read (timeout or size cap)"] += 1
        self._progress()

    def _progress(self) -> None:
        now = time.monotonic()
        if self._on_progress and now - self._last_progress > 0.25:
            self._last_progress = now
            self._on_progress(len(self.crawl.pages), self.crawl.requests)

    def finish(self) -> SiteCrawl:
        """The crawl, its pages' fingerprints retaken without the site's template."""
        self.crawl.skipped = dict(self._skipped)
        self.crawl.pages = without_boilerplate(self.crawl.pages)
        return self.crawl
