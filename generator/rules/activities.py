"""activities.yml: each event counted once (R5, R14, R15), members served that exist."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, error
from ..i18n import Msg
from ..model import Activity, Alliance
from . import rule
from .common import duplicate_ids, unknown_reference


@rule
def activities_counted_once(alliance: Alliance) -> Iterator[Finding]:
    yield from duplicate_ids(alliance.activities, "activity", "活動")
    seen: dict[tuple, Activity] = {}
    member_ids = [m.id for m in alliance.members]
    for activity in alliance.activities:
        key = (activity.date, activity.title.zh.strip())
        first = seen.get(key)
        if first is not None:
            both = {first.kind, activity.kind}
            if both == {"promotion", "seminar"}:
                yield error(
                    activity.at("kind"),
                    Msg(f"'{activity.title.zh}' on {activity.date} is recorded as both a "
                        f"promotion and a seminar (also '{first.id}')",
                        f"「{activity.title.zh}」（{activity.date}）同時登錄為推廣活動與研討會"
                        f"（另見「{first.id}」）"),
                    Msg("keep one record: an event counts once, under one item",
                        "請只保留一筆：同一場活動只能擇一認列"),
                    rule="R14",
                )
            else:
                yield error(
                    activity.at("id"),
                    Msg(f"'{activity.title.zh}' on {activity.date} is recorded twice "
                        f"(also '{first.id}')",
                        f"「{activity.title.zh}」（{activity.date}）重複登錄（另見「{first.id}」）"),
                    Msg("keep one record", "請只保留一筆"),
                    rule="R15" if activity.kind == first.kind else "R5",
                )
        else:
            seen[key] = activity
        for index, member_id in enumerate(activity.members):
            if alliance.member(member_id) is None:
                yield unknown_reference(activity, ("members", index), member_id, member_ids,
                                        "member", "會員")
