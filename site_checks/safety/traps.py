"""URL canonicalisation and crawler-trap limits.

Real sites hold traps: a calendar with a "next month" link forever, faceted lists whose query
strings multiply, relative links that repeat path segments, session ids in every URL. Each
admitted URL must be new after canonicalisation and stay under the limits below; anything else
is skipped (counted and reported, never checked).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query keys that identify a visitor or a campaign, never a page.
SESSION_KEYS = re.compile(
    r"^(jsessionid|phpsessid|aspsessionid\w*|sid|sessionid|session_id|utm_\w+|fbclid|gclid)$",
    re.IGNORECASE,
)
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
#: A year-month in a URL, or a query key naming a date: the mark of a calendar page.
_CALENDAR = re.compile(
    r"(?:19|20)\d{2}[-/_.]?(?:0[1-9]|1[0-2])(?!\d)|[?&](?:year|month|day|date|week|cal\w*)=",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def canonical(url: str) -> str:
    """The URL an officer would consider "the same page": no fragment, no session ids,
    sorted query, lower-case scheme and host, no default port.

    Cached: a site's ~1000 links name a few dozen URLs, and both the crawl (trap limits) and
    the link report ask for each use (measured: 3000 calls per site in the report alone)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    path = _PATH_SESSION.sub("", parts.path) or "/"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not SESSION_KEYS.match(k)
    )
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


class TrapLimits:
    """Decides whether an own URL may be crawled; remembers what it admitted.

    Not thread-safe on its own: LinkChecker calls it under its URL queue's mutex.
    """

    def __init__(
        self,
        max_pages: int,
        max_query_variants: int = 20,
        max_per_pattern: int = 40,
        max_segment_repeats: int = 2,
        max_url_length: int = 500,
    ) -> None:
        self.max_pages = max_pages
        self.max_query_variants = max_query_variants
        self.max_per_pattern = max_per_pattern
        self.max_segment_repeats = max_segment_repeats
        self.max_url_length = max_url_length
        self.admitted: dict[str, str] = {}
        self._queries: defaultdict[str, set[str]] = defaultdict(set)
        self._patterns: Counter[str] = Counter()

    def admit(self, url: str) -> tuple[str | None, str]:
        """``(reason, canonical_url)``: reason is None when the URL may be crawled, or
        ``"duplicate"`` when its canonical form was admitted already, or the trap it hit."""
        canon = canonical(url)
        if canon in self.admitted:
            return "duplicate", canon
        reason = self._trap(canon)
        if reason is None:
            self.admitted[canon] = url
        return reason, canon

    def _trap(self, canon: str) -> str | None:
        parts = urlsplit(canon)
        if len(canon) > self.max_url_length:
            return "overlong URL"
        if len(self.admitted) >= self.max_pages:
            return "page cap"
        segments = [s for s in parts.path.split("/") if s]
        if segments and max(Counter(segments).values()) > self.max_segment_repeats:
            return "repeated path segments"
        if parts.query:
            variants = self._queries[parts.path]
            if parts.query not in variants and len(variants) >= self.max_query_variants:
                return "query-string explosion"
            variants.add(parts.query)
        address = f"{parts.path}?{parts.query}"
        if _CALENDAR.search(address):
            pattern = _DIGITS.sub("0", address)
            if self._patterns[pattern] >= self.max_per_pattern:
                return "calendar-like URL pattern"
            self._patterns[pattern] += 1
        return None


def page_key(url: str) -> str:
    """The canonical URL of a page, with a trailing ``index.html`` folded into its folder:
    ``/demo/`` and ``/demo/index.html`` are one page to a reader."""
    canon = canonical(url)
    for index in ("index.html", "index.htm"):
        if canon.endswith("/" + index):
            return canon[: -len(index)]
    return canon
