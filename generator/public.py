"""The one public view: what of each record may be published, decided field by field.

Default-deny. :data:`PUBLISHED` lists, per model class, the only fields that may leave the
PI's folder — in the site, its search index and feeds, the portal and the public report.
Every other field of every model is private, including any field added later, until someone
adds it here (the privacy tests plant a canary in each field *not* listed and look for it in
every output). A field listed here is still published only under its record's condition:

- a member by name (name, website, logo, tier, county, region) only with ``public: true``;
- a record *about* a member (product, technology, patent, technical service, transfer,
  project, activity served) by title only when that member consented; otherwise it appears
  only in the aggregate numbers of the KPI sheet (counts and totals);
- never per record: income, contract data, amounts of transfers and projects (per-company
  money), patent numbers (an application number identifies the applicant; the full report
  carries them), evidence, payers, notes, representatives, addresses, phones, ids of
  non-consenting members.

API (small on purpose; the site pages, portal and report read only this):

- :func:`public_members` — consenting members, with their region (resolved at load).
- :func:`public_activities` — public activities; those serving a non-consenting member only
  when they are promotions or seminars (events open to all) and never naming members.
- :func:`public_outputs` — products, technologies, patents, technical services, transfers
  and signed projects of consenting members; :func:`unlisted` counts the rest.
- :func:`public_sheet` — a year's KPI numbers and targets, without the per-record
  decisions behind them.
- :data:`PUBLISHED` — the field policy itself, for tests and reviewers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel

from .kpi import Number, Sheet
from .model import Alliance, Member
from .model.activities import Activity
from .model.alliance import (
    AllianceInfo,
    Capability,
    Contact,
    Highlights,
    Membership,
    ProjectInfo,
    Service,
    StaffCount,
    Staffing,
    TeamMember,
    Tier,
    Website,
)
from .model.events import NewsEvent
from .model.members import Contract
from .model.news import NewsFrontMatter
from .model.outcomes import (
    Income,
    MemberOutcome,
    MemberOutput,
    Patent,
    Period,
    Project,
    TechnicalService,
    Transfer,
)
from .model.regions import Region, canonical_county
from .model.types import Image, LocalText

# The field policy. A model absent from this table publishes nothing of itself.
PUBLISHED: dict[type[BaseModel], frozenset[str]] = {
    AllianceInfo: frozenset({
        "id", "name", "tagline", "project", "institution", "team", "contact", "website",
        "about", "capabilities", "services", "membership", "targets", "highlights",
        "staffing", "other_results", "ministry", "regions",
        "field", "logo"}),  # the review group and the logo: the portal's card and filter
    ProjectInfo: frozenset({"number", "first_year", "years", "phase"}),
    TeamMember: frozenset({"name", "role", "title", "department", "email", "photo"}),
    Contact: frozenset({"address", "phone", "email", "hours"}),
    Website: frozenset({"url", "established"}),
    Capability: frozenset({"title", "summary", "image"}),
    Service: frozenset({"title", "summary", "type"}),  # type: the portal's service filter
    Membership: frozenset({"tiers", "how_to_join", "application_form"}),
    Tier: frozenset({"id", "name", "fee", "benefits", "visits"}),
    Highlights: frozenset({"points", "photos"}),
    Staffing: frozenset({"undergraduate", "master", "phd", "postdoc", "assistant", "actual"}),
    StaffCount: frozenset({"undergraduate", "master", "phd", "postdoc", "assistant"}),
    Image: frozenset({"src", "alt"}),
    LocalText: frozenset({"zh", "en"}),
    NewsFrontMatter: frozenset({"title", "date", "categories", "summary", "image", "slug",
                                "event"}),
    NewsEvent: frozenset({"start", "end", "venue", "address", "registration"}),
    # With the member's consent (public: true) only:
    Member: frozenset({"id", "name", "city", "tier", "public", "website", "logo"}),
    # Public activities only; never the members served:
    Activity: frozenset({"id", "date", "title", "kind", "participants", "public", "summary",
                         "photos", "venue"}),
    # About a consenting member only:
    MemberOutput: frozenset({"id", "date", "member", "title", "summary", "public", "photos"}),
    Patent: frozenset({"id", "date", "member", "title", "status", "country"}),
    TechnicalService: frozenset({"id", "date", "member", "title"}),
    Transfer: frozenset({"id", "date", "member", "title"}),
    Project: frozenset({"id", "signed", "member", "title", "funder", "period", "status"}),
    Period: frozenset({"start", "end"}),
    # Nothing of these, ever (listed so that the table reads complete):
    Contract: frozenset(),
    Income: frozenset(),
    MemberOutcome: frozenset(),
}


@dataclass(frozen=True)
class PublicMember:
    id: str
    name: LocalText
    tier: LocalText | None
    county: str
    region: Region | None
    website: str | None
    logo: Image | None


@dataclass(frozen=True)
class PublicActivity:
    id: str
    date: date
    kind: str
    title: LocalText
    participants: int
    summary: LocalText | None
    photos: tuple[Image, ...]
    venue: LocalText | None = None


@dataclass(frozen=True)
class PublicOutput:
    """A product, technology, patent, service, transfer or project of a consenting member."""

    kind: str
    id: str
    date: date
    title: LocalText
    partner: LocalText  # the member's name: only consenting members' records are published
    summary: LocalText | None = None
    photos: tuple[Image, ...] = ()
    status: str | None = None
    country: str | None = None
    funder: LocalText | None = None
    period: tuple[date, date] | None = None


def consenting(alliance: Alliance, member_id: str) -> Member | None:
    """The member, when it agreed to be named (``public: true``); else None."""
    member = alliance.member(member_id)
    return member if member is not None and member.public else None


def public_members(alliance: Alliance, members: Iterable[Member] | None = None
                   ) -> list[PublicMember]:
    """Consenting members among ``members`` (default: all), in the order given."""
    info = alliance.info
    return [
        PublicMember(m.id, m.name, t.name if (t := info.tier(m.tier)) is not None else None,
                     canonical_county(m.city), alliance.region(m), m.website, m.logo)
        for m in (alliance.members if members is None else members) if m.public
    ]


def public_activities(alliance: Alliance, activities: Iterable[Activity] | None = None
                      ) -> list[PublicActivity]:
    """Public activities among ``activities`` (default: all), newest first.

    Consulting and visits are about the members served: a public one is shown only when
    every member it served consented.
    """
    shown = []
    for a in alliance.activities if activities is None else activities:
        if not a.is_public:
            continue
        if a.kind in ("consulting", "visit") and not all(
                consenting(alliance, m) for m in a.members):
            continue
        shown.append(PublicActivity(a.id, a.date, a.kind, a.title, a.participants, a.summary,
                                    tuple(a.photos), a.venue))
    return sorted(shown, key=lambda a: (a.date, a.id), reverse=True)


OUTPUT_KINDS = ("products", "technologies", "patents", "technical_services", "transfers",
                "projects")


def _records(alliance: Alliance, kind: str) -> Sequence:
    return getattr(alliance.outcomes, kind)


def _listed(alliance: Alliance, kind: str, record: object) -> bool:
    if consenting(alliance, record.member) is None:  # type: ignore[attr-defined]
        return False
    if kind in ("products", "technologies"):
        return bool(record.public)  # type: ignore[attr-defined]
    if kind == "projects":
        return record.status == "signed" and record.signed is not None  # type: ignore
    return True


def public_outputs(alliance: Alliance, kind: str, records: Iterable | None = None
                   ) -> list[PublicOutput]:
    """The publishable records of ``kind`` among ``records`` (default: all), newest first."""
    shown: list[PublicOutput] = []
    for r in _records(alliance, kind) if records is None else records:
        if not _listed(alliance, kind, r):
            continue
        partner = alliance.member(r.member).name  # type: ignore[union-attr]
        if kind in ("products", "technologies"):
            out = PublicOutput(kind, r.id, r.date, r.title, partner, r.summary, tuple(r.photos))
        elif kind == "patents":
            out = PublicOutput(kind, r.id, r.date, r.title, partner, status=r.status,
                               country=r.country)
        elif kind == "projects":
            out = PublicOutput(kind, r.id, r.signed, r.title, partner, funder=r.funder,
                               period=(r.period.start, r.period.end) if r.period else None)
        else:
            out = PublicOutput(kind, r.id, r.date, r.title, partner)
        shown.append(out)
    return sorted(shown, key=lambda o: (o.date, o.id), reverse=True)


def unlisted(alliance: Alliance, kind: str, records: Iterable | None = None) -> int:
    """How many records of ``kind`` are left to the aggregate numbers (no consent, private)."""
    pool = list(_records(alliance, kind) if records is None else records)
    if kind == "projects":
        pool = [p for p in pool if p.status == "signed"]
    return sum(not _listed(alliance, kind, r) for r in pool)


@dataclass(frozen=True)
class PublicSheet:
    """A year's sheet as published: the aggregate numbers, never the records behind them."""

    year: int
    kpi: dict[str, Number]
    targets: dict[str, Number]


def public_sheet(sheet: Sheet) -> PublicSheet:
    return PublicSheet(sheet.year, dict(sheet.kpi), dict(sheet.targets))
