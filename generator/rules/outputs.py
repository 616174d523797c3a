"""Items 6 and 7: outputs for real members (R16, R17), partners who are members and
signatories who are the PI or a co-PI (R18), no project still under application (R19)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..i18n import Msg
from ..model import Alliance
from ..model.outcomes import Project
from ..model.types import Record
from .common import member_reference
from .verdict import Verdict, exclude, invalid, to_item_9

PENDING_NUMBER = re.compile(
    r"^\s*$|申請中|審查中|pending|applying|applied|\btbd\b|^\s*n/?a\s*$|^\s*無\s*$", re.I)


def outputs_for_members(alliance: Alliance) -> Iterator[Verdict]:
    """R16 (and R17): item 6 helps members — the company is a member, never 無 / none / the
    alliance itself; a patent has a real number; a product has a photo or document."""
    outcomes = alliance.outcomes
    for records in (outcomes.products, outcomes.technologies, outcomes.patents,
                    outcomes.member_outcomes):
        for record in records:
            yield from member_reference(alliance, record, "member", record.member)
    for patent in outcomes.patents:
        if PENDING_NUMBER.search(patent.number.strip()):
            yield invalid(
                patent, patent.at("number"),
                Msg(f"the patent number may not be '{patent.number}'",
                    f"專利號不可填「{patent.number}」"),
                Msg("report the patent once it has an application or grant number",
                    "請於取得申請號或證書號後再填報"),
                "R16")
    for product in outcomes.products:
        if not product.photos and not product.evidence:
            yield exclude(
                product, product.at("evidence"),
                Msg("it has no photo or document", "沒有產品照片或文件"),
                Msg("add a photo or a document (evidence:)",
                    "請附上產品照片或相關文件（evidence:）"),
                "R16", attach=Msg("a photo or document of the product (R16)",
                                  "產品照片或文件（R16）"))


def project_day(project: Project) -> date | None:
    """The day a project is reported on: signed, else (pending) its planned start."""
    if project.signed is not None:
        return project.signed
    return project.period.start if project.period is not None else None


def partners_are_members(alliance: Alliance) -> Iterator[Verdict]:
    """R18: a transfer's licensee or a project's partner is an alliance member on that day,
    the PI or a co-PI signs it, and a contract, receipt or approval letter proves it.

    A non-member partner or another signatory moves the record to item 9's free text.
    """
    outcomes = alliance.outcomes
    signatories = alliance.info.signatories()
    for transfer in outcomes.transfers:
        yield from _eligible(alliance, transfer, transfer.date, "licensor", transfer.licensor,
                             signatories, transfer.evidence)
    for project in outcomes.projects:
        if project.status != "signed" or project.signed is None:
            yield from member_reference(alliance, project, "member", project.member, "R18")
            continue  # R19's
        yield from _eligible(alliance, project, project.signed, "signatory", project.signatory,
                             signatories, project.evidence)


def _eligible(alliance: Alliance, record: Record, day: date, signer_field: str, signer: str,
              signatories: set[str], evidence: str | None) -> Iterator[Verdict]:
    member_id: str = record.member
    problems = list(member_reference(alliance, record, "member", member_id, "R18"))
    if problems:
        yield from problems
        return
    if signer.strip() not in signatories:
        yield to_item_9(
            record, record.at(signer_field),
            Msg(f"{signer} is not the PI or a co-PI", f"{signer} 不是主持人或共同主持人"),
            Msg("report it under other_results (item 9) instead",
                "請改填在 other_results（第 9 項其它重要成果）"), "R18")
        return
    member = alliance.member(member_id)
    assert member is not None  # member_reference found it
    if member.kind != "company" or member.contract_on(day) is None:
        kind_zh = {"legal_entity": "法人", "individual": "個人"}.get(member.kind, "")
        article = "an" if member.kind == "individual" else "a"
        why = (Msg(f"{member.id} is {article} {member.kind.replace('_', '-')} member, "
                   "not a company",
                   f"{member.id} 是{kind_zh}會員，不是公司") if member.kind != "company"
               else Msg(f"{member.id} was not a member on {day}",
                        f"{member.id} 在 {day} 不是聯盟會員"))
        yield to_item_9(
            record, record.at("member"), why,
            Msg("a partner must be an alliance member; report it under other_results "
                "(item 9)", "合作廠商須為聯盟會員；請改填在 other_results（第 9 項）"), "R18")
        return
    if not evidence or not alliance.evidence_exists(evidence):
        yield exclude(
            record, record.at("evidence"),
            Msg("it has no contract, receipt or approval letter in evidence/",
                "evidence/ 中沒有合約、單據或核定公文"),
            Msg("add one showing the period, the signatory and the company",
                "請附上載明期間、立約人與廠商的文件"), "R18",
            attach=Msg("a contract, receipt, approval list or official letter (R18)",
                       "合約、單據、核定清單或公文（R18）"))


def no_pending_projects(alliance: Alliance) -> Iterator[Verdict]:
    """R19: a project still under application is not reported, dated or not.

    Dated (``signed`` or ``period.start``), it is excluded from that year's sheet; without
    any date it falls in no year, so every sheet of the phase says it is not counted.
    """
    for project in alliance.outcomes.projects:
        if project.status != "pending":
            continue
        field = "status"
        verdict = exclude(
            project, project.at(field),
            Msg("it is still under application", "計畫仍在申請中"),
            Msg("add signed: and status: signed once the contract is signed",
                "簽約後請填 signed: 並設為 status: signed"), "R19")
        if project_day(project) is None:
            verdict = Verdict(verdict.rule, verdict.effect, verdict.where,
                              Msg(f"project {project.id} is still under application and is "
                                  "not counted", f"計畫 {project.id} 仍在申請中，不列入計算"),
                              verdict.fix, project, undated=True)
        yield verdict
