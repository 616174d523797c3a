"""Facts about one fetched page, taken while LinkChecker already holds its HTML in memory.

One lxml parse per page, shared by the anchors, the dates, htmldate and the main text
(``maintext``): the freshness evidence and the anchors come from the same crawl as the link
check, not a second pass.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import htmldate
from lxml import etree

from site_checks.evidence.dates import (
    COPYRIGHT,
    find_dates,
    parse_iso,
    rewrite_local_dates,
    scan,
)
from site_checks.evidence.fingerprint import blocks, fingerprint_blocks
from site_checks.evidence.htmltree import parse
from site_checks.evidence.maintext import main_text
from site_checks.models import ClaimedDate, PageFacts

#: Elements whose dates are site furniture, not content.
_FOOTER_XPATH = (
    "//footer | //*[@role='contentinfo'] | //*[contains(@class,'footer') or contains(@id,'footer')"
    " or contains(@class,'copyright') or contains(@id,'copyright')]"
)
#: Words that mark a date as a build, generation or deploy stamp.
_BUILD_WORDS = re.compile(
    r"build|built|generated|generator|deploy|compiled|建置|產生於|編譯|產製|部署", re.IGNORECASE
)
_META_DATE_NAMES = {
    "article:published_time", "article:modified_time", "og:updated_time", "date",
    "dc.date", "dc.date.modified", "dcterms.modified", "dcterms.date", "last-modified",
    "pubdate", "publishdate",
}
_JSONLD_KEYS = ("datePublished", "dateModified", "dateCreated", "startDate", "endDate",
                "uploadDate")
_JSONLD_EVENT_KEYS = {"startDate", "endDate"}
#: Labels that make the date after them a stamp or a clock, not content (issue 9).
_STAMP_WORDS = re.compile(
    r"最後更新|最近更新|更新日期|更新時間|網站更新|網頁更新|資料更新|今天是|今日是|今天日期|"
    r"現在時間|目前時間|last[- ]?updated?|last[- ]?modified|updated on|today is", re.I)
_STAMP_CLASSES = re.compile(r"last-?update|lastmod|updated|today|clock|current-?date", re.I)
#: Labels of an event's own date (when it happens, when registration closes): the
#: announcement's date is content, the event's is not.
_EVENT_WORDS = re.compile(
    r"活動日期|活動時間|活動期間|舉辦日期|舉辦時間|會議日期|會議時間|研討會日期|講座時間|課程日期|"
    r"上課日期|上課時間|報名截止|截止日期|報名期間|報名時間|開課日期|event date|event time|"
    r"deadline|when\s*:", re.I)
_EVENT_CLASSES = re.compile(r"event-?date|event-?time|calendar|schedule|\bcal\b", re.I)
#: The ministry credit line (R6 sites are funded by 國科會, formerly 科技部).
MINISTRY_CREDIT = re.compile(
    r"國科會|科技部|國家科學及技術委員會|行政院國家科學委員會|\bNSTC\b|\bMOST\b|"
    r"National Science and Technology Council|Ministry of Science and Technology"
)


def page_facts(
    html: str, url: str, last_modified: str | None, check_date: dt.date
) -> PageFacts:
    """Draw :class:`PageFacts` from a page's HTML (already decoded by LinkChecker).

    Ids are taken from the page as served: links point at what the browser sees, so an id
    such as ``news-114年5月3日`` must not go through the date rewriting the text gets.
    """
    tree = parse(html)
    anchors = frozenset(
        v for v in tree.xpath("//@id | //a/@name") if isinstance(v, str) and v
    )
    _rewrite_text_dates(tree)
    for bad in tree.xpath("//script[not(@type='application/ld+json')] | //style | //noscript"):
        bad.drop_tree()
    title = (tree.findtext(".//title") or "").strip()
    labels = tuple(
        _clean(el.text_content())
        for el in tree.xpath("//h1 | //h2 | //h3 | //nav//a | //header//a | //a | //title")
    )
    body_text = _clean(tree.text_content())
    footers = tree.xpath(_FOOTER_XPATH)
    footer_text = " ".join(_clean(f.text_content()) for f in footers)
    copyright_years = tuple(sorted({int(m.group("y")) for m in COPYRIGHT.finditer(body_text)}))

    dates: list[ClaimedDate] = []
    dates += _structured_dates(tree, url)
    dates += _visible_dates(tree, url, footers)
    for year_date in find_dates(footer_text):
        dates.append(ClaimedDate("visible", year_date.isoformat(), url, "footer"))
    # htmldate sees what we do not parse ourselves (URL dates, date-classed elements); it is
    # shown the page without its footers so that "© 2026" or a build stamp cannot leak in.
    for footer in footers:
        if footer.getparent() is not None:
            footer.drop_tree()
    found = htmldate.find_date(
        tree, extensive_search=False, original_date=False, url=url,
        max_date=check_date.isoformat(),
    )
    if found:
        dates.append(ClaimedDate("htmldate", found, url, "content"))

    # last: main_text drops the furniture from the tree; the fingerprint masks dates
    main = main_text(tree) or body_text.replace(footer_text, "")
    main_blocks = blocks(main)
    fp = fingerprint_blocks(main_blocks)
    return PageFacts(
        url=url,
        title=title,
        sha256=fp.sha256,
        simhash=fp.simhash,
        text_length=fp.length,
        dates=tuple(dates),
        copyright_years=copyright_years,
        last_modified=last_modified,
        anchors=anchors,
        labels=tuple(label for label in labels if label)[:400],
        ministry_credit=bool(MINISTRY_CREDIT.search(body_text)),
        blocks=main_blocks,
    )


def _rewrite_text_dates(tree: etree._Element) -> None:
    """Rewrite local date forms to ISO in the page's text (not in its tags or attributes)."""
    for el in tree.iter():
        if el.text:
            el.text = rewrite_local_dates(el.text)
        if el.tail:
            el.tail = rewrite_local_dates(el.tail)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _text_of(node: etree._Element) -> str:
    """The clean text of an element; nothing for a comment or processing instruction."""
    return _clean(node.text_content()) if isinstance(node.tag, str) else ""


