"""年度報告: each performance year begun so far, with its key figures and the public report.

The public summary reports come from ``generator.report.write_public_reports`` (written into
the language build's ``reports/`` folder by :mod:`generator.site.generate`); until that module
exists the page lists the figures and says the PDF is not available.
"""

from __future__ import annotations

from ...calendar import roc_year
from ...formats import number
from ...model.sheet_keys import SHEET_KEYS
from ..model import Context, Page
from ..text import escape
from .common import block, heading, table

FIGURES = ("members_total", "seminars", "seminar_participants", "promotion_events",
           "products", "technologies", "patents", "transfers", "projects", "project_amount")


def build(ctx: Context) -> list[Page]:
    site = ctx.site
    sources = [ctx.dates.file(n) for n in ("alliance.yml", "members.yml", "activities.yml",
                                           "outcomes.yml")]
    page = Page("reports.md", ctx.label("reports"), "", max(sources))
    body = block(f'<p class="al-note">{escape(ctx.label("reports_intro"))}</p>')
    published = ctx.reports
    for year in sorted(site.sheets, reverse=True):
        sheet = site.sheets[year]
        title = ctx.label("report_year", year=year, roc=roc_year(year))
        if year == site.current_year:
            title += ctx.label("in_progress")
        body += heading(title)
        links = []
        report = published.get(year)
        if report is not None:
            links.append(f'<a class="md-button md-button--primary" '
                         f'href="{escape(ctx.rel(page, report["html"]))}">'
                         f'{escape(ctx.label("report_html"))}</a>')
            if report.get("pdf"):
                links.append(f'<a class="md-button" href="{escape(ctx.rel(page, report["pdf"]))}"'
                             f' download>{escape(ctx.label("report_pdf"))}</a>')
        if report is None or not report.get("pdf"):
            links.append(f'<span class="al-note">{escape(ctx.label("report_no_pdf"))}</span>')
        body += block('<p class="al-more">' + " ".join(links) + "</p>")
        index = 0 if ctx.lang == "zh" else 1
        rows = []
        for key in FIGURES:
            info = SHEET_KEYS[key]
            name = info.zh if index == 0 else info.en
            unit = info.unit_zh if index == 0 else info.unit_en
            target = sheet.targets.get(key)
            # 目標｜實績, the report's column order, and its number format.
            rows.append(f'<tr><th scope="row">{escape(name)}</th><td class="al-num">'
                        + (escape(f"{number(target)} {unit}") if target is not None else "—")
                        + f'</td><td class="al-num">{escape(number(sheet.kpi[key]))} '
                        f"{escape(unit)}</td></tr>")
        body += block(table(
            f'{ctx.label("report_figures")} {title}',
            f'<caption>{escape(ctx.label("report_figures"))}'
            f'</caption><thead><tr><th scope="col">{escape(ctx.label("item"))}</th>'
            f'<th scope="col">{escape(ctx.label("target"))}</th>'
            f'<th scope="col">{escape(ctx.label("value"))}</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody>'))
    if not site.sheets:
        body += ctx.label("none_yet") + "\n"
    page.body = body
    return [page]
