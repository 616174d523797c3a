"""Dates as Taiwanese alliance sites write them, and what must never count as content."""

from __future__ import annotations

import datetime as dt

import pytest

from site_checks.evidence.dates import find_dates, mask_dates, rewrite_local_dates
from site_checks.evidence.freshness import assess
from site_checks.evidence.page import page_facts


@pytest.mark.parametrize("written", ["114年5月3日", "民國114年5月3日", "114/05/03", "114.05.03",
                                     "2025年5月3日", "2025-05-03", "2025/5/3", "May 3, 2025"])
def test_local_date_forms_are_read(written):
    assert find_dates(rewrite_local_dates(f"活動日期：{written}。")) == [dt.date(2025, 5, 3)]


@pytest.mark.parametrize("text", ["版本 1.2.3", "IP 192.168.1.1", "電話 02-2737-7000",
                                  "共 114 家", "99年5月3日"])
def test_numbers_that_are_not_dates_are_left_alone(text):
    assert find_dates(rewrite_local_dates(text)) == []


def test_masking_makes_date_only_edits_invisible():
    assert mask_dates("更新於 114年5月3日 © 2025") == mask_dates("更新於 2026-06-01 © 2026")


def test_footer_year_build_stamp_and_future_dates_are_not_content():
    page = ("<html><body><main><p>2026-01-10 會員大會</p><p>下次活動 2027-01-01</p></main>"
            "<div class='build'>Built 2026-05-12</div><footer>© 2026</footer></body></html>")
    facts = page_facts(page, "http://127.0.0.1/a/", "Tue, 12 May 2026 08:00:00 GMT",
                       dt.date(2026, 5, 12))
    fresh = assess([facts], [], None, dt.date(2026, 5, 12), 90)
    assert fresh.last_update == "2026-01-10"
    reasons = {e["ignored"] for e in fresh.evidence if "ignored" in e}
    assert {"in the future", "a build or deploy stamp", "© year is not a content date",
            "HTTP Last-Modified alone is a deploy time"} <= reasons
