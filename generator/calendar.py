"""The ministry's calendar: performance years, quarters, the Oct 31 cut and ROC years.

A performance year Y runs Feb 1 Y … Jan 31 Y+1, so a record dated in January belongs to
the *previous* year's sheet; getting this wrong double-reports a result (R5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ROC_OFFSET = 1911


@dataclass(frozen=True)
class Window:
    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def as_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def performance_window(year: int, until: tuple[int, int] | None = None) -> Window:
    """W(Y) = Feb 1 Y … Jan 31 Y+1, or cut at ``until`` (month, day), e.g. Oct 31."""
    start = date(year, 2, 1)
    if until is None:
        return Window(start, date(year + 1, 1, 31))
    month, day = until
    end = date(year + 1 if month == 1 else year, month, day)
    return Window(start, end)


def performance_year_of(day: date) -> int:
    """The performance year whose window holds ``day``."""
    return day.year - 1 if day.month == 1 else day.year


def review_day(year: int) -> date:
    """Oct 31 Y: a counted member's contract must span it (R1, R10)."""
    return date(year, 10, 31)


def roc_year(year: int) -> int:
    return year - ROC_OFFSET


@dataclass(frozen=True)
class Quarter:
    number: int
    window: Window
    due: date  # the filing deadline on the platform


def quarters(year: int) -> list[Quarter]:
    """Q1 Feb–Apr, Q2 May–Jul, Q3 Aug–Oct (with the mid-term report), Q4 Nov–Jan."""
    return [
        Quarter(1, Window(date(year, 2, 1), date(year, 4, 30)), date(year, 4, 30)),
        Quarter(2, Window(date(year, 5, 1), date(year, 7, 31)), date(year, 7, 31)),
        Quarter(3, Window(date(year, 8, 1), date(year, 10, 31)), date(year, 10, 31)),
        Quarter(4, Window(date(year, 11, 1), date(year + 1, 1, 31)), date(year + 1, 1, 31)),
    ]
