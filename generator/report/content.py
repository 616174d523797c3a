"""The public report's view model: the KPI sheet plus the public parts of the alliance.

Privacy is decided here, once, and by construction: the template only ever receives this
view, and the view is built only from fields that alliance-format.md marks public (a member's
name with ``public: true``, public activities, public products …). Contract data, payers,
evidence paths, record ids (they often spell a company's name) and warnings never enter it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from ..calendar import Window, quarters, roc_year
from ..kpi import Number, Sheet
from ..model import Alliance, Member
from ..model.activities import Activity
from ..model.regions import REGION_NAMES, REGIONS, canonical_county
from ..model.sheet_keys import ITEM_TITLES, SHEET_KEYS
from ..model.types import Image, LocalText

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
    """A public product, technology, patent, service, transfer or project."""

    date: date
    title: LocalText | None  # None for item 7 records whose partner is not named
    partner: LocalText | None  # the member's name, only with the member's consent
    detail: str = ""
    amount: float | None = None
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
    outputs_unlisted: int = 0
    technical_services: list[Output] = field(default_factory=list)
    transfers: list[Output] = field(default_factory=list)
    projects: list[Output] = field(default_factory=list)
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
    path = (alliance.root / image.src).resolve()
    media = (alliance.root / "media").resolve()
    if not path.is_file() or media not in path.parents:
        return None
    return Photo(path, image.alt)


def _partner(member: Member | None) -> LocalText | None:
    return member.name if member is not None and member.public else None


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
    _activities(view, sheet)
    _outputs(view, alliance, sheet)
    _derived(view, alliance, sheet)
    view.outcome_members = len({o.member for o in alliance.outcomes.member_outcomes
                                if o.year == year and (o.new_hires or o.output_value)})
    view.other_results = list(info.other_results.get(year, []))
    view.trend = [YearPoint(y, s.kpi, False) for y, s in sorted((history or {}).items())
                  if y < year and y >= info.project.first_year]
    view.trend.append(YearPoint(year, sheet.kpi, view.midterm or view.as_of is not None))
    return view


def _month(text: str) -> str:
    year, month = text.split("-")
    return f"{year} 年 {int(month)} 月"


def _members(view: ReportView, alliance: Alliance, sheet: Sheet) -> None:
    order = {r: i for i, r in enumerate(REGIONS)}
    named = []
    for member in sheet.counted_members:
        if not member.public:
            view.members_unnamed += 1
            continue
        region = alliance.region(member) or "north"
        named.append((order[region], member.city, member, region))
    for _, city, member, region in sorted(named, key=lambda t: (t[0], t[1], t[2].name.zh)):
        zh, en = REGION_NAMES[region]
        view.members.append(NamedMember(member.name, canonical_county(city), _text(zh, en)))


def _by_day(records: list, attr: str = "date") -> list:
    return sorted(records, key=lambda r: getattr(r, attr))


def _activities(view: ReportView, sheet: Sheet) -> None:
    """The sheet's counted promotions and seminars that are public, by date."""
    activities: list[Activity] = sheet.counted_records("activities")  # type: ignore[assignment]
    for activity in _by_day(activities):
        if not activity.is_public:
            continue
        if activity.kind == "promotion":
            view.promotions.append(Event(activity.date, activity.title))
        elif activity.kind == "seminar":
            view.seminars.append(Event(activity.date, activity.title,
                                       activity.participants or None))


def _outputs(view: ReportView, alliance: Alliance, sheet: Sheet) -> None:
    for product in _by_day(sheet.counted_records("products")):
        if not product.public:
            view.outputs_unlisted += 1
            continue
        photo = _photo(alliance, product.photos[0]) if product.photos else None
        view.products.append(Output(product.date, product.title,
                                    _partner(alliance.member(product.member)),
                                    product.summary.zh if product.summary else "",
                                    photo=photo))
    for tech in _by_day(sheet.counted_records("technologies")):
        if not tech.public:
            view.outputs_unlisted += 1
            continue
        view.technologies.append(Output(tech.date, tech.title,
                                        _partner(alliance.member(tech.member)),
                                        tech.summary.zh if tech.summary else ""))
    status = {"filed": "申請 filed", "granted": "獲證 granted"}
    for patent in _by_day(sheet.counted_records("patents")):
        view.patents.append(Output(
            patent.date, patent.title, _partner(alliance.member(patent.member)),
            f"{patent.country} {patent.number} · {status[patent.status]}"))


def _derived(view: ReportView, alliance: Alliance, sheet: Sheet) -> None:
    """Item 7: a title is shown only beside a partner who consented to be named.

    The format marks neither titles nor partners of item 7 public; the amounts and counts
    are what the ministry publishes, and a title alone often identifies the company.
    """
    for service in _by_day(sheet.counted_records("technical_services")):
        partner = _partner(alliance.member(service.member))
        view.technical_services.append(
            Output(service.date, service.title if partner else None, partner))
    for transfer in _by_day(sheet.counted_records("transfers")):
        partner = _partner(alliance.member(transfer.member))
        view.transfers.append(Output(transfer.date, transfer.title if partner else None,
                                     partner, amount=transfer.amount))
    for project in _by_day(sheet.counted_records("projects"), "signed"):
        partner = _partner(alliance.member(project.member))
        view.projects.append(Output(project.signed, project.title if partner else None,
                                    partner, project.funder.zh if project.funder else "",
                                    amount=project.amount))
