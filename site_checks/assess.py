"""From one site's crawl to its result entry: evidence, then the verdict, in the JSON shape of
interfaces.md. Presentation is left to ``report``; storage to ``history``."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from site_checks.evidence.content import required_content
from site_checks.evidence.freshness import PreviousCheck, assess
from site_checks.evidence.links import link_report
from site_checks.models import SiteCrawl
from site_checks.registry import Site
from site_checks.verdict import decide


def site_result(
    site: Site,
    crawl: SiteCrawl,
    previous: PreviousCheck | None,
    check_date: dt.date,
    max_age_days: int,
) -> dict:
    """The site's entry of ``spotcheck-<date>.json``."""
    entry: dict = {"id": site.id, "name": site.name, "url": site.url}
    if crawl.failure or not crawl.pages:
        verdict = decide(crawl, None, None, [], max_age_days)
        entry.update(verdict=verdict.verdict, reasons=verdict.reasons,
                     warnings=verdict.warnings,
                     links={"pages": len(crawl.pages), "checked": 0, "broken": [],
                            "unverified": [], "blocked": []},
                     freshness=None, content=None)
    else:
        links = link_report(crawl)
        fresh = assess(crawl.pages, crawl.sitemap_lastmods, previous, check_date, max_age_days)
        content = required_content(crawl.pages)
        verdict = decide(crawl, links, fresh, content["missing"], max_age_days)
        entry.update(
            verdict=verdict.verdict,
            reasons=verdict.reasons,
            warnings=verdict.warnings,
            links={"pages": links.pages, "checked": links.checked, "broken": links.broken,
                   "unverified": links.unverified, "blocked": links.blocked,
                   "not_checked": links.not_checked, "robots_denied": links.robots_denied},
            freshness={k: v for k, v in asdict(fresh).items()},
            content=content,
        )
    entry["stats"] = {"requests": crawl.requests, "seconds": round(crawl.seconds, 2),
                      "peak_rss_mb": round(crawl.peak_rss_kb / 1024, 1)}
    return entry
