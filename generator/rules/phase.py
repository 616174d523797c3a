"""R5: each result reported once, in this phase — ids, patent numbers and dates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..i18n import Msg
from ..model import Alliance
from ..model.types import Record
from .common import duplicate_ids
from .outputs import PENDING_NUMBER
from .verdict import Verdict, caution, invalid


def phase_bounds(alliance: Alliance) -> tuple[date, date]:
    """Feb 1 of the phase's first year … Jan 31 after its last: the phase's records."""
    years = alliance.info.project.performance_years
    return date(years.start, 2, 1), date(years.stop, 1, 31)


def dated_records(alliance: Alliance) -> Iterator[tuple[Record, str, date]]:
    """Every record that carries the day it happened, with the field holding that day."""
    out = alliance.outcomes
    for activity in alliance.activities:
        yield activity, "date", activity.date
    for records in (out.income, out.products, out.technologies, out.patents,
                    out.technical_services, out.transfers):
        for record in records:
            yield record, "date", record.date
    for project in out.projects:
        if project.signed is not None:
            yield project, "signed", project.signed


def reported_once(alliance: Alliance) -> Iterator[Verdict]:
    """R5: results are reported once and only in the phase under review.

    Ids are unique in each list (a copied record is the commonest double report), a patent
    number appears once, and a record dated outside the phase's years is a warning: before
    it, the result was reviewed already; after it, it belongs to no sheet of this phase.
    """
    out = alliance.outcomes
    for records, en, zh in (
        (alliance.members, "member", "會員"), (alliance.activities, "activity", "活動"),
        (out.income, "income", "收入"), (out.technical_services, "technical service", "技術服務"),
        (out.products, "product", "新產品"), (out.technologies, "technology", "新技術"),
        (out.patents, "patent", "專利"), (out.transfers, "transfer", "技術轉移"),
        (out.projects, "project", "產學合作計畫"),
    ):
        yield from duplicate_ids(records, en, zh)
    yield from _patent_numbers_once(alliance)
    yield from _member_outcomes_once(alliance)
    yield from _years_in_phase(alliance)
    first, last = phase_bounds(alliance)
    for record, field, day in dated_records(alliance):
        if first <= day <= last:
            continue
        when = Msg("before", "早於") if day < first else Msg("after", "晚於")
        yield caution(
            record, record.at(field),
            Msg(f"{day} is {when.en} this phase ({first} – {last}); no sheet of the phase "
                "counts it",
                f"{day} {when.zh}本期計畫期間（{first} – {last}），不列入本期任何年度"),
            Msg("check the year (Gregorian, not ROC); results of an earlier phase were "
                "reviewed already", "請檢查年份（西元，非民國）；前期成果已考核過，不得重複填報"),
            "R5")


def _patent_numbers_once(alliance: Alliance) -> Iterator[Verdict]:
    seen: dict[str, str] = {}
    for patent in alliance.outcomes.patents:
        key = re.sub(r"[\s-]", "", patent.number.strip()).upper()
        if PENDING_NUMBER.search(patent.number.strip()):
            continue  # R16's
        if key in seen:
            yield invalid(
                patent, patent.at("number"),
                Msg(f"patent number {patent.number.strip()} is already reported as "
                    f"'{seen[key]}'", f"專利號 {patent.number.strip()} 已在「{seen[key]}」填報"),
                Msg("one number, one record: keep the first (a grant of a filed patent "
                    "is a new record only with its new number)",
                    "一個專利號只填一筆：請保留一筆（申請案獲證時請以證書號另填）"),
                "R5")
        else:
            seen[key] = patent.id


def _member_outcomes_once(alliance: Alliance) -> Iterator[Verdict]:
    """Item 8 has no ids: one entry per member and year, or its hires and value count twice."""
    seen: set[tuple[str, int]] = set()
    for outcome in alliance.outcomes.member_outcomes:
        key = (outcome.member, outcome.year)
        if key in seen:
            yield invalid(
                outcome, outcome.at("member"),
                Msg(f"member {outcome.member} already has an item-8 entry for {outcome.year}",
                    f"會員 {outcome.member} 在 {outcome.year} 年已有一筆第 8 項成果"),
                Msg("one entry per member and year: add the hires and the value into it",
                    "每位會員每年一筆：請把人數與產值合併到該筆"),
                "R5")
        seen.add(key)


def _years_in_phase(alliance: Alliance) -> Iterator[Verdict]:
    """Targets, staffing and highlights for a year outside the phase are likely typos."""
    info = alliance.info
    phase = info.project.performance_years
    source = alliance.sources["alliance.yml"]
    for key in ("targets", "highlights", "staffing", "other_results"):
        for year in getattr(info, key):
            if year not in phase:
                yield caution(
                    None, source.where((key, year)),
                    Msg(f"{year} is outside the phase {phase.start}–{phase.stop - 1}",
                        f"{year} 不在本期計畫年度 {phase.start}–{phase.stop - 1} 之內"),
                    Msg("check the year (Gregorian, not ROC)", "請檢查年份（西元，非民國）"),
                    "R5")
