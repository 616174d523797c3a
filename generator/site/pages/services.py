"""服務項目: the services members can ask for."""

from __future__ import annotations

from ..model import Context, Page
from .common import block, button


def build(ctx: Context) -> list[Page]:
    page = Page("services.md", ctx.label("services"), "", ctx.dates.file("alliance.yml"))
    cards = "".join(
        f'<article class="al-card al-service" id="service-{i}">'
        f'<span class="al-service__number" aria-hidden="true">{i:02d}</span>'
        f'<h3>{ctx.phrase(s.title, "service title")}</h3>'
        f'<div{ctx.lang_attr(s.summary)}>{ctx.markdown(page, s.summary, "service summary")}'
        "</div></article>"
        for i, s in enumerate(ctx.site.services, start=1)
    )
    body = block(f'<div class="al-grid al-grid--2">{cards}</div>') if cards else ""
    body += block('<p class="al-more">'
                  + button(ctx.rel(page, "join/"), ctx.label("join_cta_button"), primary=True)
                  + " " + button(ctx.rel(page, "contact/"), ctx.label("contact_button"))
                  + "</p>")
    page.body = body or ctx.label("none_yet") + "\n"
    return [page]
