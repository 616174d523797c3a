"""Is the content updated (R6)? Observed change first, claimed dates second.

A rebuild rewrites every file, bumps the footer year, sets every sitemap ``lastmod`` and
``Last-Modified`` to today; none of that is content. What a rebuild cannot fake is a change of
the main text, so the history's fingerprints are the primary signal: the site is fresh when the
last check that saw its text change, or the newest *content* date it claims, lies within
``max_age_days``. When claimed dates moved but the text did not, the new dates are not
credited and the result says so.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.i18n import Msg
from site_checks.evidence.dates import parse_iso
from site_checks.evidence.fingerprint import distance
from site_checks.models import ClaimedDate, PageFacts
from site_checks.safety.traps import page_key

#: A date (or a template position holding one) on at least this share of a site's pages, of
#: :data:`STAMP_PAGES` or more, is a stamp.
STAMP_SHARE = 0.8
STAMP_PAGES = 3


class Ignored:
    """Why a claimed date is not content, in both languages (the JSON carries the English)."""

    FOOTER = Msg('in the footer (site furniture)',
              '在頁尾（網站版型）')
    BUILD = Msg('a build or deploy stamp',
              '建置或部署戳記')
    LABEL = Msg('next to an update or clock label (最後更新, 今天是, last updated)',
              '緊鄰更新或時鐘標示（最後更新、今天是、last updated）')
    EVENT = Msg("the date of an event (the announcement's date counts)",
              '活動本身的日期（採計公告日期）')
    FUTURE = Msg('in the future',
              '未來日期')
    CHECK_DAY = Msg('the check date or its eve (a clock or a deploy stamp)',
              '抽查當日或前一日（時鐘或部署戳記）')
    TEMPLATE = Msg('in the same place of the template on every page (stamp)',
              '每頁版型同一位置的日期（戳記）')
    EVERY_PAGE = Msg('the same date on every page (stamp)',
              '每頁都有的同一日期（戳記）')
    SHOWN_AS_STAMP = Msg('shown on the page as a stamp, clock or event date',
              '頁面上顯示為戳記、時鐘或活動日期')
    COPYRIGHT = Msg('© year is not a content date',
              '© 年份不是內容日期')
    LAST_MODIFIED = Msg('HTTP Last-Modified alone is a deploy time',
              '僅有 HTTP Last-Modified 是部署時間')
    SITEMAP_SAME = Msg('every sitemap lastmod is the same (build date)',
              'sitemap 的 lastmod 全部相同（建置日期）')


#: English text → message, for reports in another language.
IGNORED_BY_TEXT = {m.en: m for m in vars(Ignored).values() if isinstance(m, Msg)}


@dataclass(frozen=True)
class PreviousCheck:
    """What the history remembers of the site's last check."""

    date: str
    fingerprints: dict[str, tuple[str, int]]
    last_update: str | None
    last_change: str | None


@dataclass
class Freshness:
    """The freshness part of a site's result."""

    fresh: bool
    last_update: str | None
    changed_since_last_check: bool | None
    last_change: str | None
    dates_moved_content_static: bool
    changed_pages: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    claimed_update: str | None = None


def assess(
    pages: list[PageFacts],
    sitemap_lastmods: list[str],
    previous: PreviousCheck | None,
    check_date: dt.date,
    max_age_days: int,
) -> Freshness:
    """Weigh the crawl's dates and fingerprints against the previous check."""
    accepted, ignored = _claimed_dates(pages, sitemap_lastmods, check_date)
    claimed = max((e["date"] for e in accepted), default=None)

    changed: bool | None = None
    changed_pages: list[dict] = []
    if previous is not None:
        # Pages are matched by path: the same site served from another host or port (a
        # move to https, a local preview on a new port) has not changed its content.
        now_urls = {_path_of(page_key(p.url)): page_key(p.url) for p in pages}
        now = {_path_of(page_key(p.url)): (p.sha256, p.simhash) for p in pages}
        before_urls = {_path_of(u): u for u in previous.fingerprints}
        before = {_path_of(u): v for u, v in previous.fingerprints.items()}
        for path in sorted(now.keys() & before.keys()):
            if now[path][0] != before[path][0]:
                changed_pages.append({"url": now_urls[path], "change": "edited",
                                      "simhash_distance": distance(now[path][1],
                                                                   before[path][1])})
        changed_pages += [{"url": now_urls[u], "change": "added"}
                          for u in sorted(now.keys() - before.keys())]
        changed_pages += [{"url": before_urls[u], "change": "removed"}
                          for u in sorted(before.keys() - now.keys())]
        changed = bool(changed_pages)
    last_change = check_date.isoformat() if changed else (previous and previous.last_change)

    moved = bool(previous and not changed and claimed and previous.last_update
                 and claimed > previous.last_update)
    last_update = previous.last_update if moved else claimed
    if moved:
        ignored.insert(0, {"kind": "claimed-date", "url": "", "date": claimed,
                           "ignored": f"dates moved since {previous.date} but the text did not"})

    evidence: list[dict] = []
    if changed:
        first = changed_pages[0]
        evidence.append({"kind": "observed-change", "url": first["url"],
                         "date": check_date.isoformat(),
                         "pages": len(changed_pages)})
    elif last_change:
        evidence.append({"kind": "observed-change", "url": "", "date": last_change})
    evidence += _newest_per_kind(accepted)
    evidence += ignored

    limit = check_date - dt.timedelta(days=max_age_days)
    fresh = any(d and dt.date.fromisoformat(d) >= limit for d in (last_update, last_change))
    return Freshness(
        fresh=fresh,
        last_update=last_update,
        changed_since_last_check=changed,
        last_change=last_change,
        dates_moved_content_static=moved,
        changed_pages=changed_pages,
        evidence=evidence,
        claimed_update=claimed,
    )


