"""Item 3, income: a sealed receipt (R11), money the alliance may freely use (R12), nothing
also in item 7 (R13), and amounts in thousands of NTD (仟元)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..calendar import performance_year_of
from ..i18n import Msg
from ..model import Alliance, Member
from ..model.outcomes import REFUSED_INCOME, Income
from ..model.types import Record
from .common import member_reference, unknown_reference
from .verdict import Verdict, caution, exclude, invalid

# What a note or payer of `other` income says when the money is one of R12's refused kinds.
# Order matters: the first match names the item the money belongs to.
REFUSED_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("technology_transfer", re.compile(r"技轉|技術移轉|技術授權|授權金|權利金|licens|royalt"
                                       r"|technology transfer", re.I)),
    ("ministry_grant", re.compile(r"國科會|科技部|(?-i:\bNSTC\b|\bMOST\b)|小聯盟計畫經費"
                                  r"|alliance grant", re.I)),
    ("school_incentive", re.compile(r"獎勵金|鼓勵金|獎勵|incentive", re.I)),
    ("other_project", re.compile(r"補助|配合款|SBIR|產學合作|建教|計畫經費|matching fund"
                                 r"|\bgrants?\b|subsid", re.I)),
    ("equipment_donation", re.compile(
        r"捐|贈|donat|設備(?!租|使用)|equipment(?! rent)", re.I)),
)


def income_has_receipt(alliance: Alliance) -> Iterator[Verdict]:
    """R11: income without a receipt sealed by the accounting office is not counted.

    The ministry checks every income item against its receipt, like every other record
    against its evidence; the companion lists the receipt to attach.
    """
    for record in alliance.outcomes.income:
        if record.evidence and alliance.evidence_exists(record.evidence):
            continue
        why = (Msg(f"its receipt {record.evidence} is not in evidence/",
                   f"收據 {record.evidence} 不在 evidence/ 中") if record.evidence
               else Msg("it has no sealed receipt in evidence/", "evidence/ 中沒有主計核章的收據"))
        yield exclude(
            record, record.at("evidence"), why,
            Msg("add the receipt sealed by the accounting office (or the PI's signed note "
                "where the school books it under another name)",
                "請補上主計單位核章的收據（學校以其他名目入帳時，附主持人簽名說明）"),
            "R11", attach=Msg("a receipt sealed by the accounting office (R11)",
                              "主計核章的收據（R11）"))


def refused_kind(text: str) -> str | None:
    """The R12 kind (a key of ``REFUSED_INCOME``) that ``text`` shows, if any."""
    for kind, pattern in REFUSED_WORDS:
        if pattern.search(text):
            return kind
    return None


def income_freely_usable(alliance: Alliance) -> Iterator[Verdict]:
    """R12: only money the alliance may freely use is income.

    Refused kinds are schema errors (see :mod:`generator.model.outcomes`). Typed as ``other``,
    they hide in the note or the payer, so ``other`` income must say where it comes from,
    and a note or payer that shows a refused kind is an error naming the item it belongs to.
    """
    for record in alliance.outcomes.income:
        if record.kind != "other":
            continue
        if record.note is None:
            yield invalid(
                record, record.at("kind"),
                Msg(f"other income '{record.id}' does not say where the money comes from",
                    f"其它收入「{record.id}」沒有說明款項來源"),
                Msg("add note: e.g. 研討會報名費 (seminar fees); donations, incentives, grants, "
                    "transfers and other projects' funds are not income",
                    "請加上 note:，例如「研討會報名費」；"
                    "捐贈、獎勵金、補助、技轉與其它計畫經費都不是收入"),
                "R12")
            continue
        for field, text in (("note", f"{record.note.zh} {record.note.en or ''}"),
                            ("payer", record.payer or "")):
            kind = refused_kind(text)
            if kind is None:
                continue
            en, zh, fix_en, fix_zh = REFUSED_INCOME[kind]
            yield invalid(
                record, record.at(field),
                Msg(f"other income '{record.id}' looks like a refused source: {en}",
                    f"其它收入「{record.id}」看來是不可列入的款項：{zh}"),
                Msg(fix_en, fix_zh), "R12")
            break


def _member_of(alliance: Alliance, payer: str | None) -> Member | None:
    """The member a payer names, by id or by name (assistants write either)."""
    if not payer:
        return None
    text = payer.strip()
    return alliance.member(text) or next(
        (m for m in alliance.members if text in (m.name.zh, m.name.en)), None)


def nothing_in_both_3_and_7(alliance: Alliance) -> Iterator[Verdict]:
    """R13: nothing in item 3 may also be reported in item 7.

    Each technical service names its own technical-service receipt; income from a member
    of exactly the amount of that member's transfer or project is the same money twice.
    """
    outcomes = alliance.outcomes
    income = {i.id: i for i in outcomes.income}
    claimed: dict[str, str] = {}
    for service in outcomes.technical_services:
        yield from member_reference(alliance, service, "member", service.member)
        record = income.get(service.income)
        if record is None:
            yield unknown_reference(service, "income", service.income, list(income),
                                    "income record", "收入紀錄", rule_id="R13")
            continue
        if record.kind != "technical_service":
            yield invalid(
                service, service.at("income"),
                Msg(f"income '{record.id}' is {record.kind} income, not technical_service",
                    f"收入「{record.id}」的類別是 {record.kind}，不是 technical_service"),
                Msg("name the technical-service receipt of this service, or correct the "
                    "income's kind", "請指向這項技術服務的收入紀錄，或更正該收入的類別"),
                "R13")
        if service.income in claimed:
            yield invalid(
                service, service.at("income"),
                Msg(f"income '{service.income}' is already claimed by "
                    f"'{claimed[service.income]}'",
                    f"收入「{service.income}」已由「{claimed[service.income]}」使用"),
                Msg("each technical service has its own receipt", "每項技術服務各有其收據"),
                "R13")
        claimed.setdefault(service.income, service.id)
    for record in outcomes.income:
        if record.kind == "technical_service" and record.id not in claimed:
            yield caution(
                record, record.at("kind"),
                Msg(f"technical-service income '{record.id}' has no technical service "
                    "record in item 7", f"技術服務收入「{record.id}」沒有對應的技術服務紀錄"),
                Msg("add it under technical_services: with income: " + record.id,
                    "請在 technical_services: 新增一筆 income: " + record.id),
                "R13")
        yield from _same_money_in_item_7(alliance, record)


def _same_money_in_item_7(alliance: Alliance, record: Income) -> Iterator[Verdict]:
    if record.kind == "membership":
        return
    member = _member_of(alliance, record.payer)
    if member is None:
        return
    out = alliance.outcomes
    year = performance_year_of(record.date)  # the same money is counted in one year's sheet

    def same_year(day: date | None) -> bool:
        return day is not None and performance_year_of(day) == year

    twins: list[tuple[str, Record, str]] = [
        ("transfer", t, t.id) for t in out.transfers
        if t.member == member.id and t.amount == record.amount and same_year(t.date)]
    twins += [("project", p, p.id) for p in out.projects
              if p.member == member.id and p.amount == record.amount and same_year(p.signed)]
    for what, _twin, twin_id in twins[:1]:
        zh = {"transfer": "技術轉移", "project": "產學合作計畫"}[what]
        yield invalid(
            record, record.at("amount"),
            Msg(f"income '{record.id}' ({record.amount:g} 仟元 from {member.id}) is the "
                f"{what} '{twin_id}' of item 7 again: the same money counted twice",
                f"收入「{record.id}」（{member.id}，{record.amount:g} 仟元）與第 7 項的{zh}"
                f"「{twin_id}」是同一筆款項，重複計算"),
            Msg(f"remove the income record: the {what} counts in item 7 only",
                f"請刪除這筆收入：該{zh}只列在第 7 項"),
            "R13")


def amounts_in_thousands(alliance: Alliance) -> Iterator[Verdict]:
    """Format: money is in thousands of NTD (仟元); an amount that looks like 元 is warned.

    A contract fee that differs from its tier's (1,000 times it: certainly 元), and
    membership income that does not match the paying member's fee, with the likely value.
    """
    for member in alliance.members:
        tier = alliance.info.tier(member.tier)
        if tier is None:
            continue
        fees = {t.fee for t in alliance.info.membership.tiers}
        for index, contract in enumerate(member.contracts):
            if contract.fee is None or contract.fee == tier.fee or (
                    contract.fee in fees and contract.fee < 1000):
                continue  # another tier's fee: the member changed tier (a term of its own)
            yield caution(member, member.at("contracts", index, "fee"),
                          *_unit_message(f"the contract fee {contract.fee:g}",
                                         f"契約會費 {contract.fee:g}", contract.fee, tier.fee,
                                         f"tier {tier.id}'s fee", f"會員等級 {tier.id} 的年費"),
                          None)
    for record in alliance.outcomes.income:
        if record.kind != "membership":
            continue
        member = _member_of(alliance, record.payer)
        if member is None:
            continue
        contract = member.contract_on(record.date) or next(
            (c for c in member.contracts if c.start.year == record.date.year), None)
        fee = alliance.fee_of(member, contract)
        tier = alliance.info.tier(member.tier)
        if tier is not None and tier.fee > 0 and record.amount == tier.fee * 1000:
            fee = tier.fee
            whose_en, whose_zh = f"tier {tier.id}'s fee", f"會員等級 {tier.id} 的年費"
        elif fee is None or fee == record.amount:
            continue
        else:
            whose_en, whose_zh = f"{member.id}'s fee", f"{member.id} 的會費"
        yield caution(record, record.at("amount"),
                      *_unit_message(f"membership income {record.amount:g}",
                                     f"會費收入 {record.amount:g}", record.amount, fee,
                                     whose_en, whose_zh),
                      None)


def _unit_message(what_en: str, what_zh: str, amount: float, expected: float,
                  whose_en: str, whose_zh: str) -> tuple[Msg, Msg]:
    if expected > 0 and amount >= 1000 and amount / 1000 == expected:
        return (Msg(f"{what_en} looks like NT$ (元), not thousands (仟元): {whose_en} is "
                    f"{expected:g}",
                    f"{what_zh} 看來是以元填寫，而非仟元：{whose_zh}為 {expected:g}"),
                Msg(f"write {amount / 1000:g} (thousands of NTD)",
                    f"請改填 {amount / 1000:g}（仟元）"))
    likely = (Msg(f"; if it is in NT$, write {amount / 1000:g}",
                  f"；若以元填寫，請改為 {amount / 1000:g}") if amount >= 1000 else Msg("", ""))
    return (Msg(f"{what_en} differs from {whose_en}, {expected:g} (thousands of NTD)",
                f"{what_zh} 與{whose_zh} {expected:g}（仟元）不同"),
            Msg("check the amount is in thousands of NTD", "請確認金額以仟元填寫") + likely)
