"""The built example in headless Chromium: what a visitor sees and can do."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

ID = "smart-sensing"
TABS_ZH = ["首頁", "聯盟簡介", "技術能量", "服務項目", "聯盟會員", "入會方式", "最新消息與活動",
           "成果", "年度報告", "聯絡我們"]


def test_home_renders_with_name_figures_and_news(page, site_url):
    page.goto(f"{site_url}{ID}/zh-TW/")
    assert page.locator("h1").first.inner_text().strip() == "智慧感測與預知保養產學小聯盟"
    assert page.locator(".al-stat").count() >= 3
    assert page.locator(".al-news-card").count() == 3
    assert page.locator("html").get_attribute("lang") == "zh-TW"
    assert re.search(r"最後更新：\d{4}年\d{1,2}月\d{1,2}日", page.locator("footer").inner_text())


def test_navigation_reaches_every_page(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}{ID}/zh-TW/")
    seen = []
    for tab in TABS_ZH:
        page.locator(".md-tabs__link", has_text=tab).first.click()
        page.wait_for_load_state("load")
        heading = page.locator(".md-content h1").first.inner_text().strip()
        assert heading, tab
        seen.append(page.url)
    assert len(set(seen)) == len(TABS_ZH)
    # The events page is inside the news section.
    page.goto(f"{site_url}{ID}/zh-TW/news/")
    page.get_by_role("link", name="活動紀錄").first.click()
    assert page.url.endswith("/zh-TW/activities/")


@pytest.mark.parametrize("path", ["members/", "news/", "news/category/events/", "join/"])
def test_language_switch_lands_on_the_same_page(page, site_url, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}{ID}/zh-TW/{path}")
    page.locator(".md-header__option .md-select button").click()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}{ID}/en/{path}"
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header__option .md-select button").click()
    page.locator("a.md-select__link[hreflang=zh-TW]").click()
    page.wait_for_load_state("load")
    assert page.url == f"{site_url}{ID}/zh-TW/{path}"


def test_search_finds_a_chinese_member_name(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}{ID}/zh-TW/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("竹晶精密")
    box.press("End")  # fill() with Chinese fires no keyup; Material's search waits for one
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert "竹晶精密" in page.locator(".md-search-result").inner_text()


def test_english_search_finds_english_words(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}{ID}/en/")
    page.locator(".md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("spindle")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert "spindle" in page.locator(".md-search-result").inner_text().lower()


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_every_image_has_alt_text(page, site_url, lang):
    for path in ["", "about/", "capabilities/", "members/", "news/", "activities/",
                 "outcomes/", "join/", "news/2024/11/18/sv100-launch/"]:
        page.goto(f"{site_url}{ID}/{lang}/{path}")
        missing = page.evaluate(
            "() => [...document.querySelectorAll('img')]"
            ".filter(i => !(i.getAttribute('alt') || '').trim()).map(i => i.src)")
        assert not missing, (path, missing)
        broken = page.evaluate(
            "() => [...document.querySelectorAll('img')]"
            ".filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)")
        assert not broken, (path, broken)


def test_phone_layout_has_a_menu_and_no_horizontal_scroll(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ["", "members/", "outcomes/", "reports/"]:
        page.goto(f"{site_url}{ID}/zh-TW/{path}")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    page.goto(f"{site_url}{ID}/zh-TW/")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.locator(".md-nav__link", has_text="聯絡我們").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/zh-TW/contact/")


def test_portal_and_redirect(page, site_url):
    page.goto(site_url)
    assert page.locator(f"#{ID} h3").inner_text().strip() == "智慧感測與預知保養產學小聯盟"
    page.goto(f"{site_url}{ID}/")
    page.wait_for_url(re.compile(r".*/zh-TW/$"))
    assert page.locator("html").get_attribute("lang") == "zh-TW"
