"""The programme's four review groups (學門) and the five kinds of service an alliance sells.

The portal filters alliances by both. The group names are the ministry's own words, so
``field:`` takes them exactly as the programme writes them; English names are only shown.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from .types import alliance_error

FieldName = Literal["民生化工", "生醫", "機電材料", "土木能環"]
FIELD_NAMES: dict[str, tuple[str, str]] = {  # id → (zh, en); the id is the Chinese name
    "民生化工": ("民生化工", "Consumer products and chemicals"),
    "生醫": ("生醫", "Biomedicine"),
    "機電材料": ("機電材料", "Mechanical, electrical and materials"),
    "土木能環": ("土木能環", "Civil, energy and environment"),
}

ServiceType = Literal["consulting", "testing", "visits", "training", "matching"]
SERVICE_TYPE_NAMES: dict[str, tuple[str, str]] = {
    "consulting": ("諮詢", "Consulting"),
    "testing": ("檢測與量測", "Testing and measurement"),
    "visits": ("訪廠輔導", "On-site visits"),
    "training": ("教育訓練", "Training"),
    "matching": ("媒合", "Matching"),
}


def _one_of(names: dict[str, tuple[str, str]], what_en: str, what_zh: str,
            used_en: str, used_zh: str) -> BeforeValidator:
    listing_en = ", ".join(key if key.isascii() else f"{key} ({en})"
                           for key, (_, en) in names.items())
    listing_zh = "、".join(names)

    def check(value: Any) -> Any:
        if not isinstance(value, str) or value.strip() not in names:
            raise alliance_error(
                f"'{value}' is not {what_en}", f"「{value}」不是{what_zh}",
                f"write one of: {listing_en} — {used_en}",
                f"請填其中之一：{listing_zh} — {used_zh}")
        return value.strip()

    return BeforeValidator(check)


Field_ = Annotated[FieldName, _one_of(
    FIELD_NAMES, "one of the programme's four review groups", "計畫的四個審查學門之一",
    "the portal lists and filters alliances by it", "入口網站依此分類與篩選聯盟")]
Service_ = Annotated[ServiceType, _one_of(
    SERVICE_TYPE_NAMES, "a service type", "服務類型",
    "the portal filters alliances by it", "入口網站依此篩選聯盟")]
