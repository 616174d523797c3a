"""LinkChecker without its per-page soup: the same encoding, links and robots decision.

``linkfinder.install`` replaces BeautifulSoup (``html.parser``) by lxml where LinkChecker reads
a page; each test below holds the soup's answer as the reference.
"""

from __future__ import annotations

import types

import pytest
from linkcheck.checker import httpurl
from linkcheck.htmlutil import htmlsoup
from spotcheck_support import CORPUS

from site_checks.crawl import linkfinder

PAGES = sorted(CORPUS.rglob("*.html"))


def _url_data(raw: bytes, encoding: str | None = None):
    """The part of a LinkChecker ``UrlBase`` our replacements read."""
    data = types.SimpleNamespace(text=None, data=raw, soup=None, content_encoding=None,
                                 found=[])
    data.get_raw_content = lambda: data.data
    data.get_content = lambda: linkfinder.get_content(data, encoding)
    data.is_html = lambda: True
    data.add_url = lambda url, **kw: data.found.append((url, kw["name"], kw["base"]))
    return data


def _soup_links(raw: bytes) -> list[tuple[str, str, str]]:
    """The links the soup-based finder (before lxml) saw, in order: the reference."""
    found = []
    soup = htmlsoup.make_soup(raw)
    finder = linkfinder.BrowserLinkFinder(
        lambda url, **kw: found.append((url, kw["name"], kw["base"])), linkfinder.TAGS)
    for element in soup.find_all(True):
        text = element.text.strip() if element.name in ("a", "style") else ""
        finder.html_element(element.name, element.attrs, text, element.sourceline, 0)
    return found


SAMPLES = [
    ("<html><head><meta charset='big5'></head><body>最新消息</body></html>".encode("big5"), None),
    ("<html><body>最新消息</body></html>".encode("big5"), "big5"),
    ("<html><body>najnowsze wiadomości</body></html>".encode("cp1250"), "windows-1250"),
    (b"\xef\xbb\xbf<html><body>\xe6\x9c\x80\xe6\x96\xb0</body></html>", None),
    (b"<html><body>plain ascii</body></html>", None),
    ("<html><body>最新消息</body></html>".encode(), None),
]


@pytest.mark.parametrize(("raw", "http_charset"), SAMPLES)
def test_encoding_is_the_one_the_soup_finds(raw, http_charset):
    data = _url_data(raw, http_charset)
    text = data.get_content()
    expected = htmlsoup.make_soup(raw, http_charset).original_encoding or "ISO-8859-1"
    assert data.content_encoding == expected
    assert text == raw.decode(expected)
    assert data.soup is None  # no soup made on the way


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_links_of_every_corpus_page_are_the_ones_the_soup_finds(page):
    raw = page.read_bytes()
    data = _url_data(raw)
    linkfinder.parse_html(data)
    assert data.found == _soup_links(raw)


@pytest.mark.parametrize("depth", [10, 300, 500])
def test_links_deep_in_a_page_and_after_it_are_found(depth):
    """Up to the nesting ``complexity`` allows (512): libxml2 alone stops at 256."""
    raw = ("<html><body>" + "<div>" * depth + "<a href='deep.html'>深</a>" + "</div>" * depth
           + "<a href='after.html'>後</a></body></html>").encode()
    data = _url_data(raw)
    linkfinder.parse_html(data)
    assert [url for url, _name, _base in data.found] == ["deep.html", "after.html"]
    assert data.found == _soup_links(raw)


@pytest.mark.parametrize("tail", ["</body></html>", "</BODY>\n</HTML >", "</html>"])
def test_links_after_the_end_of_the_document_are_found(tail):
    """Browsers (and the soup) read what follows ``</html>``; libxml2 alone drops it."""
    raw = (f"<html><body><a href='x.html'>x</a>{tail}\n<a href='post.html'>p</a>"
           "<img src='counter.png'>").encode()
    data = _url_data(raw)
    linkfinder.parse_html(data)
    assert [url for url, _name, _base in data.found] == ["x.html", "post.html", "counter.png"]
    assert data.found == _soup_links(raw)


@pytest.mark.parametrize(("meta", "allows"), [
    ('<meta name="robots" content="noindex, nofollow">', False),
    ('<meta name="robots" content="NOFOLLOW">', False),
    ('<meta name="robots" content="noindex">', True),
    ('<meta name="googlebot" content="nofollow">', True),
    ("", True),
])
def test_robots_nofollow_is_read_as_the_soup_reads_it(meta, allows):
    raw = f"<html><head>{meta}</head><body><a href='x.html'>x</a></body></html>".encode()
    data = _url_data(raw)
    soup_says = not htmlsoup.make_soup(raw).find(
        "meta", attrs={"name": "robots", "content": httpurl.nofollow_re})
    assert linkfinder.content_allows_robots(data) is allows is soup_says
