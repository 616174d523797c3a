"""Publishing: the Pages workflow's address, per-page language pairs, link previews, the
404 pages, and the site map and accessibility statement every page links to."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from site_support import REPO, Built, text_of

from generator.site.notfound import root_404

ID = "smart-sensing"
WEBSITE = "https://smart-sensing.example.edu.tw/"


def _meta(html: str, prop: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_pages_workflow_builds_with_the_repository_pages_address():
    workflow = yaml.safe_load((REPO / "generator/workflows/alliance-pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    pages = next(i for i, s in enumerate(steps) if "configure-pages" in str(s.get("uses")))
    build = next(i for i, s in enumerate(steps) if s.get("run") == "make site")
    assert pages < build
    assert steps[build]["env"]["ALLIANCE_SITE_URL"] == (
        "${{ steps." + steps[pages]["id"] + ".outputs.base_url }}")


def test_each_page_names_its_own_twin_in_the_other_language(example_site: Built):
    for lang in ("zh-TW", "en"):
        html = text_of(example_site.out / ID / lang / "members" / "index.html")
        pairs = dict((h, u) for u, h in re.findall(
            r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html))
        assert pairs == {"zh-TW": f"{WEBSITE}zh-TW/members/", "en": f"{WEBSITE}en/members/",
                         "x-default": f"{WEBSITE}zh-TW/members/"}


def test_link_previews_carry_title_description_and_the_logo(example_site: Built):
    post = example_site.out / ID / "en" / "news/2024/11/18/sv100-launch/index.html"
    html = text_of(post)
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert _meta(html, "og:title") == re.sub(r"<[^>]+>", "", title).strip()
    assert _meta(html, "og:type") == "article"
    assert _meta(html, "og:url") == f"{WEBSITE}en/news/2024/11/18/sv100-launch/"
    assert _meta(html, "og:locale") == "en_US"
    assert _meta(html, "og:description")
    image = _meta(html, "og:image")
    assert image == f"{WEBSITE}en/assets/images/share.png" == _meta(html, "twitter:image")
    assert (example_site.out / ID / "en/assets/images/share.png").is_file()
    assert _meta(html, "twitter:card") == "summary_large_image"
    home = text_of(example_site.out / ID / "zh-TW" / "index.html")
    assert _meta(home, "og:type") == "website" and _meta(home, "og:locale") == "zh_TW"


def test_every_language_has_a_site_map_and_a_statement_linked_from_the_footer(
        example_site: Built):
    for lang, sitemap, statement in (("zh-TW", "網站導覽", "無障礙聲明"),
                                     ("en", "Site map", "Accessibility statement")):
        root = example_site.out / ID / lang
        page = text_of(root / "site-map" / "index.html")
        assert "<h1" in page and sitemap in page
        for key in ("U", "C", "Z"):
            assert f"<kbd>{key}</kbd>" in page
        for target in ("about/", "members/", "join/", "news/", "contact/", "accessibility/"):
            assert f'href="../{target}"' in page, (lang, target)
        assert statement in text_of(root / "accessibility" / "index.html")
        assert "WCAG 2.1" in text_of(root / "accessibility" / "index.html")
        footer = text_of(root / "outcomes" / "index.html")
        assert f'href="../site-map/">{sitemap}</a>' in footer
        assert f'href="../accessibility/">{statement}</a>' in footer


def test_root_404_for_github_pages(example_site: Built):
    html = text_of(example_site.out / "404.html")
    assert "找不到這個頁面" in html and 'lang="en">Page not found' in html
    assert f'href="/{ID}/zh-TW/"' in html and f'href="/{ID}/en/"' in html  # any depth
    summaries = [{"id": ID, "name": {"zh": "聯盟", "en": "Alliance"}}]
    published = root_404(summaries, "https://owner.github.io/repo")
    assert f'href="https://owner.github.io/repo/{ID}/en/"' in published
    assert 'href="https://owner.github.io/repo/"' in published


def test_language_404_pages_are_translated(example_site: Built):
    for lang, heading in (("zh-TW", "找不到這個頁面"), ("en", "Page not found")):
        html = text_of(example_site.out / ID / lang / "404.html")
        assert f"<h1>{heading}</h1>" in html
        assert 'for="__search"' in html
        assert "404 - Not found" not in html


def test_taiwan_wording_in_the_chinese_interface(example_site: Built):
    news = text_of(example_site.out / ID / "zh-TW" / "news" / "index.html")
    post = text_of(example_site.out / ID / "zh-TW" / "news/2024/11/18/sv100-launch/index.html")
    for mainland in ("元數據", "封存", "跳轉到", "回到主頁"):
        assert mainland not in news + post, mainland
    assert "彙整" in news
    assert "回到最新消息" in post


def test_scaffold_workflow_is_the_one_tested(tmp_path: Path):
    """``alliance new`` copies this very file (no second copy to drift)."""
    from generator.commands import new

    assert (new.SCAFFOLD.parent / "workflows" / "alliance-pages.yml").resolve() == (
        REPO / "generator/workflows/alliance-pages.yml").resolve()


def test_contact_has_a_map_link_and_office_hours_in_each_language(example_site: Built):
    zh = text_of(example_site.out / ID / "zh-TW" / "contact" / "index.html")
    en = text_of(example_site.out / ID / "en" / "contact" / "index.html")
    osm = "https://www.openstreetmap.org/search?query=408%20%E8%87%BA%E4%B8%AD%E5%B8%82"
    assert osm in zh and osm in en  # the Chinese address finds the place in both
    assert "<dt>辦公時間</dt><dd>週一至週五 9:00–12:00、13:30–17:00" in zh
    assert "<dt>Office hours</dt><dd>Monday to Friday" in en
    assert "04-0000-1234 ext. 3121</a>" in en and "04-0000-1234 分機 3121</a>" in zh
    assert "<iframe" not in zh + en  # a link, never embedded tiles
