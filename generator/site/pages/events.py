"""Events a company can act on: the box on an event's post, the upcoming list, the .ics file.

A news post with ``event:`` in its front matter announces an event. Its page shows when
(date and time), where (venue, with an OpenStreetMap link — no embedded tiles), how to
register (a link or ``mailto:``) and an ``.ics`` file for the visitor's calendar; the page
also carries schema.org ``Event`` data (``page.meta["event"]``, written by the theme).
Home and news list the events that have not happened yet at build time.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ...formats import long_date
from ...model.events import NewsEvent
from ...model.news import NewsPost
from ..model import Context, Page
from ..text import escape
from .common import map_link, post_url

TAIPEI = ZoneInfo("Asia/Taipei")
ICS_DIR = "events"


def ics_path(post: NewsPost) -> str:
    return f"{ICS_DIR}/{post.slug}.ics"


def upcoming(ctx: Context) -> list[NewsPost]:
    """Posts announcing events that have not ended by the build day, soonest first."""
    posts = [p for p in ctx.site.news if p.event is not None and p.event.ahead(ctx.today)]
    return sorted(posts, key=lambda p: p.event.start)  # type: ignore[union-attr]


def when(ctx: Context, event: NewsEvent) -> str:
    """2026年12月11日 13:30–17:00 / December 11, 2026, 13:30–17:00, in <time> elements."""
    start = event.start
    sep = " " if ctx.lang == "zh" else ", "
    text = (f'<time datetime="{start.isoformat(timespec="minutes")}+08:00">'
            f"{long_date(start.date(), ctx.lang)}{sep}{start:%H:%M}</time>")
    if event.end is not None:
        end = event.end
        shown = (f"{end:%H:%M}" if end.date() == start.date()
                 else f"{long_date(end.date(), ctx.lang)}{sep}{end:%H:%M}")
        text += f'–<time datetime="{end.isoformat(timespec="minutes")}+08:00">{shown}</time>'
    return text


def box(ctx: Context, post: NewsPost) -> str:
    """The event's facts at the top of its post (raw HTML: links relative to the post URL)."""
    event = post.event
    assert event is not None
    here = post_url(post.date, post.slug)
    rows = [(ctx.label("event_when"), when(ctx, event)),
            (ctx.label("event_where"), ctx.phrase(event.venue, "event venue"))]
    if event.address is not None:
        rows[-1] = (rows[-1][0], rows[-1][1] + "<br>" + ctx.phrase(event.address, "event address")
                    + f' · <a href="{escape(map_link(event.address.zh))}">'
                    f'{escape(ctx.label("map"))}</a>')
    if event.registration_href is not None:
        rows.append((ctx.label("event_register"),
                     f'<a href="{escape(event.registration_href)}">'
                     f"{escape(event.registration or '')}</a>"))
    rows.append((ctx.label("event_calendar"),
                 f'<a href="{escape(ctx.rel(here, ics_path(post)))}" download '
                 f'type="text/calendar">{escape(ctx.label("event_ics"))}</a>'))
    facts = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<section class="al-card al-event-box"><dl>{facts}</dl></section>'


def upcoming_block(ctx: Context, page: Page | str) -> str:
    """「近期活動」: the upcoming events as a short list, or nothing when there are none."""
    posts = upcoming(ctx)
    if not posts:
        return ""
    items = "".join(
        f'<li><a href="{escape(ctx.rel(page, post_url(p.date, p.slug)))}">'
        f"{ctx.phrase(p.title, f'news {p.slug} title')}</a>"
        f'<br><span class="al-card__meta">{when(ctx, p.event)} · '  # type: ignore[arg-type]
        f"{ctx.phrase(p.event.venue, 'event venue')}</span></li>"  # type: ignore[union-attr]
        for p in posts)
    return (f'<section class="al-section al-upcoming"><h2 id="upcoming">'
            f'{escape(ctx.label("upcoming"))}</h2><ul class="al-list">{items}</ul></section>')


def structured(ctx: Context, post: NewsPost) -> dict[str, object]:
    """schema.org Event for search engines (the theme writes it as JSON-LD)."""
    event = post.event
    assert event is not None
    data: dict[str, object] = {
        "@context": "https://schema.org", "@type": "Event",
        "name": post.title.get(ctx.lang), "url": ctx.url + post_url(post.date, post.slug),
        "startDate": event.start.isoformat(timespec="minutes") + "+08:00",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "Place", "name": event.venue.get(ctx.lang),
                     **({"address": event.address.get(ctx.lang)} if event.address else {})},
        "organizer": {"@type": "Organization", "name": ctx.site.name.get(ctx.lang),
                      "url": ctx.url},
    }
    if event.end is not None:
        data["endDate"] = event.end.isoformat(timespec="minutes") + "+08:00"
    if event.registration_href is not None:
        data["offers"] = {"@type": "Offer", "url": event.registration_href,
                          "price": 0, "priceCurrency": "TWD"}
    return data


def ics(ctx: Context, post: NewsPost) -> str:
    """The event as an iCalendar file (RFC 5545), stable from build to build."""
    event = post.event
    assert event is not None
    calendar = Calendar()
    calendar.add("prodid", f"-//{ctx.site.id}//alliance-sites//{ctx.lang.upper()}")
    calendar.add("version", "2.0")
    entry = Event()
    entry.add("uid", f"{post.slug}@{ctx.site.id}.alliance-sites")
    entry.add("dtstamp", datetime.combine(post.date, time(0), UTC))  # the post's date
    entry.add("dtstart", event.start.replace(tzinfo=TAIPEI))
    if event.end is not None:
        entry.add("dtend", event.end.replace(tzinfo=TAIPEI))
    entry.add("summary", post.title.get(ctx.lang))
    place = event.venue.get(ctx.lang)
    if event.address is not None:
        place += ", " + event.address.get(ctx.lang)
    entry.add("location", place)
    entry.add("url", ctx.url + post_url(post.date, post.slug))
    if event.registration_href is not None:
        entry.add("description",
                  f"{ctx.label('event_register')}{ctx.label('colon')}{event.registration_href}")
    calendar.add_component(entry)
    return calendar.to_ical().decode("utf-8")
