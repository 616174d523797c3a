"""``alliance validate``: format and ministry rules, as errors and warnings, per file."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from ..calendar import performance_year_of
from ..diagnostics import Finding, Severity, has_errors, render_grouped
from ..i18n import Lang, Msg
from ..kpi import compute
from ..loader import LoadResult, load_alliance
from ..model import Alliance
from ..rules import run as run_rules
from ..rules.verdict import Verdict


def findings_for(alliance_dir: Path, today: date | None = None,
                 texts: Mapping[str, str] | None = None) -> tuple[LoadResult, list[Finding]]:
    """Schema errors, rule findings, and what each year of the phase so far leaves out.

    ``texts``: YAML files (name → text) to judge in place of those on disk.
    """
    result = load_alliance(alliance_dir, texts)
    findings = list(result.findings)
    if result.alliance is not None:
        verdicts = run_rules(result.alliance)
        findings.extend(v.finding() for v in verdicts if v.effect in ("error", "caution"))
        findings.extend(year_warnings(result.alliance, today or date.today(), verdicts))
    return result, list(dict.fromkeys(findings))


def year_warnings(alliance: Alliance, today: date,
                  verdicts: list[Verdict] | None = None) -> list[Finding]:
    """Exclusions of every performance year of the phase that has begun by ``today``."""
    current = performance_year_of(today)
    warnings: list[Finding] = []
    for year in alliance.info.project.performance_years:
        if year <= current:
            warnings.extend(compute(alliance, year, verdicts=verdicts).warnings)
    return warnings


def summary(findings: list[Finding]) -> Msg:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = len(findings) - errors
    return Msg(f"{errors} error(s), {warnings} warning(s)", f"{errors} 個錯誤，{warnings} 個警告")


def run(folders: list[Path], lang: Lang, root: Path, today: date | None = None) -> int:
    failed = False
    for folder in folders:
        _, findings = findings_for(folder, today)
        if findings:
            print(render_grouped(findings, lang, root))
        status = summary(findings)(lang)
        ok = not has_errors(findings)
        verdict = (Msg("ok", "通過") if ok else Msg("invalid", "未通過"))(lang)
        print(f"{folder.name}: {verdict} — {status}", file=sys.stderr if not ok else sys.stdout)
        failed = failed or not ok
    return 1 if failed else 0
