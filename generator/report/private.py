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
from ..i18n import Lang
from ..kpi import Sheet
from ..model import Alliance
from ..model.sheet_keys import ITEM_TITLES, SHEET_KEYS
from .charts import number


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
        found.append(Missing(decision.where.label(root), decision.label, decision.attach(lang)))
    return found


def platform_items(sheet: Sheet) -> list[PlatformItem]:
    """Items 2–8 and 10 worded like the ministry's form: "(1) 總會員數：共 22 家，"."""
    items: dict[int, list[str]] = {}
    for key, value, _target in sheet.rows():
        spec = SHEET_KEYS[key]
        lines = items.setdefault(spec.item, [])
        shown = value if isinstance(value, str) else number(value)
        if key == "website_established":
            lines.append(f"({len(lines) + 1}) {spec.zh}：{shown}完成")
        else:
            lines.append(f"({len(lines) + 1}) {spec.zh}：共 {shown} {spec.unit_zh}")
    return [PlatformItem(n, ITEM_TITLES[n][0], lines) for n, lines in sorted(items.items())]


def build_private(alliance: Alliance, sheet: Sheet, lang: Lang, root: Path) -> PrivateView:
    def row(finding: Finding) -> tuple[str, str, str]:
        place = finding.where.label(root)
        if finding.where.field:
            place += f" {finding.where.field}"
        return finding.rule or "", place, finding.text(lang)

    return PrivateView(
        warnings=[row(w) for w in sheet.warnings],
        missing=evidence_checklist(sheet, lang, root),
        platform=platform_items(sheet),
    )
