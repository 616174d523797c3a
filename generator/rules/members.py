"""members.yml: who counts in item 2 — companies (R9) under a complete contract (R10)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ..calendar import performance_window, review_day
from ..i18n import Msg
from ..model import Alliance, Member
from ..model.members import Contract
from ..model.regions import OUTLYING, canonical_county, known_counties
from .common import duplicate_ids, names_of, unknown_reference
from .verdict import Verdict, exclude, invalid, to_item_9

# Words in a name that show a legal entity (法人), a school or an association, not a company.
LEGAL_ENTITY = re.compile(
    r"財團法人|社團法人|行政法人|研究院|研究中心|協會|基金會|學會|公會|大學|學院|學校"
    r"|foundation|institute|association|university|college|society", re.I)
COMPANY = re.compile(r"公司|\bco\.|\bltd\b|\binc\b|corporation|\bcorp\b", re.I)


def members_are_consistent(alliance: Alliance) -> Iterator[Verdict]:
    """Format: unique tier ids, known tiers, and a Taiwanese county for every member."""
    yield from duplicate_ids(alliance.info.membership.tiers, "tier", "會員等級", rule_id=None)
    tiers = [t.id for t in alliance.info.membership.tiers]
    for member in alliance.members:
        if alliance.info.tier(member.tier) is None:
            yield unknown_reference(member, "tier", member.tier, tiers, "tier", "會員等級",
                                    names=names_of(alliance.info.membership.tiers))
        county = canonical_county(member.city)
        if alliance.region(member) is None and county not in OUTLYING:
            close = difflib.get_close_matches(county, known_counties(), n=1, cutoff=0.3)
            yield invalid(
                member, member.at("city"),
                Msg(f"'{member.city}' is not a county or city of Taiwan",
                    f"「{member.city}」不是臺灣的縣市"),
                Msg(f"did you mean '{close[0]}'?" if close else "write the county, e.g. 新竹縣",
                    f"是不是「{close[0]}」？" if close else "請填縣市名稱，例如 新竹縣"),
                None)


def legal_entity_word(member: Member) -> str | None:
    """The word that shows a legal entity in a member's name; a registered company name
    (…公司, Co., Ltd., Inc.) is a company whatever else it says."""
    for name in (member.name.zh, member.name.en or ""):
        if COMPANY.search(name):
            return None
    for name in (member.name.zh, member.name.en or ""):
        if match := LEGAL_ENTITY.search(name):
            return match.group(0)
    return None


def companies_only(alliance: Alliance) -> Iterator[Verdict]:
    """R9: members are counted among companies, north / central / south / east.

    Legal-entity and individual members move to item 9's free text, and so does a "company"
    whose name shows a legal entity (財團法人, 研究院, 協會, a university …) and no company
    name: the ministry will not count it. 金門 and 連江 are in no region until the alliance
    says where they count.
    """
    for member in alliance.members:
        if alliance.region(member) is None and canonical_county(member.city) in OUTLYING:
            county = canonical_county(member.city)
            yield invalid(
                member, member.at("city"),
                Msg(f"{member.city} is in none of the four regions",
                    f"{member.city} 不屬於北中南東任一區"),
                Msg(f"say where it counts in alliance.yml, e.g. regions: {{{county}: north}}",
                    f"請在 alliance.yml 指定，例如 regions: {{{county}: north}}"),
                "R9")
        if member.kind != "company":
            kind_zh = {"legal_entity": "法人", "individual": "個人"}[member.kind]
            yield to_item_9(
                member, member.at("kind"),
                Msg(f"{member.kind.replace('_', '-')} members are not counted",
                    f"{kind_zh}會員不列入會員數"),
                Msg("mention them in the free text of item 2", "可在第 2 項的文字說明中填報"),
                "R9")
            continue
        match = legal_entity_word(member)
        if match:
            yield to_item_9(
                member, member.at("kind"),
                Msg(f"its name shows a legal entity or school ('{match}'), though it is "
                    "entered as a company", f"名稱顯示為法人或學校（「{match}」），卻登錄為公司"),
                Msg("set kind: legal_entity (reported in item 9), or write the company's "
                    "registered name (…公司)",
                    "請改為 kind: legal_entity（列入第 9 項），或填寫公司登記全名（…公司）"),
                "R9")


def active_contracts(member: Member, year: int) -> list[Contract]:
    """Contracts that run at some point of performance year ``year``."""
    window = performance_window(year)
    return [c for c in member.contracts if c.start <= window.end and c.end >= window.start]


def member_contracts(alliance: Alliance) -> Iterator[Verdict]:
    """R10: a counted member holds a complete, signed contract that spans Oct 31 of the year.

    Judged per performance year the member's contracts touch: a contract that ends before
    (or starts after) Oct 31, or lacks the basic data, the signatures or the scanned copy,
    excludes the member from that year's item 2.
    """
    for member in alliance.members:
        if member.kind != "company":
            continue
        years = {y for c in member.contracts for y in range(c.start.year - 1, c.end.year + 1)}
        for year in sorted(years):
            active = active_contracts(member, year)
            if not active:
                continue
            oct31 = review_day(year)
            contract = member.contract_on(oct31)
            if contract is None:
                yield _not_spanning(member, active, oct31, year)
                continue
            missing = _incomplete(alliance, contract)
            if missing:
                index = member.contracts.index(contract)
                file_missing = any(m[2] for m in missing)
                yield exclude(
                    member, member.at("contracts", index),
                    Msg(f"the contract lacks {', '.join(m[0] for m in missing)}",
                        f"契約缺少{'、'.join(m[1] for m in missing)}"),
                    Msg("complete the contract and its record in members.yml",
                        "請補齊契約並更新 members.yml"),
                    "R10", year,
                    Msg("the signed membership contract (R10)", "簽署的會員契約（R10）")
                    if file_missing else None)


def _not_spanning(member: Member, active: list[Contract], oct31, year: int) -> Verdict:
    contract = max(active, key=lambda c: c.end)
    index = member.contracts.index(contract)
    if contract.end < oct31:
        why = Msg(f"contract ends {contract.end}, before Oct 31",
                  f"契約於 {contract.end} 結束，未跨越 10 月 31 日")
        field = "end"
    else:
        why = Msg(f"contract starts {contract.start}, after Oct 31",
                  f"契約於 {contract.start} 開始，晚於 10 月 31 日")
        field = "start"
    return exclude(member, member.at("contracts", index, field), why,
                   Msg(f"a counted contract must span {oct31}", f"列入計算的契約須跨越 {oct31}"),
                   "R10", year)


def _incomplete(alliance: Alliance, contract: Contract) -> list[tuple[str, str, bool]]:
    """What R10 asks of a contract and this one lacks: (English, 中文, is the file)."""
    missing = []
    for attr, en, zh in (("representative", "the representative", "負責人"),
                         ("address", "the member's address", "會員地址"),
                         ("phone", "the member's phone", "會員電話")):
        if not getattr(contract, attr):
            missing.append((en, zh, False))
    if not contract.signed.pi:
        missing.append(("the PI's signature", "主持人簽章", False))
    if not contract.signed.school_seal:
        missing.append(("the school seal", "學校印章", False))
    if not contract.signed.member:
        missing.append(("the member's seal or signature", "會員用印或簽名", False))
    if not contract.evidence:
        missing.append(("the signed copy in evidence/", "evidence/ 中的契約掃描檔", True))
    elif not alliance.evidence_exists(contract.evidence):
        missing.append((f"the file {contract.evidence}", f"檔案 {contract.evidence}", True))
    return missing
