"""The spreadsheet columns of each table: which YAML key, which headers, which kind of value.

This catalogue is the one place that says how a workbook maps onto the alliance files: the
importer reads headers with it, the exporter writes headers from it, the 說明 sheet and the
README's list are printed from it. Headers are matched after normalising (full-width to
half-width, case, spaces); a unit in brackets — （元）, （仟元）, （民國） — is read apart, so
``金額（元）`` is the ``amount`` column in NTD and ``合約起日（民國）`` takes ROC dates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

KeyPath = tuple[str, ...]

# Value kinds: text (a string), id, date, money (thousands of NTD), count, bool, list (of
# strings, one per line in a cell), choice (one of ``choices``, Chinese labels accepted).
Kind = Literal["text", "id", "date", "money", "count", "bool", "list", "choice"]


@dataclass(frozen=True)
class Column:
    path: KeyPath                     # the key in the record: ("name", "zh")
    headers: tuple[str, ...]        # Chinese first (what the exporter writes), English, others
    kind: Kind = "text"
    required: bool = False
    choices: dict[str, str] = field(default_factory=dict)  # label → value (Chinese labels)

    @property
    def key(self) -> str:
        """The ``--map`` name: the YAML path joined by dots (``name.zh``)."""
        return ".".join(self.path)

    @property
    def header(self) -> str:
        """What the exporter writes: the Chinese header, with its unit for money."""
        return f"{self.headers[0]}（仟元）" if self.kind == "money" else self.headers[0]


@dataclass(frozen=True)
class Table:
    name: str                       # members, contracts, activities, income, patents, …
    file: str                       # the YAML file it lives in
    within: KeyPath                   # the list's key in the file; () for a top-level list
    sheet: str                      # the sheet's Chinese name (the exporter's)
    match: KeyPath                    # the keys a row is merged by: ("id",), ("member", "start")
    columns: tuple[Column, ...]
    # Without an id column, an existing record may be found by this column (a company's
    # name): offices' member lists rarely have our ids.
    by_name: str | None = None

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def _text(path: str, *headers: str, required: bool = False) -> tuple[Column, Column]:
    """A bilingual text: a Chinese column and an English one."""
    zh_headers = headers
    en_headers = tuple(f"{h}（英文）" for h in headers[:1]) + tuple(
        f"{h} (en)" for h in headers[1:2]) + (f"{path}.en",)
    return (Column((path, "zh"), (*zh_headers, f"{path}.zh"), required=required),
            Column((path, "en"), en_headers))


_ID = Column(("id",), ("代碼", "id", "編號", "ID"), "id", required=True)
_DATE = Column(("date",), ("日期", "date"), "date", required=True)
_MEMBER = Column(("member",), ("會員代碼", "member", "會員", "廠商代碼"), "text", required=True)
_EVIDENCE_ONE = Column(("evidence",), ("佐證檔", "evidence", "佐證"), "text")
_EVIDENCE_LIST = Column(("evidence",), ("佐證檔", "evidence", "佐證"), "list")
_PUBLIC = Column(("public",), ("公開", "public", "是否公開"), "bool")

MEMBER_KINDS = {"公司": "company", "法人": "legal_entity", "個人": "individual"}
ACTIVITY_KINDS = {"推廣": "promotion", "推廣活動": "promotion", "研討會": "seminar",
                  "諮詢": "consulting", "專業諮詢": "consulting", "訪廠": "visit",
                  "訪廠指導": "visit"}
INCOME_KINDS = {"會員費": "membership", "會費": "membership", "技術服務": "technical_service",
                "其它": "other", "其他": "other"}
PATENT_STATUS = {"申請": "filed", "已申請": "filed", "獲證": "granted", "已獲證": "granted"}
PROJECT_STATUS = {"已簽約": "signed", "簽約": "signed", "申請中": "pending", "未簽約": "pending"}

MEMBERS = Table("members", "members.yml", (), "會員", ("id",), (
    _ID,
    *_text("name", "公司名稱", "name", "廠商名稱", "會員名稱", required=True),
    Column(("kind",), ("會員類別", "kind", "類別"), "choice", choices=MEMBER_KINDS),
    Column(("city",), ("縣市", "city", "所在縣市"), required=True),
    Column(("tier",), ("會員等級", "tier", "等級"), required=True),
    Column(("public",), ("同意公開", "public", "公開"), "bool"),
    Column(("website",), ("網站", "website", "公司網站")),
), by_name="name.zh")

CONTRACTS = Table("contracts", "members.yml", ("contracts",), "合約", ("member", "start"), (
    Column(("member",), ("會員代碼", "member", "代碼", "id", "公司名稱", "會員名稱"),
           required=True),  # an id, or the company's name (found in members.yml)
    Column(("start",), ("合約起日", "start", "起日", "開始日"), "date", required=True),
    Column(("end",), ("合約迄日", "end", "迄日", "結束日"), "date", required=True),
    Column(("fee",), ("年費", "fee", "會費"), "money"),
    Column(("representative",), ("負責人", "representative", "代表人")),
    Column(("address",), ("地址", "address", "公司地址")),
    Column(("phone",), ("電話", "phone", "公司電話")),
    Column(("signed", "pi"), ("主持人簽章", "signed.pi"), "bool"),
    Column(("signed", "school_seal"), ("學校用印", "signed.school_seal"), "bool"),
    Column(("signed", "member"), ("會員用印", "signed.member"), "bool"),
    _EVIDENCE_ONE,
))

ACTIVITIES = Table("activities", "activities.yml", (), "活動", ("id",), (
    _ID, _DATE,
    Column(("kind",), ("活動類別", "kind", "類別"), "choice", required=True,
           choices=ACTIVITY_KINDS),
    *_text("title", "活動名稱", "title", "名稱", required=True),
    *_text("venue", "地點", "venue", "場地"),
    Column(("participants",), ("參與人數", "participants", "人數"), "count"),
    Column(("members",), ("服務會員", "members", "會員代碼"), "list"),
    _PUBLIC,
    *_text("summary", "摘要", "summary", "說明"),
    _EVIDENCE_LIST,
))

INCOME = Table("income", "outcomes.yml", ("income",), "收入", ("id",), (
    _ID, _DATE,
    Column(("kind",), ("收入類別", "kind", "類別"), "choice", required=True,
           choices=INCOME_KINDS),
    Column(("amount",), ("金額", "amount"), "money", required=True),
    Column(("payer",), ("付款者", "payer", "付款會員")),
    *_text("note", "備註", "note"),
    _EVIDENCE_ONE,
))


def _output(name: str, sheet: str) -> Table:
    return Table(name, "outcomes.yml", (name,), sheet, ("id",), (
        _ID, _DATE, _MEMBER, *_text("title", "名稱", "title", required=True),
        *_text("summary", "摘要", "summary"), _PUBLIC, _EVIDENCE_LIST,
    ))


PRODUCTS = _output("products", "新產品")
TECHNOLOGIES = _output("technologies", "新技術")
PATENTS = Table("patents", "outcomes.yml", ("patents",), "專利", ("id",), (
    _ID, _DATE, _MEMBER, *_text("title", "專利名稱", "title", "名稱", required=True),
    Column(("status",), ("狀態", "status"), "choice", required=True, choices=PATENT_STATUS),
    Column(("number",), ("專利號", "number", "申請號", "證書號"), required=True),
    Column(("country",), ("國別", "country")),
))
TECHNICAL_SERVICES = Table("technical_services", "outcomes.yml", ("technical_services",),
                           "技術服務", ("id",), (
    _ID, _DATE, _MEMBER, *_text("title", "名稱", "title", required=True),
    Column(("income",), ("收入代碼", "income"), "id", required=True),
))
TRANSFERS = Table("transfers", "outcomes.yml", ("transfers",), "技術移轉", ("id",), (
    _ID, _DATE, _MEMBER, *_text("title", "技術名稱", "title", "名稱", required=True),
    Column(("amount",), ("金額", "amount", "技轉金"), "money", required=True),
    Column(("licensor",), ("授權人", "licensor"), required=True),
    _EVIDENCE_ONE,
))
PROJECTS = Table("projects", "outcomes.yml", ("projects",), "產學合作", ("id",), (
    _ID,
    Column(("signed",), ("簽約日", "signed"), "date"),
    _MEMBER, *_text("title", "計畫名稱", "title", "名稱", required=True),
    *_text("funder", "出資單位", "funder"),
    Column(("amount",), ("金額", "amount", "經費"), "money", required=True),
    Column(("period", "start"), ("執行起日", "period.start"), "date"),
    Column(("period", "end"), ("執行迄日", "period.end"), "date"),
    Column(("signatory",), ("簽約人", "signatory"), required=True),
    Column(("status",), ("狀態", "status"), "choice", choices=PROJECT_STATUS),
    _EVIDENCE_ONE,
))
MEMBER_OUTCOMES = Table("member_outcomes", "outcomes.yml", ("member_outcomes",),
                        "會員衍生成果", ("year", "member"), (
    Column(("year",), ("年度", "year"), "count", required=True),
    _MEMBER,
    Column(("new_hires",), ("新聘人數", "new_hires"), "count"),
    Column(("output_value",), ("衍生產值", "output_value", "產值"), "money"),
    *_text("note", "備註", "note"),
))

OUTCOMES = (PRODUCTS, TECHNOLOGIES, PATENTS, TECHNICAL_SERVICES, TRANSFERS, PROJECTS,
            MEMBER_OUTCOMES)

# What ``alliance import ID WHAT`` accepts: one table, or the outcomes' several sheets.
GROUPS: dict[str, tuple[Table, ...]] = {
    "members": (MEMBERS,), "contracts": (CONTRACTS,), "activities": (ACTIVITIES,),
    "income": (INCOME,), "outcomes": OUTCOMES,
}
ALL_TABLES: tuple[Table, ...] = tuple(t for group in GROUPS.values() for t in group)


@dataclass(frozen=True)
class Header:
    """A header cell, read: its base name and what its unit says."""

    base: str
    yuan: bool      # the amounts are in NTD (元): divide by 1,000 for 仟元
    roc: bool       # the dates are ROC (民國): add 1911 to the year


_UNIT = re.compile(r"[(\[]([^)\]]*)[)\]]")


def normalise(text: str) -> str:
    """Full-width to half-width, lower case, no spaces: how headers are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def _is_unit(inside: str) -> bool:
    return any(word in inside for word in ("元", "民國", "nt", "twd", "roc"))


def read_header(text: str) -> Header:
    """A header's name and unit; brackets that are not a unit (（英文）) stay in the name."""
    plain = normalise(text)
    units = " ".join(u for u in _UNIT.findall(plain) if _is_unit(u))
    base = _UNIT.sub(lambda m: "" if _is_unit(m.group(1)) else m.group(0), plain)
    thousands = any(word in units for word in ("仟元", "千元", "knt", "k nt", "1000"))
    yuan = not thousands and any(word in units for word in ("元", "ntd", "nt$", "twd"))
    roc = "民國" in units or "民國" in base or "roc" in units
    return Header(base.replace("民國", ""), yuan, roc)


def header_names(column: Column) -> set[str]:
    """Every normalised spelling of ``column``'s header, without units."""
    return {read_header(h).base for h in column.headers} | {normalise(column.key)}
