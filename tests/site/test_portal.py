"""The portal built from both examples: cards, filters, search index, feed and calendar."""

from __future__ import annotations

import gzip
import json
import os
import re
import time
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from icalendar import Calendar
from site_support import links_in, text_of

from generator.site import portal, portal_feeds, search_index

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def _cards(built) -> dict[str, str]:
    page = text_of(built.out / "index.html")
    return dict(re.findall(r'<li class="card" id="([^"]+)"(.*?)</li>', page, re.S))


def test_every_alliance_has_a_card_with_its_facts_in_both_languages(example_site):
    cards = _cards(example_site)
    assert sorted(cards) == ["food-safety", "smart-sensing"]
    food = cards["food-safety"]
    assert 'data-field="民生化工" data-region="east"' in food
    assert 'data-service="consulting testing visits training matching"' in food
    assert 'data-fee="free upto20 over50"' in food
    for fact in ("國立洄瀾科技大學", "民生化工", "東部", "8 家（2026 年度）", "免費–NT$60,000",
                 '<time datetime="2026-11-16">2026年11月16日</time>'):
        assert fact in food, fact
    smart = cards["smart-sensing"]
    assert 'data-field="機電材料" data-region="central"' in smart
    english = text_of(example_site.out / "index.en.html")
    assert '<html lang="en">' in english
    for fact in ("Consumer products and chemicals", "East", "Free–NT$60,000",
                 "National Huilan University of Science and Technology"):
        assert fact in english, fact


def test_every_link_and_logo_of_the_portal_resolves(example_site):
    for name in ("index.html", "index.en.html"):
        html = text_of(example_site.out / name)
        local = [link.split("#")[0] for link in links_in(html)
                 if not link.startswith(("http", "mailto:", "data:", "#"))]
        assert any(link.endswith((".png", ".jpg", ".svg")) for link in local)
        for link in local:
            target = example_site.out / link
            assert (target / "index.html" if link.endswith("/") else target).is_file(), link


def test_members_appear_only_as_counts(example_site):
    page = text_of(example_site.out / "index.html")
    for name in ("洄瀾蜂產", "中港烘焙", "東岸米糧", "竹晶精密"):  # private and public members
        assert name not in page


def test_each_filter_value_has_a_css_rule_and_a_labelled_control(example_site):
    page = text_of(example_site.out / "index.html")
    for name, value in (("field", "生醫"), ("region", "east"), ("service", "testing"),
                        ("fee", "over50")):
        assert (f'.directory:has(input[name="{name}"][value="{value}"]:checked) '
                f'.card:not([data-{name}~="{value}"]){{display:none}}') in page
        assert re.search(rf'<label><input type="radio" name="{name}" value="{value}">', page)
    assert page.count("<fieldset>") == 4 and page.count("<legend>") == 4
    assert '<label for="q">' in page and 'id="q"' in page


def test_the_search_index_holds_pages_of_every_alliance_in_both_languages(example_site):
    folder = example_site.out / search_index.OUTPUT
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"zh-tw", "en"}
    assert sum(lang["page_count"] for lang in entry["languages"].values()) > 80
    text = "".join(gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace")
                   for p in (folder / "fragment").glob("*.pf_fragment"))
    for url in ("/smart-sensing/zh-TW/capabilities/", "/food-safety/en/services/",
                "/food-safety/zh-TW/news/2026/07/06/vibrio-kit-launch/", "/", "/index.en.html"):
        assert f'"url":"{url}"' in text, url
    assert "/smart-sensing/zh-TW/news/category/" not in text  # list pages are not indexed
    assert "/404.html" not in text


def test_page_types_are_decided_by_path_default_deny():
    kind = search_index.kind_of
    assert kind("index.html") == "home"
    assert kind("capabilities/index.html") == "capabilities"
    assert kind("news/2026/07/06/vibrio-kit-launch/index.html") == "news"
    assert kind("reports/food-safety-2025.html") == "reports"
    assert kind("pages/equipment/index.html") == "more_pages"
    for hidden in ("404.html", "news/index.html", "news/page/2/index.html",
                   "news/category/events/index.html", "news/archive/2025/index.html",
                   "media/x.html", "capabilities/extra/index.html"):
        assert kind(hidden) is None, hidden


