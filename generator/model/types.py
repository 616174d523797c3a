"""Value types shared by every YAML file: localized text, ids, dates, money, images.

Validators raise :class:`AllianceValueError` with both languages and a fix, so that schema
errors read like the rule errors instead of like a library's internals.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PrivateAttr
from pydantic_core import PydanticCustomError

from ..diagnostics import Where
from ..yamlmarks import Loc, SourceFile, field_path

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def alliance_error(en: str, zh: str, fix_en: str = "", fix_zh: str = "",
                   rule: str = "") -> PydanticCustomError:
    """A schema error that carries both languages, a fix and a rule through pydantic."""
    return PydanticCustomError(
        "alliance", en, {"zh": zh, "fix_en": fix_en, "fix_zh": fix_zh, "rule": rule}
    )


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key would otherwise be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Record(Strict):
    """A list entry that remembers where it was written, for messages about it later."""

    _source: SourceFile | None = PrivateAttr(default=None)
    _loc: Loc = PrivateAttr(default=())
    _shown: Loc = PrivateAttr(default=())

    def place(self, source: SourceFile, loc: Loc, shown: Loc) -> None:
        """Called by the loader: ``shown`` is the path as messages print it."""
        self._source, self._loc, self._shown = source, loc, shown

    def at(self, *fields: str | int) -> Where:
        """The place of one of this record's fields (or of the record itself)."""
        if self._source is None:
            return Where(Path("<unknown>"), None, field_path((*self._shown, *fields)))
        return self._source.where((*self._loc, *fields), (*self._shown, *fields))

    @property
    def where(self) -> Where:
        return self.at()


def _text(value: Any) -> Any:
    if isinstance(value, str):
        if not value.strip():
            raise alliance_error("the text is empty", "文字是空的",
                                 "write the text, or remove the key", "請填寫內容或刪除此欄")
        return {"zh": value}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"zh": str(value)}
    if isinstance(value, dict):
        return value
    raise alliance_error(
        f"expected text, got {type(value).__name__}", f"應為文字，卻是 {type(value).__name__}",
        "write a string, or {zh: 中文, en: English}", "請寫成字串，或 {zh: 中文, en: English}",
    )


class LocalText(Strict):
    """Traditional Chinese, with English where the alliance wrote it."""

    zh: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``; Chinese when English is missing (the site warns about it)."""
        if lang == "en" and self.en:
            return self.en
        return self.zh

    def __str__(self) -> str:
        return self.zh


Text = Annotated[LocalText, BeforeValidator(_text)]


def _id(value: Any) -> Any:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise alliance_error(
            f"'{value}' is not a valid id", f"「{value}」不是合法的 id",
            "use lowercase letters, digits and '-' only, e.g. acme-tech",
            "只能用小寫英文字母、數字與「-」，例如 acme-tech",
        )
    return value


Id = Annotated[str, BeforeValidator(_id)]


def _date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise alliance_error(
                f"{value} is not a real date", f"{value} 不是存在的日期",
                "check the month and the day", "請檢查月份與日期",
            ) from None
    raise alliance_error(
        f"'{value}' is not a date", f"「{value}」不是日期",
        "write it as YYYY-MM-DD, e.g. 2025-03-01 (Gregorian, not ROC 114/03/01)",
        "請寫成西元 YYYY-MM-DD，例如 2025-03-01（不是民國 114/03/01）",
    )


Date = Annotated[date, BeforeValidator(_date)]


def _month(value: Any) -> Any:
    text = str(value)
    match = re.fullmatch(r"(\d{4})-?(\d{2})", text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{match.group(2)}"
    raise alliance_error(
        f"'{value}' is not a month", f"「{value}」不是年月",
        "write it as YYYY-MM, e.g. 2024-03", "請寫成 YYYY-MM，例如 2024-03",
    )


Month = Annotated[str, BeforeValidator(_month)]


def _count(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise alliance_error(
            f"'{value}' is not a count", f"「{value}」不是次數或人數",
            "write a whole number, 0 or more", "請填 0 以上的整數",
        )
    return value


Count = Annotated[int, BeforeValidator(_count)]


def _money(value: Any) -> Any:
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0
            or value != value or value == float("inf")):
        raise alliance_error(
            f"'{value}' is not an amount", f"「{value}」不是金額",
            "write thousands of NTD as a number, e.g. 30 for NT$30,000",
            "請以仟元為單位填數字，例如 3 萬元填 30",
        )
    return value


Money = Annotated[float, BeforeValidator(_money)]


def _bool(value: Any) -> Any:
    if not isinstance(value, bool):
        raise alliance_error(
            f"'{value}' is not true or false", f"「{value}」不是 true 或 false",
            "write true or false", "請填 true 或 false",
        )
    return value


Flag = Annotated[bool, BeforeValidator(_bool)]


def _path_under(folder: str, what_en: str, what_zh: str) -> BeforeValidator:
    """A path inside one of the alliance's folders; media/ is public, evidence/ private."""

    def check(value: Any) -> Any:
        if not isinstance(value, str) or not value.startswith(f"{folder}/") or ".." in value:
            raise alliance_error(
                f"'{value}' is not under {folder}/", f"「{value}」不在 {folder}/ 資料夾內",
                f"keep {what_en} in the alliance's {folder}/ folder and write {folder}/<file>",
                f"{what_zh}請放在聯盟的 {folder}/ 資料夾，寫成 {folder}/<檔名>",
            )
        return value

    return BeforeValidator(check)


MediaPath = Annotated[str, _path_under("media", "public images and downloads",
                                       "公開的圖片與下載檔")]
EvidencePath = Annotated[str, _path_under("evidence", "private evidence", "私密佐證")]


def web_url_problem(value: str) -> str | None:
    """Why ``value`` is not a web address a site can be published at or link to, or None.

    One check for ``website.url`` and ``ALLIANCE_SITE_URL`` (where the site is published): http(s),
    a host, a port in range, no spaces — what MkDocs and browsers would otherwise choke on.
    """
    from urllib.parse import urlsplit

    if any(c.isspace() for c in value):
        return "it contains a space"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        return str(exc)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "it must start with https:// (or http://) and a host name"
    if port == 0:
        return "port 0 is not a port"
    return None


def _web_url(value: Any) -> Any:
    problem = web_url_problem(value) if isinstance(value, str) else "it is not text"
    if problem:
        raise alliance_error(
            f"'{value}' is not a web address: {problem}", f"「{value}」不是網址：{problem}",
            "write it as https://host/path, e.g. https://alliance.example.edu.tw/",
            "請寫成 https://主機/路徑，例如 https://alliance.example.edu.tw/")
    return value


WebUrl = Annotated[str, BeforeValidator(_web_url)]


class Image(Strict):
    """A public image; ``alt`` is required because a screen reader cannot see the photo."""

    src: MediaPath
    alt: Text
