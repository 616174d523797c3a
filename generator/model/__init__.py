"""The alliance data model: one class per YAML entity, one attribute per key.

The model knows the format; the rules (``generator.rules``) know the ministry; the pages
and the report only present. An :class:`Alliance` is what the loader hands to all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..yamlmarks import SourceFile
from .activities import Activity
from .alliance import AllianceInfo, TeamMember, Tier
from .members import Contract, Member
from .news import NewsPost
from .outcomes import Outcomes
from .pages import FreePage
from .regions import Region, region_of

__all__ = [
    "Activity", "Alliance", "AllianceInfo", "Contract", "Member", "NewsPost", "Outcomes",
    "TeamMember", "Tier",
]


@dataclass
class Alliance:
    """Everything one alliance folder says, typed and with its sources kept for messages."""

    root: Path
    info: AllianceInfo
    members: list[Member]
    activities: list[Activity]
    outcomes: Outcomes
    news: list[NewsPost]
    sources: dict[str, SourceFile] = field(default_factory=dict)
    pages: list[FreePage] = field(default_factory=list)  # pages/*.md, read by the loader
    _regions: dict[str, Region | None] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._regions = {m.id: region_of(m.city, self.info.regions) for m in self.members}

    @property
    def id(self) -> str:
        return self.info.id

    def member(self, member_id: str) -> Member | None:
        return self._members_by_id.get(member_id)

    @cached_property
    def _members_by_id(self) -> dict[str, Member]:
        return {m.id: m for m in self.members}

    def fee_of(self, member: Member, contract: Contract | None) -> float | None:
        """The yearly fee (仟元) a member pays: its contract's own fee, else its tier's; None
        when neither is known (an unknown tier, an error of its own)."""
        if contract is not None and contract.fee is not None:
            return contract.fee
        tier = self.info.tier(member.tier)
        return tier.fee if tier is not None else None

    def region(self, member: Member) -> Region | None:
        """The member's region (north/central/south/east), None when nobody said (金門, typos).

        Resolved once per alliance, with ``regions:`` overrides, so every consumer agrees.
        """
        return self._regions.get(member.id)

    def evidence_exists(self, relative: str) -> bool:
        return (self.root / relative).is_file()
