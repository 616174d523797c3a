"""The site's view of an alliance: what the pages may show, and nothing else (default-deny).

Pages never see an :class:`~generator.model.Alliance`; they see a :class:`PublicSite`. Its
records come from :mod:`generator.public`, the one module that decides field by field what
of a record may be published (the public report reads the same functions); this module only
gathers the alliance-wide public content (name, team, tiers, highlights …) around them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kpi import Sheet
from ..model import Alliance
from ..model.alliance import Capability, Contact, Highlights, Service, TeamMember, Tier
from ..model.news import NewsPost
from ..model.types import Image, LocalText
from ..public import (
    OUTPUT_KINDS,
    PublicActivity,
    PublicMember,
    PublicOutput,
    PublicSheet,
    public_activities,
    public_members,
    public_outputs,
    public_sheet,
    unlisted,
)

__all__ = ["PublicActivity", "PublicMember", "PublicOutput", "PublicSite", "public_view"]


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
    unlisted: dict[str, int]  # records left to the aggregate numbers (no consent)
    highlights: dict[int, Highlights]
    other_results: dict[int, list[LocalText]]
    news: list[NewsPost]
    sheets: dict[int, PublicSheet] = field(default_factory=dict)  # numbers only
    current_year: int | None = None  # the performance year under way on the build day
    review_group: str | None = None  # `field:`, the programme's review group (portal filter)
    logo: Image | None = None  # the alliance's own logo (its portal card)

    @property
    def latest_year(self) -> int | None:
        return max(self.sheets) if self.sheets else None

    def count(self, kind: str) -> int:
        """Records of ``kind`` (``patents``, ``projects`` …): those listed plus those left to
        the totals because their member did not consent."""
        return len(self.outputs[kind]) + self.unlisted[kind]

    @property
    def counted_members(self) -> int | None:
        year = self.latest_year
        return None if year is None else int(self.sheets[year].kpi["members_total"])


def public_view(alliance: Alliance, sheets: dict[int, Sheet]) -> PublicSite:
    """The site's view: alliance-wide public content plus :mod:`generator.public`'s records."""
    info = alliance.info
    outputs = {kind: public_outputs(alliance, kind) for kind in OUTPUT_KINDS}
    return PublicSite(
        id=info.id, name=info.name, tagline=info.tagline, institution=info.institution,
        ministry=info.ministry, about=info.about, team=list(info.team), contact=info.contact,
        capabilities=list(info.capabilities), services=list(info.services),
        tiers=list(info.membership.tiers), how_to_join=info.membership.how_to_join,
        application_form=info.membership.application_form, website_url=info.website.url,
        members=public_members(alliance), activities=public_activities(alliance),
        outputs=outputs,
        unlisted={kind: unlisted(alliance, kind) for kind in OUTPUT_KINDS},
        highlights=dict(info.highlights), other_results=dict(info.other_results),
        news=sorted(alliance.news, key=lambda p: (p.date, p.slug), reverse=True),
        sheets={year: public_sheet(sheet) for year, sheet in sheets.items()},
        review_group=info.field, logo=info.logo,
    )
