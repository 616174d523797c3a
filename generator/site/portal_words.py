"""Every fixed word of the portal, in both languages, and the filters' choices.

The portal is one page per language (``index.html`` in Chinese, ``index.en.html`` in
English); alliance pages have their own words in :mod:`generator.site.labels`.
"""

from __future__ import annotations

from ..model.fields import FIELD_NAMES, SERVICE_TYPE_NAMES
from ..model.regions import REGION_NAMES
from .labels import SiteLang

PAGE = {"zh": "index.html", "en": "index.en.html"}

WORDS: dict[str, tuple[str, str]] = {
    "title": ("產學小聯盟入口網", "Industry–Academia Alliances"),
    "lead": ("找到能解決問題的實驗室：依領域、地區、服務與會費篩選，或搜尋所有聯盟的技術能量、"
             "服務、設備、成果與消息。",
             "Find the laboratory that solves your problem: filter by field, region, service "
             "and fee, or search every alliance's capabilities, services, equipment, results "
             "and news."),
    "skip": ("跳到主要內容", "Skip to main content"),
    "other_lang": ("English", "中文"),
    "search": ("搜尋所有聯盟", "Search all alliances"),
    "search_label": ("關鍵字（中文或英文）", "Keywords"),
    "search_button": ("搜尋", "Search"),
    "search_hint": ("例如：刀具磨耗、農藥殘留、訪廠", "For example: tool wear, pesticide "
                    "residues, on-site visit"),
    "directory": ("聯盟名錄", "Directory of alliances"),
    "filters": ("篩選聯盟", "Filter the alliances"),
    "all": ("全部", "All"),
    "field": ("領域", "Field"),
    "region": ("執行單位地區", "Region of the institution"),
    "region_short": ("地區", "Region"),
    "service": ("服務類型", "Service"),
    "fee": ("年費", "Yearly fee"),
    "shown": ("共 {total} 個聯盟", "{total} alliances"),
    "shown_some": ("顯示 {shown}／{total} 個聯盟", "{shown} of {total} alliances shown"),
    "shown_none": ("沒有符合所有條件的聯盟，請放寬篩選。",
                   "No alliance meets every filter; choose fewer."),
    "institution": ("執行單位", "Institution"),
    "members": ("會員數", "Members"),
    "members_value": ("{count} 家（{year} 年度）", "{count} ({year})"),
    "fee_range": ("年費", "Yearly fee"),
    "free": ("免費", "Free"),
    "latest_news": ("最新消息", "Latest news"),
    "latest_report": ("最新公開報告", "Latest public report"),
    "report_year": ("{year} 年度", "{year}"),
    "visit": ("前往網站", "Visit the site"),
    "visit_other": ("English site", "中文網站"),
    "none": ("—", "—"),
    "not_given": ("未填", "not given"),
    "events": ("近期活動", "Upcoming events"),
    "no_events": ("目前沒有已公布的近期活動。", "No upcoming events have been announced."),
    "calendar": ("訂閱行事曆（.ics）", "Subscribe to the calendar (.ics)"),
    "feed": ("訂閱所有聯盟消息（Atom）", "Subscribe to all alliances' news (Atom)"),
    "footer": ("國科會產學小聯盟計畫 · 各聯盟資料由其執行單位提供",
               "The NSTC Industry–Academia Small Alliance programme · each alliance's data "
               "comes from its institution"),
    "no_results": ("找不到符合「{q}」的頁面。", "No page matches “{q}”."),
    "results": ("找到 {n} 個頁面", "{n} pages found"),
    "searching": ("搜尋中…", "Searching…"),
    "search_failed": ("無法載入搜尋索引。", "The search index could not be loaded."),
    "portal_kind": ("聯盟名錄", "Directory"),
    "portal_alliance": ("入口網", "Portal"),
}

# Fee filter: yearly fee in thousands of NTD, (low, high] except the free tier (exactly 0).
FEE_BANDS: dict[str, tuple[float, float, str, str]] = {
    "free": (0, 0, "提供免費方案", "A free tier"),
    "upto20": (0, 20, "NT$2 萬元以下", "Up to NT$20,000"),
    "to50": (20, 50, "NT$2 萬至 5 萬元", "NT$20,001–50,000"),
    "over50": (50, float("inf"), "NT$5 萬元以上", "Over NT$50,000"),
}


def pick(value: dict[str, str | None] | None, lang: SiteLang) -> str:
    """A card's text (``{zh, en}`` as stored in the build state) in ``lang``, else Chinese."""
    if not value:
        return ""
    return (value.get("en") if lang == "en" else None) or value.get("zh") or ""


def word(key: str, lang: SiteLang, **values: object) -> str:
    zh, en = WORDS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def fee_bands(fees: list[float]) -> list[str]:
    """The fee bands in which the alliance has at least one tier."""
    bands = []
    for band, (low, high, _, _) in FEE_BANDS.items():
        if band == "free":
            if any(f == 0 for f in fees):
                bands.append(band)
        elif any(low < f <= high for f in fees):
            bands.append(band)
    return bands


def choices(lang: SiteLang) -> dict[str, list[tuple[str, str]]]:
    """Each filter's values and their names in ``lang`` (value, shown)."""
    pick = 0 if lang == "zh" else 1
    return {
        "field": [(k, v[pick]) for k, v in FIELD_NAMES.items()],
        "region": [(k, v[pick]) for k, v in REGION_NAMES.items()],
        "service": [(k, v[pick]) for k, v in SERVICE_TYPE_NAMES.items()],
        "fee": [(k, v[2 + pick]) for k, v in FEE_BANDS.items()],
    }
