"""Text a rebuild or a clock changes without anyone editing content, masked before hashing.

Measured on hand-made sites: a rebuild that moved a time of day (``10:12:33``), a weekday
(``（星期一）``), a visitor counter (``瀏覽人次：102345``) or a year-month (``民國115年11月``)
made every page "changed", and the site stayed fresh forever. Each pattern below replaces such
text with a placeholder, so only a change of the words themselves changes a fingerprint. Fixed
patterns cover the forms; what a site repeats on every page is removed by ``template``.
"""

from __future__ import annotations

import re

from site_checks.evidence.dates import mask_dates

_WEEKDAYS_EN = (r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                r"Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun")
#: (pattern, placeholder), applied in order after dates are masked.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "today is …" clocks: 今天是 2026-11-30 星期一, Today is Monday
    (re.compile(r"(?:今天是|今日是|今天日期|現在時間|目前時間|today is|current time)[^。\n<]{0,40}",
                re.I), "<clock>"),
    # visitor counters, the label before or after the number
    (re.compile(r"(?:瀏覽人次|瀏覽次數|瀏覽數|點閱次數|點閱數|點閱率|點閱|參觀人次|訪客人數|訪客數|"
                r"累計人次|今日人次|在線人數|線上人數|人次|visitors?|visits|hits|page ?views|views|"
                r"online)\s*[:：]?\s*[\d,，]+", re.I), "<counter>"),
    (re.compile(r"[\d,，]+\s*(?:人次|次瀏覽|次點閱|visitors?|hits|views)\b", re.I), "<counter>"),
    # times of day: 10:12, 10:12:33, 3:05 PM, 下午3點20分
    (re.compile(r"(?:上午|下午|中午|晚上|凌晨|早上)?\s*(?<!\d)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
                r"(?:\s*[AaPp]\.?[Mm]\.?)?(?!\d)"), "<time>"),
    (re.compile(r"(?:上午|下午|中午|晚上|凌晨|早上)\s*\d{1,2}\s*[點点時时](?:\s*\d{1,2}\s*分)?"),
     "<time>"),
    # weekdays: （星期一） 週一 (一) (Mon.) Monday
    (re.compile(r"[(（]?\s*(?:星期|禮拜|週|周)[一二三四五六日天]\s*[)）]?"), "<weekday>"),
    (re.compile(r"[(（][一二三四五六日][)）]"), "<weekday>"),
    (re.compile(rf"[(（]?\b(?:{_WEEKDAYS_EN})\b\.?[)）]?", re.I), "<weekday>"),
    # years alone, in both calendars: 115年, 民國115年度, 2026年, 2026
    (re.compile(r"(?:民國\s*)?(?<!\d)\d{3,4}\s*年度?"), "<year>"),
    (re.compile(r"(?<![\d.])(?:19|20)\d{2}(?![\d.])"), "<year>"),
    # asset hashes, cache busters and tokens: app.3f9a2c1b.js, ?v=1701234567, csrf tokens
    (re.compile(r"[?&](?:v|ver|version|t|ts|_|hash|token|sid)=[\w.\-]+", re.I), "<token>"),
    (re.compile(r"(?<![0-9a-z])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?![0-9a-z])",
                re.I), "<token>"),
    (re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{24,}(?![\w-])", re.A),
     "<token>"),
]


def mask_volatile(text: str) -> str:
    """``text`` with dates (any form read), times, weekdays, years, counters, clocks and
    tokens replaced by placeholders: the words that remain are the content."""
    text = mask_dates(text)
    for pattern, placeholder in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text
