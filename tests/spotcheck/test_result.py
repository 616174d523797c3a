"""One typed result from the verdict to the history and the reports, in the chosen language;
the verdict decides from evidence alone."""

from __future__ import annotations

import json

import pytest
from spotcheck_support import FixtureServer, html, run_check, write_registry

from site_checks.evidence.freshness import Freshness
from site_checks.evidence.home import FAILED, OK_HOME, ROBOTS, UNREACHABLE, Reachability
from site_checks.evidence.links import LinkReport
from site_checks.result import SiteResult
from site_checks.verdict import FAIL, PASS, decide

LINKS = LinkReport(pages=3, checked=10, broken=[{"url": "u", "parent": "p", "text": "",
                                                 "status": "404", "internal": True}],
                   unverified=[], blocked=[], robots_denied=0, not_checked={})
FRESH = Freshness(fresh=True, last_update="2026-04-28", changed_since_last_check=None,
                  last_change=None, dates_moved_content_static=False)


@pytest.mark.parametrize(("home", "verdict", "words"), [
    (Reachability(FAILED, "the check did not finish within 60 s (wall-clock cap)"),
     "unreachable", "wall-clock"),
    (Reachability(ROBOTS), FAIL, "robots.txt"),
    (Reachability(UNREACHABLE, "timeout"), "unreachable", "timeout"),
])
def test_the_home_page_is_evidence_like_any_other(home, verdict, words):
    decided = decide(home, LINKS, FRESH, [], 90)
    assert decided.verdict == verdict and words in decided.reasons[0].en
    assert decided.reasons[0].zh != decided.reasons[0].en


def test_reasons_exist_in_both_languages():
    decided = decide(Reachability(OK_HOME), LINKS, FRESH, ["contact"], 90)
    assert decided.verdict == FAIL
    assert decided.reasons[0].en == "1 broken link(s) on 1 page(s)"
    assert decided.reasons[0].zh == "1 個頁面共有 1 個失效連結"
    assert "聯絡方式" in decided.warnings[0].zh
    assert decide(Reachability(OK_HOME), LinkReport(1, 1, [], [], [], 0, {}), FRESH, [],
                  90).verdict == PASS


def test_result_survives_the_history_record():
    decided = decide(Reachability(OK_HOME), LINKS, FRESH, [], 90)
    result = SiteResult(id="demo", name="示範", url="http://x/", verdict=decided.verdict,
                        reasons=decided.reasons, warnings=decided.warnings,
                        home=Reachability(OK_HOME), links=LINKS, freshness=FRESH,
                        content={"present": [], "missing": []})
    assert SiteResult.from_record(result.to_record()) == result
    assert result.to_json("zh")["reasons"] == ["1 個頁面共有 1 個失效連結"]


@pytest.mark.slow
def test_lang_zh_gives_chinese_reasons_and_labels(tmp_path):
    srv = FixtureServer()
    try:
        # gone.html, #nowhere and the six pages of html()'s navigation are all missing
        srv.page("/s/", html("首頁", '<p>2024-01-05 會員大會</p><p>最後更新 2026-05-01</p>'
                                   '<a href="gone.html">舊</a><a href="#nowhere">錨</a>'))
        registry = write_registry(tmp_path / "registry.yml", {"s": f"{srv.base}/s/"})
        code, doc = run_check(tmp_path, registry, "--internal-only", "--lang", "zh")
    finally:
        srv.stop()
    assert code == 0
    reasons = doc["sites"][0]["reasons"]
    assert reasons[0] == "1 個頁面共有 8 個失效連結" and "內容未在 90 天內更新" in reasons[1]
    page = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "失效連結（依頁面）" in page and "Broken links, by page" not in page
    assert 'lang="zh-Hant-TW"' in page
    assert "緊鄰更新或時鐘標示" in page and "錨點 #nowhere 不存在" in page
    assert "next to an update" not in page


@pytest.mark.slow
def test_alliance_lang_reaches_the_spotcheck_command(tmp_path):
    from generator.cli import main

    registry = write_registry(tmp_path / "registry.yml", {"gone": "http://127.0.0.1:9/"})
    out = tmp_path / "out"
    assert main(["--lang", "zh", "spotcheck", str(registry), "--date", "2026-05-12",
                 "--db", str(tmp_path / "h.sqlite"), "--out", str(out), "--timeout", "2",
                 "--retries", "0", "--internal-only"]) == 0
    doc = json.loads((out / "spotcheck-2026-05-12.json").read_text(encoding="utf-8"))
    assert doc["sites"][0]["verdict"] == "unreachable"
    assert doc["sites"][0]["reasons"][0].startswith("無法取得首頁")
