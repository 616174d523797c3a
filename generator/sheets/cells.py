"""One cell to one YAML value, with the header's unit, or a problem that says how to fix it.

Conversions happen only when the header says so: an amount is divided by 1,000 when its
header reads （元）, a date is taken as ROC (民國) when its header reads （民國）. A value
that looks like the other unit without the header saying so is refused, not guessed: a
silent factor of 1,000 in income is the worst error an import could make.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..i18n import Msg
from ..model.types import ID_PATTERN
from .columns import Column, Header

_TRUE = {"true", "yes", "y", "1", "是", "有", "v", "✓", "✔", "o", "○", "同意", "已簽", "已用印"}
_FALSE = {"false", "no", "n", "0", "否", "無", "x", "✗", "不同意", "未簽", "未用印"}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_ROC = re.compile(r"^(?:民國)?(\d{2,3})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$")


class CellProblem(Exception):
    """A cell that cannot become a value: what is wrong and how to fix it."""

    def __init__(self, message: Msg, fix: Msg) -> None:
        super().__init__(message.en)
        self.message = message
        self.fix = fix


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def convert(column: Column, header: Header, value: Any) -> Any:
    """The YAML value of a non-empty cell under ``header`` for ``column``."""
    kind = column.kind
    if kind == "date":
        return _date(value, header.roc)
    if kind == "money":
        return _money(value, header.yuan)
    if kind == "count":
        return _count(value)
    if kind == "bool":
        return _bool(value)
    if kind == "list":
        return [part.strip() for part in re.split(r"[\n;；、,，]", _text(value)) if part.strip()]
    text = _text(value)
    if kind == "choice":
        return _choice(column, text)
    if kind == "id" and not ID_PATTERN.match(text):
        raise CellProblem(
            Msg(f"'{text}' is not a valid id", f"「{text}」不是合法的 id"),
            Msg("use lowercase letters, digits and '-', e.g. acme-tech",
                "只能用小寫英文字母、數字與「-」，例如 acme-tech"))
    return text


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def _date(value: Any, roc: bool) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value).replace(" ", "")
    iso = _ISO.match(text)
    roc_match = _ROC.match(text)
    if roc and roc_match:
        year, month, day = (int(g) for g in roc_match.groups())
        return _real(year + 1911, month, day, text)
    if iso:  # a four-digit year is Gregorian whatever the header says
        return _real(*(int(g) for g in iso.groups()), text=text)
    if roc_match and not roc:
        raise CellProblem(
            Msg(f"'{text}' looks like an ROC (民國) date, but the header does not say so",
                f"「{text}」看起來是民國日期，但表頭沒有標明"),
            Msg("add （民國） to the header, e.g. 合約起日（民國）, or write 2025-03-01",
                "請在表頭加上「（民國）」，例如「合約起日（民國）」，或改寫成西元 2025-03-01"))
    if roc:
        raise CellProblem(
            Msg(f"'{text}' is not an ROC date", f"「{text}」不是民國日期"),
            Msg("write it as 114/03/01 or 114年3月1日 (the header says 民國)",
                "請寫成 114/03/01 或 114年3月1日（表頭標明為民國）"))
    raise CellProblem(Msg(f"'{text}' is not a date", f"「{text}」不是日期"),
                      Msg("write it as 2025-03-01, or make the cell an Excel date",
                          "請寫成 2025-03-01，或把儲存格設為日期格式"))


def _real(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellProblem(Msg(f"{text} is not a real date", f"{text} 不是存在的日期"),
                          Msg("check the month and the day", "請檢查月份與日期")) from None


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):
        return float(value)
    text = re.sub(r"(?i)^(nt\$|\$|ntd)|元$|,|，|\s", "", _text(value))
    return float(text)


def _money(value: Any, yuan: bool) -> int | float:
    try:
        amount = _number(value)
    except ValueError:
        raise CellProblem(
            Msg(f"'{value}' is not an amount", f"「{value}」不是金額"),
            Msg("write a number, e.g. 30000 under a （元） header or 30 under （仟元）",
                "請填數字，例如表頭為（元）時填 30000，為（仟元）時填 30")) from None
    if amount < 0:
        raise CellProblem(Msg(f"{value} is negative", f"{value} 是負數"),
                          Msg("write the amount received, 0 or more", "請填 0 以上的金額"))
    if yuan:
        amount = amount / 1000
    return int(amount) if float(amount).is_integer() else round(amount, 3)


def _count(value: Any) -> int:
    try:
        number = _number(value)
    except ValueError:
        number = -1.0
    if number < 0 or not number.is_integer():
        raise CellProblem(Msg(f"'{value}' is not a whole number", f"「{value}」不是整數"),
                          Msg("write a whole number, 0 or more", "請填 0 以上的整數"))
    return int(number)


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellProblem(Msg(f"'{value}' is not yes or no", f"「{value}」不是「是」或「否」"),
                      Msg("write TRUE or FALSE (是 / 否)", "請填 TRUE 或 FALSE（是／否）"))


def _choice(column: Column, text: str) -> str:
    values = list(dict.fromkeys(column.choices.values()))
    if text in values:
        return text
    if text in column.choices:
        return column.choices[text]
    listing = " / ".join(f"{v}（{_label(column, v)}）" for v in values)
    raise CellProblem(Msg(f"'{text}' is not one of: {listing}",
                          f"「{text}」不是可用的選項：{listing}"),
                      Msg("pick one of them", "請擇一填寫"))


def _label(column: Column, value: str) -> str:
    return next(label for label, v in column.choices.items() if v == value)
