"""The catalogue: every ministry rule that data can show, in one explicit table.

Each row names its rule (R-number of ``ministry-rules.md``), the severity of what it finds,
the sheet item it affects and the one function that decides it. Format checks (references,
tiers, counties, 仟元) have no R-number and are listed apart. Nothing registers itself: a
rule that is not in :data:`RULES` does not run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..i18n import Msg
from ..model import Alliance
from . import activities, identity, income, members, outputs, phase
from .verdict import Verdict

RuleFunction = Callable[[Alliance], Iterable[Verdict]]


@dataclass(frozen=True)
class Rule:
    id: str  # R5 … R19; "" for a format check
    severity: str  # error / exclude / item9 / warning — the strongest effect it can have
    items: tuple[int, ...]  # the KPI items (1–10) it affects
    title: Msg
    function: RuleFunction


RULES: tuple[Rule, ...] = (
    Rule("R5", "error, warning", (), Msg(
        "report each result once, in this phase (unique ids and patent numbers, dates "
        "inside the phase)", "成果只填報一次、只列在本期（id 與專利號不重複、日期在本期內）"),
        phase.reported_once),
    Rule("R6", "error", (4,), Msg(
        "every public image and download exists (the site's links work)",
        "公開圖片與下載檔都存在（網站連結有效）"), identity.public_files_exist),
    Rule("R7", "warning", (4,), Msg(
        "the website's set-up month lies in the project's first year",
        "網站設立年月在計畫第一年"), identity.website_in_first_year),
    Rule("R8", "error", (1,), Msg(
        "highlights are at most 250 characters", "計畫亮點不超過 250 字"),
        identity.highlights_fit),
    Rule("R9", "item 9, warning, error", (2, 9), Msg(
        "only companies are counted as members, by region; legal entities and individuals go "
        "to item 9", "會員以公司計，分北中南東；法人與個人會員改列第 9 項"),
        members.companies_only),
    Rule("R10", "excluded", (2,), Msg(
        "a counted member's contract spans Oct 31, holds both parties' data and is signed",
        "列計會員之契約須跨 10/31、載明雙方資料並完成簽署"), members.member_contracts),
    Rule("R11", "excluded", (3,), Msg(
        "income counts only with a receipt sealed by the accounting office",
        "收入須有主計核章收據始列計"), income.income_has_receipt),
    Rule("R12", "error", (3,), Msg(
        "only money the alliance may freely use is income; other income says its source",
        "僅聯盟可自由運用之款項為收入；其它收入須說明來源"), income.income_freely_usable),
    Rule("R13", "error, warning", (3, 7), Msg(
        "nothing in item 3 is also in item 7", "第 3 項與第 7 項不得重複"),
        income.nothing_in_both_3_and_7),
    Rule("R14", "error, excluded", (4,), Msg(
        "a promotion has a poster or sign-in sheet and is not also a seminar",
        "推廣活動須有海報或簽到表，且不得與研討會重複"), activities.promotion_counted_once),
    Rule("R15", "error, excluded", (5,), Msg(
        "seminars and visits have evidence; item 5 repeats nothing",
        "研討會與訪廠須有佐證；第 5 項不得重複"), activities.services_counted_once),
    Rule("R16", "error, excluded", (6, 8), Msg(
        "outputs are for a member (never 無); real patent numbers; products with a photo",
        "成果須對應會員（不可填無）；專利號須為實際號碼；新產品須有照片或文件"),
        outputs.outputs_for_members),
    Rule("R17", "error", (6,), Msg(
        "the alliance's own results do not count (checked with R16: member 本聯盟/無)",
        "聯盟本身之成果不列計（與 R16 一併檢查：會員不可填本聯盟／無）"),
        outputs.outputs_for_members),
    Rule("R18", "item 9, excluded", (7, 9), Msg(
        "transfers and projects: a member partner, the PI or a co-PI signing, a contract",
        "技轉與產學計畫：合作廠商為會員、由主持人或共同主持人簽約、附合約"),
        outputs.partners_are_members),
    Rule("R19", "excluded", (7,), Msg(
        "projects still under application are not reported", "申請中之計畫不得填報"),
        outputs.no_pending_projects),
)

FORMAT_CHECKS: tuple[Rule, ...] = (
    Rule("", "error", (), Msg("exactly one PI", "恰有一位計畫主持人"), identity.one_pi),
    Rule("", "error", (2,), Msg("known tiers and Taiwanese counties", "會員等級與縣市正確"),
         members.members_are_consistent),
    Rule("", "error", (5,), Msg("activities name existing members", "活動服務之會員存在"),
         activities.activities_name_members),
    Rule("", "warning", (2, 3), Msg(
        "money in thousands of NTD (仟元): fees and income that look like 元",
        "金額以仟元計：疑似以元填寫之會費與收入"), income.amounts_in_thousands),
)


def run(alliance: Alliance) -> list[Verdict]:
    """Every verdict of every rule, in the table's order (R17 shares R16's function)."""
    verdicts: list[Verdict] = []
    done: set[RuleFunction] = set()
    for rule in (*RULES, *FORMAT_CHECKS):
        if rule.function in done:
            continue
        done.add(rule.function)
        verdicts.extend(rule.function(alliance))
    return verdicts
