"""A page's main text, taken from the lxml tree the page's other facts already came from.

trafilatura did this before and cost about half of our per-page analysis (its own parse, a
configuration read, several pruning passes and a fallback extractor per page), which made the
spot check cost ~2x plain LinkChecker's CPU. What the fingerprint needs is less: the page's
words without site furniture, one line per block, so that :mod:`template` can learn a site's
repeated blocks and the hashes change with content only. Furniture is dropped by element
(``nav``, ``header``, ``footer``, ``aside``, forms and controls), by ARIA landmark role, and by
the class or id words sites put on menus, sidebars and bars; what a site repeats on most pages
beyond that is removed by :mod:`template`, dates and counters by :mod:`volatile`.
"""

from __future__ import annotations

import re

from lxml import etree

#: Elements that hold site furniture, never main text.
FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "button", "select", "textarea",
                  "iframe", "noscript", "script", "style", "template", "svg", "menu")
#: ARIA landmark roles of furniture.
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu",
                    "menubar", "toolbar"}
#: Class or id words that sites put on menus, bars and sidebars (``nav``, ``main-menu``,
#: ``sidebar``, ``breadcrumb``…), matched as whole words of the attribute (``-``/``_`` split).
_FURNITURE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|mainmenu|submenu|sidebar|sidenav|breadcrumbs?|"
    r"topbar|toolbar|header|footer|copyright|skip|share|social|sns|cookie|banner)(?:$|[\s_-])",
    re.I,
)
_FURNITURE_XPATH = etree.XPath(
    "//*[@role or @class or @id][not(self::html) and not(self::body)]")
#: Elements that start a new line (block) of text; a table row is one line, its cells
#: separated by spaces.
BLOCK_TAGS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt",
              "dd", "pre", "blockquote", "section", "article", "main", "table", "ul", "ol",
              "dl", "br", "hr", "caption", "figcaption", "address", "center")


def main_text(tree: etree._Element) -> str:
    """The main text of ``tree``, one block (paragraph, cell, item, heading) per line.

    ``tree`` is changed in place (furniture removed, line breaks added): call this last.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    doomed = [el for el in root.iter(*FURNITURE_TAGS)
              if el.tag != "header" or not _inside_article(el)]
    half = len(root.text_content()) / 2
    for el in _FURNITURE_XPATH(root):
        role = (el.get("role") or "").strip().lower()
        if role in _FURNITURE_ROLES:
            doomed.append(el)
        elif _FURNITURE_WORDS.search(f"{el.get('class') or ''} {el.get('id') or ''}") and (
                len(el.text_content()) < half):
            # a word alone is a weak sign: ``class="content has-sidebar"`` wraps the page
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter(*BLOCK_TAGS):
        el.text = "\n" + el.text if el.text else "\n"
        el.tail = "\n" + el.tail if el.tail else "\n"
    for el in root.iter("td", "th"):
        el.tail = " " + el.tail if el.tail else " "
    return "".join(root.itertext())


def _inside_article(el: etree._Element) -> bool:
    """An article's own ``<header>`` holds its title and date, which are content."""
    return any(a.tag in ("article", "main") for a in el.iterancestors())
