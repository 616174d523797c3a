"""``alliance deadlines``: what the ministry's calendar asks for next, and what is missing.

A PI learns about a deadline from an e-mail two weeks before it; what is missing for it
(a receipt, a renewed contract, next year's targets, a news post before the May spot checks)
is learnt the night before. This command puts both side by side for the next filings.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from ..calendar import Window, performance_year_of, quarters, review_day, roc_year
from ..checked import load_checked
from ..diagnostics import render_grouped
from ..i18n import Lang, Msg
from ..kpi import Sheet, compute
from ..model import Alliance
from ..report.private import evidence_checklist
from ..rules.identity import HIGHLIGHT_LIMIT, highlight_length

SHOWN = 4  # the next filings listed: about a year ahead
FRESH_DAYS = 60  # news this recent before the spot checks shows the site is kept up (R6)


@dataclass
class Deadline:
    due: date
    title: Msg
    needs: list[Msg]
    lacks: list[str] = field(default_factory=list)


def parse_day(text: str | None) -> date | None:
    """``--date``; None when it is not a real YYYY-MM-DD day."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def run(folders: list[Path], date_text: str | None, lang: Lang, root: Path) -> int:
    day = parse_day(date_text)
    if day is None:
        print(Msg(f"alliance: --date takes YYYY-MM-DD, not '{date_text}'",
                  f"alliance：--date 須為 YYYY-MM-DD，而不是「{date_text}」")(lang),
              file=sys.stderr)
        return 2
    status = 0
    for index, folder in enumerate(folders):
        alliance, findings = load_checked(folder)
        if alliance is None:
            print(render_grouped(findings, lang, root), file=sys.stderr)
            status = 1
            continue
        if index:
            print()
        print(render(alliance, day, lang, root))
    return status


def render(alliance: Alliance, day: date, lang: Lang, root: Path) -> str:
    """The plan as text: one block per filing, its needs, then what the data lacks."""
    year = performance_year_of(day)
    head = Msg(
        f"{alliance.info.name.get('en')} ({alliance.id}) — on {day}, performance year {year} "
        f"(ROC {roc_year(year)})",
        f"{alliance.info.name.zh}（{alliance.id}）— {day}，{year} 執行年度"
        f"（民國 {roc_year(year)} 年）")(lang)
    lines = [head]
    upcoming = next_deadlines(alliance, day, lang, root)
    if not upcoming:
        years = alliance.info.project.performance_years
        lines.append("  " + Msg(
            f"no filing left in this phase ({years.start}–{years.stop - 1})",
            f"本期（{years.start}–{years.stop - 1}）已無待辦的填報")(lang))
    for item in upcoming:
        days = (item.due - day).days
        when = Msg(f"in {days} days", f"還有 {days} 天")(lang) if days else \
            Msg("today", "今天")(lang)
        lines.append(f"\n  {item.due}  ({when})  {item.title(lang)}")
        for need in item.needs:
            lines.append(f"      · {need(lang)}")
        if item.lacks:
            lines.append("    " + Msg("still missing:", "資料尚缺：")(lang))
            lines.extend(f"      ! {lack}" for lack in item.lacks)
        else:
            lines.append("    " + Msg("nothing missing in the data", "資料齊備")(lang))
    return "\n".join(lines)


def next_deadlines(alliance: Alliance, day: date, lang: Lang, root: Path) -> list[Deadline]:
    """The next :data:`SHOWN` filings (and the spot-check season) on or after ``day``."""
    years = alliance.info.project.performance_years
    found: list[Deadline] = []
    for year in (performance_year_of(day) - 1, performance_year_of(day),
                 performance_year_of(day) + 1):
        if year in years:
            found.extend(_year(alliance, year, day, lang, root))
    return sorted((d for d in found if d.due >= day), key=lambda d: d.due)[:SHOWN]


