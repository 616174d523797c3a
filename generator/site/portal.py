"""The portal: ``site/index.html`` (Chinese) and ``site/index.en.html``, a directory of every
alliance with filters, one search across all of them, and the combined feed and calendar;
plus ``site/<id>/index.html``, the redirect to an alliance's Chinese site.

Static files only. Without JavaScript every card is listed and the filters still work (CSS
``:has``); the script adds the count of cards shown and the search (Pagefind). The cards come
from :mod:`generator.site.directory`, the only place that reads an alliance's public view.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

from ..atomic import write_atomic
from ..formats import long_date
from ..model.fields import FIELD_NAMES, SERVICE_TYPE_NAMES
from ..model.regions import REGION_NAMES
from . import portal_feeds, search_index
from .jinja_cache import CACHE
from .labels import FOLDER, HTML_LANG, SiteLang
from .portal_words import PAGE, WORDS, choices, fee_bands, pick, word
from .text import escape
from .where import THEME_DIR

ASSETS = Path(__file__).with_name("portal_assets")
STATIC = {"portal.css": ASSETS / "portal.css", "portal.js": ASSETS / "portal.js",
          "favicon.svg": THEME_DIR / "assets" / "images" / "favicon.svg"}
SCRIPT_WORDS = ("shown", "shown_some", "shown_none", "searching", "search_failed", "results",
                "no_results")


@dataclass(frozen=True)
class PortalReport:
    pages: int  # pages in the search index (0: the index was not built)


def redirect_page(summary: dict[str, Any]) -> str:
    name = escape(summary["name"]["zh"])
    return (
        '<!doctype html>\n<html lang="zh-TW">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{name}</title>\n"
        '<meta http-equiv="refresh" content="0; url=zh-TW/">\n'
        '<link rel="canonical" href="zh-TW/">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        "</head>\n<body>\n"
        f'<p><a href="zh-TW/">{name}（中文）</a> · <a href="en/" lang="en">English</a></p>\n'
        "</body>\n</html>\n"
    )


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(ASSETS), autoescape=True,
                       keep_trailing_newline=True, bytecode_cache=CACHE)


def _money(thousands: float) -> str:
    return f"NT${round(thousands * 1000):,}"


def _fee_range(fees: list[float] | None, lang: SiteLang) -> str:
    if not fees:
        return word("none", lang)
    low, high = fees[0], fees[-1]
    shown_low = word("free", lang) if low == 0 else _money(low)
    return shown_low if low == high else f"{shown_low}–{_money(high)}"


def _card_view(card: dict[str, Any], lang: SiteLang) -> dict[str, Any]:
    """What one card shows in ``lang``: texts picked, links made relative to the portal."""
    other: SiteLang = "en" if lang == "zh" else "zh"
    i = 0 if lang == "zh" else 1  # in the (zh, en) name tables
    folder, other_folder = FOLDER[lang], FOLDER[other]
    report = card.get("latest_report")
    region = card.get("region")
    field = card.get("field")
    members = card.get("members")
    name = pick(card["name"], lang)
    other_name = pick(card["name"], other)
    return {
        "id": card["id"],
        "name": name,
        "other_name": other_name if other_name != name else "",
        "href": f"{card['id']}/{folder}/",
        "other_href": f"{card['id']}/{other_folder}/",
        "logo": f"{card['id']}/{folder}/{card['logo']['src']}",
        "institution": pick(card["institution"], lang),
        "field_name": FIELD_NAMES[field][i] if field in FIELD_NAMES else word("not_given", lang),
        "region_name": REGION_NAMES[region][i] if region in REGION_NAMES else word("none", lang),
        "service_names": ("、" if lang == "zh" else ", ").join(
            SERVICE_TYPE_NAMES[s][i] for s in card.get("services", [])) or word("none", lang),
        "facets": {"field": [field] if field else [], "region": [region] if region else [],
                   "service": list(card.get("services", [])),
                   "fee": fee_bands(card.get("fees") or [])},
        "fee_range": _fee_range(card.get("fees"), lang),
        "members": (word("members_value", lang, count=members, year=card.get("members_year"))
                    if members is not None else word("none", lang)),
        "latest_news": card.get("latest_news"),
        "latest_news_day": (long_date(date.fromisoformat(card["latest_news"]), lang)
                            if card.get("latest_news") else None),
        "report_href": (f"{card['id']}/{folder}/{report.get('pdf') or report['html']}"
                        if report else None),
        "report_text": word("report_year", lang, year=report["year"]) if report else "",
    }


def portal_page(cards: list[dict[str, Any]], lang: SiteLang, today: date,
                search: bool = True) -> str:
    """One language of the portal page (``search``: with the search across alliances)."""
    other: SiteLang = "en" if lang == "zh" else "zh"
    views = [_card_view(c, lang) for c in sorted(cards, key=lambda c: c["id"])]
    filters = choices(lang)
    counts = {name: {value: sum(value in v["facets"][name] for v in views)
                     for value, _ in values} for name, values in filters.items()}
    events = [{"date": e["date"], "day": long_date(date.fromisoformat(e["date"]), lang),
               "title": pick(e["title"], lang), "alliance": pick(c["name"], lang),
               "href": f"{c['id']}/{FOLDER[lang]}/{e['path']}"}
              for c, e in portal_feeds.upcoming(cards, today)]
    words = {key: word(key, lang) for key in WORDS}
    words["shown"] = word("shown", lang, total=len(views))
    return _environment().get_template("portal.html.j2").render(
        w=words, html_lang=HTML_LANG[lang], other_html_lang=HTML_LANG[other],
        this_page=PAGE[lang], other_page=PAGE[other], feed=portal_feeds.FEED[lang],
        calendar=portal_feeds.CALENDAR[lang], filters=filters, counts=counts, cards=views,
        events=events, search=search, script_words={k: word(k, lang) for k in SCRIPT_WORDS})


def write_portal(out: Path, cards: list[dict[str, Any]], *, today: date,
                 base_url: str | None, search: bool, stamp: Path) -> PortalReport:
    """Write the portal pages, their assets, the feed, the calendar and the search index."""
    for name, source in STATIC.items():
        target = out / "_portal" / name
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    for lang in ("zh", "en"):
        write_atomic(out / PAGE[lang], portal_page(cards, lang, today, search))
        write_atomic(out / portal_feeds.FEED[lang], portal_feeds.combined_atom(
            out, cards, lang, word("title", lang) + " — " + word("latest_news", lang), base_url))
        write_atomic(out / portal_feeds.CALENDAR[lang],
                     portal_feeds.events_ics(cards, lang, today))
    if not search:
        shutil.rmtree(out / search_index.OUTPUT, ignore_errors=True)  # no stale index stays
        stamp.unlink(missing_ok=True)
        return PortalReport(0)
    return PortalReport(search_index.write(out, cards, stamp))
