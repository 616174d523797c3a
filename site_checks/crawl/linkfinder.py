"""Links as a browser fetches them, found in the HTML LinkChecker already parsed.

LinkChecker 10.6's tag table misses what browsers load from ``<picture><source srcset>``,
``<video poster>``, SVG ``<use>``/``<image>`` (``href`` and ``xlink:href``), ``og:image`` and
``<style>`` blocks (``url()`` and ``@import``), and its CSS parser skips ``@import "x.css"``
(known-traps.md). Its parsers are module functions looked up by name, with no API to add one,
so :func:`install` replaces ``parse_html`` and ``parse_css`` in ``linkcheck.parser`` with the
versions below, once per worker process; everything else about the crawl stays LinkChecker's.
"""

from __future__ import annotations

import re

from linkcheck import parser as lc_parser
from linkcheck import strformat
from linkcheck.htmlutil import linkparse

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
    """LinkChecker's ``parse_html`` with :class:`BrowserLinkFinder`; a page too complex to
    parse is left alone (the collector reports it)."""
    if too_complex(url_data.get_content()):
        return
    soup = url_data.get_soup()
    finder = BrowserLinkFinder(url_data.add_url, TAGS)
    for element in soup.find_all(True):
        # Only a link's text (its name in reports) and a <style>'s CSS are used. LinkChecker
        # takes every element's whole text, which costs O(depth × size): minutes of CPU on a
        # page of deeply nested <div>s, and a good share of its time on ordinary pages.
        text = element.text.strip() if element.name in ("a", "style") else ""
        finder.html_element(element.name, element.attrs, text, element.sourceline,
                            None if element.sourcepos is None else element.sourcepos + 1)


def parse_css(url_data) -> None:
    """LinkChecker's ``parse_css`` that also follows quoted ``@import``."""
    for url in css_urls(url_data.get_content()):
        url_data.add_url(url)


def install() -> None:
    """Make LinkChecker's content dispatcher use the parsers of this module."""
    lc_parser.parse_html = parse_html
    lc_parser.parse_css = parse_css