def test_the_combined_feed_merges_every_alliance_newest_first(example_site):
    root = ET.parse(example_site.out / "feed.xml").getroot()
    entries = root.findall("a:entry", ATOM)
    authors = {e.findtext("a:author/a:name", namespaces=ATOM) for e in entries}
    assert authors == {"智慧感測與預知保養產學小聯盟", "東部食品安全檢測與溯源產學小聯盟"}
    stamps = [e.findtext("a:updated", namespaces=ATOM) for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    english = ET.parse(example_site.out / "feed.en.xml").getroot()
    links = [e.find("a:link", ATOM).get("href") for e in english.findall("a:entry", ATOM)]
    assert links and all(href.startswith("https://") and "/en/news/" in href for href in links)
    assert any("Vibrio" in (e.findtext("a:title", namespaces=ATOM) or "")
               for e in english.findall("a:entry", ATOM))


def _card(alliance_id: str, events: list[tuple[str, str]]) -> dict:
    return {
        "id": alliance_id, "urls": {"zh": f"https://{alliance_id}.example/zh-TW/",
                                    "en": f"https://{alliance_id}.example/en/"},
        "name": {"zh": f"{alliance_id} 聯盟", "en": f"{alliance_id} alliance"},
        "institution": {"zh": "某大學", "en": None}, "field": None, "region": None,
        "services": [], "fees": [], "logo": {"src": "assets/images/logo.svg", "alt": None},
        "members": None, "members_year": None, "latest_news": None, "latest_report": None,
        "events": [{"id": i, "date": d, "until": d, "kind": "seminar", "title": {"zh": f"活動 {i}",
                    "en": None}, "summary": None, "path": f"activities/#{i}"}
                   for i, d in events],
    }


def test_the_calendar_lists_upcoming_public_events_only():
    cards = [_card("beta", [("past", "2026-11-30"), ("soon", "2026-12-18")]),
             _card("alpha", [("today", "2026-12-02")])]
    calendar = Calendar.from_ical(portal_feeds.events_ics(cards, "zh", date(2026, 12, 2)))
    events = [(str(e["uid"]), e.decoded("dtstart")) for e in calendar.walk("VEVENT")]
    assert events == [("alpha-activity-today@alliance-portal", date(2026, 12, 2)),
                      ("beta-activity-soon@alliance-portal", date(2026, 12, 18))]
    soon = calendar.walk("VEVENT")[1]
    assert str(soon["url"]) == "https://beta.example/zh-TW/activities/#soon"
    assert str(soon["summary"]) == "活動 soon — beta 聯盟"
    page = portal.portal_page(cards, "en", date(2026, 12, 2))
    assert page.index("活動 today") < page.index("活動 soon") and "活動 past" not in page
    assert 'href="beta/en/activities/#soon"' in page


def test_an_event_a_post_announces_is_listed_with_its_post(example_site):
    """smart-sensing announces its Dec 11 showcase in a news post (event:), not as an
    activity: the portal lists it, in the site's date format, linking to the post."""
    page = text_of(example_site.out / "index.html")
    assert ('<time datetime="2026-12-11">2026年12月11日</time> <a href="smart-sensing/zh-TW/'
            'news/2026/11/18/showcase-2026-invitation/">') in page
    calendar = Calendar.from_ical((example_site.out / "events.en.ics").read_bytes())
    urls = [str(e["url"]) for e in calendar.walk("VEVENT")]
    assert any(u.endswith("/en/news/2026/11/18/showcase-2026-invitation/") for u in urls), urls


def test_a_hostile_alliance_name_is_inert_on_the_portal():
    card = _card("evil", [])
    card["name"] = {"zh": '<script>alert("x")</script>', "en": None}
    page = portal.portal_page([card], "zh", date(2026, 12, 2))
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_the_region_comes_from_the_county_in_the_office_address():
    from types import SimpleNamespace

    from generator.model.types import LocalText
    from generator.site.directory import institution_region

    def region(address: str | None):
        contact = SimpleNamespace(address=LocalText(zh=address) if address else None)
        return institution_region(SimpleNamespace(contact=contact))

    assert region("973 花蓮縣吉安鄉洄瀾大道 88 號") == "east"
    assert region("408 台中市南屯區精科大道 100 號") == "central"  # 台 is 臺
    assert region("金門縣金寧鄉大學路 1 號") is None  # in none of the four regions
    assert region("大學路 1 號") is None and region(None) is None


def test_an_alliance_outside_a_filter_is_told_how_to_enter_it():
    from generator.site.directory import gaps

    notes = gaps({"field": None, "region": "east", "services": []})
    assert len(notes) == 2
    assert "add field: 民生化工, 生醫, 機電材料 or 土木能環" in notes[0]
    assert "add type: consulting, testing, visits, training or matching" in notes[1]


def test_a_portal_built_without_the_index_offers_no_search():
    cards = [_card("alpha", [])]
    assert 'id="search"' in portal.portal_page(cards, "zh", date(2026, 12, 2))
    assert 'id="search"' not in portal.portal_page(cards, "zh", date(2026, 12, 2), search=False)


def _tiny_site(out):
    page = out / "alpha" / "zh-TW" / "capabilities" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<html lang="zh-TW"><body><article class="md-content__inner">'
                    '<h1>技術能量</h1><article id="cap-1"><h2>刀具磨耗</h2><p>監測</p></article>'
                    "</article></body></html>", encoding="utf-8")
    return [_card("alpha", [])]


