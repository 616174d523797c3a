"""首頁: name, tagline, key figures, latest news, capabilities at a glance, a call to join."""

from __future__ import annotations

from ..dates import capped, newest
from ..model import Context, Page
from ..text import escape
from . import events
from .common import block, button, post_url
from .news import post_summary, summary_lang

LATEST = 3


def build(ctx: Context) -> list[Page]:
    site = ctx.site
    page = Page("index.md", ctx.text(site.name, "name"), "", None,
                meta={"hide": ["navigation", "toc"]})
    hero = (
        '<div class="al-hero">'
        f'<p class="al-hero__kicker">{ctx.phrase(site.institution, "institution")}</p>'
        f'<h1>{ctx.phrase(site.name, "name")}</h1>'
        + (f'<p class="al-hero__tagline">{ctx.phrase(site.tagline, "tagline")}</p>'
           if site.tagline else "")
        + '<p class="al-hero__actions">'
        + button(ctx.rel(page, "join/"), ctx.label("join_cta_button"), primary=True) + " "
        + button(ctx.rel(page, "contact/"), ctx.label("contact_button"))
        + "</p></div>"
    )
    figures = _figures(ctx)
    stats = "".join(
        f'<div class="al-stat"><span class="al-stat__value">{escape(str(value))}</span>'
        f'<span class="al-stat__label">{escape(text)}</span></div>'
        for text, value in figures
    )
    body = block(hero) + block(f'<div class="al-stats">{stats}</div>')
    upcoming = events.upcoming_block(ctx, page)
    if upcoming:
        body += block(upcoming)

    posts = site.news[:LATEST]
    if posts:
        cards = "".join(
            '<article class="al-card al-news-card">'
            f'<p class="al-card__meta">{ctx.day(p.date)}</p>'
            f'<h3><a href="{escape(ctx.rel(page, post_url(p.date, p.slug)))}">'
            f'{ctx.phrase(p.title, f"news {p.slug} title")}</a></h3>'
            + (f'<p{summary_lang(ctx, p)}>{escape(post_summary(ctx, p))}</p>'
               if p.summary else "")
            + "</article>"
            for p in posts
        )
        body += block(f'<section class="al-section"><h2 id="latest-news">'
                      f'{escape(ctx.label("latest_news"))}</h2>'
                      f'<div class="al-grid al-grid--3">{cards}</div>'
                      f'<p class="al-more"><a href="{escape(ctx.rel(page, "news/"))}">'
                      f'{escape(ctx.label("all_news"))} →</a></p></section>')
    if site.capabilities:
        cards = "".join(
            '<a class="al-card al-cap-card" href="'
            + escape(ctx.rel(page, "capabilities/")) + f'#cap-{i + 1}">'
            + ctx.img(page, c.image, "al-card__image")
            + f'<h3>{ctx.phrase(c.title, "capability title")}</h3></a>'
            for i, c in enumerate(site.capabilities)
        )
        body += block(f'<section class="al-section"><h2 id="capabilities">'
                      f'{escape(ctx.label("capabilities"))}</h2>'
                      f'<div class="al-grid al-grid--3">{cards}</div></section>')
    body += block(
        '<section class="al-cta">'
        f'<h2 id="join">{escape(ctx.label("join_cta_title"))}</h2>'
        f'<p>{escape(ctx.label("join_cta_text"))}</p>'
        f'<p>{button(ctx.rel(page, "join/"), ctx.label("join_cta_button"), primary=True)}</p>'
        "</section>"
    )
    page.body = body
    news_date = newest(capped(p.date, ctx.dates.of(p.path)) for p in posts)
    page.updated = newest([news_date, ctx.dates.file("alliance.yml"),
                           ctx.dates.file("members.yml")])
    page.meta["description"] = ctx.text(site.tagline or site.name)
    return [page]


def _figures(ctx: Context) -> list[tuple[str, object]]:
    site = ctx.site
    figures: list[tuple[str, object]] = []
    if site.counted_members is not None:
        figures.append((ctx.label("key_members"), site.counted_members))
    else:
        figures.append((ctx.label("key_members"), len(site.members)))
    events = sum(1 for a in site.activities if a.kind in ("promotion", "seminar"))
    figures.append((ctx.label("key_events"), events))
    figures.append((ctx.label("key_patents"), site.count("patents")))
    figures.append((ctx.label("key_projects"), site.count("projects")))
    return figures
