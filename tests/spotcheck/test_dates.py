"""Dates as Taiwanese alliance sites write them, and what must never count as content.

``DATE_FORMS`` is the README's table of date forms, row for row: each form must be read.
"""

from __future__ import annotations

import datetime as dt

import pytest

from site_checks.evidence.dates import find_dates, mask_dates, rewrite_local_dates, scan
from site_checks.evidence.fingerprint import blocks, fingerprint_blocks
from site_checks.evidence.freshness import assess
from site_checks.evidence.page import page_facts
from site_checks.evidence.template import without_boilerplate
from site_checks.evidence.volatile import mask_volatile

CHECK = dt.date(2026, 5, 12)
#: (as written, ISO read, precision) — the README's table.
DATE_FORMS = [
    ("2025-05-03", "2025-05-03", "day"),
    ("2025/5/3", "2025-05-03", "day"),
    ("2025.05.03", "2025-05-03", "day"),
    ("2025年5月3日", "2025-05-03", "day"),
    ("May 3, 2025", "2025-05-03", "day"),
    ("3 May 2025", "2025-05-03", "day"),
    ("114年5月3日", "2025-05-03", "day"),
    ("民國114年5月3日", "2025-05-03", "day"),
    ("114/05/03", "2025-05-03", "day"),
    ("114.05.03", "2025-05-03", "day"),
    ("114-05-03", "2025-05-03", "day"),
    ("一一四年五月三日", "2025-05-03", "day"),
    ("民國一百十四年五月三日", "2025-05-03", "day"),
    ("一百一十四年五月三日", "2025-05-03", "day"),
    ("二〇二五年五月三日", "2025-05-03", "day"),
    ("１１４年５月３日", "2025-05-03", "day"),
    ("２０２５／０５／０３", "2025-05-03", "day"),
    ("114年5月3日（星期六）", "2025-05-03", "day"),
    ("114/05/03(六)", "2025-05-03", "day"),
    ("2025-05-03 (Sat)", "2025-05-03", "day"),
    ("114年5月", "2025-05-01", "month"),
    ("民國114年5月", "2025-05-01", "month"),
    ("2025年5月", "2025-05-01", "month"),
    ("一一四年五月", "2025-05-01", "month"),
    ("May 2025", "2025-05-01", "month"),
]


@pytest.mark.parametrize(("written", "iso", "precision"), DATE_FORMS)
def test_every_date_form_of_the_readme_table_is_read(written, iso, precision):
    (found,) = scan(rewrite_local_dates(f"公告：{written} 本聯盟"))
    assert (found.date.isoformat(), found.precision) == (iso, precision)


@pytest.mark.parametrize("text", ["版本 1.2.3", "IP 192.168.1.1", "電話 02-2737-7000",
                                  "共 114 家", "99年5月3日", "一年一度", "十年樹木"])
def test_numbers_that_are_not_dates_are_left_alone(text):
    assert find_dates(rewrite_local_dates(text)) == []


def test_masking_makes_date_only_edits_invisible():
    assert mask_dates("更新於 114年5月3日 © 2025") == mask_dates("更新於 2026-06-01 © 2026")


@pytest.mark.parametrize(("before", "after"), [
    ("更新時間 10:12:33", "更新時間 11:02:03"),
    ("下午3點20分", "上午9點05分"),
    ("115年11月30日（星期一）", "115年12月1日（星期二）"),
    ("Monday, 30 Nov 2026", "Tuesday, 1 Dec 2026"),
    ("瀏覽人次：102345", "瀏覽人次：102399"),
    ("累計 1,234 人次", "累計 1,240 人次"),
    ("Visitors: 1,234", "Visitors: 1,240"),
    ("民國115年11月 電子報", "民國115年12月 電子報"),
    ("115年度成果", "116年度成果"),
    ("今天是 2026年11月30日 星期一", "今天是 2026年12月1日 星期二"),
    ("app.3f9a2c1b.js", "app.9c8b7a6d.js"),
    ("style.css?v=1701234567", "style.css?v=1701299999"),
])
def test_volatile_text_is_masked(before, after):
    assert mask_volatile(before) == mask_volatile(after)


@pytest.mark.parametrize(("before", "after"), [
    ("本聯盟共有42家會員", "本聯盟共有43家會員"),
    ("舉辦智慧製造研討會", "舉辦智慧醫療研討會"),
])
def test_real_edits_are_not_masked(before, after):
    assert mask_volatile(before) != mask_volatile(after)


def _facts(body: str, url: str = "http://127.0.0.1/a/", last_modified: str | None = None):
    return page_facts(f"<html><body>{body}</body></html>", url, last_modified, CHECK)


def _ignored(fresh) -> dict[str, str]:
    """date → every reason it was ignored for, joined."""
    out: dict[str, str] = {}
    for e in fresh.evidence:
        if "ignored" in e:
            out[e["date"]] = out.get(e["date"], "") + " | " + e["ignored"]
    return out


def test_footer_year_build_stamp_and_future_dates_are_not_content():
    page = ("<main><p>2026-01-10 會員大會</p><p>下次活動 2027-01-01</p></main>"
            "<div class='build'>Built 2026-05-03</div><footer>© 2026</footer>")
    fresh = assess([_facts(page, last_modified="Tue, 12 May 2026 08:00:00 GMT")], [], None,
                   CHECK, 90)
    assert fresh.last_update == "2026-01-10"
    reasons = {e["ignored"] for e in fresh.evidence if "ignored" in e}
    assert {"in the future", "a build or deploy stamp", "© year is not a content date",
            "HTTP Last-Modified alone is a deploy time"} <= reasons


