"""The link report names each broken link's page the same way whatever order the crawl's
threads fetched the pages in (CI once saw ``/site/`` one run and ``/site/index.html`` the
next, for the same link on the same page)."""

from __future__ import annotations

from itertools import permutations

import pytest

from site_checks.evidence.links import link_report
from site_checks.models import LinkUse, PageFacts, SiteCrawl, UrlResult

SITE = "http://127.0.0.1:8000/site/"
PDF = SITE + "files/114-plan.pdf"
PAGES = [SITE, SITE + "index.html", SITE + "about.html"]


def _page(url: str) -> PageFacts:
    return PageFacts(url=url, title="", sha256="", simhash=0, text_length=0, dates=(),
                     copyright_years=(), last_modified=None, anchors=frozenset(), labels=(),
                     ministry_credit=False)


def _crawl(order: tuple[str, ...]) -> SiteCrawl:
    crawl = SiteCrawl(site_id="s", start_url=SITE)
    crawl.pages = [_page(url) for url in order]
    crawl.links = [LinkUse(page=url, url=PDF, key=PDF, text="計畫書", internal=True)
                   for url in order]
    crawl.links += [LinkUse(page=url, url=SITE + "gone.html", key=SITE + "gone.html",
                            text="gone", internal=True) for url in order]
    crawl.results = {key: UrlResult(key=key, url=key, valid=False, result="404",
                                    internal=True, status=404)
                     for key in (PDF, SITE + "gone.html")}
    return crawl


@pytest.mark.parametrize("order", list(permutations(PAGES)))
def test_one_page_one_name_whatever_the_fetch_order(order):
    report = link_report(_crawl(order))
    assert [(e["parent"], e["url"]) for e in report.broken] == [
        (SITE, PDF), (SITE, SITE + "gone.html"),
        (SITE + "about.html", PDF), (SITE + "about.html", SITE + "gone.html"),
    ]
