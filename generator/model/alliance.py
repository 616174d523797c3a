"""alliance.yml: identity, team, public site content, tiers, targets and yearly items."""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from .fields import Field_, Service_
from .regions import Region
from .sheet_keys import SHEET_KEYS
from .types import (
    Count,
    Id,
    Image,
    MediaPath,
    Money,
    Month,
    Record,
    Strict,
    Text,
    WebUrl,
    alliance_error,
)

DEFAULT_MINISTRY = {"zh": "國家科學及技術委員會", "en": "National Science and Technology Council"}

Role = Literal["pi", "co_pi", "member", "assistant", "student"]


class ProjectInfo(Strict):
    number: str
    first_year: int = Field(ge=2000, le=2100)
    years: int = Field(default=3, ge=1, le=6)
    phase: Literal[1, 2] = 1

    @property
    def performance_years(self) -> range:
        return range(self.first_year, self.first_year + self.years)


class TeamMember(Record):
    name: Text
    role: Role
    title: Text | None = None
    department: Text | None = None
    email: str | None = None
    photo: Image | None = None


class Contact(Strict):
    """The alliance office: public, unlike the members' addresses and phones."""

    address: Text | None = None
    phone: str | None = None
    email: str | None = None
    hours: Text | None = None  # office hours, shown on the contact page


class Website(Strict):
    url: WebUrl
    established: Month  # R7: the month the site went up, in the project's first year


class Capability(Record):
    title: Text
    summary: Text | None = None
    image: Image | None = None


class Service(Record):
    title: Text
    summary: Text | None = None
    type: Service_ | None = None  # the portal's service filter


class Tier(Record):
    id: Id
    name: Text
    fee: Money  # per year, thousands NTD; 0 is a free tier
    benefits: list[Text] = []
    visits: Count | None = None  # on-site visits a year included in the fee


class Membership(Strict):
    tiers: list[Tier] = Field(min_length=1)
    how_to_join: Text | None = None
    application_form: MediaPath | None = None


class Highlights(Strict):
    points: list[Text] = []
    photos: list[Image] = []


class StaffCount(Strict):
    undergraduate: Count = 0
    master: Count = 0
    phd: Count = 0
    postdoc: Count = 0
    assistant: Count = 0


class Staffing(StaffCount):
    """Item 10: the approved (核定) numbers, which the sheet reports; ``actual`` optionally
    holds the people really hired, which the form's free text reports beside them."""

    actual: StaffCount | None = None


def _targets(value: dict[str, Any]) -> dict[str, Any]:
    for key in value:
        if key not in SHEET_KEYS:
            close = difflib.get_close_matches(str(key), SHEET_KEYS, n=1)
            hint_en = f"did you mean '{close[0]}'?" if close else "use a key of the KPI sheet"
            hint_zh = f"是不是「{close[0]}」？" if close else "請使用 KPI 表的欄位名稱"
            raise alliance_error(f"'{key}' is not a KPI of the sheet",
                                 f"「{key}」不是 KPI 表的項目", hint_en, hint_zh)
    return value


Targets = Annotated[dict[str, Money], AfterValidator(_targets)]


class AllianceInfo(Strict):
    id: Id
    name: Text
    tagline: Text | None = None
    project: ProjectInfo
    institution: Text
    field: Field_ | None = None  # the programme's review group: the portal's field filter
    logo: Image | None = None  # the alliance's own logo, on its portal card
    team: list[TeamMember] = Field(min_length=1)
    contact: Contact = Contact()
    website: Website
    about: Text | None = None
    capabilities: list[Capability] = []
    services: list[Service] = []
    membership: Membership
    targets: dict[int, Targets] = {}
    highlights: dict[int, Highlights] = {}
    staffing: dict[int, Staffing] = {}
    other_results: dict[int, list[Text]] = {}
    ministry: Text = Field(default=DEFAULT_MINISTRY, validate_default=True)
    regions: dict[str, Region] = {}

    def tier(self, tier_id: str) -> Tier | None:
        return next((t for t in self.membership.tiers if t.id == tier_id), None)

    @property
    def pi(self) -> TeamMember | None:
        return next((m for m in self.team if m.role == "pi"), None)

    def signatories(self) -> set[str]:
        """Names that may sign transfers and projects (R18): the PI and the co-PIs."""
        names: set[str] = set()
        for person in self.team:
            if person.role in ("pi", "co_pi"):
                names.add(person.name.zh)
                if person.name.en:
                    names.add(person.name.en)
        return names
