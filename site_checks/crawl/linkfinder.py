"""Links as a browser fetches them, found in the HTML LinkChecker already parsed.

LinkChecker 10.6's tag table misses what browsers load from ``<picture><source srcset>``,
``<video poster>``, SVG ``<use>``/``<image>`` (``href`` and ``xlink:href``), ``og:image`` and
``<style>`` blocks (``url()`` and ``@import``), and its CSS parser skips ``@import "x.css"``
(known-traps.md). Its parsers are module functions looked up by name, with no API to add one,
so :func:`install` replaces ``parse_html`` and ``parse_css`` in ``linkcheck.parser`` with the
versions below, once per worker process; everything else about the crawl stays LinkChecker's.

LinkChecker also parses every page with BeautifulSoup's ``html.parser`` as it decodes it, only
to learn its encoding, look for ``<meta name=robots content=nofollow>`` and list its elements:
~0.6 ms a page, more than all its other per-page work but the HTTP. :func:`install` makes it
decode with the same encoding detection (bs4's ``UnicodeDammit``, as its ``html.parser`` tree
builder calls it) without building the soup, and the two readers of the soup here use lxml;
a soup is still made, lazily, for any other reader (WML pages, the anchor plugin).
"""

from __future__ import annotations

import re

from bs4.dammit import UnicodeDammit
from linkcheck import parser as lc_parser
from linkcheck import strformat
from linkcheck.checker import httpurl, urlbase
from linkcheck.htmlutil import htmlsoup, linkparse
from lxml import etree

from site_checks.evidence.htmltree import parse
from site_checks.safety.complexity import too_complex

#: LinkChecker's table plus what browsers also fetch.
TAGS: dict[str | None, list[str]] = {
    **linkparse.LinkTags,
    "a": ["href", "xlink:href"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "use": ["href", "xlink:href"],
    "image": ["href", "xlink:href"],
    "feimage": ["href", "xlink:href"],
    "style": [],
}
#: ``<meta property=…>`` whose ``content`` is an address a reader's browser or a sharing
#: preview loads.
_META_URL_PROPERTIES = {"og:image", "og:image:url", "og:image:secure_url", "og:video",
                        "og:audio", "twitter:image", "twitter:image:src"}
#: ``@import "x.css"`` and ``@import 'x.css'`` (``@import url(x.css)`` is a ``url()``).
_CSS_IMPORT = re.compile(r"""@import\s+(?P<q>["'])(?P<url>[^"']+)(?P=q)""")


def css_urls(text: str) -> list[str]:
    """Every address a stylesheet loads: ``url(…)`` and quoted ``@import``, comments skipped."""
    text = linkparse.strip_c_comments(text)
    urls = [strformat.unquote(mo.group("url").strip(), matching=True)
            for mo in linkparse.css_url_re.finditer(text)]
    urls += [mo.group("url").strip() for mo in _CSS_IMPORT.finditer(text)]
    return [u for u in urls if u and not u.startswith("data:")]


class BrowserLinkFinder(linkparse.LinkFinder):
    """LinkChecker's ``LinkFinder`` with the tags above, ``og:image`` and ``<style>`` blocks."""

    def html_element(self, tag, attrs, element_text, lineno, column):
        if tag == "meta":
            prop = (attrs.get("property") or attrs.get("name") or "").lower()
            if prop in _META_URL_PROPERTIES and attrs.get("content"):
                self.found_url(attrs["content"].strip(), "", self.base_ref, lineno, column)
                return
        if tag == "style":
            for url in css_urls(element_text or ""):
                self.found_url(url, "", self.base_ref, lineno, column)
            return
        super().html_element(tag, attrs, element_text, lineno, column)


def parse_html(url_data) -> None:
    """LinkChecker's ``parse_html`` with :class:`BrowserLinkFinder` over an lxml tree; a page
    too complex to parse is left alone (the collector reports it)."""
    html = url_data.get_content()
    if too_complex(html):
        return
    finder = BrowserLinkFinder(url_data.add_url, TAGS)
    for element in parse(html).iter(etree.Element):
        # Only a link's text (its name in reports) and a <style>'s CSS are used. LinkChecker
        # takes every element's whole text, which costs O(depth × size): minutes of CPU on a
        # page of deeply nested <div>s, and a good share of its time on ordinary pages.
        text = element.text_content().strip() if element.tag in ("a", "style") else ""
        # lxml knows an element's line, not its column: 0 is LinkChecker's "unknown"
        finder.html_element(element.tag, dict(element.attrib), text, element.sourceline, 0)


def parse_css(url_data) -> None:
    """LinkChecker's ``parse_css`` that also follows quoted ``@import``."""
    for url in css_urls(url_data.get_content()):
        url_data.add_url(url)


def get_content(self, encoding=None) -> str:
    """``UrlBase.get_content`` without the soup: the page's text, decoded with the encoding
    BeautifulSoup would have found (HTTP charset first, then BOM, ``<meta charset>``, …)."""
    if self.text is None:
        self.get_raw_content()
        detected = UnicodeDammit(self.data, known_definite_encodings=[encoding] if encoding
                                 else [], is_html=True).original_encoding
        # LinkChecker's own fallback when detection finds nothing: any byte decodes
        self.content_encoding = detected or "ISO-8859-1"
        self.text = self.data.decode(self.content_encoding)
    return self.text


def get_soup(self):
    """``UrlBase.get_soup``, made on first use only (nothing in our crawl of HTML asks)."""
    if self.soup is None:
        self.soup = htmlsoup.make_soup(self.get_raw_content(), self.content_encoding)
    return self.soup


def content_allows_robots(self) -> bool:
    """``HttpUrl.content_allows_robots`` over an lxml tree: False when the page says
    ``<meta name="robots" content="…nofollow…">``, as LinkChecker's soup search did."""
    if not self.is_html():
        return True
    return not any(meta.get("name") == "robots" and httpurl.nofollow_re.search(
        meta.get("content") or "") for meta in parse(self.get_content()).iter("meta"))


def install() -> None:
    """Make LinkChecker decode pages without a soup and its content dispatcher use the
    parsers of this module."""
    lc_parser.parse_html = parse_html
    lc_parser.parse_css = parse_css
    urlbase.UrlBase.get_content = get_content
    urlbase.UrlBase.get_soup = get_soup
    httpurl.HttpUrl.content_allows_robots = content_allows_robots