@pytest.mark.parametrize("label", ["最後更新：", "更新日期", "網站更新 ", "Last updated: ",
                                   "今天是"])
def test_date_next_to_an_update_or_clock_label_is_a_stamp(label):
    fresh = assess([_facts(f"<p>2025-01-10 年會</p><p>{label}2026-04-30</p>")], [], None,
                   CHECK, 90)
    assert fresh.last_update == "2025-01-10"
    assert "update or clock label" in _ignored(fresh)["2026-04-30"]


def test_label_in_the_element_before_counts_too():
    fresh = assess([_facts("<table><tr><th>最後更新</th><td>115/04/30</td></tr></table>"
                           "<p>115/01/10 年會</p>")], [], None, CHECK, 90)
    assert fresh.last_update == "2026-01-10"


def test_check_date_and_its_eve_are_stamps_without_any_header():
    fresh = assess([_facts("<p>2026-05-11 系統公告</p><p>2026-05-12</p><p>2025-12-01 年會</p>")],
                   [], None, CHECK, 90)
    assert fresh.last_update == "2025-12-01"
    assert "check date or its eve" in _ignored(fresh)["2026-05-12"]  # one line per reason


def test_event_date_is_not_content_but_its_announcement_is():
    page = ("<article><p>公告日期：2026-03-02</p><p>活動日期：2026-04-20</p></article>"
            "<table><tr><th>報名截止</th><td>115/04/25</td></tr></table>")
    fresh = assess([_facts(page)], [], None, CHECK, 90)
    assert fresh.last_update == "2026-03-02"
    assert "event" in _ignored(fresh)["2026-04-25"]  # the newest of the reason's dates
    facts = _facts(page)
    assert {d.date for d in facts.dates if d.context == "event"} == {"2026-04-20",
                                                                      "2026-04-25"}


def test_json_ld_start_date_is_an_event():
    page = ('<script type="application/ld+json">{"@type": "Event", "startDate": "2026-04-20",'
            ' "datePublished": "2026-02-01"}</script><p>研討會</p>')
    fresh = assess([_facts(page)], [], None, CHECK, 90)
    assert fresh.last_update == "2026-02-01"


def _site(stamp_body: str, n: int = 5) -> list:
    return [_facts(f"<div class='top'>{stamp_body}</div><main><p>第{i}頁的內容說明。</p></main>",
                   url=f"http://127.0.0.1/a/p{i}.html") for i in range(n)]


def test_a_date_in_the_same_template_place_on_every_page_is_a_stamp():
    # a Taiwan-time build stamp one day after the GMT header, with no label at all
    pages = _site("<span class='d'>115/05/01</span>")
    pages[0] = _facts("<div class='top'><span class='d'>115/05/01</span></div>"
                      "<main><p>2025-10-05 會員大會</p></main>", url="http://127.0.0.1/a/")
    fresh = assess(pages, [], None, CHECK, 90)
    assert fresh.last_update == "2025-10-05" and fresh.fresh is False
    assert "template" in _ignored(fresh)["2026-05-01"]


def test_a_latest_news_box_on_every_page_still_credits_the_news_page():
    box = "<aside class='latest'><span>2026-04-28</span> 研討會報名開始</aside>"
    pages = [_facts(f"{box}<main><p>第{i}頁</p></main>", url=f"http://127.0.0.1/a/p{i}.html")
             for i in range(5)]
    pages.append(_facts(f"{box}<main><ul><li><b>新聞</b> 2026-04-28 研討會報名開始</li></ul>"
                        "</main>", url="http://127.0.0.1/a/news.html"))
    assert assess(pages, [], None, CHECK, 90).last_update == "2026-04-28"


def test_blocks_repeated_on_most_pages_are_left_out_of_fingerprints():
    def site(counter: str, edit: str = "") -> list:
        motto = f"<p>本聯盟的宗旨是推動產學合作{counter}。</p>"
        return without_boilerplate([
            _facts(f"<main>{motto}<p>第{i}頁的內容說明{edit if i == 2 else ''}。</p></main>",
                   url=f"http://127.0.0.1/a/p{i}.html") for i in range(4)])

    before, rebuilt, edited = site("一"), site("二"), site("一", "（新增段落）")
    assert [p.sha256 for p in before] == [p.sha256 for p in rebuilt]
    assert [p.sha256 == q.sha256 for p, q in zip(before, edited, strict=True)] == [
        True, True, False, True]


def test_fingerprint_of_blocks_ignores_volatile_text():
    a = fingerprint_blocks(blocks("聯盟簡介\n瀏覽人次：102345\n更新 10:12:33（星期一）"))
    b = fingerprint_blocks(blocks("聯盟簡介\n瀏覽人次：102399\n更新 11:02:03（星期二）"))
    assert a == b


@pytest.mark.parametrize("page", [
    "<html><body><p><!-- c -->2026-04-01 會議</p><!-- d -->2026-04-01<?php x ?><!-- e -->"
    "<time>2026-04-01</time><table><tr><td><!-- f --></td><td>2026-04-01</td></tr></table>"
    "</body></html>",
    '<?xml version="1.0" encoding="big5"?>\n<html><body><p>2026-04-01 會議</p></body></html>',
])
def test_comments_processing_instructions_and_xml_declarations_do_not_hide_dates(page):
    facts = page_facts(page, "http://127.0.0.1/a/", None, CHECK)
    assert any(d.kind == "visible" and d.date == "2026-04-01" for d in facts.dates)
    assert assess([facts], [], None, CHECK, 90).last_update == "2026-04-01"
