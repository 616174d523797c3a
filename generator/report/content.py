"""The public report's view model: the KPI sheet plus the public parts of the alliance.

The template only ever receives this view. Its records come from :mod:`generator.public`
(the one field-by-field policy the site follows too), restricted to what the sheet counted;
contract data, payers, evidence paths, per-record amounts, record ids and warnings never
enter it. The numbers are the sheet's aggregates.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .. import userfiles
from ..calendar import Window, quarters, roc_year
from ..kpi import Number, Sheet
from ..model import Alliance
from ..model.regions import REGION_NAMES, REGIONS
from ..model.sheet_keys import ITEM_TITLES, SHEET_KEYS
from ..model.types import Image, LocalText
from ..public import PublicOutput, public_activities, public_members, public_outputs, unlisted

# Below this share of its target a number is flagged; at or above it, "nearly there".
NEAR = 80.0


def today() -> date:
    """The day the report is written; ``SOURCE_DATE_EPOCH`` makes builds reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def roc_date(day: date) -> str:
    """114/02/01: the form Taiwanese forms and reviewers use."""
    return f"{roc_year(day.year)}/{day.month:02d}/{day.day:02d}"


@dataclass(frozen=True)
class KpiRow:
    """One number of the sheet with its target and the share of the target achieved."""

    key: str
    label: LocalText
    unit: LocalText
    actual: Number
    target: Number | None

    @property
    def share(self) -> float | None:
        if self.target is None or isinstance(self.actual, str) or isinstance(self.target, str):
            return None
        if float(self.target) <= 0:
            return None
        return float(self.actual) / float(self.target) * 100

    @property
    def status(self) -> str:
        """``met``, ``near`` or ``below`` the target; ``none`` when there is no target."""
        share = self.share
        if share is None:
            return "none"
        if share >= 100:
            return "met"
        return "near" if share >= NEAR else "below"


@dataclass(frozen=True)
class Photo:
    path: Path
    alt: LocalText


@dataclass(frozen=True)
class Event:
    """A public activity: only its date, title and (optional) summary and photo."""

    date: date
    title: LocalText
    participants: int | None = None


@dataclass(frozen=True)
class Output:
    """A product, technology, patent, service, transfer or project the public view lists."""

    date: date
    title: LocalText
    partner: LocalText  # the public view lists only consenting members' records
    detail: str = ""
    photo: Photo | None = None


@dataclass(frozen=True)
class NamedMember:
    name: LocalText
    city: str
    region: LocalText


@dataclass(frozen=True)
class YearPoint:
    """One earlier (or this) year of the phase, for the trend charts."""

    year: int
    kpi: dict[str, Number]
    cut: bool  # this year's sheet is cut (e.g. at Oct 31) or still running


@dataclass
class ReportView:
    alliance_id: str
    name: LocalText
    institution: LocalText
    ministry: LocalText
    grant: str
    pi: LocalText | None
    co_pis: list[LocalText]
    website: str
    year: int
    roc: int
    phase_year: int
    phase_years: int
    window: Window
    midterm: bool
    as_of: date | None  # set when the period has not ended yet
    quarters: list[tuple[int, Window, bool]]  # number, window, covered completely
    items: dict[int, list[KpiRow]]
    title: dict[int, LocalText]
    highlights: list[LocalText] = field(default_factory=list)
    highlight_photos: list[Photo] = field(default_factory=list)
    members: list[NamedMember] = field(default_factory=list)
    members_unnamed: int = 0
    established: str = ""
    promotions: list[Event] = field(default_factory=list)
    seminars: list[Event] = field(default_factory=list)
    products: list[Output] = field(default_factory=list)
    technologies: list[Output] = field(default_factory=list)
    patents: list[Output] = field(default_factory=list)
    outputs_unlisted: int = 0  # item 6 records left to the totals (no consent, private)
    technical_services: list[Output] = field(default_factory=list)
    transfers: list[Output] = field(default_factory=list)
    projects: list[Output] = field(default_factory=list)
    derived_unlisted: int = 0  # item 7 records left to the totals (no consent)
    outcome_members: int = 0
    other_results: list[LocalText] = field(default_factory=list)
    trend: list[YearPoint] = field(default_factory=list)

    @property
    def with_target(self) -> list[KpiRow]:
        return [r for rows in self.items.values() for r in rows if r.status != "none"]

    @property
    def met(self) -> int:
        return sum(r.status == "met" for r in self.with_target)

    @property
    def members_by_region(self) -> list[tuple[LocalText, list[NamedMember]]]:
        """Named members grouped north, central, south, east (the list is already ordered)."""
        groups: dict[str, tuple[LocalText, list[NamedMember]]] = {}
        for member in self.members:
            groups.setdefault(member.region.zh, (member.region, []))[1].append(member)
        return list(groups.values())

    def row(self, key: str) -> KpiRow:
        return next(r for rows in self.items.values() for r in rows if r.key == key)


def _text(zh: str, en: str) -> LocalText:
    return LocalText(zh=zh, en=en)


def kpi_rows(sheet: Sheet) -> dict[int, list[KpiRow]]:
    """The sheet's numbers grouped by the ministry's item, in the ministry's order."""
    items: dict[int, list[KpiRow]] = {n: [] for n in ITEM_TITLES}
    for key, actual, target in sheet.rows():
        spec = SHEET_KEYS[key]
        items[spec.item].append(KpiRow(key, _text(spec.zh, spec.en),
                                       _text(spec.unit_zh, spec.unit_en), actual, target))
    return items


