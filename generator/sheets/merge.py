"""Rows of a sheet merged into the round-trip YAML by id, touching only what changed.

A row whose id exists updates that record's columns present in the sheet; a new id appends a
record; records the sheet does not mention are kept. An empty cell removes an optional key
(the sheet is the truth for the columns it has). A value equal to the YAML's is not written
at all, so that the file's quoting and flow style survive. Each merged record is then
validated with the model, and a problem is told at the cell that holds the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..i18n import Msg
from ..model import Activity, Member
from ..model.members import Contract
from ..model.outcomes import (
    Income,
    MemberOutcome,
    MemberOutput,
    Patent,
    Project,
    TechnicalService,
    Transfer,
)
from ..schema_errors import explain
from .read import Problem, Row, SheetRows
from .roundtrip import plain

MODELS: dict[str, type[BaseModel]] = {
    "members": Member, "contracts": Contract, "activities": Activity, "income": Income,
    "products": MemberOutput, "technologies": MemberOutput, "patents": Patent,
    "technical_services": TechnicalService, "transfers": Transfer, "projects": Project,
    "member_outcomes": MemberOutcome,
}


@dataclass
class Tally:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Known:
    """The ids of tiers or members and their names, so that a name becomes its id."""

    ids: list[str]
    names: dict[str, str]


def merge(data: Any, sheet: SheetRows, tiers: Known, members: Known) -> Tally:
    """Apply ``sheet`` to the round-trip ``data`` of its file; returns what happened.

    ``tiers`` and ``members`` turn a tier's or a company's name, written where an id
    belongs, into the id (with a note), as assistants' sheets name them.
    """
    table = sheet.table
    tally = Tally()
    seen: dict[tuple[Any, ...], str] = {}
    for row in sheet.rows:
        if (table.by_name and row.values.get("id") is None and row.values.get(table.by_name)
                and not _id_by_name(data, row, table.by_name, tally)):
            continue
        key = tuple(row.values.get(k) for k in table.match)
        if any(part is None for part in key):
            missing = [k for k, part in zip(table.match, key, strict=True) if part is None]
            tally.problems.append(Problem(
                row.refs.get(missing[0], row.ref),
                Msg(f"the row has no {missing[0]}", f"這一列沒有 {missing[0]}"),
                Msg("fill it in, or delete the row", "請填寫，或刪除這一列")))
            continue
        if key in seen:
            tally.problems.append(Problem(
                row.refs.get(table.match[0], row.ref),
                Msg(f"{'/'.join(map(str, key))} appears twice in the sheet (first at "
                    f"{seen[key]})", f"{'/'.join(map(str, key))} 在表中出現兩次（第一次在 "
                    f"{seen[key]}）"),
                Msg("keep one row per record", "每筆紀錄只保留一列")))
            continue
        seen[key] = row.ref
        if row.failed:
            continue  # its unreadable cells are reported; the rest would only add noise
        if table.name == "members":
            _resolve_tier(row, tiers, tally)
        elif table.name != "contracts" and row.values.get("member") in members.names:
            name = row.values["member"]
            row.values["member"] = members.names[name]
            tally.problems.append(_named(row.refs["member"], name, members.names[name],
                                         "member", "會員"))
        target = _list_for(data, table.name, table.within, row, tally)
        if target is None:
            continue
        # A contract is found by its start within its member; everything else by its key.
        lookup = [k for k in table.match if not (table.name == "contracts" and k == "member")]
        wanted = tuple(row.values.get(k) for k in lookup)
        record = next((r for r in target if tuple(_get(r, k) for k in lookup) == wanted), None)
        if record is None:
            absent = [c for c in table.columns if c.required and row.values.get(c.key) is None
                      and not (table.name == "contracts" and c.key == "member")]
            if absent:
                tally.problems.append(Problem(row.ref, Msg(
                    f"a new record ({'/'.join(map(str, key))}) needs "
                    + ", ".join(f"{c.header} ({c.key})" for c in absent),
                    f"新紀錄（{'/'.join(map(str, key))}）必須填寫"
                    + "、".join(f"{c.header}（{c.key}）" for c in absent)), Msg(
                    "fill those cells in", "請填寫這些欄位")))
                continue
            record = CommentedMap()
            target.append(record)
            tally.added += 1
        elif not _apply(record, sheet, row, dry=True):
            tally.unchanged += 1
            continue
        else:
            tally.changed += 1
        _apply(record, sheet, row, dry=False)
        if not record.lc.data:  # a new record: its keys in the format's order
            order = [c.path[0] for c in table.columns]
            items = sorted(record.items(), key=lambda kv: order.index(kv[0])
                           if kv[0] in order else len(order))
            record.clear()
            record.update(items)
        _validate(record, sheet, row, tally)
    return tally


def _names(record: Any) -> set[str]:
    name = record.get("name") if isinstance(record, dict) else None
    texts = name.values() if isinstance(name, dict) else [name]
    return {str(t).strip() for t in texts if t}


def _id_by_name(data: Any, row: Row, key: str, tally: Tally) -> bool:
    """Give a row without an id the id of the record of the same name; False if none."""
    name = str(row.values[key]).strip()
    record = next((r for r in data if name in _names(r)), None)
    if record is not None:
        row.values["id"] = record.get("id")
        return True
    english = str(row.values.get("name.en") or "")
    guess = re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-")[:40].strip("-")
    example = guess or "acme-tech"
    tally.problems.append(Problem(row.refs.get(key, row.ref), Msg(
        f"'{name}' is a new member, and new members need an id",
        f"「{name}」是新會員，新會員需要代碼"), Msg(
        f"add a 代碼 (id) column: a short name in lowercase letters, digits and '-', e.g. "
        f"{example}", f"請加上「代碼」欄：以小寫英文字母、數字與「-」組成的簡稱，例如 {example}")))
    return False


def _list_for(data: Any, name: str, within: tuple[str, ...], row: Row, tally: Tally
              ) -> CommentedSeq | None:
    if name == "contracts":  # contracts live inside their member
        member_id = row.values.get("member")
        member = next((m for m in data if isinstance(m, dict) and m.get("id") == member_id),
                      None) or next((m for m in data if str(member_id).strip() in _names(m)),
                                    None)
        if member is None:
            ids = ", ".join(str(m.get("id")) for m in data if isinstance(m, dict))
            tally.problems.append(Problem(row.refs.get("member", row.ref), Msg(
                f"there is no member '{member_id}' in members.yml",
                f"members.yml 中找不到會員「{member_id}」"), Msg(
                f"import the members first, or use one of: {ids}",
                f"請先匯入會員，或使用以下代碼之一：{ids}")))
            return None
        holder, key = member, "contracts"
    elif not within:
        return data
    else:
        holder, key = data, within[0]
    if holder.get(key) is None:
        holder[key] = CommentedSeq()
    return holder[key]


def _named(ref: str, name: str, ident: str, what_en: str, what_zh: str) -> Problem:
    return Problem(ref, Msg(f"'{name}' is the name of {what_en} '{ident}': written as its id",
                            f"「{name}」是{what_zh}「{ident}」的名稱：已改寫為其 id"),
                   warning=True)


def _resolve_tier(row: Row, tiers: Known, tally: Tally) -> None:
    value = row.values.get("tier")
    if value is None or value in tiers.ids:
        return
    ref = row.refs["tier"]
    if value in tiers.names:
        row.values["tier"] = tiers.names[value]
        tally.problems.append(_named(ref, value, tiers.names[value], "tier", "會員等級"))
        return
    listing = ", ".join(tiers.ids)
    tally.problems.append(Problem(ref, Msg(f"there is no tier '{value}'",
                                           f"找不到會員等級「{value}」"),
                                  Msg(f"use one of the tier ids: {listing}",
                                      f"請填以下會員等級 id 之一：{listing}")))


def _get(record: Any, key: str) -> Any:
    value: Any = record
    for part in key.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _apply(record: CommentedMap, sheet: SheetRows, row: Row, dry: bool) -> bool:
    """Write the row's values into ``record``; with ``dry``, only say whether any differs."""
    changed = False
    texts = {c.path[0] for c in sheet.table.columns if c.path[-1] in ("zh", "en")
             and len(c.path) == 2 and c.key in sheet.columns}
    for name in texts:
        zh_key, en_key = f"{name}.zh", f"{name}.en"
        current = record.get(name)
        old_zh = current.get("zh") if isinstance(current, dict) else current
        old_en = current.get("en") if isinstance(current, dict) else None
        zh = row.values.get(zh_key, old_zh) if zh_key in sheet.columns else old_zh
        en = row.values.get(en_key, old_en) if en_key in sheet.columns else old_en
        if _same(zh, old_zh) and _same(en, old_en):
            continue
        changed = True
        if dry:
            continue
        if zh is None and en is None:
            record.pop(name, None)
        elif isinstance(current, dict):
            _put(current, "zh", zh)
            _put(current, "en", en)
        elif en is None:
            record[name] = zh
        else:
            record[name] = _flow({"zh": zh, "en": en})
    for key in sheet.columns:
        column = sheet.table.column(key)
        if column is None or column.path[0] in texts:
            continue
        if sheet.table.name == "contracts" and key == "member":
            continue  # where the contract lives, not a key of it
        new = row.values.get(key)
        if _same(new, _get(record, key)):
            continue
        changed = True
        if dry:
            continue
        holder = record
        for part in column.path[:-1]:
            if not isinstance(holder.get(part), dict):
                if new is None:
                    break
                holder[part] = _flow({})
            holder = holder[part]
        else:
            _put(holder, column.path[-1], new)
            if new is None and len(column.path) > 1 and not holder:
                record.pop(column.path[0], None)
    return changed


