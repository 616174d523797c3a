"""Small HTML pieces shared by page modules. Every text passes through ``escape``."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from ..model import Context
from ..text import escape


def post_url(post_date: date, slug: str) -> str:
    """Where Material's blog plugin puts a post (``post_url_format: {date}/{slug}``)."""
    return f"news/{post_date:%Y/%m/%d}/{slug}/"


def money(ctx: Context, thousands: float) -> str:
    """Fees are kept in thousands of NTD and shown in NT$, e.g. 10 → NT$10,000."""
    return f"NT${round(thousands * 1000):,}"


def map_link(address: str) -> str:
    """An OpenStreetMap search for ``address`` (a link, no embedded tiles or trackers)."""
    return "https://www.openstreetmap.org/search?query=" + quote(address, safe="")


def phone_text(ctx: Context, phone: str) -> str:
    """A phone number as written in the page's language: 分機 is "ext." in English."""
    if ctx.lang == "en":
        return " ".join(phone.replace("分機", " ext. ").split())
    return phone


def button(href: str, text: str, primary: bool = False) -> str:
    css = "md-button md-button--primary" if primary else "md-button"
    return f'<a class="{css}" href="{escape(href)}">{escape(text)}</a>'


def heading(text: str, level: int = 2) -> str:
    """A Markdown heading (it enters the table of contents) from plain text."""
    from ..text import md_escape

    return f"\n{'#' * level} {md_escape(text)}\n\n"


def block(html: str) -> str:
    """A raw HTML block for Markdown: one line, blank lines around it."""
    return "\n" + " ".join(line.strip() for line in html.splitlines() if line.strip()) + "\n\n"



def table(name: str, inner: str) -> str:
    """A table in a focusable, named region: a wide table scrolls sideways on a phone, and a
    keyboard user can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable)."""
    return (f'<div class="al-table" tabindex="0" role="region" aria-label="{escape(name)}">'
            f"<table>{inner}</table></div>")
