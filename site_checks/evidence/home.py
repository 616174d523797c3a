"""Was the site there at all? The home page's fate, as evidence for the verdict.

The verdict reads evidence only; whether the crawl failed, robots.txt shut the door, the home
page answered without HTML or did not answer is decided here, from the crawl, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_checks.evidence.links import OK, classify
from site_checks.models import SiteCrawl
from site_checks.safety.traps import canonical

OK_HOME, ROBOTS, NO_HTML, UNREACHABLE, FAILED = "ok", "robots", "no-html", "unreachable", "failed"


@dataclass(frozen=True)
class Reachability:
    """``state`` is one of ok, robots, no-html, unreachable (the home page did not answer:
    ``detail`` is its status) or failed (the check itself could not run: ``detail`` says why).
    """

    state: str
    detail: str = ""


def home_page(crawl: SiteCrawl) -> Reachability:
    """What became of the site's home page in ``crawl``."""
    if crawl.failure:
        return Reachability(FAILED, crawl.failure)
    start = next((r for r in crawl.results.values()
                  if canonical(r.key) == canonical(crawl.start_url)), None)
    if start is not None and "robots" in start.tags:
        return Reachability(ROBOTS)
    if start is None or not crawl.pages:
        kind, status = classify(start) if start else ("broken", "no response")
        if start is not None and kind == OK:
            return Reachability(NO_HTML, status)
        return Reachability(UNREACHABLE, status)
    return Reachability(OK_HOME)
