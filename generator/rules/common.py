"""Checks every list shares: unique ids, references that resolve, files that exist.

Helpers of the rules, not rules themselves: each yields :class:`Verdict` errors for the rule
that calls it (R5 for ids, R16/R18 for members, R6 for public files).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from ..diagnostics import Where
from ..i18n import Msg
from ..model import Alliance
from ..model.types import Image, Record
from .verdict import Verdict, invalid


def duplicate_ids(records: Sequence[Record], what_en: str, what_zh: str,
                  rule_id: str | None = "R5") -> Iterator[Verdict]:
    seen: dict[str, Record] = {}
    for record in records:
        key = getattr(record, "id", None)
        if key is None:
            continue
        if key in seen:
            first = seen[key].where.line
            yield invalid(
                record, record.at("id"),
                Msg(f"the {what_en} id '{key}' is used twice (first on line {first})",
                    f"{what_zh} id「{key}」重複（第一次在第 {first} 行）"),
                Msg("give each record its own id; if it is the same record, keep one",
                    "每筆紀錄請用不同 id；若是同一筆紀錄，請只保留一筆"),
                rule_id,
            )
        else:
            seen[key] = record


# Words an assistant writes when no member is involved: the ministry refuses them (R16).
NO_MEMBER = {"", "無", "none", "n/a", "na", "-", "nil", "null", "self", "本聯盟", "聯盟"}


def member_reference(alliance: Alliance, record: Record, field: str, value: str,
                     rule_id: str = "R16") -> Iterator[Verdict]:
    """An output's member must be a member of this alliance, never 無/none (R16, R17)."""
    if value.strip().lower() in NO_MEMBER:
        yield invalid(
            record, record.at(field),
            Msg(f"the company may not be '{value}'", f"廠商名稱不可填「{value}」"),
            Msg("name the member id it was done for; the alliance's own results do not "
                "count (R17)", "請填服務的會員 id；聯盟本身的成果不列入（R17）"),
            rule_id,
        )
        return
    if alliance.member(value) is None:
        yield unknown_reference(record, field, value, [m.id for m in alliance.members],
                                "member", "會員", names=names_of(alliance.members))


def unknown_reference(record: Record, field: str | tuple, value: str, known: Iterable[str],
                      what_en: str, what_zh: str, rule_id: str | None = None,
                      names: Mapping[str, str] | None = None) -> Verdict:
    """A reference to an id that does not exist, with the ids that do.

    ``names`` maps what people write instead of an id (a tier's or a company's name, in
    either language) to the id, so that '金級' is answered with "write gold".
    """
    fields = field if isinstance(field, tuple) else (field,)
    ids = list(known)
    named = (names or {}).get(value.strip())
    close = difflib.get_close_matches(value, ids, n=1)
    listing = _listing(ids)
    if named is not None:
        fix = Msg(f"'{value}' is the name of {what_en} '{named}': write its id, {named}",
                  f"「{value}」是{what_zh}「{named}」的名稱：請填它的 id：{named}")
    elif close:
        fix = Msg(f"did you mean '{close[0]}'? ({listing})", f"是不是「{close[0]}」？（{listing}）")
    elif ids:
        fix = Msg(f"use one of the {what_en} ids: {listing}",
                  f"請填以下{what_zh} id 之一：{listing}")
    else:
        fix = Msg(f"no {what_en} is listed yet: add it first", f"尚未登錄任何{what_zh}，請先新增")
    return invalid(record, record.at(*fields),
                 Msg(f"there is no {what_en} '{value}'", f"找不到{what_zh}「{value}」"),
                 fix, rule_id)


def _listing(ids: list[str], limit: int = 12) -> str:
    """The valid ids, cut after ``limit`` so that a 200-member alliance gets one line."""
    shown = ", ".join(ids[:limit])
    return shown + (f", … (+{len(ids) - limit})" if len(ids) > limit else "")


def names_of(records: Iterable[Record]) -> dict[str, str]:
    """A record's names in both languages → its id, for :func:`unknown_reference`."""
    names: dict[str, str] = {}
    for record in records:
        name = getattr(record, "name", None)
        for text in (getattr(name, "zh", None), getattr(name, "en", None)):
            if text:
                names.setdefault(text.strip(), record.id)  # type: ignore[attr-defined]
    return names


def missing_media(alliance: Alliance, where: Where, image: Image | str | None
                  ) -> Iterator[Verdict]:
    """A public image or download that is named but not in media/ would be a broken link."""
    if image is None:
        return
    src = image if isinstance(image, str) else image.src
    if not (alliance.root / src).is_file():
        yield invalid(
            None, where,
            Msg(f"{src} does not exist", f"{src} 不存在"),
            Msg(f"put the file at {Path(alliance.root.name) / src}, or correct the name",
                f"請把檔案放在 {Path(alliance.root.name) / src}，或更正檔名"),
            "R6",
        )
