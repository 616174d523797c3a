"""The verdict on one site: pass, fail or unreachable, with the reasons in words.

Decides only, from evidence only (the home page's reachability, the link report, freshness,
expected content): it reads no crawl, formats no HTML and writes nothing (reports present,
history stores). Each reason and warning is a :class:`~generator.i18n.Msg` (English and
Chinese): the report's ``--lang`` picks one, the decision does not depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import Msg
from site_checks.evidence.content import label
from site_checks.evidence.freshness import Freshness
from site_checks.evidence.home import FAILED, NO_HTML, OK_HOME, ROBOTS, Reachability
from site_checks.evidence.links import LinkReport

PASS, FAIL, UNREACHABLE = "pass", "fail", "unreachable"
#: Worst first, for sorting summaries.
SEVERITY = {UNREACHABLE: 0, FAIL: 1, PASS: 2}


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reasons: list[Msg]
    warnings: list[Msg]


def decide(
    home: Reachability,
    links: LinkReport | None,
    freshness: Freshness | None,
    missing_content: list[str],
    max_age_days: int,
) -> Verdict:
    """Apply the rules of R6 (links work, content updated) to the evidence of one site."""
    if home.state == FAILED:
        return Verdict(UNREACHABLE, [_failure(home.detail)], [])
    if home.state == ROBOTS:
        return Verdict(FAIL, [Msg(
            "robots.txt forbids the check (Disallow covers the home page): the site cannot be "
            "checked; allow the spot check or remove `Disallow: /`",
            "robots.txt 禁止檢查（Disallow 涵蓋首頁）：網站無法受檢；請允許抽查或移除 "
            "`Disallow: /`")], [])
    if home.state == NO_HTML:
        return Verdict(FAIL, [Msg("the home page has no HTML content to check",
                                  "首頁沒有可檢查的 HTML 內容")], [])
    if home.state != OK_HOME or links is None or freshness is None:
        return Verdict(UNREACHABLE, [Msg(
            f"home page could not be fetched ({home.detail})",
            f"無法取得首頁（{home.detail}）")], [])
    reasons: list[Msg] = []
    warnings: list[Msg] = []
    if links.broken:
        pages = len({b["parent"] for b in links.broken})
        reasons.append(Msg(f"{len(links.broken)} broken link(s) on {pages} page(s)",
                           f"{pages} 個頁面共有 {len(links.broken)} 個失效連結"))
    if links.blocked:
        reasons.append(Msg(
            f"{len(links.blocked)} link(s) lead to a private or internal address (blocked)",
            f"{len(links.blocked)} 個連結指向私有或內部位址（已阻擋）"))
    if not freshness.fresh:
        newest = freshness.last_update
        change = freshness.last_change
        reasons.append(Msg(
            f"content not updated within {max_age_days} days (newest content date: "
            f"{newest or 'none found'}; last observed change: {change or 'none recorded'})",
            f"內容未在 {max_age_days} 天內更新（最新內容日期：{newest or '查無'}；"
            f"上次觀察到變動：{change or '無紀錄'}）"))
    if freshness.dates_moved_content_static:
        warnings.append(Msg(
            "dates on the site moved but its text did not change since the last check",
            "網站上的日期有更動，但自上次抽查以來內文沒有改變"))
    if links.unverified:
        warnings.append(Msg(
            f"{len(links.unverified)} link(s) could not be verified (rate limit, bot wall or "
            "timeout)", f"{len(links.unverified)} 個連結無法確認（限流、防火牆或逾時）"))
    if links.robots_denied:
        warnings.append(Msg(
            f"{links.robots_denied} link(s) not checked: robots.txt disallows them",
            f"{links.robots_denied} 個連結未檢查：robots.txt 不允許"))
    for reason, count in sorted(links.not_checked.items()):
        warnings.append(Msg(f"{count} URL(s) not crawled: {reason}",
                            f"{count} 個網址未檢查：{reason}"))
    if missing_content:
        warnings.append(Msg(
            "missing expected content: " + ", ".join(missing_content),
            "缺少應有內容：" + "、".join(label(k)[0] for k in missing_content)))
    return Verdict(FAIL if reasons else PASS, reasons, warnings)


def _failure(detail: str) -> Msg:
    """Why the check of a site could not run, in both languages."""
    if "wall-clock cap" in detail:
        return Msg(detail, "檢查未在時限內完成（每站時間上限），伺服器可能沒有回應："
                   + detail)
    return Msg(detail, "檢查無法完成：" + detail)
