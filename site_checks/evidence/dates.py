"""Dates as Taiwanese sites write them, turned into ISO so that htmldate and we can read them.

htmldate knows neither ROC dates (``114年5月3日``, ``民國114年5月3日``, ``114/05/03``,
``114.05.03``, ``114-05-03``) nor Gregorian ``2025年5月3日`` (known-traps.md), so a pre-pass
rewrites those forms to ``2025-05-03`` before anything else looks at the page; full-width digits
(``１１４年５月３日``) and Chinese numerals before 年/月/日 (``一一四年五月三日``,
``一百十四年``, ``二〇二五年``) are made ASCII first, and a year-month (``114年5月``) becomes
``2025-05`` (read with month precision). ROC years are only taken with three digits (100–199,
i.e. 2011–2110) and only in date context, so ordinary numbers survive. Every form read is in
the README's table, each with a test in ``tests/spotcheck/test_dates.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ROC_OFFSET = 1911

#: Full-width digits and date punctuation, as typed with a Chinese input method.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９／．－：", "0123456789/.-:")
_FULL_WIDTH_DIGIT = re.compile("[０-９]")
#: No date without a digit or a Chinese numeral: most text nodes are left at once.
_NUMBER_LIKE = re.compile("[0-9０-９〇○零一二三四五六七八九十百廿卅]")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
# a run of Chinese numerals right before 年, 月, 日 or 號 (二〇二五年, 一百十四年, 十二月, 卅日)
_CN_NUMBER = re.compile(r"[〇○零一二三四五六七八九十百廿卅]{1,7}(?=\s*[年月日號号])")

# 民國114年5月3日 / 114年5月3日 / 2025年5月3日 (optional spaces between the parts)
_CJK_FULL = re.compile(
    r"(?P<roc>民國\s*)?(?<!\d)(?P<y>\d{3,4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日號号]"
)
# 114/05/03, 114.05.03, 114-05-03 (ROC, three-digit year, nothing numeric glued on either side)
_ROC_NUMERIC = re.compile(
    r"(?<![\d/.\-])(?P<y>1\d{2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![\d/.\-])"
)
# 民國114年5月 / 114年5月 / 2025年5月 with no day after it: a month
_CJK_MONTH = re.compile(
    r"(?P<roc>民國\s*)?(?<!\d)(?P<y>\d{3,4})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d{1,2}\s*[日號号])"
)
# 2025-05, as written by the rewrite above (or by the site): a month
_ISO_MONTH = re.compile(r"(?<![\d/.\-])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])(?![\d\-])")
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
# May 2025, November 2026 (no day): a month
_ENGLISH_MONTH = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+"
    r"(?P<y>(?:19|20)\d{2})\b(?!\s*[-/.]\d)"
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


def _cn_to_int(numeral: str) -> int:
    """一一四 → 114 (digit by digit), 一百十四 / 一百一十四 → 114, 廿三 → 23 (positional)."""
    if not any(c in "十百廿卅" for c in numeral):
        return int("".join(str(_CN_DIGITS[c]) for c in numeral))
    total = current = 0
    for c in numeral:
        if c == "百":
            total, current = total + (current or 1) * 100, 0
        elif c == "十":
            total, current = total + (current or 1) * 10, 0
        elif c in "廿卅":
            total, current = total + (20 if c == "廿" else 30), 0
        else:
            current = _CN_DIGITS[c]
    return total + current


def ascii_numbers(text: str) -> str:
    """Full-width digits to ASCII, and Chinese numerals before 年/月/日/號 to digits."""
    if _FULL_WIDTH_DIGIT.search(text):  # translate() is slow on CJK text: only when needed
        text = text.translate(_FULL_WIDTH)
    return _CN_NUMBER.sub(lambda mo: str(_cn_to_int(mo.group(0))), text)


def rewrite_local_dates(text: str) -> str:
    """Rewrite ROC and CJK Gregorian dates in ``text`` (HTML or plain) to ISO ``YYYY-MM-DD``,
    and year-months to ``YYYY-MM``.

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

    def month(mo: re.Match[str]) -> str:
        raw = mo.group("y")
        if (len(raw) == 4 and mo.group("roc")) or (len(raw) == 3 and not raw.startswith("1")):
            return mo.group(0)
        date = _make(_year(raw, bool(mo.group("roc"))), int(mo.group("m")), 1)
        return date.isoformat()[:7] if date else mo.group(0)

    if not text or not _NUMBER_LIKE.search(text):
        return text
    text = ascii_numbers(text)
    text = _CJK_FULL.sub(cjk, text)
    text = _ROC_NUMERIC.sub(roc_numeric, text)
    text = _CJK_MONTH.sub(month, text)
    return _ROC_YEAR.sub(roc_year, text)


@dataclass(frozen=True)
class Found:
    """A date written in a text: the day (the 1st for a month), its precision, where it was."""

    date: dt.date
    precision: str  # "day" or "month"
    start: int


def scan(text: str) -> list[Found]:
    """Every date (day precision) and month written in ``text`` (after the rewrite), in order.

    A month is read as its first day: the earliest the content can be, so a month never
    makes a site look fresher than it is.
    """
    found: list[Found] = []
    days: list[range] = []
    for mo in _GREGORIAN.finditer(text):
        date = _make(int(mo.group("y")), int(mo.group("m")), int(mo.group("d")))
        if date:
            found.append(Found(date, "day", mo.start()))
            days.append(range(*mo.span()))
    for mo in _ENGLISH.finditer(text):
        mon = (mo.group("mon1") or mo.group("mon2")).lower()[:3]
        day = int(mo.group("d1") or mo.group("d2"))
        date = _make(int(mo.group("y1") or mo.group("y2")), _MONTHS[mon], day)
        if date:
            found.append(Found(date, "day", mo.start()))
            days.append(range(*mo.span()))
    for mo in (*_ISO_MONTH.finditer(text), *_ENGLISH_MONTH.finditer(text)):
        if any(mo.start() in span for span in days):
            continue  # "3 May 2025" is a day, not also a month
        month = int(mo.group("m")) if "m" in mo.groupdict() else _MONTHS[
            mo.group("mon").lower()[:3]]
        found.append(Found(dt.date(int(mo.group("y")), month, 1), "month", mo.start()))
    return sorted(found, key=lambda f: f.start)


def find_dates(text: str) -> list[dt.date]:
    """Every full calendar date written in ``text`` (after :func:`rewrite_local_dates`)."""
    return [f.date for f in scan(text) if f.precision == "day"]


def mask_dates(text: str) -> str:
    """Replace every date and copyright year with a placeholder.

    Fingerprints are taken of masked text so that a rebuild which only moves dates (a new
    footer year, a refreshed "updated on") does not count as a content change.
    """
    text = rewrite_local_dates(text)
    text = COPYRIGHT.sub("©<year>", text)
    text = _GREGORIAN.sub("<date>", text)
    text = _ENGLISH.sub("<date>", text)
    text = _ISO_MONTH.sub("<month>", text)
    text = _ENGLISH_MONTH.sub("<month>", text)
    return _ROC_YEAR.sub("<year>", text)


def parse_iso(value: str) -> dt.date | None:
    """The date part of an ISO-8601 date or date-time string, or None."""
    mo = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    return _make(int(mo.group(1)), int(mo.group(2)), int(mo.group(3))) if mo else None
