"""alliance.yml: exactly one PI, highlights that fit (R8), the site's month (R7), media (R6)."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import Msg
from ..model import Alliance
from .common import missing_media
from .verdict import Verdict, caution, invalid

HIGHLIGHT_LIMIT = 250


def one_pi(alliance: Alliance) -> Iterator[Verdict]:
    """Format: exactly one PI, who signs for the alliance (R18 names the PI and co-PIs)."""
    source = alliance.sources["alliance.yml"]
    pis = [p for p in alliance.info.team if p.role == "pi"]
    if not pis:
        yield invalid(
            None, source.where(("team",)),
            Msg("the team has no PI", "團隊沒有計畫主持人"),
            Msg("give exactly one person role: pi", "請將一位成員設為 role: pi"), None)
    for extra in pis[1:]:
        yield invalid(
            extra, extra.at("role"),
            Msg(f"a second PI ({extra.name.zh}); an alliance has exactly one",
                f"第二位計畫主持人（{extra.name.zh}）；聯盟只能有一位"),
            Msg("make the others co_pi", "其他人請設為 co_pi（共同主持人）"), None)


def highlight_length(points: list[str]) -> int:
    """Characters as the platform counts them: the points' text, without whitespace.

    The one way highlights are measured: validation, ``deadlines`` and the companion call it.
    """
    return sum(len("".join(p.split())) for p in points)


def highlights_fit(alliance: Alliance) -> Iterator[Verdict]:
    """R8: item 1's highlights are at most 250 characters, as the eTop form accepts them."""
    source = alliance.sources["alliance.yml"]
    for year, block in alliance.info.highlights.items():
        length = highlight_length([p.zh for p in block.points])
        if length > HIGHLIGHT_LIMIT:
            yield invalid(
                None, source.where(("highlights", year, "points")),
                Msg(f"the {year} highlights have {length} characters, over {HIGHLIGHT_LIMIT}",
                    f"{year} 年亮點共 {length} 字，超過 {HIGHLIGHT_LIMIT} 字"),
                Msg(f"shorten them by {length - HIGHLIGHT_LIMIT} characters",
                    f"請刪減 {length - HIGHLIGHT_LIMIT} 字"),
                "R8")


def website_in_first_year(alliance: Alliance) -> Iterator[Verdict]:
    """R7: the site's set-up month is reported as YYYYMM and lies in the first year."""
    info = alliance.info
    year = int(info.website.established[:4])
    if info.project.phase == 1 and year != info.project.first_year:
        yield caution(
            None, alliance.sources["alliance.yml"].where(("website", "established")),
            Msg(f"the site was set up in {year}, not in the project's first year "
                f"{info.project.first_year}",
                f"網站設立於 {year} 年，不是計畫第一年 {info.project.first_year} 年"),
            Msg("report the month the site went up in the first year",
                "請填計畫第一年網站設立的年月"),
            "R7")


def public_files_exist(alliance: Alliance) -> Iterator[Verdict]:
    """R6: every public image or download named in the data exists (no broken link)."""
    info = alliance.info
    source = alliance.sources["alliance.yml"]
    yield from missing_media(alliance, source.where(("membership", "application_form")),
                             info.membership.application_form)
    yield from missing_media(alliance, source.where(("logo", "src")), info.logo)
    for index, person in enumerate(info.team):
        yield from missing_media(alliance, source.where(("team", index, "photo", "src")),
                                 person.photo)
    for index, capability in enumerate(info.capabilities):
        yield from missing_media(
            alliance, source.where(("capabilities", index, "image", "src")), capability.image)
    for year, block in info.highlights.items():
        for index, photo in enumerate(block.photos):
            yield from missing_media(
                alliance, source.where(("highlights", year, "photos", index, "src")), photo)
    for member in alliance.members:
        if member.logo is not None:
            yield from missing_media(alliance, member.at("logo", "src"), member.logo)
