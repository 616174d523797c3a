"""Counties to the National Development Council's four regions (國發會四區).

The ministry counts members north / central / south / east. 台 and 臺 are the same
character for this purpose, and members still write pre-2010 county names on contracts.
金門縣 and 連江縣 belong to none of the four, so the alliance must say where they count.
"""

from __future__ import annotations

from typing import Literal

Region = Literal["north", "central", "south", "east"]
REGIONS: tuple[Region, ...] = ("north", "central", "south", "east")
REGION_NAMES = {
    "north": ("北部", "North"),
    "central": ("中部", "Central"),
    "south": ("南部", "South"),
    "east": ("東部", "East"),
}

DEFAULT_REGIONS: dict[str, Region] = {
    **dict.fromkeys(
        ["臺北市", "新北市", "基隆市", "桃園市", "新竹市", "新竹縣", "宜蘭縣"], "north"),
    **dict.fromkeys(["苗栗縣", "臺中市", "彰化縣", "南投縣", "雲林縣"], "central"),
    **dict.fromkeys(
        ["嘉義市", "嘉義縣", "臺南市", "高雄市", "屏東縣", "澎湖縣"], "south"),
    **dict.fromkeys(["花蓮縣", "臺東縣"], "east"),
}

# Counties merged or upgraded in 2010 (and 桃園 in 2014): contracts still carry the old names.
FORMER_NAMES = {
    "臺北縣": "新北市",
    "臺中縣": "臺中市",
    "臺南縣": "臺南市",
    "高雄縣": "高雄市",
    "桃園縣": "桃園市",
}

OUTLYING = ("金門縣", "連江縣")


def canonical_county(city: str) -> str:
    """The county as the NDC scheme names it: 臺 for 台, today's name for a former one."""
    name = city.strip().replace("台", "臺")
    return FORMER_NAMES.get(name, name)


def region_of(city: str, overrides: dict[str, Region]) -> Region | None:
    """The region a member counts in, or None when nobody has said (金門, 連江, typos)."""
    county = canonical_county(city)
    for key, region in overrides.items():
        if canonical_county(key) == county:
            return region
    return DEFAULT_REGIONS.get(county)


def known_counties() -> list[str]:
    return [*DEFAULT_REGIONS, *OUTLYING]