def _year(alliance: Alliance, year: int, day: date, lang: Lang, root: Path) -> list[Deadline]:
    info = alliance.info
    q1, q2, q3, q4 = quarters(year)
    first = year == info.project.first_year
    sheet = compute(alliance, year)
    april = Deadline(q1.due, Msg(f"Q1 progress {year} (Feb 1 – Apr 30) on the eTop platform",
                                 f"{year} 年第 1 季執行進度（2/1–4/30），於 eTop 平台填報"),
                     [Msg("the platform may stay open until the end of May",
                          "平台有時延長至 5 月底")])
    if first:
        april.needs.insert(0, Msg(f"first year: the project's basic data and the expected "
                                  f"results for {year}",
                                  f"第一年：計畫基本資料與 {year} 年預期成果綜整表"))
        if year not in info.targets:
            april.lacks.append(Msg(f"no targets for {year} (targets.{year} in alliance.yml)",
                                   f"尚無 {year} 年預期成果（alliance.yml 的 targets.{year}）")
                               (lang))
    else:
        april.needs.insert(0, Msg(f"update the basic data and back-fill Q4 of {year - 1} "
                                  f"(Nov {year - 1} – Jan {year})",
                                  f"更新計畫基本資料，並回填 {year - 1} 年第 4 季"
                                  f"（{year - 1}/11–{year}/1）"))
    april.lacks.extend(_evidence(sheet, q1.window, lang, root))
    spot = Deadline(date(year, 5, 1),
                    Msg("the ministry's spot checks of the website begin (May – Oct)",
                        "國科會 5 月起不定期抽檢聯盟網站（5–10 月）"),
                    [Msg("content updated and every link working (R6)",
                         "內容須更新、連結須有效（R6）")],
                    _news(alliance, date(year, 5, 1), lang))
    july = Deadline(q2.due, Msg(f"Q2 progress {year} (May 1 – Jul 31)",
                                f"{year} 年第 2 季執行進度（5/1–7/31）"), [],
                    _evidence(sheet, q2.window, lang, root))
    october = Deadline(
        q3.due,
        Msg(f"Q3 progress, the mid-term report and the expected results for {year + 1}",
            f"第 3 季執行進度、期中報告與 {year + 1} 年預期成果"),
        [Msg("the concise progress report (public): alliance report "
             f"{alliance.id} --year {year} --until 10-31 --format pdf",
             f"精簡進度報告（公開）：alliance report {alliance.id} --year {year} "
             "--until 10-31 --format pdf"),
         Msg("the full progress report (not public, set format)",
             "完整進度報告（不公開，有規定格式）"),
         Msg(f"every counted member's contract spans Oct 31 {year} (R10)",
             f"列入計算的會員契約須跨 {year} 年 10 月 31 日（R10）")],
        _october_lacks(alliance, sheet, lang, root))
    january = Deadline(q4.due, Msg(f"Q4 results {year} (Nov 1 – Jan 31)",
                                   f"{year} 年第 4 季成果（11/1–1/31）"),
                       [Msg("the mid-term review runs Nov–Dec; results are announced in "
                            "January", "期中考核於 11–12 月進行，1 月公布結果")],
                       _evidence(sheet, q4.window, lang, root))
    in_season = date(year, 5, 1) <= day <= review_day(year)
    if in_season:
        spot.due = day
        spot.title = Msg("spot-check season: the site may be checked any day until Oct 31",
                         "抽檢期間：10 月 31 日前網站隨時可能被抽檢")
        spot.lacks = _news(alliance, day, lang)
    return [april, spot, july, october, january]


def _evidence(sheet: Sheet, window: Window, lang: Lang, root: Path) -> list[str]:
    return [f"{m.where}: {m.record}: {m.what}"
            for m in evidence_checklist(sheet, lang, root, window)]


def _news(alliance: Alliance, by: date, lang: Lang) -> list[str]:
    """A site with no news in the 60 days before ``by`` looks abandoned to a checker."""
    since = by - timedelta(days=FRESH_DAYS)
    if any(since <= post.date <= by for post in alliance.news):
        return []
    earlier = [post.date for post in alliance.news if post.date <= by]
    last = max(earlier) if earlier else None
    return [Msg(f"no news between {since} and {by}"
                + (f" (the last is from {last})" if last else "") + ": post one in news/",
                f"{since} 至 {by} 之間沒有最新消息"
                + (f"（最近一則為 {last}）" if last else "") + "：請在 news/ 新增一則")(lang)]


def _october_lacks(alliance: Alliance, sheet: Sheet, lang: Lang, root: Path) -> list[str]:
    """Oct 31: members the sheet leaves out (R10), next year's targets, items 1 and 10."""
    info = alliance.info
    year = sheet.year
    oct31 = review_day(year)
    lacks: list[str] = []
    for decision in sheet.excluded():
        if decision.kind == "members" and decision.rule == "R10" and decision.attach is None:
            fix = f" — {decision.fix(lang)}" if decision.fix else ""
            lacks.append(f"{decision.label(lang)}: {decision.reason(lang)}{fix} (R10)")
    if year + 1 in info.project.performance_years and year + 1 not in info.targets:
        lacks.append(Msg(f"no targets for {year + 1} (targets.{year + 1} in alliance.yml)",
                         f"尚無 {year + 1} 年預期成果（alliance.yml 的 targets.{year + 1}）")
                     (lang))
    highlights = info.highlights.get(year)
    if highlights is None or not highlights.points:
        lacks.append(Msg(f"no highlights for {year} (highlights.{year} in alliance.yml)",
                         f"尚無 {year} 年計畫亮點（alliance.yml 的 highlights.{year}）")(lang))
    elif (length := highlight_length([p.zh for p in highlights.points])) > HIGHLIGHT_LIMIT:
        lacks.append(Msg(f"the highlights of {year} have {length} characters, more than 250 "
                         "(R8)", f"{year} 年計畫亮點共 {length} 字，超過 250 字（R8）")(lang))
    if year not in info.staffing:
        lacks.append(Msg(f"no staffing for {year} (staffing.{year} in alliance.yml)",
                         f"尚無 {year} 年核定研究生人數（alliance.yml 的 staffing.{year}）")
                     (lang))
    lacks.extend(_evidence(sheet, Window(date(year, 2, 1), oct31), lang, root))
    return lacks
