"""outcomes.yml: income and the outputs of items 6, 7 and 8.

Income kinds are limited to what the alliance may freely use (R12); the other sources an
assistant is tempted to report are recognised by name so that the error can say which item
they belong to instead of just "unknown value".
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from .types import (
    Count,
    Date,
    EvidencePath,
    Flag,
    Id,
    Image,
    Money,
    Record,
    Strict,
    Text,
    alliance_error,
)

INCOME_KINDS = ("membership", "technical_service", "other")

# What assistants write for money the alliance may not count (R12), and where it belongs.
_TO_ITEM_7_PROJECTS = (
    "funds of another project (matching funds, grants, SBIR, industry–academia or 建教 "
    "contracts) are not operating income",
    "其它計畫之經費（廠商配合款、補助款、SBIR、產學或建教合作）不是營運收入",
    "record it under projects: in outcomes.yml (item 7)",
    "請改填在 outcomes.yml 的 projects:（第 7 項）")
REFUSED_INCOME: dict[str, tuple[str, str, str, str]] = {
    "equipment_donation": (
        "equipment donated by a company, or its value, is not operating income",
        "廠商捐贈之設備與其設備價值不是營運收入",
        "mention it under other_results in alliance.yml (item 9)",
        "請改寫在 alliance.yml 的 other_results（第 9 項其它重要成果）"),
    "school_incentive": (
        "a school's incentive or equipment is not operating income",
        "學校給予之鼓勵金或設備不是營運收入",
        "leave it out of income", "請勿列入收入"),
    "technology_transfer": (
        "technology-transfer income is not operating income",
        "技術轉移收入不是營運收入",
        "record it under transfers: in outcomes.yml (item 7)",
        "請改填在 outcomes.yml 的 transfers:（第 7 項）"),
    "ministry_grant": (
        "the ministry's own alliance grant is not operating income",
        "國科會（科技部）給予之產學小聯盟計畫經費不是營運收入",
        "leave it out of income", "請勿列入收入"),
    "other_project": _TO_ITEM_7_PROJECTS,
}
_REFUSED_SYNONYMS = {
    "equipment": "equipment_donation", "donation": "equipment_donation",
    "incentive": "school_incentive", "school": "school_incentive",
    "transfer": "technology_transfer", "tech_transfer": "technology_transfer",
    "licensing": "technology_transfer", "grant": "ministry_grant",
    "alliance_grant": "ministry_grant", "nstc_grant": "ministry_grant",
    "most_grant": "ministry_grant", "project": "other_project",
    "project_funds": "other_project", "matching_funds": "other_project",
    "sbir": "other_project", "industry_academia": "other_project",
    "contract_research": "other_project",
}


def _income_kind(value: Any) -> Any:
    refused = _REFUSED_SYNONYMS.get(str(value), str(value))
    if refused in REFUSED_INCOME:
        en, zh, fix_en, fix_zh = REFUSED_INCOME[refused]
        raise alliance_error(en, zh, fix_en, fix_zh, rule="R12")
    if value not in INCOME_KINDS:
        raise alliance_error(
            f"'{value}' is not an income kind", f"「{value}」不是收入類別",
            "use membership, technical_service or other",
            "請用 membership（會員費）、technical_service（技術服務）或 other（其它）")
    return value


EvidenceList = Annotated[
    list[EvidencePath], BeforeValidator(lambda v: [v] if isinstance(v, str) else v)]

IncomeKind = Annotated[
    Literal["membership", "technical_service", "other"], BeforeValidator(_income_kind)]
PatentStatus = Literal["filed", "granted"]
ProjectStatus = Literal["signed", "pending"]


class Income(Record):
    id: Id
    date: Date
    kind: IncomeKind
    amount: Money
    payer: str | None = None  # PRIVATE: per-payer income never reaches a public page
    note: Text | None = None
    evidence: EvidencePath | None = None  # PRIVATE: the accounting office's sealed receipt


class MemberOutput(Record):
    """A new product or technology developed with a member (item 6)."""

    id: Id
    date: Date
    member: str
    title: Text
    summary: Text | None = None
    public: Flag = True
    photos: list[Image] = []
    evidence: EvidenceList = []  # PRIVATE


class Patent(Record):
    id: Id
    date: Date
    member: str
    title: Text
    status: PatentStatus
    number: Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v)]
    country: str = "TW"


class TechnicalService(Record):
    id: Id
    date: Date
    member: str
    title: Text
    income: str  # the matching technical_service income record (R13)


class Transfer(Record):
    id: Id
    date: Date
    member: str
    title: Text
    amount: Money
    licensor: str
    evidence: EvidencePath | None = None  # PRIVATE


class Period(Strict):
    start: Date
    end: Date


class Project(Record):
    id: Id
    signed: Date | None = None  # the signing day; a pending project may not have one yet
    member: str
    title: Text
    funder: Text | None = None
    amount: Money
    period: Period | None = None
    signatory: str
    status: ProjectStatus = "signed"
    evidence: EvidencePath | None = None  # PRIVATE

    @model_validator(mode="after")
    def _signed_has_a_date(self) -> Project:
        if self.status == "signed" and self.signed is None:
            raise alliance_error(
                "a signed project needs its signing date", "已簽約的計畫必須填簽約日期",
                "add signed: YYYY-MM-DD, or set status: pending",
                "請加上 signed: YYYY-MM-DD，或設為 status: pending", rule="R19")
        return self


class MemberOutcome(Record):
    year: int = Field(ge=2000, le=2100)
    member: str
    new_hires: Count = 0
    output_value: Money = 0
    note: Text | None = None


class Outcomes(Strict):
    income: list[Income] = []
    products: list[MemberOutput] = []
    technologies: list[MemberOutput] = []
    patents: list[Patent] = []
    technical_services: list[TechnicalService] = []
    transfers: list[Transfer] = []
    projects: list[Project] = []
    member_outcomes: list[MemberOutcome] = []
