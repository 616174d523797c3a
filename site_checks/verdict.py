"""The verdict on one site: pass, fail or unreachable, with the reasons in words.

Decides only; it formats no HTML and writes nothing (reports present, history stores).
"""

from __future__ import annotations

from dataclasses import dataclass

from site_checks.evidence.freshness import Freshness
from site_checks.evidence.links import LinkReport, classify
from site_checks.models import SiteCrawl
from site_checks.safety.traps import canonical

PASS, FAIL, UNREACHABLE = "pass", "fail", "unreachable"
#: Worst first, for sorting summaries.
SEVERITY = {UNREACHABLE: 0, FAIL: 1, PASS: 2}


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reasons: list[str]
    warnings: list[str]


def decide(
    crawl: SiteCrawl,
    links: LinkReport | None,
    freshness: Freshness | None,
    missing_content: list[str],
    max_age_days: int,
) -> Verdict:
    """Apply the rules of R6 (links work, content updated) to the evidence of one site."""
    if crawl.failure:
        return Verdict(UNREACHABLE, [crawl.failure], [])
    start = next((r for r in crawl.results.values()
                  if canonical(r.key) == canonical(crawl.start_url)), None)
    if start is not None and "robots" in start.tags:
        return Verdict(FAIL, ["robots.txt forbids the check (Disallow covers the home page): "
                              "the site cannot be checked; allow the spot check or remove "
                              "`Disallow: /`"], [])
    if start is None or not crawl.pages:
        kind, status = classify(start) if start else ("broken", "no response")
        if start is not None and kind == "ok":
            return Verdict(FAIL, ["the home page has no HTML content to check"], [])
        return Verdict(UNREACHABLE, [f"home page {crawl.start_url} could not be fetched "
                                     f"({status})"], [])
    assert links is not None and freshness is not None
    reasons: list[str] = []
    warnings: list[str] = []
    if links.broken:
        pages = len({b["parent"] for b in links.broken})
        reasons.append(f"{len(links.broken)} broken link(s) on {pages} page(s)")
    if links.blocked:
        reasons.append(f"{len(links.blocked)} link(s) lead to a private or internal address "
                       "(blocked)")
    if not freshness.fresh:
        newest = freshness.last_update or "none found"
        reasons.append(f"content not updated within {max_age_days} days "
                       f"(newest content date: {newest}; last observed change: "
                       f"{freshness.last_change or 'none recorded'})")
    if freshness.dates_moved_content_static:
        warnings.append("dates on the site moved but its text did not change since the last "
                        "check")
    if links.unverified:
        warnings.append(f"{len(links.unverified)} link(s) could not be verified (rate limit, "
                        "bot wall or timeout)")
    if links.robots_denied:
        warnings.append(f"{links.robots_denied} link(s) not checked: robots.txt disallows them")
    for reason, count in sorted(links.not_checked.items()):
        warnings.append(f"{count} URL(s) not crawled: {reason}")
    if missing_content:
        warnings.append("missing expected content: " + ", ".join(missing_content))
    return Verdict(FAIL if reasons else PASS, reasons, warnings)
