"""The portal's combined news feed (Atom) and calendar of upcoming public events (.ics).

The feed merges the Atom feeds the alliance sites already publish (``<id>/<lang>/feed.xml``),
so it holds exactly what those public feeds hold. The calendar comes from the portal cards
(:mod:`generator.site.directory`): public promotion events and seminars dated on or after
the build day. Both are dated by their content, never by the build, so an unchanged set of
alliances gives byte-identical files.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from .labels import FOLDER, HTML_LANG, SiteLang, label
from .portal_words import PAGE, pick, word

ATOM = "http://www.w3.org/2005/Atom"
FEED = {"zh": "feed.xml", "en": "feed.en.xml"}
CALENDAR = {"zh": "events.ics", "en": "events.en.ics"}
MAX_ENTRIES = 60
ET.register_namespace("", ATOM)


def upcoming(cards: list[dict[str, Any]], today: date) -> list[tuple[dict[str, Any], dict]]:
    """(card, event) for every public event on or after ``today``, soonest first."""
    found = [(c, e) for c in cards for e in c.get("events", [])
             if date.fromisoformat(e["until"]) >= today]
    return sorted(found, key=lambda ce: (ce[1]["date"], ce[0]["id"], ce[1]["id"]))


def combined_atom(out: Path, cards: list[dict[str, Any]], lang: SiteLang, title: str,
                  base_url: str | None) -> str:
    """Every alliance's news in one feed, newest first, each entry naming its alliance."""
    entries: list[tuple[str, ET.Element]] = []
    for card in cards:
        path = out / card["id"] / FOLDER[lang] / "feed.xml"
        if not path.is_file():
            continue
        root = ET.parse(path).getroot()
        alliance = pick(card["name"], lang)
        for entry in root.findall(f"{{{ATOM}}}entry"):
            author = ET.SubElement(entry, f"{{{ATOM}}}author")
            ET.SubElement(author, f"{{{ATOM}}}name").text = alliance
            updated = entry.findtext(f"{{{ATOM}}}updated") or ""
            entries.append((updated, entry))
    entries.sort(key=lambda pair: pair[0], reverse=True)
    feed = ET.Element(f"{{{ATOM}}}feed")
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", HTML_LANG[lang])
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    base = base_url.rstrip("/") + "/" if base_url else ""
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                  href=base + PAGE[lang])
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml",
                  href=base + FEED[lang])
    ET.SubElement(feed, f"{{{ATOM}}}id").text = (
        base + FEED[lang] if base else f"tag:alliance-portal,2024:{FEED[lang]}")
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = (
        entries[0][0] if entries else "1970-01-01T00:00:00+08:00")
    for _, entry in entries[:MAX_ENTRIES]:
        feed.append(entry)
    ET.indent(feed, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        feed, encoding="unicode") + "\n"


def events_ics(cards: list[dict[str, Any]], lang: SiteLang, today: date) -> bytes:
    """An iCalendar file of the upcoming public events, all-day, one VEVENT each."""
    calendar = Calendar()
    calendar.add("prodid", "-//alliance-sites//portal//" + HTML_LANG[lang].upper())
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", word("title", lang))
    for card, event in upcoming(cards, today):
        day = date.fromisoformat(event["date"])
        item = Event()
        origin = "post" if event["kind"] == "announced" else "activity"  # ids of two lists
        item.add("uid", f"{card['id']}-{origin}-{event['id']}@alliance-portal")
        # DTSTAMP is required; the event's own day keeps the file the same between builds.
        item.add("dtstamp", datetime(day.year, day.month, day.day, tzinfo=UTC))
        item.add("dtstart", day)
        item.add("dtend", day + timedelta(days=1))
        item.add("summary", f"{pick(event['title'], lang)} — {pick(card['name'], lang)}")
        description = pick(event.get("summary"), lang)
        if description:
            item.add("description", description)
        item.add("url", f"{card['urls'][lang]}{event['path']}")
        item.add("categories", [label("key_events", lang)])
        calendar.add_component(item)
    return calendar.to_ical()
