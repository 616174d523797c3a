"""Load an alliance and apply the rules: what every command that *uses* the data needs.

Building, reporting and deadlines refuse data with errors; only ``validate`` goes on to show
warnings of data that has errors, so it calls the loader and the rules itself.
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Finding, has_errors
from .loader import load_alliance
from .model import Alliance
from .rules import check


def load_checked(folder: Path) -> tuple[Alliance | None, list[Finding]]:
    """The alliance and every finding; the alliance is None when any finding is an error."""
    result = load_alliance(folder)
    findings = list(result.findings)
    if result.alliance is not None:
        findings.extend(check(result.alliance))
    if result.alliance is None or has_errors(findings):
        return None, findings
    return result.alliance, findings
