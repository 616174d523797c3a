"""The example built once: structure, languages, honest dates, feeds, search, links."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from site_support import REPO, html_files, links_in, text_of

from generator.site.serving import serve_folder

ID = "smart-sensing"
PAGES = ["", "about/", "capabilities/", "services/", "members/", "join/", "news/",
         "activities/", "outcomes/", "reports/", "contact/"]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_portal_lists_the_alliance_with_its_facts(example_site):
    portal = text_of(example_site.out / "index.html")
    assert "智慧感測與預知保養產學小聯盟" in portal
    assert f'href="{ID}/zh-TW/"' in portal and f'href="{ID}/en/"' in portal
    assert "國立臺灣精密科技大學" in portal
    assert re.search(r"會員數</dt><dd>\d+", portal)
    assert re.search(r'最新消息</dt><dd><time datetime="\d{4}-\d\d-\d\d"', portal)
    report = re.search(rf'href="({ID}/zh-TW/reports/[^"]+)"', portal)
    assert report and (example_site.out / report.group(1)).is_file()


def test_alliance_root_redirects_to_chinese(example_site):
    page = text_of(example_site.out / ID / "index.html")
    assert 'http-equiv="refresh" content="0; url=zh-TW/"' in page


@pytest.mark.parametrize("lang,html_lang", [("zh-TW", "zh-TW"), ("en", "en")])
def test_every_page_exists_in_both_languages_with_the_right_lang(example_site, lang, html_lang):
    for path in PAGES:
        page = example_site.out / ID / lang / path / "index.html"
        assert page.is_file(), page
        assert f'<html lang="{html_lang}"' in text_of(page)


def test_english_pages_are_english_and_fallbacks_are_warned(example_site):
    about = text_of(example_site.out / ID / "en" / "about" / "index.html")
    assert "Smart Sensing and Predictive Maintenance" in about
    assert "Principal investigator" in about
    assert "have no English and are shown in Chinese" in example_site.stderr


def test_pages_show_what_the_issue_asks(example_site):
    zh = example_site.out / ID / "zh-TW"
    about = text_of(zh / "about" / "index.html")
    assert "本聯盟由國家科學及技術委員會產學小聯盟計畫補助" in about
    assert "media/team/lin-chih-ming.png" in about
    join = text_of(zh / "join" / "index.html")
    assert "NT$50,000" in join and "免費" in join and "每年訪廠診斷 4 次" in join
    assert (zh / "media" / "application-form.pdf").is_file()
    members = text_of(zh / "members" / "index.html")
    assert "竹晶精密機械股份有限公司" in members
    assert (zh / "charts" / "members-by-region.svg").is_file()
    assert re.search(r'alt="\d{4} 年度計入會員地區分布：北部 \d+', members)
    outcomes = text_of(zh / "outcomes" / "index.html")
    assert "竹晶精密" in outcomes  # records of consenting members, by partner
    assert not re.search(r"<td>(I|M|D)?\d{6,}", outcomes)  # no patent number (generator.public)
    reports = text_of(zh / "reports" / "index.html")
    for year in (2024, 2025):
        assert f"{year} 年度" in reports


def _page_dates(site: Path) -> dict[str, str]:
    dates = {}
    for path in html_files(site):
        found = re.search(r'<meta name="dateModified" content="([\d-]+)">', text_of(path))
        if found:
            dates[path.relative_to(site).parent.as_posix() + "/"] = found.group(1)
    return dates


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_sitemap_lastmod_is_each_pages_content_date(example_site, lang):
    site = example_site.out / ID / lang
    dates = _page_dates(site)
    tree = ET.parse(site / "sitemap.xml")
    base = f"https://smart-sensing.example.edu.tw/{lang}/"
    seen = 0
    for url in tree.getroot().findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        lastmod = url.findtext("s:lastmod", namespaces=NS)
        assert lastmod, loc
        relative = loc.removeprefix(base)
        key = relative if relative else "./"
        key = "./" if key == "./" else key
        page_date = dates.get(key if key != "./" else "./")
        if page_date is not None:
            assert lastmod == page_date, loc
            seen += 1
        assert date.fromisoformat(lastmod) <= date.today()
    assert seen >= len(PAGES)
    # Content dates, not one build date: the posts keep their own dates.
    lastmods = {u.findtext("s:lastmod", namespaces=NS) for u in tree.getroot()}
    assert len(lastmods) > 5


def test_a_post_is_dated_by_its_content_and_says_so(example_site):
    page = example_site.out / ID / "zh-TW" / "news" / "2025" / "05" / "19" / "pdm-seminar-recap"
    html = text_of(page / "index.html")
    assert '<meta name="dateModified" content="2025-05-19">' in html
    assert '"dateModified": "2025-05-19"' in html
    assert '最後更新：<time datetime="2025-05-19">' in html


def test_links_are_relative_so_the_site_works_under_a_sub_path(example_site):
    # 404.html is served at any URL, so MkDocs gives it site_url-absolute links on purpose.
    for path in (p for p in html_files(example_site.out) if p.name != "404.html"):
        for link in links_in(text_of(path)):
            assert not (link.startswith("/") and not link.startswith("//")), (link, path)


def test_feed_lists_the_posts_with_working_links(example_site):
    site = example_site.out / ID / "zh-TW"
    feed = ET.parse(site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) >= 10
    for entry in entries:
        url = entry.find(f"{atom}link").get("href")
        relative = url.removeprefix("https://smart-sensing.example.edu.tw/zh-TW/")
        assert (site / relative / "index.html").is_file(), url
    assert 'type="application/atom+xml"' in text_of(site / "index.html")


def test_categories_and_archive_have_ascii_urls(example_site):
    site = example_site.out / ID / "zh-TW" / "news"
    assert (site / "category" / "events" / "index.html").is_file()
    assert (site / "archive" / "2025" / "index.html").is_file()
    assert "活動" in text_of(site / "category" / "events" / "index.html")


def test_chinese_search_index_holds_member_names_as_words(example_site):
    index = json.loads((example_site.out / ID / "zh-TW" / "search" /
                        "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "竹晶精密" in text
    assert index["config"]["lang"][0] == "zh"


def test_builds_are_reproducible_with_source_date_epoch(example_site, tmp_path, monkeypatch):
    from site_support import run_build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    first = run_build(REPO, tmp_path / "a", tmp_path / "sa", ids=[ID], reports=False)
    second = run_build(REPO, tmp_path / "b", tmp_path / "sb", ids=[ID], reports=False)
    assert first.code == second.code == 0
    files_a = sorted(p.relative_to(first.out) for p in first.out.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second.out) for p in second.out.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [p for p in files_a
                 if (first.out / p).read_bytes() != (second.out / p).read_bytes()]
    assert not different


def test_linkchecker_finds_no_broken_internal_link(example_site, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(home.stat().st_mode | stat.S_IRWXO)  # LinkChecker run as root drops to nobody
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home),
           "XDG_DATA_HOME": str(home)}
    rc = home / "linkcheckerrc"
    rc.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=8\n")
    rc.chmod(0o644)
    linkchecker = Path(os.sys.executable).with_name("linkchecker")
    with serve_folder(example_site.out) as url:
        run = subprocess.run(
            [str(linkchecker), "-f", str(rc), "--no-status", "--no-warnings", "--verbose",
             "-o", "csv",
             "--ignore-url=^mailto:", "--ignore-url=^tel:", url],
            capture_output=True, text=True, env=env, timeout=300, check=False)
    lines = [line for line in run.stdout.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))
    checked = {row["url"] for row in rows if row["url"].startswith(url)}
    broken = [f'{row["url"]} in {row["parentname"]}: {row["result"]}'
              for row in rows if row["valid"] != "True"]
    assert len(checked) > 150, run.stderr[-2000:]  # it really crawled, both languages
    assert any("/zh-TW/news/20" in u for u in checked) and any("/en/media/" in u for u in checked)
    assert run.returncode == 0 and not broken, "\n".join(broken[:20])
