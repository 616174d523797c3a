"""The ministry's rules that data can show: one pure function each, listed in
:data:`~generator.rules.catalogue.RULES`.

A rule returns :class:`~generator.rules.verdict.Verdict` values; it never counts. The
counter (:mod:`generator.kpi`) turns them into one decision per record and year; validation
prints them; ``alliance rules`` prints the table.
"""

from __future__ import annotations

from ..diagnostics import Finding
from ..model import Alliance
from .catalogue import FORMAT_CHECKS, RULES, Rule, run
from .verdict import Verdict

__all__ = ["FORMAT_CHECKS", "RULES", "Rule", "Verdict", "check", "run"]


def check(alliance: Alliance) -> list[Finding]:
    """Errors and cautions that hold whatever the year (exclusions come with each sheet)."""
    return [v.finding() for v in run(alliance) if v.effect in ("error", "caution")]
