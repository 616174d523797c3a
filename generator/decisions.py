"""One typed decision per record and performance year: what the sheet did with it.

The KPI sheet, its warnings, the private companion's checklist, item 9 and ``deadlines``
are all views of these decisions; none of them re-applies a rule or parses a message.

- :class:`Counted` — counted in item N, adding ``adds`` (sheet key → amount, persons, 1).
- :class:`MovedToItem9` — not counted; belongs in item 9's free text (R9, R18).
- :class:`Excluded` — not counted: the rule, the reason, how to fix it, what to attach.
- :class:`Invalid` — an error of the data keeps it from being placed at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .diagnostics import Finding, Where, warning
from .i18n import Msg
from .model.types import Record
from .rules.verdict import Verdict


@dataclass(frozen=True, kw_only=True, eq=False)
class Decision:
    record: Record
    kind: str  # the list it comes from: members, income, activities, products, …
    label: Msg  # "member acme" / "會員 acme" — how messages name it
    key: str  # "members.yml:acme" — how JSON names it
    day: date | None
    cautions: tuple[Verdict, ...] = ()

    @property
    def outcome(self) -> str:
        return {Counted: "counted", MovedToItem9: "item9", Excluded: "excluded",
                Invalid: "invalid"}[type(self)]

    def findings(self, year: int) -> list[Finding]:
        """What the sheet's warnings say about this record (cautions included)."""
        return [c.finding() for c in self.cautions]

    def as_json(self) -> dict[str, object]:
        return {"record": self.key, "outcome": self.outcome}


@dataclass(frozen=True, kw_only=True, eq=False)
class Counted(Decision):
    item: int
    adds: Mapping[str, float]

    def as_json(self) -> dict[str, object]:
        adds = {k: int(v) if float(v).is_integer() else v for k, v in self.adds.items()}
        return {**super().as_json(), "item": self.item, "adds": adds}


@dataclass(frozen=True, kw_only=True, eq=False)
class _NotCounted(Decision):
    rule: str
    where: Where
    reason: Msg
    fix: Msg | None
    undated: bool = False

    def findings(self, year: int) -> list[Finding]:
        message = self.reason if self.undated else (
            Msg(f"{self.label.en} not counted in {year}: ",
                f"{self.label.zh} 不列入 {year} 年：")
            + self.reason)
        return [warning(self.where, message, self.fix, rule=self.rule, record=self.key),
                *super().findings(year)]

    def as_json(self) -> dict[str, object]:
        return {**super().as_json(), "rule": self.rule, "reason": self.reason.en,
                "reason_zh": self.reason.zh}


@dataclass(frozen=True, kw_only=True, eq=False)
class MovedToItem9(_NotCounted):
    """Not a KPI, but a result worth reporting in item 9's free text."""


@dataclass(frozen=True, kw_only=True, eq=False)
class Excluded(_NotCounted):
    attach: Msg | None = None  # the evidence that would make it count


@dataclass(frozen=True, kw_only=True, eq=False)
class Invalid(Decision):
    errors: tuple[Verdict, ...]

    def findings(self, year: int) -> list[Finding]:
        return [e.finding() for e in self.errors] + super().findings(year)

    def as_json(self) -> dict[str, object]:
        return {**super().as_json(), "rule": self.errors[0].rule}
