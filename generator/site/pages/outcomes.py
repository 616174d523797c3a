"""成果: highlights by year, public products and technologies, patents, transfers and signed
projects of consenting members (generator.public decides which), other results, a gallery."""

from __future__ import annotations

from ..dates import capped, newest
from ..model import Context, Page
from ..privacy import PublicOutput
from ..text import escape
from .common import block, heading, table


def build(ctx: Context) -> list[Page]:
    site = ctx.site
    source = ctx.dates.file("outcomes.yml")
    dated = [capped(o.date, source) for records in site.outputs.values() for o in records]
    page = Page("outcomes.md", ctx.label("outcomes"), "",
                newest(dated) or source)
    body = ""
    if site.highlights:
        body += heading(ctx.label("highlights"))
        for year in sorted(site.highlights, reverse=True):
            points = "".join(f"<li{ctx.lang_attr(p)}>{ctx.inline(page, p, 'highlight')}</li>"
                             for p in site.highlights[year].points)
            body += block(f'<section class="al-card al-highlight"><h3>'
                          f'{escape(ctx.label("events_by_year", year=year))}</h3>'
                          f"<ul>{points}</ul></section>")
        page.updated = newest([page.updated, ctx.dates.file("alliance.yml")])
    for kind in ("products", "technologies"):
        records = site.outputs[kind]
        if not records:
            continue
        body += heading(ctx.label(kind))
        cards = "".join(_output_card(ctx, page, r) for r in records)
        body += block(f'<div class="al-grid al-grid--2">{cards}</div>')
    body += _table(ctx, page, "patents", ["date", "title", "status", "country", "partner"])
    body += _table(ctx, page, "transfers", ["date", "title", "partner"])
    body += _table(ctx, page, "projects", ["date", "title", "funder", "period", "partner"])
    if site.other_results:
        body += heading(ctx.label("other_results"))
        items = "".join(
            f"<li{ctx.lang_attr(t)}><strong>{year}</strong>{ctx.label('label_gap')}"
            f"{ctx.inline(page, t, 'other')}</li>"
            for year in sorted(site.other_results, reverse=True)
            for t in site.other_results[year]
        )
        body += block(f'<ul class="al-list">{items}</ul>')
    gallery = _gallery(ctx, page)
    if gallery:
        body += heading(ctx.label("gallery"))
        body += block(f'<div class="al-gallery">{gallery}</div>')
    page.body = body or ctx.label("none_yet") + "\n"
    return [page]


def _partner(ctx: Context, record: PublicOutput) -> str:
    return ctx.phrase(record.partner, "member name")


def _output_card(ctx: Context, page: Page, r: PublicOutput) -> str:
    photo = ctx.img(page, r.photos[0], "al-card__image") if r.photos else ""
    return (f'<article class="al-card" id="{escape(r.id)}">{photo}'
            f'<p class="al-card__meta">{ctx.day(r.date)} · {_partner(ctx, r)}</p>'
            f'<h3>{ctx.phrase(r.title, f"{r.kind} {r.id}")}</h3>'
            + (f'<div{ctx.lang_attr(r.summary)}>{ctx.markdown(page, r.summary, r.id)}</div>'
               if r.summary else "")
            + "</article>")


def _cell(ctx: Context, r: PublicOutput, column: str) -> str:
    if column == "date":
        return ctx.short_day(r.date)
    if column == "title":
        return ctx.phrase(r.title, f"{r.kind} {r.id}")
    if column == "status":
        return escape(ctx.label(f"status_{r.status}"))
    if column == "country":
        return escape(r.country or "")
    if column == "funder":
        return ctx.phrase(r.funder, "funder") if r.funder else ""
    if column == "period":
        return (f"{ctx.short_day(r.period[0])} – {ctx.short_day(r.period[1])}"
                if r.period else "")
    return _partner(ctx, r)


def _table(ctx: Context, page: Page, kind: str, columns: list[str]) -> str:
    records = ctx.site.outputs[kind]
    if not records:
        return ""
    head = "".join(f"<th>{escape(ctx.label(c))}</th>" for c in columns)
    rows = "".join("<tr>" + "".join(f"<td>{_cell(ctx, r, c)}</td>" for c in columns) + "</tr>"
                   for r in records)
    return heading(ctx.label(kind)) + block(
        table(ctx.label(kind), f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody>"))


def _gallery(ctx: Context, page: Page) -> str:
    site = ctx.site
    seen: set[str] = set()
    figures = []
    images = [img for year in sorted(site.highlights, reverse=True)
              for img in site.highlights[year].photos]
    for kind in ("products", "technologies"):
        images += [img for r in site.outputs[kind] for img in r.photos]
    images += [img for a in site.activities for img in a.photos]
    for image in images:
        if image.src in seen:
            continue
        seen.add(image.src)
        figures.append(f'<figure>{ctx.img(page, image)}<figcaption>'
                       f'{ctx.phrase(image.alt, "photo alt")}</figcaption></figure>')
    return "".join(figures)