def test_the_index_is_written_once_and_rewritten_only_when_a_page_changes(tmp_path):
    out, stamp = tmp_path / "site", tmp_path / "stamp.txt"
    cards = _tiny_site(out)
    assert search_index.write(out, cards, stamp) == 1
    entry = out / search_index.OUTPUT / "pagefind-entry.json"
    first = entry.stat().st_mtime_ns
    assert search_index.write(out, cards, stamp) == 1 and entry.stat().st_mtime_ns == first
    fragment = gzip.decompress(next((out / search_index.OUTPUT / "fragment").iterdir())
                               .read_bytes()).decode()
    assert '"url":"/alpha/zh-TW/capabilities/"' in fragment
    assert '"id":"cap-1"' in fragment and '"alliance":"alpha 聯盟"' in fragment


def test_a_pagefind_failure_is_a_clear_error_and_leaves_the_old_index(tmp_path, monkeypatch):
    out, stamp = tmp_path / "site", tmp_path / "stamp.txt"
    cards = _tiny_site(out)
    search_index.write(out, cards, stamp)

    async def broken(pages, dest):
        raise RuntimeError("pagefind exited")

    monkeypatch.setattr(search_index, "_index", broken)
    stamp.unlink()
    with pytest.raises(search_index.SearchIndexError, match="RuntimeError: pagefind exited"):
        search_index.write(out, cards, stamp)
    assert (out / search_index.OUTPUT / "pagefind.js").is_file()
    assert not (out / "_portal" / ".pagefind-new").exists()


