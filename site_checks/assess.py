"""From one site's crawl to its :class:`~site_checks.result.SiteResult`: evidence first
(home page, links, freshness, expected content), then the verdict on that evidence alone.
Presentation is left to ``report``; storage to ``history``."""

from __future__ import annotations

import datetime as dt

from site_checks.evidence.content import required_content
from site_checks.evidence.freshness import PreviousCheck, assess
from site_checks.evidence.home import OK_HOME, home_page
from site_checks.evidence.links import LinkReport, link_report
from site_checks.models import SiteCrawl
from site_checks.registry import Site
from site_checks.result import SiteResult, Stats
from site_checks.verdict import decide


def site_result(
    site: Site,
    crawl: SiteCrawl,
    previous: PreviousCheck | None,
    check_date: dt.date,
    max_age_days: int,
) -> SiteResult:
    """Judge one site from its crawl and the history's previous check."""
    home = home_page(crawl)
    fresh = content = None
    if home.state == OK_HOME:
        links = link_report(crawl)
        fresh = assess(crawl.pages, crawl.sitemap_lastmods, previous, check_date, max_age_days)
        content = required_content(crawl.pages)
    else:
        links = LinkReport(pages=len(crawl.pages), checked=0, broken=[], unverified=[],
                           blocked=[], robots_denied=0, not_checked=dict(crawl.skipped))
    verdict = decide(home, links, fresh, content["missing"] if content else [], max_age_days)
    return SiteResult(
        id=site.id, name=site.name, url=site.url, verdict=verdict.verdict,
        reasons=verdict.reasons, warnings=verdict.warnings, home=home, links=links,
        freshness=fresh, content=content,
        stats=Stats(requests=crawl.requests, seconds=round(crawl.seconds, 2),
                    peak_rss_mb=round(crawl.peak_rss_kb / 1024, 1)),
    )
