"""What a rule says about the data: a :class:`Verdict`, typed by its effect on the sheet.

A rule never counts and never formats a report. It says, of one record (or of the data as a
whole), that it is *invalid* (an error: the data cannot be filed), that it must be *excluded*
from a count or *moved to item 9*, or that it is counted but deserves a *caution*. The
counter (:mod:`generator.kpi`) turns verdicts into one decision per record; validation prints
them. Verdicts are values: running a rule twice gives equal verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..diagnostics import Finding, Where, error, warning
from ..i18n import Msg
from ..model.types import Record

Effect = Literal["error", "caution", "exclude", "item9"]


@dataclass(frozen=True, eq=False)
class Verdict:
    """One rule's word on one record; ``year`` limits it to one performance year's sheet."""

    rule: str | None
    effect: Effect
    where: Where
    message: Msg
    fix: Msg | None = None
    record: Record | None = None
    year: int | None = None  # None: true in every year the record is reported in
    attach: Msg | None = None  # the evidence to attach, when that is what is missing
    undated: bool = False  # the record falls in no year (a pending project without dates)

    def finding(self) -> Finding:
        """The verdict as validation prints it (exclusions get their year from the counter)."""
        make = error if self.effect == "error" else warning
        return make(self.where, self.message, self.fix, rule=self.rule,
                    record=record_key(self.record) if self.record is not None else None)


def record_key(record: Record) -> str:
    """``file:id`` — how JSON warnings name a record (``members.yml:acme``)."""
    where = record.where
    ident = getattr(record, "id", None) or getattr(record, "member", None) or where.line
    return f"{where.file.name}:{ident}"


def invalid(record: Record | None, where: Where, message: Msg, fix: Msg | None,
            rule: str | None) -> Verdict:
    return Verdict(rule, "error", where, message, fix, record)


def caution(record: Record | None, where: Where, message: Msg, fix: Msg | None,
            rule: str | None, year: int | None = None) -> Verdict:
    return Verdict(rule, "caution", where, message, fix, record, year)


def exclude(record: Record, where: Where, message: Msg, fix: Msg | None, rule: str,
            year: int | None = None, attach: Msg | None = None) -> Verdict:
    return Verdict(rule, "exclude", where, message, fix, record, year, attach)


def to_item_9(record: Record, where: Where, message: Msg, fix: Msg | None, rule: str,
              year: int | None = None) -> Verdict:
    return Verdict(rule, "item9", where, message, fix, record, year)
