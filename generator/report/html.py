"""Renders the report view to one standalone HTML file: CSS inline, SVG charts, data-URI photos.

One file that opens anywhere (the site's 年度報告 page, an e-mail attachment, WeasyPrint)
without a folder of assets beside it that could go missing or leak something else.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from datetime import date
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import scrub
from ..formats import long_date
from ..model.regions import REGION_NAMES
from ..model.sheet_keys import SHEET_KEYS
from ..site.jinja_cache import CACHE
from . import charts
from .content import KpiRow, Photo, ReportView, roc_date
from .private import PrivateView

TEMPLATES = Path(__file__).parent / "templates"


def data_uri(photo: Photo) -> str:
    """The image inlined, so the HTML needs no media folder next to it."""
    kind = mimetypes.guess_type(photo.path.name)[0] or "application/octet-stream"
    payload = base64.b64encode(scrub.cleaned(photo.path)).decode("ascii")  # no EXIF/GPS
    return f"data:{kind};base64,{payload}"


def _number(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return charts.number(value)
    return "—" if value is None else str(value)


def _share(row: KpiRow) -> str:
    share = row.share
    return "—" if share is None else f"{share:.0f}%"


def _ymd(day: date) -> str:
    """The site's Chinese date (2025年10月27日): one date format per language everywhere."""
    return long_date(day, "zh")


@cache
def _environment() -> Environment:
    # Every template escapes, whatever its name (select_autoescape() does not match .j2):
    # markup in a name or a title is shown as text, never run.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      bytecode_cache=CACHE)  # compiling report.html.j2 took 0.15 s a build
    env.filters.update(num=_number, share=_share, ymd=_ymd, roc=roc_date, datauri=data_uri)
    return env


def _charts(view: ReportView) -> dict[str, Markup]:
    """Every chart of the report, built from the view (so only from public numbers)."""
    items = {r.key: r for rows in view.items.values() for r in rows}
    region_rows = [
        charts.Bar(REGION_NAMES[r][0], float(items[f"members_{r}"].actual),
                   _float(items[f"members_{r}"].target))
        for r in ("north", "central", "south", "east")]
    made = {
        "regions": charts.hbar_chart("regions", "會員地區分布 Members by region",
                                     region_rows, "家"),
        "income": charts.donut_chart(
            "income", "營運收入組成 Composition of operating income",
            [("會員費 Membership", float(items["income_membership"].actual)),
             ("技術服務 Technical services", float(items["income_technical_service"].actual)),
             ("其它 Other", float(items["income_other"].actual))], "仟元"),
    }
    if len(view.trend) > 1:
        years = [_year_label(p.year, p.cut) for p in view.trend]
        made["trend_members"] = charts.bar_chart(
            "trend-members", "歷年會員數 Members by year", years,
            [charts.Series("收費 paying", _values(view, "members_paying"), charts.PALETTE[0]),
             charts.Series("免費 free", _values(view, "members_free"), charts.PALETTE[6])],
            "家", stacked=True, width=330)
        made["trend_income"] = charts.bar_chart(
            "trend-income", "歷年營運收入 Operating income by year", years,
            [charts.Series("會員費", _values(view, "income_membership"), charts.PALETTE[0]),
             charts.Series("技術服務", _values(view, "income_technical_service"),
                           charts.PALETTE[1]),
             charts.Series("其它", _values(view, "income_other"), charts.PALETTE[2])],
            "仟元", stacked=True, width=330)
        keys = ("seminars", "visits", "products", "technologies", "patents",
                "technical_services", "transfers", "projects")
        made["trend_outputs"] = charts.bar_chart(
            "trend-outputs", "歷年主要產出 Key outputs by year",
            [SHEET_KEYS[k].zh.replace("舉辦技術", "").replace("已簽訂合約", "")
             .replace("訪廠現地指導", "訪廠指導") for k in keys],
            [charts.Series(label, tuple(float(p.kpi[k]) for k in keys),
                           charts.PALETTE[i % len(charts.PALETTE)])
             for i, (label, p) in enumerate(zip(years, view.trend, strict=True))],
            "件／場／次", width=680, height=250)
    return {name: Markup(svg) for name, svg in made.items()}


def _year_label(year: int, cut: bool) -> str:
    return f"{year}*" if cut else str(year)


def _values(view: ReportView, key: str) -> tuple[float, ...]:
    return tuple(float(p.kpi[key]) for p in view.trend)


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


_PALETTE = re.compile(r":root\s*\{([^}]*)\}")
_CUSTOM = re.compile(r"(--[\w-]+)\s*:\s*([^;]+);")
_USE = re.compile(r"var\((--[\w-]+)\)")


@cache
def stylesheet() -> str:
    """report.css with its palette (``:root``'s custom properties) written into each rule.

    The file names its colours once, for people; WeasyPrint computes every custom property
    for every element, which measured 15–25 % of printing a report. The values are plain
    colours, so writing them in changes nothing on screen or paper.
    """
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    palette = _PALETTE.search(css)
    if palette is None:
        return css
    values = dict(_CUSTOM.findall(palette.group(1)))
    css = css[:palette.start()] + css[palette.end():]
    return _USE.sub(lambda use: values[use.group(1)].strip(), css)


def render_html(view: ReportView, private: PrivateView | None = None) -> str:
    """The whole report; the private sections exist only when ``private`` is given."""
    env = _environment()
    return env.get_template("report.html.j2").render(
        v=view, charts=_charts(view), css=Markup(stylesheet()), private=private)
