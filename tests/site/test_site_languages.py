"""Two languages done right: every text says its language, one date and one number format
per language, one column order on the site and in the report, English plurals."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html
from site_support import Built

from generator.site.labels import label

ID = "smart-sensing"
HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
DATE = {"zh-TW": re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$"),
        "en": re.compile(r"^(January|February|March|April|May|June|July|August|September|"
                         r"October|November|December) \d{1,2}, \d{4}$")}


def _pages(root: Path) -> list[Path]:
    return [p for p in sorted(root.rglob("*.html")) if "reports" not in p.parts]


def _lang_of(element) -> str:
    for node in (element, *element.iterancestors()):
        if node.get("lang"):
            return node.get("lang")
    return ""


def _texts(body):
    """(element the text belongs to, text) for every text node of the body."""
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        yield element, element.text
        for child in element:
            yield element, child.tail


def test_chinese_on_the_english_site_is_marked_as_chinese(example_site: Built):
    unmarked = []
    for path in _pages(example_site.out / ID / "en"):
        body = lxml_html.fromstring(path.read_bytes()).find("body")
        for element, text in _texts(body):
            if text and HAN.search(text) and not _lang_of(element).startswith("zh"):
                unmarked.append(f"{path.relative_to(example_site.out)}: {text.strip()[:40]}")
    assert not unmarked, "\n".join(unmarked[:20])


def test_english_labels_in_the_report_say_they_are_english(example_site: Built):
    report = example_site.out / ID / "zh-TW" / "reports" / "smart-sensing-2025.html"
    doc = lxml_html.fromstring(report.read_bytes())
    english = doc.find_class("en") + doc.find_class("doc-en") + doc.find_class("name-en")
    assert len(english) > 50
    # The secondary line (class "en") is English unless it holds Chinese (民國 dates, names).
    for element in english:
        chinese = bool(HAN.search(element.text_content()))
        assert _lang_of(element) == ("zh-Hant-TW" if chinese else "en"), element.text_content()


def test_one_date_format_per_language(example_site: Built):
    for lang in ("zh-TW", "en"):
        shown = set()
        for path in _pages(example_site.out / ID / lang):
            doc = lxml_html.fromstring(path.read_bytes())
            for stamp in doc.iter("time"):
                text = stamp.text_content().strip()
                if "T" in (stamp.get("datetime") or ""):  # an event: the date, then HH:MM
                    text = re.sub(r"(^|[ ,]+)\d{2}:\d{2}$", "", text)
                    if not text:
                        continue  # the end time of a one-day event
                shown.add(text)
        assert len(shown) > 20
        odd = sorted(d for d in shown if not DATE[lang].match(d))
        assert not odd, (lang, odd[:10])


def test_site_and_report_agree_on_columns_and_numbers(example_site: Built):
    site = (example_site.out / ID / "zh-TW" / "reports" / "index.html").read_text()
    report = (example_site.out / ID / "zh-TW" / "reports" / "smart-sensing-2025.html").read_text()
    heads = re.findall(r'<th scope="col">([^<]+)</th>', site)[:3]
    assert heads == ["項目", "目標", "實績"]
    assert re.search(r"目標.*實績", re.sub(r"\s", "", report))
    # The 2025 figures are written exactly as the 2025 report writes them (4,450 仟元).
    year = site.partition('aria-label="主要績效 2025 年度')[2].partition("</table>")[0]
    cells = re.findall(r'<td class="al-num">([\d,.]+) ([^<]+)</td>', year)
    assert len(cells) >= 8
    assert any("," in value for value, _ in cells)
    flat = re.sub(r"<[^>]+>", " ", report)
    for value, unit in cells:
        assert re.search(rf"(?<![\d,]){re.escape(value)}\s+{re.escape(unit)}", flat), (value, unit)


def test_english_counts_have_singular_and_plural():
    assert label("visits_quota", "en", n=1) == "1 on-site visit a year"
    assert label("visits_quota", "en", n=2) == "2 on-site visits a year"
    assert label("participants", "en", n=1) == "1 participant"
    assert label("participants", "en", n=30) == "30 participants"
    assert label("visits_quota", "zh", n=1) == "每年訪廠診斷 1 次"


def test_no_placeholder_plurals_on_the_english_site(example_site: Built):
    for path in _pages(example_site.out / ID / "en"):
        assert "(s)" not in lxml_html.fromstring(path.read_bytes()).text_content(), path