def _claimed_dates(
    pages: list[PageFacts], sitemap_lastmods: list[str], check_date: dt.date
) -> tuple[list[dict], list[dict]]:
    """Split every claimed date into content dates and ignored ones (with the reason).

    What makes a date a stamp is read from the pages alone, whatever the headers say: its
    label (最後更新, 今天是: context ``stamp``), its place in the template (a position that
    holds a date on nearly every page), the same date on nearly every page, or being the
    check date or its eve (a clock, a deploy). An event's own date (context ``event``) is not
    content either: the announcement's date is.
    """
    today = check_date.isoformat()
    eve = (check_date - dt.timedelta(days=1)).isoformat()
    accepted: list[dict] = []
    reasons: dict[str, dict] = {}

    def ignore(kind: str, url: str, date: str, why: str) -> None:
        # one line per reason (the newest), or the evidence would list every page's footer
        if why not in reasons or date > reasons[why]["date"]:
            reasons[why] = {"kind": kind, "url": url, "date": date, "ignored": why}

    def everywhere(count: int) -> bool:
        return len(pages) >= STAMP_PAGES and count / len(pages) >= STAMP_SHARE

    per_position = Counter(pos for page in pages
                           for pos in {d.position for d in page.dates if d.position})
    template = {pos for pos, n in per_position.items() if everywhere(n)}
    # htmldate only re-reads what the page shows: counting it would make a date shown in a
    # template box on every page look like "the same date on every page" on the news page too
    per_date = Counter(date for page in pages for date in {
        d.date for d in page.dates
        if d.context == "content" and d.kind != "htmldate" and d.position not in template})
    stamps = {date for date, n in per_date.items() if everywhere(n)}

    for page in pages:
        # htmldate and <meta> name no place on the page: they are trusted only for a date the
        # page does not also show as a stamp, a clock or an event
        located = [c for c in page.dates if c.kind in ("visible", "time")]
        not_content: set[str] = set()
        for claim in [*located, *(c for c in page.dates if c not in located)]:
            why = _why_not_content(claim, today, eve, template, stamps, not_content)
            if why:
                ignore(claim.kind, claim.url, claim.date, why)
                not_content.add(claim.date)
            else:
                entry = {"kind": claim.kind, "url": claim.url, "date": claim.date}
                if claim.precision != "day":
                    entry["precision"] = claim.precision
                accepted.append(entry)
        for year in page.copyright_years:
            ignore("copyright", page.url, f"{year}", Ignored.COPYRIGHT.en)
        if page.last_modified:
            ignore("last-modified", page.url, _http_date(page.last_modified),
                   Ignored.LAST_MODIFIED.en)

    lastmods = [d.isoformat() for d in (parse_iso(v) for v in sitemap_lastmods) if d]
    if len(lastmods) >= 2 and len(set(lastmods)) == 1:
        ignore("sitemap-lastmod", "", lastmods[0], Ignored.SITEMAP_SAME.en)
    else:
        for date in lastmods:
            if date in (today, eve):
                ignore("sitemap-lastmod", "", date, Ignored.CHECK_DAY.en)
            elif date < today:
                accepted.append({"kind": "sitemap-lastmod", "url": "", "date": date})
    return accepted, sorted(reasons.values(), key=lambda e: e["ignored"])



def _why_not_content(
    claim: ClaimedDate, today: str, eve: str, template: set[str], stamps: set[str],
    not_content: set[str],
) -> str | None:
    """Why ``claim`` is not a content date, or None when it is one."""
    if claim.context == "footer":
        return Ignored.FOOTER.en
    if claim.context == "build":
        return Ignored.BUILD.en
    if claim.context == "stamp":
        return Ignored.LABEL.en
    if claim.context == "event":
        return Ignored.EVENT.en
    if claim.date > today:
        return Ignored.FUTURE.en
    if claim.date in (today, eve):
        return Ignored.CHECK_DAY.en
    if claim.position and claim.position in template:
        return Ignored.TEMPLATE.en
    if claim.date in stamps:
        return Ignored.EVERY_PAGE.en
    if claim.kind not in ("visible", "time") and claim.date in not_content:
        return Ignored.SHOWN_AS_STAMP.en
    return None


def _newest_per_kind(entries: list[dict]) -> list[dict]:
    best: dict[str, dict] = {}
    for e in entries:
        if e["kind"] not in best or e["date"] > best[e["kind"]]["date"]:
            best[e["kind"]] = e
    return sorted(best.values(), key=lambda e: e["date"], reverse=True)


def _http_date(value: str) -> str:
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return value


def _path_of(url: str) -> str:
    """A page's path and query, without scheme and host."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
