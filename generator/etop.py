"""The eTop form, one to one: the ten items with the form's own names, sub-items and units,
and each item's 「實際執行達成狀況/其它」 text drafted from the sheet's decisions.

The form is filed with the ministry (not published), so the drafts name members and
titles; they are read from the year's decisions and never re-apply a rule. JSON, CSV and
the private companion all print this view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .decisions import Counted, MovedToItem9
from .kpi import Number, Sheet
from .model import Alliance
from .model.sheet_keys import ITEM_TITLES, KPI_ORDER, SHEET_KEYS
from .rules.identity import highlight_length


@dataclass(frozen=True)
class FormLine:
    """One sub-item: ``(1) 總會員數：共 22 家``."""

    key: str
    label: str
    unit: str
    value: Number
    target: Number | None

    def text(self, index: int) -> str:
        shown = f"{self.value:g}" if isinstance(self.value, float) else str(self.value)
        if self.key == "website_established":
            return f"({index}) {self.label}：{shown}完成"
        return f"({index}) {self.label}：共 {shown} {self.unit}"


@dataclass
class FormItem:
    number: int
    title: str
    lines: list[FormLine] = field(default_factory=list)
    points: list[str] = field(default_factory=list)  # item 1's bullet points
    other: list[str] = field(default_factory=list)  # 實際執行達成狀況/其它 (items 9: the text)

    def as_json(self) -> dict[str, object]:
        return {"item": self.number, "title": self.title,
                "lines": [{"key": line.key, "label": line.label, "unit": line.unit,
                           "value": line.value, "target": line.target}
                          for line in self.lines],
                "points": self.points, "other": self.other}

    def text_lines(self) -> list[str]:
        """The item as pasted into the form."""
        out = [f"({i}) {p}" for i, p in enumerate(self.points, 1)]
        if self.number == 3 and self.lines:  # the form puts the total first
            total, *parts = self.lines[-1:] + self.lines[:-1]
            figures = [f"1.{total.label}共 {total.value} {total.unit}"]
            figures += [f"({i}){p.label}共 {p.value} {p.unit}" for i, p in enumerate(parts, 1)]
        else:
            figures = [line.text(i) for i, line in enumerate(self.lines, 1)]
        out += [f + ("，" if i < len(figures) else "。") for i, f in enumerate(figures, 1)]
        if self.other:
            if self.number != 9:
                out.append("實際執行達成狀況/其它：")
            out += [f"{i}. {t}" for i, t in enumerate(self.other, 1)]
        return out


def _name(alliance: Alliance, member_id: str) -> str:
    member = alliance.member(member_id)
    return member.name.zh if member is not None else member_id


def _num(value: float) -> str:
    return f"{value:g}"


def form(alliance: Alliance, sheet: Sheet) -> list[FormItem]:
    """Items 1–10 of year ``sheet.year``, from the sheet and its decisions."""
    items = {n: FormItem(n, title) for n, (title, _en) in ITEM_TITLES.items()}
    for key in KPI_ORDER:
        spec = SHEET_KEYS[key]
        items[spec.item].lines.append(FormLine(key, spec.form_label, spec.unit_zh,
                                               sheet.kpi[key], sheet.targets.get(key)))
    highlights = alliance.info.highlights.get(sheet.year)
    if highlights is not None:
        items[1].points = [p.zh for p in highlights.points]
        items[1].other = [f"共 {highlight_length(items[1].points)} 字（上限 250 字）"]
    counted = [d for d in sheet.decisions if isinstance(d, Counted)]
    moved = sheet.moved_to_item_9()
    _members_text(items[2], moved)
    _income_text(items[3], alliance, counted)
    for decision in counted:
        record = decision.record
        if decision.kind == "activities" and record.kind == "promotion":
            items[4].other.append(f"{record.date} 辦理「{record.title.zh}」")
        elif decision.kind == "activities" and record.kind == "seminar":
            items[5].other.append(f"{record.date} 舉辦「{record.title.zh}」，"
                                  f"{record.participants} 人參與")
        elif decision.kind == "products":
            items[6].other.append(f"協助 {_name(alliance, record.member)} 開發新產品"
                                  f"「{record.title.zh}」")
        elif decision.kind == "technologies":
            items[6].other.append(f"協助 {_name(alliance, record.member)} 開發新技術"
                                  f"「{record.title.zh}」")
        elif decision.kind == "patents":
            status = "獲證" if record.status == "granted" else "申請"
            items[6].other.append(f"協助 {_name(alliance, record.member)} 專利{status}"
                                  f"「{record.title.zh}」（{record.country} {record.number}）")
        elif decision.kind == "transfers":
            items[7].other.append(f"技術轉移：技轉「{record.title.zh}」給 "
                                  f"{_name(alliance, record.member)}，合約金額為 "
                                  f"{_num(record.amount)} 仟元")
        elif decision.kind == "projects":
            funder = f"（{record.funder.zh}）" if record.funder else ""
            items[7].other.append(f"衍生產學合作：與 {_name(alliance, record.member)} 簽訂"
                                  f"「{record.title.zh}」{funder}，經費 {_num(record.amount)} 仟元")
        elif decision.kind == "member_outcomes" and (record.output_value or record.new_hires):
            parts = []
            if record.output_value:
                parts.append(f"新增產值 {_num(record.output_value)} 仟元")
            if record.new_hires:
                parts.append(f"新聘 {record.new_hires} 人")
            items[8].other.append(f"{_name(alliance, record.member)} {'、'.join(parts)}")
    items[9].other = _item_9(alliance, sheet, moved)
    _staffing_text(items[10], alliance, sheet.year)
    return [items[n] for n in sorted(items)]


def _members_text(item: FormItem, moved: list[MovedToItem9]) -> None:
    members = [d.record for d in moved if d.kind == "members"]
    legal = sum(m.kind != "individual" for m in members)  # type: ignore[attr-defined]
    individual = len(members) - legal
    if members:
        item.other.append(f"本聯盟另有法人會員 {legal} 家、個人會員 {individual} 家"
                          "（不列入會員數）。")


def _income_text(item: FormItem, alliance: Alliance, counted: list[Counted]) -> None:
    services = {d.record.income: d.record for d in counted  # type: ignore[attr-defined]
                if d.kind == "technical_services"}
    for decision in counted:
        record = decision.record
        if decision.kind != "income" or record.kind == "membership":
            continue
        if record.kind == "technical_service":
            service = services.get(record.id)
            what = f"提供 {_name(alliance, service.member)}「{service.title.zh}」" \
                if service is not None else "技術服務"
            item.other.append(f"技術服務收入 {_num(record.amount)} 仟元為{what}之收入")
        else:
            note = record.note.zh if record.note is not None else "其它"
            item.other.append(f"其它項目收入 {_num(record.amount)} 仟元：{note}")


def _item_9(alliance: Alliance, sheet: Sheet, moved: list[MovedToItem9]) -> list[str]:
    """The alliance's own other_results, then what the decisions moved here: legal-entity
    and individual members (R9, named only when they are organisations), and transfers and
    projects signed by others than the PI and co-PIs or with non-members (R18)."""
    text = [t.zh for t in alliance.info.other_results.get(sheet.year, [])]
    entities = [d.record.name.zh for d in moved  # type: ignore[attr-defined]
                if d.kind == "members" and d.record.kind != "individual"]  # type: ignore
    individuals = sum(d.kind == "members" and d.record.kind == "individual"  # type: ignore
                      for d in moved)
    if entities:
        text.append(f"法人會員：{'、'.join(entities)}（不列入會員數）")
    if individuals:
        text.append(f"個人會員 {individuals} 位（不列入會員數）")
    for decision in moved:
        record = decision.record
        if decision.kind not in ("transfers", "projects"):
            continue
        what = "技術轉移" if decision.kind == "transfers" else "產學合作"
        text.append(f"{what}「{record.title.zh}」（{_name(alliance, record.member)}）："
                    f"{decision.reason.zh}，未列入第 7 項")
    return text


def _staffing_text(item: FormItem, alliance: Alliance, year: int) -> None:
    staffing = alliance.info.staffing.get(year)
    if staffing is None or staffing.actual is None:
        return
    names = (("undergraduate", "大學"), ("master", "碩士"), ("phd", "博士"),
             ("postdoc", "博後"), ("assistant", "專任助理"))
    actual = "、".join(f"{zh} {getattr(staffing.actual, key)} 人" for key, zh in names)
    item.other.append(f"以上為核定人數；實際聘請：{actual}")
