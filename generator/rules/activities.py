"""Items 4 and 5, activities: each event counted once, with its evidence (R14, R15)."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import Msg
from ..model import Activity, Alliance
from .common import unknown_reference
from .verdict import Verdict, exclude, invalid

EVENTS = ("promotion", "seminar")


def same_event(a: Activity, b: Activity) -> Msg | None:
    """Why ``a`` and ``b`` are one event: same day and title, same evidence, or same venue.

    Titles differ when a promotion repeats a seminar under another name; the sign-in sheet
    or the day and the room do not.
    """
    if a.date == b.date and a.title.zh.strip() == b.title.zh.strip():
        return Msg(f"'{a.title.zh}' on {a.date}", f"「{a.title.zh}」（{a.date}）")
    if a.kind in EVENTS and b.kind in EVENTS:
        shared = sorted(set(a.evidence) & set(b.evidence))
        if shared:
            return Msg(f"'{b.title.zh}' shares the evidence file {shared[0]} with '{a.id}'",
                       f"「{b.title.zh}」與「{a.id}」使用同一份佐證 {shared[0]}")
        if (a.date == b.date and a.venue is not None and b.venue is not None
                and a.venue.zh.strip() == b.venue.zh.strip()):
            return Msg(f"'{b.title.zh}' is on {b.date} at {b.venue.zh}, like '{a.id}'",
                       f"「{b.title.zh}」與「{a.id}」同日（{b.date}）同地點（{b.venue.zh}）")
    return None


def _pairs(alliance: Alliance) -> Iterator[tuple[Activity, Activity, Msg]]:
    """Each later record that repeats an earlier one, with the earlier and the reason."""
    seen: list[Activity] = []
    for activity in alliance.activities:
        for first in seen:
            why = same_event(first, activity)
            if why is not None:
                yield first, activity, why
                break
        else:
            seen.append(activity)


def _no_evidence(alliance: Alliance, activity: Activity, rule: str) -> Verdict | None:
    what = "a visit form or photos" if activity.kind == "visit" else "a poster or sign-in sheet"
    what_zh = "訪視單或照片" if activity.kind == "visit" else "海報或簽到表"
    attach = Msg(f"{what} ({rule})", f"{what_zh}（{rule}）")
    if not activity.evidence:
        return exclude(activity, activity.at("evidence"),
                       Msg("it has no evidence", "沒有佐證資料"),
                       Msg(f"add {what} under evidence: (at least one)",
                           f"請在 evidence: 至少附上一項{what_zh}"), rule, attach=attach)
    missing = [p for p in activity.evidence if not alliance.evidence_exists(p)]
    if len(missing) == len(activity.evidence):
        return exclude(activity, activity.at("evidence"),
                       Msg(f"its evidence file {missing[0]} does not exist",
                           f"佐證檔案 {missing[0]} 不存在"),
                       Msg("put the file in evidence/ or correct the path",
                           "請把檔案放進 evidence/ 或更正路徑"), rule, attach=attach)
    return None


def promotion_counted_once(alliance: Alliance) -> Iterator[Verdict]:
    """R14: a promotion has a poster or sign-in sheet, and is not also a seminar.

    A promotion and a seminar with the same title and day, the same evidence file, or the
    same day and venue are one event, whatever their titles: it counts once, under one item.
    """
    for first, later, why in _pairs(alliance):
        if {first.kind, later.kind} == {"promotion", "seminar"}:
            yield invalid(
                later, later.at("kind"),
                Msg(f"{why.en}: one event recorded as both a promotion and a seminar "
                    f"(also '{first.id}')",
                    f"{why.zh}：同一場活動同時登錄為推廣活動與研討會（另見「{first.id}」）"),
                Msg("keep one record: an event counts once, under one item",
                    "請只保留一筆：同一場活動只能擇一認列"),
                "R14")
    for activity in alliance.activities:
        if activity.kind == "promotion" and (
                verdict := _no_evidence(alliance, activity, "R14")) is not None:
            yield verdict


def services_counted_once(alliance: Alliance) -> Iterator[Verdict]:
    """R15: seminars and visits have their evidence; nothing in item 5 repeats a record.

    Consulting needs no evidence (phone, e-mail or in person).
    """
    for first, later, why in _pairs(alliance):
        if {first.kind, later.kind} == {"promotion", "seminar"}:
            continue  # R14's
        yield invalid(
            later, later.at("id"),
            Msg(f"{why.en} is recorded twice (also '{first.id}')",
                f"{why.zh}重複登錄（另見「{first.id}」）"),
            Msg("keep one record", "請只保留一筆"),
            "R15" if later.kind == first.kind else "R5")
    for activity in alliance.activities:
        if activity.kind in ("seminar", "visit") and (
                verdict := _no_evidence(alliance, activity, "R15")) is not None:
            yield verdict


def activities_name_members(alliance: Alliance) -> Iterator[Verdict]:
    """Format: the members an activity served exist."""
    member_ids = [m.id for m in alliance.members]
    for activity in alliance.activities:
        for index, member_id in enumerate(activity.members):
            if alliance.member(member_id) is None:
                yield unknown_reference(activity, ("members", index), member_id, member_ids,
                                        "member", "會員")
