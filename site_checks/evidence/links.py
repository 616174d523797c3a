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
from operator import itemgetter
from urllib.parse import unquote, urldefrag

from generator.i18n import Msg
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

#: Schemes that name a file on someone's own computer or office network, never the web.
_LOCAL_SCHEMES = {"file", "smb", "cifs", "afp", "nfs"}
LOCAL_FILE = "points to a file on the author's computer"


def points_to_local_file(url: str) -> bool:
    """True for ``file:``, network-share and Windows drive (``C:\\…``) links: they work only
    on the machine the page was written on, so for every reader they are broken."""
    scheme, colon, _rest = url.partition(":")
    scheme = scheme.lower()
    return bool(colon) and (scheme in _LOCAL_SCHEMES or (len(scheme) == 1 and scheme.isalpha()))


def fragment_resolves(fragment: str, anchors: frozenset[str]) -> bool:
    """Does ``#fragment`` land on the page whose ids (as served) are ``anchors``?

    As browsers do (HTML's "find a potential indicated element"): an empty fragment and
    ``top`` (any case) mean the top of the page; a text fragment ``:~:text=…`` is a search,
    not an id (only an id before it, ``#id:~:text=…``, must exist); an id is looked up both as
    written and percent-decoded, so ``#50%25off`` finds ``id="50%off"`` and ``#%E4%B8%AD``
    finds ``id="中"``.
    """
    decoded = unquote(fragment)
    target = decoded.split(":~:", 1)[0]
    if target == "" or target.lower() == "top":
        return True
    return fragment in anchors or decoded in anchors or target in anchors


#: The fixed status words of broken and unverified links, in both languages (JSON: English).
_STATUS_ZH = {
    "redirect loop": "重新導向迴圈", "connection refused": "連線被拒", "DNS error": "DNS 錯誤",
    "TLS error": "TLS 錯誤", "connection reset": "連線中斷", "timeout": "逾時",
    "blocked (private address)": "已阻擋（私有位址）", "403 (bot wall)": "403（防火牆）",
    "robots.txt": "robots.txt", LOCAL_FILE: "指向作者電腦上的檔案",
}
_MISSING_ANCHOR = "missing anchor #"


def status_message(status: str) -> Msg:
    """A link's status in both languages (HTTP codes and unknown texts stay as they are)."""
    if status.startswith(_MISSING_ANCHOR):
        return Msg(status, f"錨點 #{status[len(_MISSING_ANCHOR):]} 不存在")
    return Msg(status, _STATUS_ZH.get(status, status))


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


def _page_names(crawl: SiteCrawl) -> dict[str, str]:
    """The one URL each page is reported under, whatever order the threads fetched it in.

    ``/site/`` and ``/site/index.html`` are one page (``page_key``); when the crawl met both,
    the shorter (then the alphabetically first) names it, so two runs over the same site list
    the same (page, link) pairs and the history does not see a change that never happened."""
    names: dict[str, str] = {}
    for page in crawl.pages:
        key = page_key(page.url)
        if key not in names or (len(page.url), page.url) < (len(names[key]), names[key]):
            names[key] = page.url
    return names


def link_report(crawl: SiteCrawl) -> LinkReport:
    """Join the page → link list with the results: one entry per page and bad link."""
    by_canon: dict[str, UrlResult] = {}
    for result in crawl.results.values():
        by_canon.setdefault(canonical(result.key), result)
    anchors = {page_key(p.url): p.anchors for p in crawl.pages}
    shown = _page_names(crawl)
    broken: list[dict] = []
    unverified: list[dict] = []
    blocked: list[dict] = []
    seen: set[tuple[str, str]] = set()
    linked: set[str] = {crawl.start_url}
    robots = 0
    for use in crawl.links:
        page = page_key(use.page)
        if (page, use.url) in seen:
            continue
        seen.add((page, use.url))
        parent = shown.get(page, use.page)
        if points_to_local_file(use.url):
            linked.add(use.url)
            broken.append({"url": use.url, "parent": parent, "text": use.text,
                           "status": LOCAL_FILE, "internal": False})
            continue
        result = by_canon.get(canonical(use.key))
        if result is None:
            continue
        linked.add(result.key)
        kind, status = classify(result)
        entry = {"url": use.url, "parent": parent, "text": use.text, "status": status,
                 "internal": use.internal}
        if kind == BROKEN:
            broken.append(entry)
        elif kind == BLOCKED:
            blocked.append(entry)
        elif kind == UNVERIFIED:
            unverified.append({k: entry[k] for k in ("url", "parent", "status", "internal")})
        elif kind == ROBOTS:
            robots += 1
        elif use.fragment:
            # the page the browser ends on: a redirect moves the fragment along with it
            target = page_key(urldefrag(result.url)[0])
            if target in anchors and not fragment_resolves(use.fragment, anchors[target]):
                entry["status"] = f"{_MISSING_ANCHOR}{use.fragment}"
                broken.append(entry)
    by_page = itemgetter("parent")  # a stable sort: each page's links keep their order
    return LinkReport(
        pages=len({page_key(p.url) for p in crawl.pages}),
        checked=len(linked),
        broken=sorted(broken, key=by_page),
        unverified=sorted(unverified, key=by_page),
        blocked=sorted(blocked, key=by_page),
        robots_denied=robots,
        not_checked=dict(crawl.skipped),
    )
