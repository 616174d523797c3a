"""alliance.yml: the team (exactly one PI), highlights (R8), website month (R7), media."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, error, warning
from ..i18n import Msg
from ..model import Alliance
from . import rule
from .common import duplicate_ids, missing_media

HIGHLIGHT_LIMIT = 250


@rule
def one_pi(alliance: Alliance) -> Iterator[Finding]:
    source = alliance.sources["alliance.yml"]
    pis = [p for p in alliance.info.team if p.role == "pi"]
    if not pis:
        yield error(
            source.where(("team",)),
            Msg("the team has no PI", "團隊沒有計畫主持人"),
            Msg("give exactly one person role: pi", "請將一位成員設為 role: pi"),
        )
    for extra in pis[1:]:
        yield error(
            extra.at("role"),
            Msg(f"a second PI ({extra.name.zh}); an alliance has exactly one",
                f"第二位計畫主持人（{extra.name.zh}）；聯盟只能有一位"),
            Msg("make the others co_pi", "其他人請設為 co_pi（共同主持人）"),
        )


def highlight_length(points: list[str]) -> int:
    """Characters as the platform counts them: the points' text, without whitespace."""
    return sum(len("".join(p.split())) for p in points)


@rule
def highlights_fit(alliance: Alliance) -> Iterator[Finding]:
    source = alliance.sources["alliance.yml"]
    for year, block in alliance.info.highlights.items():
        length = highlight_length([p.zh for p in block.points])
        if length > HIGHLIGHT_LIMIT:
            yield error(
                source.where(("highlights", year, "points")),
                Msg(f"the {year} highlights have {length} characters, over {HIGHLIGHT_LIMIT}",
                    f"{year} 年亮點共 {length} 字，超過 {HIGHLIGHT_LIMIT} 字"),
                Msg(f"shorten them by {length - HIGHLIGHT_LIMIT} characters",
                    f"請刪減 {length - HIGHLIGHT_LIMIT} 字"),
                rule="R8",
            )
        for index, photo in enumerate(block.photos):
            yield from missing_media(
                alliance, source.where(("highlights", year, "photos", index, "src")), photo)


@rule
def website_month(alliance: Alliance) -> Iterator[Finding]:
    info = alliance.info
    year = int(info.website.established[:4])
    if info.project.phase == 1 and year != info.project.first_year:
        yield warning(
            alliance.sources["alliance.yml"].where(("website", "established")),
            Msg(f"the site was set up in {year}, not in the project's first year "
                f"{info.project.first_year}",
                f"網站設立於 {year} 年，不是計畫第一年 {info.project.first_year} 年"),
            Msg("report the month the site went up in the first year",
                "請填計畫第一年網站設立的年月"),
            rule="R7",
        )


@rule
def tiers_and_media(alliance: Alliance) -> Iterator[Finding]:
    info = alliance.info
    source = alliance.sources["alliance.yml"]
    yield from duplicate_ids(info.membership.tiers, "tier", "會員等級", rule_id=None)
    yield from missing_media(alliance, source.where(("membership", "application_form")),
                             info.membership.application_form)
    yield from missing_media(alliance, source.where(("logo", "src")), info.logo)
    for index, person in enumerate(info.team):
        yield from missing_media(alliance, source.where(("team", index, "photo", "src")),
                                 person.photo)
    for index, capability in enumerate(info.capabilities):
        yield from missing_media(
            alliance, source.where(("capabilities", index, "image", "src")), capability.image)


@rule
def years_in_phase(alliance: Alliance) -> Iterator[Finding]:
    """Targets, staffing and highlights for a year outside the phase are likely typos."""
    info = alliance.info
    phase = info.project.performance_years
    source = alliance.sources["alliance.yml"]
    for key in ("targets", "highlights", "staffing", "other_results"):
        for year in getattr(info, key):
            if year not in phase:
                yield warning(
                    source.where((key, year)),
                    Msg(f"{year} is outside the phase {phase.start}–{phase.stop - 1}",
                        f"{year} 不在本期計畫年度 {phase.start}–{phase.stop - 1} 之內"),
                    Msg("check the year (Gregorian, not ROC)", "請檢查年份（西元，非民國）"),
                )
