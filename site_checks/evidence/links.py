"""From LinkChecker's per-URL results and our page → link list to what an officer reads:
every page with every broken link on it, and what could not be verified.

The split matters to alliances: a 429, a bot wall or a timeout says nothing about whether the
link works, so those are *unverified* (reported, retried, not counted); DNS, connection and TLS
errors, redirect loops and 4xx/5xx are *broken*; a connection the network guard refused is
*blocked* (broken for the public, and worth a reason of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urldefrag

from site_checks.models import SiteCrawl, UrlResult
from site_checks.safety.netguard import BLOCKED_MARK
from site_checks.safety.traps import canonical, page_key

_TIMEOUT = re.compile(r"timed? ?out|Timeout", re.IGNORECASE)
_REDIRECTS = re.compile(r"redirect", re.IGNORECASE)
_REFUSED = re.compile(r"Connection refused|Errno 111", re.IGNORECASE)
_DNS = re.compile(r"Name or service not known|NameResolution|getaddrinfo|Hostname not found")
_TLS = re.compile(r"SSL|certificate|TLS", re.IGNORECASE)
_RESET = re.compile(r"RemoteDisconnected|Connection aborted|reset by peer", re.IGNORECASE)

OK, BROKEN, UNVERIFIED, BLOCKED, ROBOTS = "ok", "broken", "unverified", "blocked", "robots"


def classify(result: UrlResult) -> tuple[str, str]:
    """``(kind, status)``: kind is ok/broken/unverified/blocked/robots, status a short label."""
    if "robots" in result.tags:
        return ROBOTS, "robots.txt"
    if "blocked" in result.tags or BLOCKED_MARK in result.result:
        return BLOCKED, "blocked (private address)"
    if result.status == 429:
        return UNVERIFIED, "429"
    if result.status == 403 and "botwall" in result.tags:
        return UNVERIFIED, "403 (bot wall)"
    if result.valid:
        return OK, str(result.status or "ok")
    if result.status and result.status >= 400:
        return BROKEN, str(result.status)
    text = result.result
    if _TIMEOUT.search(text):
        return UNVERIFIED, "timeout"
    if _REDIRECTS.search(text):
        return BROKEN, "redirect loop"
    if _REFUSED.search(text):
        return BROKEN, "connection refused"
    if _DNS.search(text):
        return BROKEN, "DNS error"
    if _TLS.search(text):
        return BROKEN, "TLS error"
    if _RESET.search(text):
        return BROKEN, "connection reset"
    return BROKEN, text[:80] or "error"


@dataclass(frozen=True)
class LinkReport:
    """The link part of a site's result, ready for the verdict and the reports."""

    pages: int
    checked: int
    broken: list[dict]
    unverified: list[dict]
    blocked: list[dict]
    robots_denied: int
    not_checked: dict[str, int]


def link_report(crawl: SiteCrawl) -> LinkReport:
    """Join the page → link list with the results: one entry per page and bad link."""
    by_canon: dict[str, UrlResult] = {}
    for result in crawl.results.values():
        by_canon.setdefault(canonical(result.key), result)
    anchors = {page_key(p.url): p.anchors for p in crawl.pages}
    broken: list[dict] = []
    unverified: list[dict] = []
    blocked: list[dict] = []
    seen: set[tuple[str, str]] = set()
    linked: set[str] = {crawl.start_url}
    robots = 0
    for use in crawl.links:
        if (page_key(use.page), use.url) in seen:
            continue
        seen.add((page_key(use.page), use.url))
        result = by_canon.get(canonical(use.key))
        if result is None:
            continue
        linked.add(result.key)
        kind, status = classify(result)
        entry = {"url": use.url, "parent": use.page, "text": use.text, "status": status,
                 "internal": use.internal}
        if kind == BROKEN:
            broken.append(entry)
        elif kind == BLOCKED:
            blocked.append(entry)
        elif kind == UNVERIFIED:
            unverified.append({k: entry[k] for k in ("url", "parent", "status", "internal")})
        elif kind == ROBOTS:
            robots += 1
        elif use.fragment and use.internal:
            target = page_key(urldefrag(use.url)[0])
            if target in anchors and unquote(use.fragment) not in anchors[target]:
                entry["status"] = f"missing anchor #{use.fragment}"
                broken.append(entry)
    return LinkReport(
        pages=len({page_key(p.url) for p in crawl.pages}),
        checked=len(linked),
        broken=broken,
        unverified=unverified,
        blocked=blocked,
        robots_denied=robots,
        not_checked=dict(crawl.skipped),
    )
