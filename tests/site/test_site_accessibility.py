"""Freego AA as a test: axe-core's WCAG 2.0/2.1 A and AA rules on every page type, both
languages, desktop and phone widths; and Taiwan's conventions a checker does not see
(skip link, 導盲磚 access keys, site map and statement, the closed phone drawer).

axe-core comes from npm (``package.json``/``package-lock.json``, installed by ``make test``)
and is injected into Debian's Chromium; one browser and the session's one build serve all
cases.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from site_support import REPO, Built

from generator.site.serving import serve_folder

pytestmark = pytest.mark.browser

ID = "smart-sensing"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGE_TYPES = {
    "home": "", "about": "about/", "capabilities": "capabilities/", "services": "services/",
    "members": "members/", "join": "join/", "news list": "news/",
    "post": "news/2024/11/18/sv100-launch/", "archive": "news/archive/2024/",
    "category": "news/category/events/", "activities": "activities/", "outcomes": "outcomes/",
    "reports": "reports/", "contact": "contact/", "site map": "site-map/",
    "accessibility statement": "accessibility/",
}
REPORT = "zh-TW/reports/smart-sensing-2025.html"

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — '
                                    + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))
  }));
}"""


@pytest.fixture(scope="session")
def axe_script() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run 'make test' (it runs 'npm ci') or 'npm ci' in "
                    f"{REPO}")
    return str(AXE)


@pytest.fixture(scope="session")
def alliance_url(example_site: Built) -> Iterator[str]:
    """The alliance folder served at the root, as it is deployed at its own address (its
    404 page names its assets from the site's root, as a web server serves it anywhere)."""
    with serve_folder(example_site.out / ID) as url:
        yield url


def _violations(page, axe_script: str, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    page.add_script_tag(path=axe_script)
    found = page.evaluate(_RUN, WCAG_AA)
    return [f"{url}: {v['id']} ({v['help']}): " + " | ".join(v["nodes"]) for v in found]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_every_page_type_passes_wcag_aa(page, site_url, alliance_url, axe_script, lang,
                                        width):
    page.set_viewport_size(WIDTHS[width])
    problems: list[str] = []
    for path in PAGE_TYPES.values():
        problems += _violations(page, axe_script, f"{site_url}{ID}/{lang}/{path}")
    problems += _violations(page, axe_script, f"{alliance_url}{lang}/404.html")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_portal_and_report_pass_wcag_aa(page, site_url, axe_script, width):
    page.set_viewport_size(WIDTHS[width])
    problems = _violations(page, axe_script, site_url)
    problems += _violations(page, axe_script, f"{site_url}{ID}/{REPORT}")
    problems += _violations(page, axe_script, f"{site_url}404.html")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_skip_link_and_access_keys_on_every_page(page, site_url, lang):
    page.set_viewport_size(WIDTHS["desktop"])
    for path in PAGE_TYPES.values():
        page.goto(f"{site_url}{ID}/{lang}/{path}")
        page.keyboard.press("Tab")
        first = page.evaluate("() => [document.activeElement.getAttribute('href'),"
                              " document.activeElement.getBoundingClientRect().height]")
        assert first[0] == "#al-c" and first[1] > 0, (path, first)  # visible when focused
        keys = page.evaluate("() => [...document.querySelectorAll('a.al-tile[accesskey]')]"
                             ".map(a => a.accessKey + a.textContent.trim())")
        assert keys == ["U:::", "C:::", "Z:::"], (path, keys)
        footer = page.locator("footer .al-footer__links a")
        assert footer.count() == 2, path
    page.goto(f"{site_url}{ID}/{lang}/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.url.endswith("#al-c")
    assert page.evaluate("() => document.activeElement.id") == "al-c"


def test_active_tab_is_marked_for_everyone(page, site_url):
    page.set_viewport_size(WIDTHS["desktop"])
    page.goto(f"{site_url}{ID}/zh-TW/news/2024/11/18/sv100-launch/")
    current = page.locator(".md-tabs__link[aria-current=page]")
    assert current.count() == 1
    assert current.inner_text().strip() == "最新消息與活動"
    other = page.locator(".md-tabs__link", has_text="聯絡我們")
    weight = "el => getComputedStyle(el).fontWeight"
    line = "el => getComputedStyle(el).textDecorationLine"
    assert int(current.evaluate(weight)) > int(other.evaluate(weight))
    assert current.evaluate(line) == "underline" and other.evaluate(line) == "none"


def test_closed_phone_drawer_is_out_of_the_tab_order(page, site_url):
    page.set_viewport_size(WIDTHS["phone"])
    page.goto(f"{site_url}{ID}/zh-TW/news/")
    reachable = """() => [...document.querySelectorAll(
        '.md-sidebar--primary a[href], .md-sidebar--primary label[tabindex],'
        + ' .md-sidebar--primary input, .md-sidebar--primary button')]
      .filter(e => e.checkVisibility({visibilityProperty: true})).length"""
    assert page.evaluate(reachable) == 0
    for _ in range(40):  # the whole page by keyboard never lands in the closed drawer
        page.keyboard.press("Tab")
        inside = page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
        assert not inside
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(400)
    assert page.evaluate(reachable) > 5  # opened, it is usable again


@pytest.mark.parametrize(("lang", "heading", "home"), [("zh-TW", "找不到這個頁面", "首頁"),
                                                      ("en", "Page not found", "Home")])
def test_404_page_is_styled_translated_and_leads_back(page, alliance_url, lang, heading, home):
    page.goto(f"{alliance_url}{lang}/404.html")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(".md-content h1").inner_text().strip() == heading
    styled = page.evaluate("() => [...document.styleSheets].some(s => (s.href || '')"
                           ".endsWith('alliance.css') && s.cssRules.length > 10)")
    assert styled
    page.locator(".md-content a", has_text=home).click()
    page.wait_for_load_state("load")
    assert page.url == f"{alliance_url}{lang}/"
    page.goto(f"{alliance_url}{lang}/404.html")
    page.locator(".md-content label[for=__search]").click()
    assert page.locator("input.md-search__input").is_visible()
