"""The KPI sheet's keys in the ministry's order, with the labels the platform uses.

Targets in alliance.yml, the JSON/CSV sheet, the report and the site all speak these keys;
keeping them in one table keeps the ten items in the same order everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SheetKey:
    key: str
    item: int  # the ministry's KPI item, 1..10
    zh: str
    en: str
    unit_zh: str
    unit_en: str
    form: str = ""  # the eTop form's own sub-item label, where it differs from ``zh``

    @property
    def form_label(self) -> str:
        return self.form or self.zh


_KEYS = [
    SheetKey("members_total", 2, "總會員數", "Members, total", "家", "companies"),
    SheetKey("members_paying", 2, "收費會員", "Paying members", "家", "companies"),
    SheetKey("members_free", 2, "免費會員", "Free members", "家", "companies"),
    SheetKey("members_north", 2, "北部", "North", "家", "companies"),
    SheetKey("members_central", 2, "中部", "Central", "家", "companies"),
    SheetKey("members_south", 2, "南部", "South", "家", "companies"),
    SheetKey("members_east", 2, "東部", "East", "家", "companies"),
    SheetKey("income_membership", 3, "會員費收入", "Membership fees", "仟元", "k NTD"),
    SheetKey("income_technical_service", 3, "技術服務收入", "Technical-service income",
             "仟元", "k NTD"),
    SheetKey("income_other", 3, "其它項目收入", "Other income", "仟元", "k NTD"),
    SheetKey("income_total", 3, "總收入", "Total income", "仟元", "k NTD"),
    SheetKey("website_established", 4, "設立聯盟宣傳網站", "Website set up", "年月",
             "YYYYMM"),
    SheetKey("promotion_events", 4, "聯盟推廣活動", "Promotion events", "場", "events"),
    SheetKey("seminars", 5, "舉辦技術研討會", "Seminars", "場", "events",
             "舉辦技術研討會(場)"),
    SheetKey("seminar_participants", 5, "技術研討會參與", "Seminar participants", "人",
             "persons", "技術研討會參與(人)"),
    SheetKey("consulting", 5, "專業諮詢服務", "Consulting", "次", "times",
             "專業諮詢服務(次)"),
    SheetKey("consulting_persons", 5, "專業諮詢服務人數", "Persons consulted", "人",
             "persons", "專業諮詢服務(人)"),
    SheetKey("visits", 5, "訪廠現地指導", "On-site visits", "次", "times",
             "訪廠現地指導(次)"),
    SheetKey("visit_persons", 5, "訪廠現地指導人數", "Persons at visits", "人", "persons",
             "訪廠現地指導(人)"),
    SheetKey("products", 6, "新產品", "New products", "件", "items"),
    SheetKey("technologies", 6, "新技術", "New technologies", "件", "items"),
    SheetKey("patents", 6, "專利", "Patents", "件", "items"),
    SheetKey("technical_services", 7, "技術服務", "Technical services", "件", "items"),
    SheetKey("transfers", 7, "技術轉移", "Technology transfers", "案", "cases"),
    SheetKey("transfer_amount", 7, "技術轉移收入", "Transfer amount", "仟元", "k NTD"),
    SheetKey("projects", 7, "產學合作計畫已簽訂合約", "Signed industry–academia projects",
             "件", "projects"),
    SheetKey("project_amount", 7, "產學合作計畫經費", "Project funding", "仟元", "k NTD"),
    SheetKey("new_hires", 8, "聯盟會員新聘人員", "New hires at members", "人", "persons"),
    SheetKey("output_value", 8, "聯盟會員衍生產值", "Output value at members", "仟元",
             "k NTD"),
    SheetKey("staff_undergraduate", 10, "大學生", "Undergraduates", "人", "persons", "大學"),
    SheetKey("staff_master", 10, "碩士生", "Master's students", "人", "persons", "碩士"),
    SheetKey("staff_phd", 10, "博士生", "PhD students", "人", "persons", "博士"),
    SheetKey("staff_postdoc", 10, "博士後", "Postdocs", "人", "persons", "博後"),
    SheetKey("staff_assistant", 10, "專任助理", "Full-time assistants", "人", "persons"),
]

SHEET_KEYS: dict[str, SheetKey] = {k.key: k for k in _KEYS}
KPI_ORDER: tuple[str, ...] = tuple(SHEET_KEYS)

# The eTop form's item names (1.簡述計畫亮點 … 10.計畫核定研究生人數), then English.
ITEM_TITLES = {
    1: ("簡述計畫亮點", "Highlights"),
    2: ("聯盟會員數", "Members"),
    3: ("聯盟經常性營運收入", "Recurring operating income"),
    4: ("聯盟推廣活動", "Promotion"),
    5: ("對聯盟會員之服務或輔導規劃", "Services to members"),
    6: ("輔導聯盟會員開發新產品或新技術", "New products and technologies for members"),
    7: ("衍生之技術服務或產學合作計畫", "Derived technical services and projects"),
    8: ("協助聯盟會員衍生成果", "Member outcomes"),
    9: ("其它重要成果", "Other important results"),
    10: ("計畫核定研究生人數", "Approved students and staff"),
}
