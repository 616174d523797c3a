"""聯盟簡介: mission, institution and the ministry's credit line, the team with photos."""

from __future__ import annotations

from ..model import Context, Page
from ..text import escape
from .common import block, heading

ROLES = ("pi", "co_pi", "member", "assistant", "student")


def build(ctx: Context) -> list[Page]:
    site = ctx.site
    page = Page("about.md", ctx.label("about"), "", ctx.dates.file("alliance.yml"))
    body = ""
    if site.about:
        body += heading(ctx.label("mission"))
        body += block(f'<div class="al-prose"{ctx.lang_attr(site.about)}>'
                      f'{ctx.markdown(page, site.about, "about")}</div>')
    credit = ctx.label("funded_by", ministry=ctx.text(site.ministry, "ministry"))
    body += block(
        '<div class="al-facts">'
        f'<p><strong>{escape(ctx.label("institution"))}</strong>{ctx.label("label_gap")}'
        f'{ctx.phrase(site.institution, "institution")}</p>'
        f'<p class="al-credit">{escape(credit)}</p></div>'
    )
    body += heading(ctx.label("team"))
    cards = []
    for role in ROLES:
        for person in (p for p in site.team if p.role == role):
            name = ctx.text(person.name, "team name")
            photo = (ctx.img(page, person.photo, "al-person__photo") if person.photo
                     else '<span class="al-person__photo al-person__photo--none" '
                          'aria-hidden="true"></span>')
            lines = [f'<span class="al-person__role">{escape(ctx.label("role_" + role))}</span>',
                     f'<strong class="al-person__name">{escape(name)}</strong>']
            if person.title:
                lines.append(f'<span>{ctx.phrase(person.title, "team title")}</span>')
            if person.department:
                lines.append(f'<span>{ctx.phrase(person.department, "team dept")}</span>')
            if person.email:
                lines.append(f'<a href="mailto:{escape(person.email)}">'
                             f'{escape(person.email)}</a>')
            cards.append(f'<div class="al-person">{photo}<div class="al-person__text">'
                         + "".join(lines) + "</div></div>")
    body += block(f'<div class="al-team">{"".join(cards)}</div>')
    page.body = body
    return [page]
