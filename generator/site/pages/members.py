"""聯盟會員: counted totals, members by region (chart), and the members who agreed to be named."""

from __future__ import annotations

from ...model.regions import REGION_NAMES, REGIONS
from ..chart import region_bars, region_bars_size
from ..model import Context, Page
from ..text import escape
from .common import block, heading

CHART = "charts/members-by-region.svg"


def build(ctx: Context) -> list[Page]:
    site = ctx.site
    page = Page("members.md", ctx.label("members"), "", ctx.dates.file("members.yml"))
    body = ""
    year = site.latest_year
    stats = []
    if year is not None:
        stats.append((ctx.label("counted_members", year=year), site.counted_members))
    stats.append((ctx.label("public_members"), len(site.members)))
    body += block('<div class="al-stats">' + "".join(
        f'<div class="al-stat"><span class="al-stat__value">{value}</span>'
        f'<span class="al-stat__label">{escape(text)}</span></div>' for text, value in stats)
        + "</div>")
    if year is not None:
        body += block(f'<p class="al-note">{escape(ctx.label("counted_note"))}</p>')
        kpi = site.sheets[year].kpi
        index = 0 if ctx.lang == "zh" else 1
        rows = [(REGION_NAMES[r][index], int(kpi[f"members_{r}"])) for r in REGIONS]
        title = ctx.label("by_region") + f" ({year})"
        ctx.files[CHART] = region_bars(rows, title)
        width, height = region_bars_size(len(rows))
        sep = "、" if ctx.lang == "zh" else ", "
        alt = ctx.label("region_chart_alt", year=year,
                        parts=sep.join(f"{name} {n}" for name, n in rows))
        body += heading(ctx.label("by_region"))
        body += block(f'<figure class="al-chart"><img src="{escape(ctx.rel(page, CHART))}" '
                      f'alt="{escape(alt)}" width="{width}" height="{height}"></figure>')
    body += heading(ctx.label("member_list"))
    cards = []
    for member in sorted(site.members, key=lambda m: (REGIONS.index(m.region)
                                                       if m.region else 9, m.id)):
        name = ctx.phrase(member.name, f"member {member.id} name")
        logo = (ctx.img(page, member.logo, "al-member__logo") if member.logo
                else f'<span class="al-member__logo al-member__logo--text" aria-hidden="true">'
                     f'{escape(member.name.get(ctx.lang)[:2])}</span>')
        title = (f'<a href="{escape(member.website)}" rel="noopener">{name}</a>'
                 if member.website else name)
        facts = []
        if member.tier:
            facts.append(ctx.phrase(member.tier, "tier name"))
        if member.region:
            facts.append(escape(REGION_NAMES[member.region][0 if ctx.lang == "zh" else 1]))
        cards.append(f'<div class="al-member" id="member-{escape(member.id)}">{logo}'
                     f'<div><strong>{title}</strong>'
                     f'<span class="al-member__facts">{" · ".join(facts)}</span></div></div>')
    body += block(f'<div class="al-members">{"".join(cards)}</div>') if cards else (
        ctx.label("none_yet") + "\n")
    page.body = body
    return [page]
