"""The public view of an alliance: what the site may show, and nothing else (default-deny).

Pages never see an :class:`~generator.model.Alliance`; they see a :class:`PublicSite` built
here field by field. A field not copied here cannot leak: contracts, representatives, member
addresses, phones and cities, evidence paths, income records and payers, non-consenting
members' names, logos and outcomes, and non-public activities all stay behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..kpi import Sheet
from ..model import Alliance
from ..model.alliance import Capability, Contact, Highlights, Service, TeamMember, Tier
from ..model.news import NewsPost
from ..model.regions import Region, region_of
from ..model.types import Image, LocalText


@dataclass(frozen=True)
class PublicMember:
    id: str
    name: LocalText
    tier: LocalText | None
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


@dataclass(frozen=True)
class PublicOutput:
    """A product, technology, patent, transfer or project as the site shows it."""

    kind: str
    id: str
    date: date
    title: LocalText
    partner: LocalText | None  # the member's name, only with the member's consent
    summary: LocalText | None = None
    photos: tuple[Image, ...] = ()
    status: str | None = None
    number: str | None = None
    country: str | None = None
    funder: LocalText | None = None
    period: tuple[date, date] | None = None


@dataclass
class PublicSite:
    id: str
    name: LocalText
    tagline: LocalText | None
    institution: LocalText
    ministry: LocalText
    about: LocalText | None
    team: list[TeamMember]
    contact: Contact
    capabilities: list[Capability]
    services: list[Service]
    tiers: list[Tier]
    how_to_join: LocalText | None
    application_form: str | None
    website_url: str
    members: list[PublicMember]
    activities: list[PublicActivity]
    outputs: dict[str, list[PublicOutput]]
    highlights: dict[int, Highlights]
    other_results: dict[int, list[LocalText]]
    news: list[NewsPost]
    sheets: dict[int, Sheet] = field(default_factory=dict)
    current_year: int | None = None  # the performance year under way on the build day
    review_group: str | None = None  # `field:`, the programme's review group (portal filter)
    logo: Image | None = None  # the alliance's own logo (its portal card)

    @property
    def latest_year(self) -> int | None:
        return max(self.sheets) if self.sheets else None

    @property
    def counted_members(self) -> int | None:
        year = self.latest_year
        return None if year is None else int(self.sheets[year].kpi["members_total"])


def public_view(alliance: Alliance, sheets: dict[int, Sheet]) -> PublicSite:
    info = alliance.info
    consenting = {m.id: m for m in alliance.members if m.public}

    def partner(member_id: str) -> LocalText | None:
        member = consenting.get(member_id)
        return member.name if member is not None else None

    members = [
        PublicMember(
            id=m.id, name=m.name,
            tier=(t.name if (t := info.tier(m.tier)) is not None else None),
            region=region_of(m.city, info.regions),
            website=m.website, logo=m.logo,
        )
        for m in alliance.members if m.public
    ]
    activities = sorted(
        (PublicActivity(a.id, a.date, a.kind, a.title, a.participants, a.summary,
                        tuple(a.photos))
         for a in alliance.activities if a.is_public),
        key=lambda a: (a.date, a.id), reverse=True,
    )
    out = alliance.outcomes
    outputs: dict[str, list[PublicOutput]] = {
        "products": [PublicOutput("products", p.id, p.date, p.title, partner(p.member),
                                  p.summary, tuple(p.photos))
                     for p in out.products if p.public],
        "technologies": [PublicOutput("technologies", p.id, p.date, p.title, partner(p.member),
                                      p.summary, tuple(p.photos))
                         for p in out.technologies if p.public],
        "patents": [PublicOutput("patents", p.id, p.date, p.title, partner(p.member),
                                 status=p.status, number=p.number, country=p.country)
                    for p in out.patents],
        "transfers": [PublicOutput("transfers", t.id, t.date, t.title, partner(t.member))
                      for t in out.transfers],
        "projects": [PublicOutput("projects", p.id, p.signed, p.title, partner(p.member),
                                  funder=p.funder,
                                  period=(p.period.start, p.period.end) if p.period else None)
                     for p in out.projects if p.status == "signed"],
    }
    for records in outputs.values():
        records.sort(key=lambda r: (r.date, r.id), reverse=True)
    return PublicSite(
        id=info.id, name=info.name, tagline=info.tagline, institution=info.institution,
        ministry=info.ministry, about=info.about, team=list(info.team), contact=info.contact,
        capabilities=list(info.capabilities), services=list(info.services),
        tiers=list(info.membership.tiers), how_to_join=info.membership.how_to_join,
        application_form=info.membership.application_form, website_url=info.website.url,
        members=members, activities=activities, outputs=outputs,
        highlights=dict(info.highlights), other_results=dict(info.other_results),
        news=sorted(alliance.news, key=lambda p: (p.date, p.slug), reverse=True),
        sheets=sheets, review_group=info.field, logo=info.logo,
    )
