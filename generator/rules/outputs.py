"""Items 6–8: members named (R16, R17), real patent numbers once each (R5, R16)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Finding, error, warning
from ..i18n import Msg
from ..model import Alliance
from . import rule
from .common import duplicate_ids, member_reference

_PENDING = re.compile(r"^\s*$|申請中|審查中|pending|applying|applied|tbd|n/?a|^無$", re.I)


@rule
def outputs_name_members(alliance: Alliance) -> Iterator[Finding]:
    outcomes = alliance.outcomes
    for name, records, what_en, what_zh in (
        ("products", outcomes.products, "product", "新產品"),
        ("technologies", outcomes.technologies, "technology", "新技術"),
        ("patents", outcomes.patents, "patent", "專利"),
        ("transfers", outcomes.transfers, "transfer", "技術轉移"),
        ("projects", outcomes.projects, "project", "產學合作計畫"),
    ):
        yield from duplicate_ids(records, what_en, what_zh)
        for record in records:
            yield from member_reference(alliance, record, "member", record.member,
                                        rule_id="R18" if name in ("transfers", "projects")
                                        else "R16")
    for outcome in outcomes.member_outcomes:
        yield from member_reference(alliance, outcome, "member", outcome.member)


@rule
def patent_numbers(alliance: Alliance) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for patent in alliance.outcomes.patents:
        number = patent.number.strip()
        if _PENDING.search(number):
            yield error(
                patent.at("number"),
                Msg(f"the patent number may not be '{patent.number}'",
                    f"專利號不可填「{patent.number}」"),
                Msg("report the patent once it has an application or grant number",
                    "請於取得申請號或證書號後再填報"),
                rule="R16",
            )
            continue
        key = re.sub(r"[\s-]", "", number).upper()
        if key in seen:
            yield error(
                patent.at("number"),
                Msg(f"patent number {number} is already reported as '{seen[key]}'",
                    f"專利號 {number} 已在「{seen[key]}」填報"),
                Msg("one number, one record: keep the first (a grant of a filed patent "
                    "is a new record only with its new number)",
                    "一個專利號只填一筆：請保留一筆（申請案獲證時請以證書號另填）"),
                rule="R5",
            )
        else:
            seen[key] = patent.id


@rule
def undated_pending_projects(alliance: Alliance) -> Iterator[Finding]:
    """A pending project without a date falls in no year: say once that it is not counted."""
    for project in alliance.outcomes.projects:
        if project.status == "pending" and project.signed is None:
            yield warning(
                project.at("status"),
                Msg(f"project {project.id} is still under application and is not counted",
                    f"計畫 {project.id} 仍在申請中，不列入計算"),
                Msg("add signed: and status: signed once the contract is signed",
                    "簽約後請填 signed: 並設為 status: signed"),
                rule="R19", record=f"outcomes.yml:{project.id}",
            )
