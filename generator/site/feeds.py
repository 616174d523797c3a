"""The news feed (Atom) of one language, written from our data, dated by the posts.

Built from the public view only, so nothing private can enter it; ``updated`` is the newest
post's date, so an unchanged site yields a byte-identical feed.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape

from .labels import HTML_LANG
from .model import Context
from .pages.common import post_url
from .pages.news import post_summary

FEED = "feed.xml"
MAX_ENTRIES = 30


def atom(ctx: Context, site_url: str) -> str:
    site = ctx.site
    base = site_url if site_url.endswith("/") else site_url + "/"
    posts = site.news[:MAX_ENTRIES]
    updated = (posts[0].date.isoformat() if posts else "1970-01-01") + "T00:00:00+08:00"
    title = ctx.text(site.name) + " — " + ctx.label("news")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{HTML_LANG[ctx.lang]}">',
        f"  <title>{xml_escape(title)}</title>",
        f'  <link rel="alternate" type="text/html" href="{xml_escape(base + "news/")}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{xml_escape(base + FEED)}"/>',
        f"  <id>{xml_escape(base + FEED)}</id>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{xml_escape(ctx.text(site.name))}</name></author>",
    ]
    for post in posts:
        url = base + post_url(post.date, post.slug)
        stamp = post.date.isoformat() + "T00:00:00+08:00"
        lines += [
            "  <entry>",
            f"    <title>{xml_escape(ctx.text(post.title))}</title>",
            f'    <link rel="alternate" type="text/html" href="{xml_escape(url)}"/>',
            f"    <id>{xml_escape(url)}</id>",
            f"    <published>{stamp}</published>",
            f"    <updated>{stamp}</updated>",
        ]
        if post.summary:
            lines.append(f"    <summary>{xml_escape(post_summary(ctx, post))}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
