"""Dates as Taiwanese sites write them, turned into ISO so that htmldate and we can read them.

htmldate knows neither ROC dates (``114年5月3日``, ``民國114年5月3日``, ``114/05/03``,
``114.05.03``) nor Gregorian ``2025年5月3日`` (known-traps.md), so a pre-pass rewrites those
forms to ``2025-05-03`` before anything else looks at the page. ROC years are only taken with
three digits (100–199, i.e. 2011–2110) and only in date context, so ordinary numbers survive.
"""

from __future__ import annotations

import datetime as dt
import re

ROC_OFFSET = 1911

# 民國114年5月3日 / 114年5月3日 / 2025年5月3日 (optional spaces between the parts)
_CJK_FULL = re.compile(
    r"(?P<roc>民國\s*)?(?<!\d)(?P<y>\d{3,4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日號号]"
)
# 114/05/03 and 114.05.03 (ROC, three-digit year, nothing numeric glued on either side)
_ROC_NUMERIC = re.compile(
    r"(?<![\d/.\-])(?P<y>1\d{2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/.])"
)
# 民國114年 alone (a year, e.g. in a report title)
_ROC_YEAR = re.compile(r"民國\s*(?P<y>1\d{2})\s*年(?!\s*\d{1,2}\s*月)")
# ISO and slashed Gregorian dates: 2025-05-03, 2025/5/3, 2025.05.03
_GREGORIAN = re.compile(
    r"(?<![\d/.\-])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d])"
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
# May 3, 2025 / 3 May 2025
_ENGLISH = re.compile(
    r"\b(?:(?P<mon1>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d1>\d{1,2}),?"
    r"\s+(?P<y1>(?:19|20)\d{2})|(?P<d2>\d{1,2})\s+(?P<mon2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\.?,?\s+(?P<y2>(?:19|20)\d{2}))\b"
)
# © 2026, (c) 2019-2026, Copyright 2026: a footer year, never a content date
COPYRIGHT = re.compile(
    r"(?:©|&copy;|\(c\)|copyright|版權所有)\s*(?:(?:19|20)\d{2}\s*[-–~]\s*)?(?P<y>(?:19|20)\d{2})",
    re.IGNORECASE,
)


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year(raw: str, roc: bool) -> int:
    """A four-digit Gregorian year from a written year; three digits mean ROC."""
    y = int(raw)
    return y + ROC_OFFSET if roc or len(raw) == 3 else y


def rewrite_local_dates(text: str) -> str:
    """Rewrite ROC and CJK Gregorian dates in ``text`` (HTML or plain) to ISO ``YYYY-MM-DD``.

    Invalid calendar dates (month 13, Feb 30) are left as written: they are not dates.
    """

    def cjk(mo: re.Match[str]) -> str:
        raw = mo.group("y")
        if len(raw) == 4 and mo.group("roc"):
            return mo.group(0)
        if len(raw) == 3 and not raw.startswith("1"):
            return mo.group(0)
        date = _make(_year(raw, bool(mo.group("roc"))), int(mo.group("m")), int(mo.group("d")))
        return date.isoformat() if date else mo.group(0)

    def roc_numeric(mo: re.Match[str]) -> str:
        date = _make(_year(mo.group("y"), True), int(mo.group("m")), int(mo.group("d")))
        return date.isoformat() if date else mo.group(0)

    def roc_year(mo: re.Match[str]) -> str:
        return f"{_year(mo.group('y'), True)}年"

    text = _CJK_FULL.sub(cjk, text)
    text = _ROC_NUMERIC.sub(roc_numeric, text)
    return _ROC_YEAR.sub(roc_year, text)


def find_dates(text: str) -> list[dt.date]:
    """Every full calendar date written in ``text`` (after :func:`rewrite_local_dates`)."""
    found: list[dt.date] = []
    for mo in _GREGORIAN.finditer(text):
        date = _make(int(mo.group("y")), int(mo.group("m")), int(mo.group("d")))
        if date:
            found.append(date)
    for mo in _ENGLISH.finditer(text):
        mon = (mo.group("mon1") or mo.group("mon2")).lower()[:3]
        day = int(mo.group("d1") or mo.group("d2"))
        date = _make(int(mo.group("y1") or mo.group("y2")), _MONTHS[mon], day)
        if date:
            found.append(date)
    return found


def mask_dates(text: str) -> str:
    """Replace every date and copyright year with a placeholder.

    Fingerprints are taken of masked text so that a rebuild which only moves dates (a new
    footer year, a refreshed "updated on") does not count as a content change.
    """
    text = rewrite_local_dates(text)
    text = COPYRIGHT.sub("©<year>", text)
    text = _GREGORIAN.sub("<date>", text)
    text = _ENGLISH.sub("<date>", text)
    return _ROC_YEAR.sub("<year>", text)


def parse_iso(value: str) -> dt.date | None:
    """The date part of an ISO-8601 date or date-time string, or None."""
    mo = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    return _make(int(mo.group(1)), int(mo.group(2)), int(mo.group(3))) if mo else None
