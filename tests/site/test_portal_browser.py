"""The portal in headless Chromium: search across alliances, filters, no-JS, keyboard only."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _search(page, site_url: str, portal: str, query: str):
    page.goto(f"{site_url}{portal}")
    box = page.locator("#q")
    box.fill(query)
    box.press("End")  # fill() with Chinese fires no keyup; the portal listens to input anyway
    first = page.locator("#search-results li").first
    first.wait_for(timeout=30000)  # Pagefind loads its wasm and Chinese index first
    return first


def test_chinese_search_finds_the_tool_wear_capability(page, site_url):
    first = _search(page, site_url, "index.html", "刀具磨耗")
    link = first.locator("a")
    assert link.get_attribute("href").endswith("/smart-sensing/zh-TW/capabilities/#cap-4")
    assert "刀具磨耗線上監測" in link.inner_text()
    assert first.locator(".meta").inner_text() == "智慧感測與預知保養產學小聯盟 · 技術能量"
    assert first.locator(".excerpt mark").count() >= 1
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/smart-sensing/zh-TW/capabilities/#cap-4")
    assert page.locator("#cap-4 h2").inner_text().strip() == "刀具磨耗線上監測"


def test_english_search_finds_the_english_page(page, site_url):
    first = _search(page, site_url, "index.en.html", "tool wear")
    assert first.locator("a").get_attribute("href").endswith(
        "/smart-sensing/en/capabilities/#cap-4")
    assert first.locator(".meta").inner_text().endswith("· Capabilities")


def test_search_reaches_the_second_alliance(page, site_url):
    first = _search(page, site_url, "index.html", "農藥殘留")
    assert "/food-safety/zh-TW/" in first.locator("a").get_attribute("href")
    assert "東部食品安全檢測與溯源產學小聯盟" in first.locator(".meta").inner_text()


def test_a_filter_hides_the_other_alliance(page, site_url):
    page.goto(f"{site_url}index.html")
    food, smart = page.locator("#food-safety"), page.locator("#smart-sensing")
    assert food.is_visible() and smart.is_visible()
    page.get_by_role("radio", name=re.compile("^民生化工")).check()
    assert food.is_visible() and not smart.is_visible()
    assert page.locator("#shown").inner_text() == "顯示 1／2 個聯盟"
    page.get_by_role("group", name="領域").get_by_role("radio", name="全部").check()
    page.get_by_role("radio", name=re.compile("^中部")).check()
    assert smart.is_visible() and not food.is_visible()
    page.get_by_role("radio", name=re.compile("^NT\\$5 萬元以上")).check()
    assert not smart.is_visible() and not food.is_visible()
    assert "沒有符合" in page.locator("#shown").inner_text()


def test_without_javascript_every_card_shows_and_filters_still_work(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}index.en.html")
    assert page.locator(".card").count() == 2
    assert all(card.is_visible() for card in page.locator(".card").all())
    assert not page.locator("#search").is_visible()  # the search needs the script
    page.get_by_role("radio", name=re.compile("^East")).check()
    assert page.locator("#food-safety").is_visible()
    assert not page.locator("#smart-sensing").is_visible()
    context.close()


def test_keyboard_only_search_filter_and_open(page, site_url):
    page.goto(f"{site_url}index.en.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    for _ in range(8):  # from the main content, the search box comes first
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("tool wear")
    page.keyboard.press("Enter")
    page.locator("#search-results li").first.wait_for(timeout=15000)
    page.keyboard.press("Tab")  # the submit button
    page.keyboard.press("Tab")  # the first result
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused.endswith("/smart-sensing/en/capabilities/#cap-4")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/smart-sensing/en/capabilities/#cap-4$"))
    page.goto(f"{site_url}index.en.html")
    page.locator("input[name=field][value='']").focus()
    page.keyboard.press("ArrowDown")  # radio groups move with the arrow keys
    assert page.evaluate("document.activeElement.value") == "民生化工"
    assert not page.locator("#smart-sensing").is_visible()


def test_hostile_text_in_the_index_is_shown_as_text(page, tampered_site):
    from generator.site.serving import serve_folder

    built, _ = tampered_site
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_folder(built.out) as url:
        first = _search(page, url, "index.html", "惡意公司")
        assert "/smart-sensing/zh-TW/members/" in first.locator("a").get_attribute("href")
        assert page.locator("#search-results b, #search-results script").count() == 0
        assert "<b>Evil&Co</b>" in page.locator("#search-results").inner_text()
        _search(page, url, "index.html", "XSS")
    assert dialogs == []