def test_without_the_extended_binary_the_index_is_refused_clearly(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    def find_spec(name, *rest):
        return None if name == "pagefind_bin_extended" else real(name, *rest)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    with pytest.raises(search_index.SearchIndexError, match="pagefind-bin-extended"):
        search_index.write(tmp_path / "site", _tiny_site(tmp_path / "site"), tmp_path / "s")


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_early_started_service_writes_the_index_a_cold_one_writes(tmp_path):
    """The warm-up page (Chinese, no data-pagefind-body) leaves no trace in the index."""
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    cards = _tiny_site(cold)
    _tiny_site(warm)
    search_index.write(cold, cards, tmp_path / "cold.txt")
    search_index.start_early()
    try:
        search_index.write(warm, cards, tmp_path / "warm.txt")
    finally:
        search_index.stop_early()
    assert search_index._early is None
    assert _files(warm / search_index.OUTPUT) == _files(cold / search_index.OUTPUT)


def test_an_early_service_left_unused_is_stopped(tmp_path):
    search_index.start_early()
    early = search_index._early
    search_index.stop_early()
    assert not early.thread.is_alive() and early.loop.is_closed()
    assert search_index._early is None


def test_a_page_is_reduced_again_only_when_it_changed(tmp_path, monkeypatch):
    out, stamp = tmp_path / "site", tmp_path / "stamp.txt"
    cards = _tiny_site(out)
    first = list(search_index.records(list(search_index.sources(out, cards)),
                                      stamp.with_suffix(".pages")))
    reduced: list[str] = []
    real = search_index._content
    monkeypatch.setattr(search_index, "_content",
                        lambda page, selector: reduced.append(page) or real(page, selector))
    again = list(search_index.records(list(search_index.sources(out, cards)),
                                      stamp.with_suffix(".pages")))
    assert again == first and reduced == []
    page = out / "alpha" / "zh-TW" / "capabilities" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("監測", "監測與診斷"),
                    encoding="utf-8")
    changed = list(search_index.records(list(search_index.sources(out, cards)),
                                        stamp.with_suffix(".pages")))
    assert len(reduced) == 1 and "監測與診斷" in changed[0].html


def test_a_page_rewritten_with_the_same_bytes_is_not_reduced_again(tmp_path, monkeypatch):
    """MkDocs rewrites every page of a language it builds: only changed bytes are parsed."""
    out, memo = tmp_path / "site", tmp_path / "stamp.pages"
    cards = _tiny_site(out)
    first = list(search_index.records(list(search_index.sources(out, cards)), memo))
    page = out / "alpha" / "zh-TW" / "capabilities" / "index.html"
    page.write_bytes(page.read_bytes())
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    reduced: list[str] = []
    real = search_index._content
    monkeypatch.setattr(search_index, "_content",
                        lambda text, selector: reduced.append(text) or real(text, selector))
    assert list(search_index.records(list(search_index.sources(out, cards)), memo)) == first
    assert reduced == []
    cards[0]["name"]["zh"] = "改名聯盟"  # a label of every record: all reduced again
    renamed = list(search_index.records(list(search_index.sources(out, cards)), memo))
    assert len(reduced) == 1 and "改名聯盟" in renamed[0].html


def test_the_index_is_taken_only_once_pagefind_has_finished_every_file(tmp_path):
    """Pagefind answers before its last writes land: empty or cut files are waited for."""
    import threading

    folder = tmp_path / "pagefind"
    (folder / "fragment").mkdir(parents=True)
    whole = gzip.compress(b"pagefind_dcd{}")
    (folder / "fragment" / "a.pf_fragment").write_bytes(whole[:-4])  # its trailer not yet
    (folder / "pagefind-entry.json").write_bytes(b"")
    (folder / "pagefind.js").write_text("export {}", encoding="utf-8")

    def land() -> None:
        (folder / "fragment" / "a.pf_fragment").write_bytes(whole)
        (folder / "pagefind-entry.json").write_text('{"version": "1.5.2"}', encoding="utf-8")

    timer = threading.Timer(0.2, land)
    started = time.monotonic()
    timer.start()
    search_index.await_written(folder)
    assert time.monotonic() - started >= 0.2
    assert json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    timer.join()
    (folder / "pagefind-ui.js").write_bytes(b"")  # and one that never lands: a clear error
    with pytest.raises(search_index.SearchIndexError, match="1 file.*pagefind-ui.js"):
        search_index.await_written(folder, timeout=0.1)
