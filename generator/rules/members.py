"""members.yml: unique ids, known tiers, a region for every city, logos that exist."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..diagnostics import Finding, error
from ..i18n import Msg
from ..model import Alliance, Member
from ..model.regions import OUTLYING, canonical_county, known_counties, region_of
from . import rule
from .common import duplicate_ids, missing_media, names_of, unknown_reference


@rule
def members_are_consistent(alliance: Alliance) -> Iterator[Finding]:
    yield from duplicate_ids(alliance.members, "member", "會員")
    tiers = [t.id for t in alliance.info.membership.tiers]
    for member in alliance.members:
        if alliance.info.tier(member.tier) is None:
            yield unknown_reference(member, "tier", member.tier, tiers, "tier", "會員等級",
                                    names=names_of(alliance.info.membership.tiers))
        if member.logo is not None:
            yield from missing_media(alliance, member.at("logo", "src"), member.logo)
        yield from _region(alliance, member)


def _region(alliance: Alliance, member: Member) -> Iterator[Finding]:
    if region_of(member.city, alliance.info.regions) is not None:
        return
    county = canonical_county(member.city)
    if county in OUTLYING:
        yield error(
            member.at("city"),
            Msg(f"{member.city} is in none of the four regions",
                f"{member.city} 不屬於北中南東任一區"),
            Msg(f"say where it counts in alliance.yml, e.g. regions: {{{county}: north}}",
                f"請在 alliance.yml 指定，例如 regions: {{{county}: north}}"),
            rule="R9",
        )
        return
    close = difflib.get_close_matches(county, known_counties(), n=1, cutoff=0.3)
    yield error(
        member.at("city"),
        Msg(f"'{member.city}' is not a county or city of Taiwan",
            f"「{member.city}」不是臺灣的縣市"),
        Msg(f"did you mean '{close[0]}'?" if close else "write the county, e.g. 新竹縣",
            f"是不是「{close[0]}」？" if close else "請填縣市名稱，例如 新竹縣"),
    )
