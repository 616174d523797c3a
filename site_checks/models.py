"""Plain data passed between the crawl (worker process), evidence, verdict, history and reports.

Everything here is picklable (it crosses the worker→parent pipe) and free of behaviour that
belongs to one stage: stages own their logic, these classes only carry facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ClaimedDate:
    """A date a page claims, where it came from, and why it might not count as content.

    ``context`` is ``"content"`` for a date in the page body, ``"footer"`` for one in a
    footer/copyright block, ``"build"`` for a generator or deploy stamp, ``"stamp"`` for one
    next to an update or clock label (最後更新, last updated, 今天是) and ``"event"`` for the
    date of an announced event (活動日期, 報名截止, a calendar, JSON-LD ``startDate``).
    ``position`` is where the date stands in the page's template (tags, ids and classes from
    ``<body>`` down), so that a date in the same place on every page is known as a stamp;
    ``precision`` is ``"day"`` or ``"month"`` (a month is dated by its first day).
    """

    kind: str
    date: str
    url: str
    context: str = "content"
    position: str = ""
    precision: str = "day"


@dataclass(frozen=True)
class PageFacts:
    """What one own page says, drawn during the crawl by our LinkChecker content plugin."""

    url: str
    title: str
    sha256: str
    simhash: int
    text_length: int
    dates: tuple[ClaimedDate, ...]
    copyright_years: tuple[int, ...]
    last_modified: str | None
    anchors: frozenset[str]
    labels: tuple[str, ...]
    ministry_credit: bool
    #: The normalised blocks of the main text; those the site repeats on most pages are
    #: template (``evidence.template``) and left out of the fingerprints above.
    blocks: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkUse:
    """One link on one page: the officer needs every page that holds a broken link."""

    page: str
    url: str
    key: str
    text: str
    internal: bool
    fragment: str = ""


@dataclass(frozen=True)
class UrlResult:
    """LinkChecker's verdict on one URL (checked once per site, externals once per run).

    ``tags`` carries facts our connection plugin noticed that LinkChecker drops: the HTTP
    status, ``Retry-After``, a bot-wall signature, ``robots`` denial.
    """

    key: str
    url: str
    valid: bool
    result: str
    internal: bool
    status: int | None = None
    tags: tuple[str, ...] = ()


@dataclass
class SiteCrawl:
    """Everything the worker learnt about one site in its single crawl."""

    site_id: str
    start_url: str
    pages: list[PageFacts] = field(default_factory=list)
    links: list[LinkUse] = field(default_factory=list)
    results: dict[str, UrlResult] = field(default_factory=dict)
    sitemap_lastmods: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    seconds: float = 0.0
    peak_rss_kb: int = 0
    #: Set when the crawl could not run at all (worker crashed, wall-clock cap, …).
    failure: str | None = None