def _in(el: etree._Element, containers: list[etree._Element]) -> bool:
    return any(el is c or c in el.iterancestors() for c in containers)


def _context(el: etree._Element, footers: list[etree._Element], label: str = "") -> str:
    """``footer``, ``build``, ``stamp``, ``event`` or ``content`` for a date found in ``el``
    right after the text ``label``."""
    if _in(el, footers):
        return "footer"
    attrs = " ".join([str(v) for v in el.attrib.values()] + [
        str(v) for p in el.iterancestors() for v in p.attrib.values() if p.tag != "html"][:6])
    near = " ".join([_clean(el.text_content())[:200], attrs])
    if _BUILD_WORDS.search(near):
        return "build"
    if _STAMP_WORDS.search(label) or _STAMP_CLASSES.search(attrs):
        return "stamp"
    if _EVENT_WORDS.search(label) or _EVENT_CLASSES.search(attrs):
        return "event"
    return "content"


#: Elements that label the element after them (a table header, a term, an inline caption).
_LABEL_TAGS = {"th", "td", "dt", "span", "b", "strong", "em", "i", "label", "font"}


def _label_before(node, start: int) -> str:
    """The words just before a date: in its own text, else in the element before it."""
    own = str(node)[:start].strip()[-30:]
    if len(own) >= 2:
        return own
    parent = node.getparent()
    if node.is_tail:  # text after an element: that element is its label (<b>更新</b>：…)
        return _text_of(parent)[-30:]
    previous = parent.getprevious()
    if previous is not None:  # <th>活動日期</th><td>…</td>, <span>更新</span><span>…</span>
        return _text_of(previous)[-30:] if previous.tag in _LABEL_TAGS else ""
    grand = parent.getparent()
    return (grand.text or "").strip()[-30:] if grand is not None else ""


def _position(el: etree._Element) -> str:
    """Where ``el`` stands in the template: tags with id and first class, from <body> down."""
    steps = []
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html") or len(steps) >= 12:
            break
        step = str(node.tag)
        if node.get("id") and not any(c.isdigit() for c in node.get("id")):
            step += "#" + node.get("id")
        if node.get("class"):
            step += "." + node.get("class").split()[0]
        steps.append(step)
    return ">".join(reversed(steps))


def _structured_dates(tree: etree._Element, url: str) -> list[ClaimedDate]:
    """Dates from ``<meta>`` and JSON-LD: claims the page makes about itself."""
    out: list[ClaimedDate] = []
    for meta in tree.xpath("//meta[@content]"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if name in _META_DATE_NAMES or name in {k.lower() for k in _JSONLD_KEYS}:
            date = parse_iso(meta.get("content", ""))
            if date:
                out.append(ClaimedDate("meta", date.isoformat(), url))
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for key, value in _jsonld_values(data):
            date = parse_iso(value)
            if date:
                context = "event" if key in _JSONLD_EVENT_KEYS else "content"
                out.append(ClaimedDate("json-ld", date.isoformat(), url, context))
    return out


def _jsonld_values(data: object) -> list[tuple[str, str]]:
    if isinstance(data, dict):
        found = [(k, v) for k, v in data.items() if k in _JSONLD_KEYS and isinstance(v, str)]
        for v in data.values():
            found += _jsonld_values(v)
        return found
    if isinstance(data, list):
        return [v for item in data for v in _jsonld_values(item)]
    return []


def _visible_dates(
    tree: etree._Element, url: str, footers: list[etree._Element]
) -> list[ClaimedDate]:
    """``<time>`` elements and dates written in the text, each with its context."""
    out: list[ClaimedDate] = []
    for el in tree.xpath("//time"):
        date = parse_iso(el.get("datetime", "")) or next(iter(find_dates(el.text_content())), None)
        if date:
            previous = el.getprevious()
            label = (_text_of(previous) if previous is not None else
                     _clean(el.getparent().text or ""))[-30:]
            out.append(ClaimedDate("time", date.isoformat(), url,
                                   _context(el, footers, label), _position(el)))
    seen: set[tuple[str, str, str, str]] = set()
    for node in tree.xpath("//body//text()[normalize-space()]"):
        parent = node.getparent()
        if parent is None or parent.tag in ("time", "script") or _in(parent, footers):
            continue
        holder = parent.getparent() if node.is_tail else parent
        holder = parent if holder is None else holder
        for found in scan(str(node)):
            context = _context(holder, footers, _label_before(node, found.start))
            key = (found.date.isoformat(), context, _position(holder), found.precision)
            if key not in seen:
                seen.add(key)
                out.append(ClaimedDate("visible", *key[:1], url, *key[1:]))
    return out
