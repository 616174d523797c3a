"""The PI's private companion: what was not counted and why, missing evidence, the sheet.

The public report says nothing about what went wrong; the PI needs exactly that before the
Oct 31 filing. This module is the only one that reads warnings and evidence paths, and its
view is handed to the template only for ``--private`` output, written outside ``site/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..calendar import Window
from ..diagnostics import Finding
from ..i18n import Lang, Msg
from ..kpi import Sheet
from ..model import Alliance
from ..model.activities import NEEDS_EVIDENCE
from ..model.sheet_keys import ITEM_TITLES, SHEET_KEYS
from ..model.types import Record
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


def _place(record: Record, field: str, root: Path) -> str:
    return record.at(field).label(root)


def evidence_checklist(alliance: Alliance, window: Window, lang: Lang,
                       root: Path) -> list[Missing]:
    """Records dated in ``window`` whose evidence file is not given or not in evidence/."""
    found: list[Missing] = []

    def check(record: Record, label: str, paths: list[str], what: Msg) -> None:
        if not paths:
            found.append(Missing(_place(record, "evidence", root), label, what(lang)))
            return
        for path in paths:
            if not alliance.evidence_exists(path):
                found.append(Missing(_place(record, "evidence", root), label,
                                     Msg(f"{path} does not exist", f"{path} 不存在")(lang)))

    for member in alliance.members:
        for contract in member.contracts:
            if contract.start <= window.end and contract.end >= window.start:
                check(contract, f"member {member.id}",
                      [contract.evidence] if contract.evidence else [],
                      Msg("no signed contract (R10)", "沒有簽署的會員契約（R10）"))
    for income in alliance.outcomes.income:
        if income.date in window:
            check(income, f"income {income.id}", [income.evidence] if income.evidence else [],
                  Msg("no receipt sealed by the accounting office (R11)",
                      "沒有主計核章的收據（R11）"))
    for activity in alliance.activities:
        if activity.date in window and NEEDS_EVIDENCE[activity.kind]:
            check(activity, f"{activity.kind} {activity.id}", list(activity.evidence),
                  Msg("no poster, sign-in sheet or visit form (R14, R15)",
                      "沒有海報、簽到表或訪視單（R14、R15）"))
    for product in alliance.outcomes.products:
        if product.date in window and not product.photos:
            check(product, f"product {product.id}", list(product.evidence),
                  Msg("no photo or document (R16)", "沒有產品照片或文件（R16）"))
    for transfer in alliance.outcomes.transfers:
        if transfer.date in window:
            check(transfer, f"transfer {transfer.id}",
                  [transfer.evidence] if transfer.evidence else [],
                  Msg("no contract or receipt (R18)", "沒有合約或單據（R18）"))
    for project in alliance.outcomes.projects:
        if project.signed in window and project.status == "signed":
            check(project, f"project {project.id}",
                  [project.evidence] if project.evidence else [],
                  Msg("no contract, approval list or official letter (R18)",
                      "沒有合約、核定清單或公文（R18）"))
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
        missing=evidence_checklist(alliance, sheet.window, lang, root),
        platform=platform_items(sheet),
    )
