"""An event a news post announces (front matter ``event:``): when, where, how to sign up.

Times are Taiwan local time written ``YYYY-MM-DD HH:MM``; registration is a web address or
an e-mail address, so a company can act on the post (a link, an ``.ics`` file, a map).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, model_validator

from .types import Strict, Text, alliance_error

_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})")
_EMAIL = re.compile(r"[^@\s/:]+@[^@\s/:]+\.[A-Za-z]{2,}")
_URL = re.compile(r"https?://[^\s<>\"]+")


def _time(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    match = _TIME.fullmatch(str(value).strip()) if isinstance(value, str) else None
    if match:
        try:
            return datetime.fromisoformat(f"{match.group(1)} {int(match.group(2)):02d}:"
                                          f"{match.group(3)}")
        except ValueError:
            pass
    raise alliance_error(
        f"'{value}' is not a date and time", f"「{value}」不是日期與時間",
        "write it as YYYY-MM-DD HH:MM (Taiwan time, 24-hour), e.g. 2026-12-11 13:30",
        "請寫成 YYYY-MM-DD HH:MM（臺灣時間、24 小時制），例如 2026-12-11 13:30",
    )


def _registration(value: Any) -> Any:
    text = str(value).strip() if isinstance(value, str) else ""
    if _URL.fullmatch(text) or _EMAIL.fullmatch(text):
        return text
    raise alliance_error(
        f"'{value}' is neither a web address nor an e-mail address",
        f"「{value}」不是網址也不是電子郵件地址",
        "write the sign-up page (https://…) or the e-mail address that takes registrations",
        "請填報名網頁（https://…）或受理報名的電子郵件地址",
    )


EventTime = Annotated[datetime, BeforeValidator(_time)]
Registration = Annotated[str, BeforeValidator(_registration)]


class NewsEvent(Strict):
    start: EventTime
    end: EventTime | None = None
    venue: Text
    address: Text | None = None  # for the map link; the venue's street address
    registration: Registration | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> NewsEvent:
        if self.end is not None and self.end <= self.start:
            raise alliance_error(
                f"the event ends ({self.end:%Y-%m-%d %H:%M}) before it starts "
                f"({self.start:%Y-%m-%d %H:%M})",
                f"活動結束時間（{self.end:%Y-%m-%d %H:%M}）早於開始時間"
                f"（{self.start:%Y-%m-%d %H:%M}）",
                "check event.start and event.end", "請檢查 event.start 與 event.end",
            )
        return self

    @property
    def registration_href(self) -> str | None:
        """The link a visitor follows to sign up: the page itself, or mailto:."""
        if self.registration is None:
            return None
        return self.registration if _URL.fullmatch(self.registration) \
            else "mailto:" + self.registration

    def ahead(self, today: date) -> bool:
        """Not over by ``today``: the site's and the portal's one test of "upcoming"."""
        return (self.end or self.start).date() >= today
