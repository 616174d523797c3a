"""How numbers and dates are written, once for the site, the report and the PDF.

A reader comparing the site with the report should see the same figure written the same way
(2,800, not 3300 on one and 2,800 on the other) and one date format per language.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

Lang = Literal["zh", "en"]


def number(value: float) -> str:
    """30 not 30.0, 1,250 with a thousands separator, 12.5 kept."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def long_date(value: date, lang: Lang) -> str:
    """2025年5月3日 / May 3, 2025: what Material's blog prints (Babel's "long"), so that a
    post's date, the footer's 最後更新 and the tables agree."""
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value:%B} {value.day}, {value.year}"