def _put(mapping: CommentedMap, key: str, value: Any) -> None:
    if value is None:
        mapping.pop(key, None)
    elif not _same(value, mapping.get(key)):
        mapping[key] = CommentedSeq(value) if isinstance(value, list) else value


def _flow(values: dict[str, Any]) -> CommentedMap:
    mapping = CommentedMap(values)
    mapping.fa.set_flow_style()
    return mapping


def _same(new: Any, old: Any) -> bool:
    if new is None or old is None:
        return new is None and old is None
    if isinstance(old, str) and isinstance(new, list):
        return new == [old]  # evidence: one path may be written without a list
    if isinstance(new, list) or isinstance(old, list):
        return list(new) == list(old) if isinstance(old, list) else False
    if isinstance(new, date) or isinstance(old, date):
        return new == old
    if isinstance(new, bool) or isinstance(old, bool):
        return new is old or new == old and type(new) is type(old)
    if isinstance(new, (int, float)) and isinstance(old, (int, float)):
        return float(new) == float(old)
    return str(new) == str(old)


def _validate(record: CommentedMap, sheet: SheetRows, row: Row, tally: Tally) -> None:
    model = MODELS[sheet.table.name]
    try:
        model.model_validate(plain(record))
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            message, fix = explain(err, model, loc)
            tally.problems.append(Problem(_ref_for(loc, sheet, row), message, fix))


def _ref_for(loc: tuple[Any, ...], sheet: SheetRows, row: Row) -> str:
    """The cell holding the value at ``loc``, or the row when no column holds it."""
    best = ""
    for key in sheet.columns:
        path = tuple(key.split("."))
        holds = tuple(str(p) for p in loc[:len(path)]) == path or (
            len(path) == 2 and path[1] == "zh" and tuple(map(str, loc)) == path[:1])
        if holds and len(key) > len(best):
            best = key
    return row.refs.get(best, row.ref) if best else row.ref
