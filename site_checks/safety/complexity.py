"""Pages too complex to parse: refused before any parser spends CPU on them.

A hostile or broken page (20,000 nested ``<div>``) once cost ~40 s of CPU in LinkChecker's
link extraction and was then reported as "server may be hanging". Browsers cap it too: Blink's
HTML parser stops nesting at depth 512. A page deeper than :data:`MAX_DEPTH` or with more than
:data:`MAX_TAGS` tags is neither parsed for links nor analysed; the check says "page too
complex to parse" for it. Counting ``<`` runs in C; the depth scan only runs on big pages.
"""

from __future__ import annotations

import re

MAX_DEPTH = 512
MAX_TAGS = 100_000
#: Below this many ``<`` a page cannot be deeper than the cap in any way that costs time.
_SCAN_FROM = 2 * MAX_DEPTH
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr", "p", "li", "option", "td", "th", "tr", "dt", "dd"}
TOO_COMPLEX = "page too complex to parse"


def too_complex(html: str) -> str | None:
    """Why ``html`` is too complex to parse (for the report), or None when it is fine.

    Elements whose end tag may be left out (``<p>``, ``<li>``, ``<td>``…) are not counted
    towards depth, so an ordinary page written without end tags never trips the cap.
    """
    tags = html.count("<")
    if tags < _SCAN_FROM:
        return None
    if tags > MAX_TAGS:
        return f"{TOO_COMPLEX} (more than {MAX_TAGS:,} tags)"
    depth = 0
    for mo in _TAG.finditer(html):
        closing, name, self_closing = mo.groups()
        if self_closing or name.lower() in _VOID:
            continue
        depth += -1 if closing else 1
        if depth > MAX_DEPTH:
            return f"{TOO_COMPLEX} (elements nested more than {MAX_DEPTH} deep)"
    return None