def _photo(alliance: Alliance, image: Image | None) -> Photo | None:
    """A public image that really exists under media/ (others are a validation matter)."""
    if image is None:
        return None
    try:
        return Photo(userfiles.public_file(alliance.root, image.src).real, image.alt)
    except userfiles.Refused:
        return None


def build_view(alliance: Alliance, sheet: Sheet, history: dict[int, Sheet] | None = None,
               on: date | None = None) -> ReportView:
    """The public view of ``sheet``; ``history`` holds the earlier years' sheets (trends)."""
    info = alliance.info
    year = sheet.year
    window = sheet.window
    full_end = date(year + 1, 1, 31)
    day = on or today()
    view = ReportView(
        alliance_id=alliance.id, name=info.name, institution=info.institution,
        ministry=info.ministry, grant=info.project.number,
        pi=info.pi.name if info.pi else None,
        co_pis=[m.name for m in info.team if m.role == "co_pi"],
        website=info.website.url, year=year, roc=roc_year(year),
        phase_year=year - info.project.first_year + 1, phase_years=info.project.years,
        window=window, midterm=window.end != full_end,
        as_of=day if day < window.end else None,
        quarters=[(q.number, q.window, q.window.end <= window.end) for q in quarters(year)
                  if q.window.start <= window.end],
        items=kpi_rows(sheet),
        title={n: _text(zh, en) for n, (zh, en) in ITEM_TITLES.items()},
        established=_month(info.website.established),
    )
    highlights = info.highlights.get(year)
    if highlights is not None:
        view.highlights = list(highlights.points)
        photos = (_photo(alliance, image) for image in highlights.photos)
        view.highlight_photos = [photo for photo in photos if photo is not None]
    _members(view, alliance, sheet)
    _activities(view, alliance, sheet)
    _outputs(view, alliance, sheet)
    _derived(view, alliance, sheet)
    view.outcome_members = len({o.member for o in sheet.counted_records("member_outcomes")
                                if o.new_hires or o.output_value})  # type: ignore[attr-defined]
    view.other_results = list(info.other_results.get(year, []))
    view.trend = [YearPoint(y, s.kpi, False) for y, s in sorted((history or {}).items())
                  if y < year and y >= info.project.first_year]
    view.trend.append(YearPoint(year, sheet.kpi, view.midterm or view.as_of is not None))
    return view


def _month(text: str) -> str:
    year, month = text.split("-")
    return f"{year} 年 {int(month)} 月"


def _members(view: ReportView, alliance: Alliance, sheet: Sheet) -> None:
    counted = sheet.counted_members
    named = public_members(alliance, counted)
    view.members_unnamed = len(counted) - len(named)
    order = {r: i for i, r in enumerate(REGIONS)}
    for member in sorted(named, key=lambda m: (order.get(m.region or "", 9), m.county,
                                               m.name.zh)):
        zh, en = REGION_NAMES[member.region or "north"]
        view.members.append(NamedMember(member.name, member.county, _text(zh, en)))


def _activities(view: ReportView, alliance: Alliance, sheet: Sheet) -> None:
    """The sheet's counted promotions and seminars that the public view shows, by date."""
    for activity in reversed(public_activities(alliance, sheet.counted_records("activities"))):
        if activity.kind == "promotion":
            view.promotions.append(Event(activity.date, activity.title))
        elif activity.kind == "seminar":
            view.seminars.append(Event(activity.date, activity.title,
                                       activity.participants or None))


def _public(alliance: Alliance, sheet: Sheet, kind: str) -> list[PublicOutput]:
    """The counted records of ``kind`` the public view lists, oldest first."""
    return list(reversed(public_outputs(alliance, kind, sheet.counted_records(kind))))


def _outputs(view: ReportView, alliance: Alliance, sheet: Sheet) -> None:
    for kind, target in (("products", view.products), ("technologies", view.technologies)):
        for o in _public(alliance, sheet, kind):
            photo = _photo(alliance, o.photos[0]) if o.photos else None
            target.append(Output(o.date, o.title, o.partner, o.summary.zh if o.summary else "",
                                 photo=photo))
        view.outputs_unlisted += unlisted(alliance, kind, sheet.counted_records(kind))
    status = {"filed": "申請 filed", "granted": "獲證 granted"}
    for o in _public(alliance, sheet, "patents"):
        view.patents.append(Output(o.date, o.title, o.partner,
                                   f"{o.country} · {status[o.status or 'filed']}"))
    view.outputs_unlisted += unlisted(alliance, "patents", sheet.counted_records("patents"))


def _derived(view: ReportView, alliance: Alliance, sheet: Sheet) -> None:
    """Item 7: records of consenting members by title; the others only in the totals.

    Amounts are never shown per record: a contract's amount identifies a company's deal.
    """
    for kind, target in (("technical_services", view.technical_services),
                         ("transfers", view.transfers), ("projects", view.projects)):
        for o in _public(alliance, sheet, kind):
            target.append(Output(o.date, o.title, o.partner, o.funder.zh if o.funder else ""))
        view.derived_unlisted += unlisted(alliance, kind, sheet.counted_records(kind))
