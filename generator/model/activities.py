"""activities.yml: promotion events, seminars, consulting and on-site visits.

One kind per activity: an event that was both a promotion and a seminar counts once,
under one of them (R14, R15).
"""

from __future__ import annotations

from typing import Literal

from .types import Count, Date, EvidencePath, Flag, Id, Image, Record, Text

ActivityKind = Literal["promotion", "seminar", "consulting", "visit"]

PUBLIC_BY_DEFAULT: dict[str, bool] = {
    "promotion": True, "seminar": True, "consulting": False, "visit": False,
}


class Activity(Record):
    id: Id
    date: Date
    title: Text
    kind: ActivityKind
    participants: Count = 0
    members: list[Id] = []
    venue: Text | None = None  # where it took place; same day and venue = same event (R14)
    public: Flag | None = None
    summary: Text | None = None
    photos: list[Image] = []
    evidence: list[EvidencePath] = []  # PRIVATE

    @property
    def is_public(self) -> bool:
        return PUBLIC_BY_DEFAULT[self.kind] if self.public is None else self.public
