"""The ministry's rules that data can show, one module per area of the sheet.

Each module registers its checks with :func:`rule`; :func:`check` runs them all. Checks here
find what makes the data *unfileable* (errors) and what holds for every year; what a given
year's sheet leaves out is decided while counting, in :mod:`generator.kpi`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..diagnostics import Finding
from ..model import Alliance

Check = Callable[[Alliance], Iterable[Finding]]
_CHECKS: list[Check] = []


def rule(check: Check) -> Check:
    """Register a check; the docstring of each names the rules it enforces."""
    _CHECKS.append(check)
    return check


def check(alliance: Alliance) -> list[Finding]:
    findings: list[Finding] = []
    for each in _CHECKS:
        findings.extend(each(alliance))
    return findings


# Importing the modules registers their checks.
from . import activities, identity, income, members, outputs  # noqa: E402,F401
