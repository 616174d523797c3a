"""Every fixed word the site prints, in both languages (the data supplies the rest)."""

from __future__ import annotations

from typing import Literal

SiteLang = Literal["zh", "en"]

# Output folder and <html lang> of each language build.
FOLDER = {"zh": "zh-TW", "en": "en"}
HTML_LANG = {"zh": "zh-TW", "en": "en"}
LANG_NAME = {"zh": "中文", "en": "English"}

_LABELS: dict[str, tuple[str, str]] = {
    "home": ("首頁", "Home"),
    "about": ("聯盟簡介", "About"),
    "capabilities": ("技術能量", "Capabilities"),
    "services": ("服務項目", "Services"),
    "members": ("聯盟會員", "Members"),
    "join": ("入會方式", "How to join"),
    "news_section": ("最新消息與活動", "News and events"),
    "news": ("最新消息", "News"),
    "activities": ("活動紀錄", "Events"),
    "outcomes": ("成果", "Results"),
    "reports": ("年度報告", "Annual reports"),
    "contact": ("聯絡我們", "Contact"),
    "more_pages": ("更多資訊", "More"),
    "updated": ("最後更新", "Last updated"),
    "colon": ("：", ": "),  # after a label, in the language's own punctuation
    "label_gap": ("　", " "),  # between a bold label and its text
    "mission": ("聯盟宗旨", "Mission"),
    "team": ("研究團隊", "Team"),
    "institution": ("執行單位", "Institution"),
    "funded_by": ("本聯盟由{ministry}產學小聯盟計畫補助",
                  "Funded by the {ministry}'s Industry–Academia Small Alliance programme"),
    "role_pi": ("計畫主持人", "Principal investigator"),
    "role_co_pi": ("共同主持人", "Co-principal investigator"),
    "role_member": ("研究團隊", "Team member"),
    "role_assistant": ("專任助理", "Assistant"),
    "role_student": ("研究生", "Student"),
    "key_members": ("會員廠商", "Member companies"),
    "key_events": ("研討會與活動", "Seminars and events"),
    "key_patents": ("專利", "Patents"),
    "key_transfers": ("技術移轉", "Technology transfers"),
    "key_projects": ("產學合作計畫", "Joint projects"),
    "latest_news": ("最新消息", "Latest news"),
    "all_news": ("所有消息", "All news"),
    "join_cta_title": ("歡迎企業加入聯盟", "Join the alliance"),
    "join_cta_text": ("以年費取得技術諮詢、訪廠診斷、研討會名額與技術服務優惠。",
                      "A yearly fee brings technical advice, on-site visits, seminar seats "
                      "and discounts on technical services."),
    "join_cta_button": ("了解入會方式", "How to join"),
    "contact_button": ("聯絡我們", "Contact us"),
    "public_members": ("公開會員", "Members listed"),
    "counted_members": ("{year} 年度計入會員數", "Members counted in {year}"),
    "counted_note": ("依國科會產學小聯盟規定計算（合約跨當年 10 月 31 日之公司會員）；"
                     "部分會員未同意公開名稱，故未列於下方。",
                     "Counted by the programme's rules (company members whose contract spans "
                     "Oct 31 of the year); some members have not agreed to be named and are not "
                     "listed below."),
    "by_region": ("會員地區分布", "Members by region"),
    "region_chart_alt": ("{year} 年度計入會員地區分布：{parts}",
                         "Members counted in {year} by region: {parts}"),
    "member_list": ("會員名錄", "Member directory"),
    "website": ("網站", "Website"),
    "tier": ("會員等級", "Tier"),
    "tiers": ("會員等級與年費", "Tiers and yearly fees"),
    "fee": ("年費", "Yearly fee"),
    "free": ("免費", "Free"),
    "per_year": ("／年", " a year"),
    "visits_quota": ("每年訪廠診斷 {n} 次", "{n} on-site visits a year"),
    "no_visits": ("不含訪廠診斷", "No on-site visits included"),
    "benefits": ("會員權益", "Benefits"),
    "how_to_join": ("如何加入", "How to join"),
    "application_form": ("下載入會申請書", "Download the application form"),
    "events_by_year": ("{year} 年", "{year}"),
    "participants": ("{n} 人參與", "{n} participants"),
    "kind_promotion": ("推廣活動", "Promotion"),
    "kind_seminar": ("研討會／教育訓練", "Seminar / training"),
    "kind_consulting": ("專業諮詢", "Consulting"),
    "kind_visit": ("訪廠指導", "On-site visit"),
    "no_activities": ("目前沒有公開的活動紀錄。", "No public events yet."),
    "highlights": ("計畫亮點", "Highlights"),
    "products": ("新產品", "New products"),
    "technologies": ("新技術", "New technologies"),
    "patents": ("專利", "Patents"),
    "transfers": ("技術移轉", "Technology transfers"),
    "projects": ("產學合作計畫", "Industry–academia projects"),
    "other_results": ("其它重要成果", "Other results"),
    "gallery": ("成果照片", "Photo gallery"),
    "partner": ("合作會員", "Member"),
    "status_filed": ("申請中（已有申請號）", "filed"),
    "status_granted": ("已獲證", "granted"),
    "number": ("號碼", "No."),
    "funder": ("補助單位", "Funder"),
    "period": ("執行期間", "Period"),
    "date": ("日期", "Date"),
    "title": ("名稱", "Title"),
    "country": ("國別", "Country"),
    "status": ("狀態", "Status"),
    "none_yet": ("尚無資料。", "None yet."),
    "reports_intro": ("以下為各執行年度（當年 2 月 1 日至次年 1 月 31 日）的公開成果摘要。",
                      "Public summaries of each performance year (Feb 1 to Jan 31 of the "
                      "next year)."),
    "report_year": ("{year} 年度（民國 {roc} 年度）", "Performance year {year}"),
    "in_progress": ("（執行中，統計至今）", " (in progress, figures so far)"),
    "report_html": ("網頁版", "Web version"),
    "report_pdf": ("PDF 下載", "Download PDF"),
    "report_no_pdf": ("PDF 版尚未提供。", "The PDF version is not available yet."),
    "report_figures": ("主要績效", "Key figures"),
    "item": ("項目", "Item"),
    "value": ("實績", "Actual"),
    "target": ("目標", "Target"),
    "address": ("地址", "Address"),
    "phone": ("電話", "Phone"),
    "email": ("電子郵件", "E-mail"),
    "office": ("聯盟辦公室", "Alliance office"),
    "hours": ("辦公時間", "Office hours"),
    "upcoming": ("近期活動", "Upcoming events"),
    "event_when": ("時間", "When"),
    "event_where": ("地點", "Where"),
    "event_register": ("報名", "Register"),
    "event_calendar": ("行事曆", "Calendar"),
    "event_ics": ("加入行事曆（.ics）", "Add to your calendar (.ics)"),
    "map": ("在 OpenStreetMap 地圖上查看", "View on OpenStreetMap"),
    "pi_contact": ("計畫主持人", "Principal investigator"),
    "english_missing": ("", "This text is available in Chinese only."),
    "post_chinese_only": ("", "This post is available in Chinese only."),
    "feed": ("訂閱消息（Atom）", "Subscribe (Atom feed)"),
    "posts_archive": ("歷年消息", "Archive"),
    "read_more": ("閱讀全文", "Read more"),
    "language": ("語言", "Language"),
    # Taiwan's accessibility conventions (無障礙網頁規範): skip link and the 導盲磚 (:::).
    "skip": ("跳到主要內容區塊", "Skip to main content"),
    "tile_u": ("上方功能區塊（Alt+U）", "Top area: site name, search and menu (Alt+U)"),
    "tile_c": ("中央內容區塊（Alt+C）", "Main content (Alt+C)"),
    "tile_z": ("下方功能區塊（Alt+Z）", "Bottom area: credits and site links (Alt+Z)"),
    "sitemap": ("網站導覽", "Site map"),
    "accessibility": ("無障礙聲明", "Accessibility statement"),
    "not_found": ("找不到這個頁面", "Page not found"),
    "not_found_text": ("您要找的頁面不存在或已移動。可以用搜尋找找看，或從以下頁面繼續瀏覽。",
                       "The page you asked for does not exist or has moved. Try the search, "
                       "or carry on from one of these pages."),
    "search_site": ("搜尋本站", "Search this site"),
}

# English forms for exactly one ({n} == 1); Chinese has no plural (and _LABELS' English is
# the plural), so "1 on-site visit", never "1 on-site visit(s)".
_SINGULAR_EN: dict[str, str] = {
    "visits_quota": "{n} on-site visit a year",
    "participants": "{n} participant",
}

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "announcements": ("公告", "Announcements"),
    "events": ("活動", "Events"),
    "seminars": ("研討會", "Seminars"),
    "training": ("教育訓練", "Training"),
    "members": ("會員動態", "Members"),
    "results": ("成果", "Results"),
    "media": ("媒體報導", "In the media"),
    "recruitment": ("招募", "Recruitment"),
}


def label(key: str, lang: SiteLang, **values: object) -> str:
    zh, en = _LABELS[key]
    text = zh if lang == "zh" else en
    if lang == "en" and values.get("n") == 1 and key in _SINGULAR_EN:
        text = _SINGULAR_EN[key]
    return text.format(**values) if values else text


def category_label(category_id: str, lang: SiteLang) -> str:
    pair = CATEGORY_LABELS.get(category_id)
    if pair is None:
        return category_id
    return pair[0] if lang == "zh" else pair[1]
