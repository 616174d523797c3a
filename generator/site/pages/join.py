"""入會方式: tiers with fees in NT$, benefits, visit quotas, how to join, the form."""

from __future__ import annotations

from ..model import Context, Page
from ..text import escape
from .common import block, button, heading, money


def build(ctx: Context) -> list[Page]:
    site = ctx.site
    page = Page("join.md", ctx.label("join"), "", ctx.dates.file("alliance.yml"))
    body = heading(ctx.label("tiers"))
    cards = []
    for tier in sorted(site.tiers, key=lambda t: t.fee):
        fee = (ctx.label("free") if tier.fee == 0
               else f'{money(ctx, tier.fee)}<small>{escape(ctx.label("per_year"))}</small>')
        benefits = "".join(f"<li{ctx.lang_attr(b)}>{ctx.inline(page, b, 'benefit')}</li>"
                           for b in tier.benefits)
        quota = ""
        if tier.visits is not None:
            quota = (ctx.label("visits_quota", n=tier.visits) if tier.visits
                     else ctx.label("no_visits"))
            quota = f'<p class="al-tier__quota">{escape(quota)}</p>'
        cards.append(
            f'<article class="al-card al-tier" id="tier-{escape(tier.id)}">'
            f'<h3>{ctx.phrase(tier.name, "tier name")}</h3>'
            f'<p class="al-tier__fee">{fee}</p>{quota}'
            f'<ul class="al-tier__benefits">{benefits}</ul></article>'
        )
    body += block(f'<div class="al-tiers">{"".join(cards)}</div>')
    if site.how_to_join:
        body += heading(ctx.label("how_to_join"))
        body += block(f'<div class="al-prose"{ctx.lang_attr(site.how_to_join)}>'
                      f'{ctx.markdown(page, site.how_to_join, "how_to_join")}</div>')
    if site.application_form:
        href = ctx.media_link(page, site.application_form)
        body += block('<p class="al-more">'
                      f'<a class="md-button md-button--primary" href="{escape(href)}" download>'
                      f'{escape(ctx.label("application_form"))}</a> '
                      + button(ctx.rel(page, "contact/"), ctx.label("contact_button"))
                      + "</p>")
    page.body = body
    return [page]
