"""聯絡我們: the alliance office and the principal investigator."""

from __future__ import annotations

import re

from ..model import Context, Page
from ..text import escape
from .common import block, map_link, phone_text


def build(ctx: Context) -> list[Page]:
    site = ctx.site
    page = Page("contact.md", ctx.label("contact"), "", ctx.dates.file("alliance.yml"))
    rows = []
    contact = site.contact
    if contact.address:
        rows.append((ctx.label("address"),
                     ctx.phrase(contact.address, "contact address")
                     + f'<br><a href="{escape(map_link(contact.address.zh))}">'
                     f'{escape(ctx.label("map"))}</a>'))
    if contact.hours:
        rows.append((ctx.label("hours"), ctx.phrase(contact.hours, "office hours")))
    if contact.phone:
        digits = re.sub(r"[^\d+]", "", contact.phone.split("分機")[0].split("ext")[0])
        rows.append((ctx.label("phone"),
                     f'<a href="tel:{escape(digits)}">'
                     f"{escape(phone_text(ctx, contact.phone))}</a>"))
    if contact.email:
        rows.append((ctx.label("email"),
                     f'<a href="mailto:{escape(contact.email)}">{escape(contact.email)}</a>'))
    office = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in rows)
    body = block(f'<section class="al-card al-contact"><h2 id="office">'
                 f'{escape(ctx.label("office"))}</h2><dl>{office}</dl></section>')
    pi = next((p for p in site.team if p.role == "pi"), None)
    if pi is not None:
        lines = [f"<strong>{ctx.phrase(pi.name, 'pi name')}</strong>"]
        if pi.title:
            lines.append(ctx.phrase(pi.title, "pi title"))
        if pi.department:
            lines.append(ctx.phrase(pi.department, "pi dept"))
        if pi.email:
            lines.append(f'<a href="mailto:{escape(pi.email)}">{escape(pi.email)}</a>')
        body += block(f'<section class="al-card al-contact"><h2 id="pi">'
                      f'{escape(ctx.label("pi_contact"))}</h2><p>'
                      + "<br>".join(lines) + "</p></section>")
    body += block(f'<p class="al-credit">{ctx.phrase(site.institution)}</p>')
    page.body = body
    return [page]
