"""The PI's private companion: what was not counted and why, missing evidence, the sheet.

The public report says nothing about what went wrong; the PI needs exactly that before the
Oct 31 filing. Everything here is read from the sheet's decisions (nothing re-applies a
rule), and the view is handed to the template only for ``--private`` output, written
outside ``site/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..calendar import Window, review_day
from ..diagnostics import Finding
from ..etop import form
from ..i18n import Lang
from ..kpi import Sheet
from ..model import Alliance


@dataclass(frozen=True)
class Missing:
    """One record whose evidence the ministry will ask for and the folder does not hold."""

    where: str
    record: str
    what: str


@dataclass(frozen=True)
class PlatformItem:
    """One KPI item as the eTop platform's form words it, ready to paste."""

    number: int
    title: str
    lines: list[str]


@dataclass
class PrivateView:
    warnings: list[tuple[str, str, str]]  # rule, place, text
    missing: list[Missing]
    platform: list[PlatformItem]


def evidence_checklist(sheet: Sheet, lang: Lang, root: Path,
                       within: Window | None = None) -> list[Missing]:
    """The sheet's records left out for want of evidence, with what to attach.

    ``within`` keeps the dated records of a shorter period (a quarter, for ``deadlines``);
    members (item 2 is judged on Oct 31) are kept only when the period holds that day.
    """
    found: list[Missing] = []
    for decision in sheet.excluded():
        if decision.attach is None:
            continue
        if within is not None:
            day = decision.day or review_day(sheet.year)
            if day not in within:
                continue
        found.append(Missing(decision.where.label(root), decision.label(lang),
                             decision.attach(lang)))
    return found


def platform_items(alliance: Alliance, sheet: Sheet) -> list[PlatformItem]:
    """The ten items worded like the ministry's form, with the drafted free text."""
    return [PlatformItem(item.number, item.title, item.text_lines())
            for item in form(alliance, sheet)]


def build_private(alliance: Alliance, sheet: Sheet, lang: Lang, root: Path) -> PrivateView:
    def row(finding: Finding) -> tuple[str, str, str]:
        place = finding.where.label(root)
        if finding.where.field:
            place += f" {finding.where.field}"
        return finding.rule or "", place, finding.text(lang)

    return PrivateView(
        warnings=[row(w) for w in sheet.warnings],
        missing=evidence_checklist(sheet, lang, root),
        platform=platform_items(alliance, sheet),
    )
