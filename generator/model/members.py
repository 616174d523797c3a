"""members.yml: member companies and their contracts.

Everything in a contract except its dates and fee is PRIVATE (R10's basic data and
signatures are checked here, never published). A member's name and logo are public only
with ``public: true``, the member's consent.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import model_validator

from .types import Date, EvidencePath, Flag, Id, Image, Money, Record, Strict, Text, alliance_error

MemberKind = Literal["company", "legal_entity", "individual"]


class Signatures(Strict):
    """R10(c): the PI's signature, a school seal at college level or above, the member's seal."""

    pi: Flag = False
    school_seal: Flag = False
    member: Flag = False


class Contract(Record):
    start: Date
    end: Date
    fee: Money | None = None  # thousands NTD a year; defaults to the tier's fee
    representative: str | None = None  # PRIVATE
    address: str | None = None  # PRIVATE
    phone: str | None = None  # PRIVATE
    signed: Signatures = Signatures()  # PRIVATE
    evidence: EvidencePath | None = None  # PRIVATE

    @model_validator(mode="after")
    def _ordered(self) -> Contract:
        if self.end < self.start:
            raise alliance_error(
                f"the contract ends ({self.end}) before it starts ({self.start})",
                f"契約結束日（{self.end}）早於開始日（{self.start}）",
                "swap start and end, or correct the year", "請對調起訖日或更正年份",
            )
        return self

    def spans(self, day: date) -> bool:
        return self.start <= day <= self.end


class Member(Record):
    id: Id
    name: Text  # public only with public: true
    kind: MemberKind = "company"
    city: str
    tier: str  # a tier id; rules/members.py lists the valid ones when it names none
    public: Flag = False
    website: str | None = None
    logo: Image | None = None
    contracts: list[Contract] = []

    def contract_on(self, day: date) -> Contract | None:
        """The contract that spans ``day`` (R10(a)); the latest one if terms overlap."""
        spanning = [c for c in self.contracts if c.spans(day)]
        return max(spanning, key=lambda c: c.start) if spanning else None
