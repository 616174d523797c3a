"""What the portal knows about one alliance: its card, read from the public view only.

This module is the portal's single door to an alliance's data. It takes the
:class:`~generator.site.privacy.PublicSite` (default-deny: nothing private is in it) and
turns it into a small JSON-able card that the build keeps in its state, so the portal can be
rewritten without rebuilding the alliances. ``PublicSite`` is gathered from
:mod:`generator.public`, which decides field by field what may be published.

Members appear here only as counts; names stay on the alliance's own site, where consent
(``public: true``) already decides them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model.fields import SERVICE_TYPE_NAMES
from ..model.regions import DEFAULT_REGIONS, OUTLYING, Region, canonical_county
from ..model.types import LocalText
from .dates import SourceDates, capped, newest
from .labels import SiteLang
from .pages.common import post_url
from .privacy import PublicSite

THEME_LOGO = "assets/images/logo.svg"  # Material's logo of every alliance site (mkdocs.yml)
EVENT_KINDS = ("promotion", "seminar")  # public activities a company can attend


def _text(value: LocalText | None) -> dict[str, str | None] | None:
    return None if value is None else {"zh": value.zh, "en": value.en}


def institution_region(site: PublicSite) -> Region | None:
    """The NDC region of the alliance office, from the county named in its address.

    The office address is public and names its county (``973 花蓮縣吉安鄉…``); 金門縣 and
    連江縣 belong to no region and give None, as does an address without a county.
    """
    address = site.contact.address
    if address is None:
        return None
    text = address.zh.replace("台", "臺")
    found = [(text.find(c), c) for c in (*DEFAULT_REGIONS, *OUTLYING) if c in text]
    if not found:
        return None
    return DEFAULT_REGIONS.get(canonical_county(min(found)[1]))


def card(site: PublicSite, reports: dict[int, dict[str, str | None]], dates: SourceDates,
         urls: dict[SiteLang, str]) -> dict[str, Any]:
    """The facts of the alliance's portal card, its filters and its upcoming events.

    ``urls``: where each language of the site is published (absolute), for the feed and
    the calendar, which must name pages by full URL.
    """
    latest_news = newest(capped(p.date, dates.of(p.path)) for p in site.news)
    latest_report = None
    if reports:
        year = max(reports)
        latest_report = {"year": year, **{k: v for k, v in reports[year].items() if v}}
    fees = sorted(t.fee for t in site.tiers)
    logo = ({"src": site.logo.src, "alt": _text(site.logo.alt)} if site.logo is not None
            else {"src": THEME_LOGO, "alt": None})
    since = date(site.current_year, 2, 1) if site.current_year else date.min
    # Events a post announces (with time, venue and registration) first; a public activity on
    # a day no post announces is listed too. ``path``: the page, inside a language's site.
    # ``until``: the last day it is upcoming (the portal lists it while until >= today).
    posts = [p for p in site.news if p.event is not None and p.event.ahead(since)]
    events = [
        {"id": p.slug, "date": p.event.start.date().isoformat(),
         "until": (p.event.end or p.event.start).date().isoformat(), "kind": "announced",
         "title": _text(p.title), "summary": _text(p.summary), "path": post_url(p.date, p.slug)}
        for p in posts if p.event is not None
    ]
    # The same event as a post's: the same day, and the same venue or title.
    announced = {(p.event.start.date(), text.strip()) for p in posts if p.event is not None
                 for text in (p.event.venue.zh, p.title.zh)}
    events += [
        {"id": a.id, "date": a.date.isoformat(), "until": a.date.isoformat(), "kind": a.kind,
         "title": _text(a.title), "summary": _text(a.summary), "path": f"activities/#{a.id}"}
        for a in site.activities  # the portal keeps those still ahead
        if a.kind in EVENT_KINDS and a.date >= since
        and not {(a.date, t.strip()) for t in (a.title.zh, a.venue.zh if a.venue else "")
                 if t} & announced
    ]
    return {
        "id": site.id,
        "urls": dict(urls),
        "name": {"zh": site.name.zh, "en": site.name.en},
        "tagline": _text(site.tagline),
        "institution": {"zh": site.institution.zh, "en": site.institution.en},
        "field": site.review_group,
        "region": institution_region(site),
        "services": [t for t in SERVICE_TYPE_NAMES if any(s.type == t for s in site.services)],
        "fees": fees,  # every tier's yearly fee, thousands of NTD, lowest first
        "logo": logo,
        "members": site.counted_members,
        "members_year": site.latest_year,
        "public_members": len(site.members),
        "latest_news": latest_news.isoformat() if latest_news else None,
        "latest_report": latest_report,
        "events": sorted(events, key=lambda e: (e["date"], e["id"])),
    }


def gaps(card: dict[str, Any]) -> list[str]:
    """What keeps the alliance out of a portal filter, said as build notes with the fix."""
    notes = []
    if card["field"] is None:
        notes.append("portal: no 'field:' in alliance.yml, so the field filter never shows "
                     "this alliance — add field: 民生化工, 生醫, 機電材料 or 土木能環")
    if card["region"] is None:
        notes.append("portal: contact.address names no county of the four regions, so the "
                     "region filter never shows this alliance — write the county in the "
                     "address, e.g. 973 花蓮縣吉安鄉…")
    if not card["services"]:
        notes.append("portal: no service has a 'type:', so the service filter never shows "
                     "this alliance — add type: consulting, testing, visits, training or "
                     "matching to services")
    return notes
