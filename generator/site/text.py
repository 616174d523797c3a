"""Markdown from the YAML rendered to safe HTML, and plain text escaped for HTML and Markdown.

Everything an alliance writes is untrusted as HTML: it is rendered, then sanitised with nh3
(no script, no style, no event handlers, no ``javascript:`` links). The same policy runs over
every page MkDocs renders (``safehtml``), so free pages and news posts get it too.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from urllib.parse import unquote

import markdown
import nh3

from .. import userfiles

_TAGS = set(nh3.ALLOWED_TAGS) | {
    "section", "figure", "figcaption", "img", "time", "details", "summary", "input", "label",
    "hr", "br", "span", "div", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    "sup", "sub", "abbr", "mark", "small", "nav", "p", "code", "pre", "picture", "source",
}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex"},
    "a": {"href", "hreflang", "rel", "target", "download", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "align"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "ol": {"start", "type"},
    "li": {"value"},
    "input": {"type", "checked", "disabled", "name"},
    "label": {"for"},
    "details": {"open"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "abbr": {"title"},
    "code": {"class"},
    "source": {"type", "srcset"},
}
# The only srcset the site writes: a WebP twin under media/ (generator.site.images). Anything
# else is dropped, so a srcset cannot point past the link checks done on href and src.
_SRCSET = re.compile(r"(?:\.\./)*media(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)+\.webp")


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "srcset":
        return value if _SRCSET.fullmatch(value) else None
    return value


_SCHEMES = {"http", "https", "mailto", "tel"}
_TABLE_STYLE = {"text-align"}


def sanitize(fragment: str, *, page: bool = False) -> str:
    """The one HTML policy of the site: what is not allowed is removed, never escaped out.

    ``page``: the whole rendered page (``safehtml``), where links into evidence/ are dropped
    too; the YAML's texts drop them earlier, in ``render_markdown``, with a note.
    """
    return nh3.clean(
        fragment,
        tags=_TAGS,
        clean_content_tags={"script", "style", "template", "noscript"},
        attributes=_ATTRIBUTES,
        strip_comments=False,  # keeps the blog's <!-- more --> separator; comments cannot run
        link_rel=None,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=_SCHEMES,
        filter_style_properties=_TABLE_STYLE,
        attribute_filter=_page_attribute if page else _attribute,
    )


def _page_attribute(tag: str, attribute: str, value: str) -> str | None:
    """A whole page: the srcset policy and the private-link net together."""
    kept = _attribute(tag, attribute, value)
    return None if kept is None else _no_private_link(tag, attribute, kept)


def _no_private_link(tag: str, attribute: str, value: str) -> str | None:
    """No href/src into evidence/ survives, however a page spelt it (the last safety net).

    An empty href is what a removed private link leaves: dropped too, so it reads as text.
    """
    if attribute == "href" and not value.strip():
        return None
    if attribute in ("href", "src") and userfiles.is_file_link(value) and \
            "evidence" in html.unescape(unquote(value)).replace("\\", "/").split("/"):
        return None
    return value


def escape(text: str) -> str:
    """Plain text for HTML: names and titles are never markup."""
    return html.escape(text, quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~])")


def md_escape(text: str) -> str:
    """Plain text for a Markdown line (a heading): no emphasis, links or HTML from it."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def template_text(text: str) -> str:
    """Text MkDocs/Material templates print unescaped (titles, site name, descriptions).

    Material puts ``page.title``, ``config.site_name`` and descriptions into HTML and
    attributes without escaping, so markup and quotes from the data are neutralised here.
    """
    return " ".join(text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
                    .split())


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar for front matter."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_CJK_BREAK = re.compile(rf"([{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")


def join_cjk_lines(text: str) -> str:
    """A line break between two Chinese characters is no space (browsers would show one)."""
    return _CJK_BREAK.sub(r"\1", text)


_MD = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")
_URL_ATTR = re.compile(r'\b(href|src)="([^"]*)"')


@functools.lru_cache(maxsize=4096)
def _sanitized_html(text: str) -> str:
    """Markdown → sanitised HTML, kept: the same text is shown in both languages (an
    untranslated one) and on several pages, and the preview renders every text again on
    each save (on the example 172 conversions a site, 0.05–0.1 s; the cache leaves the
    texts that changed). Links are mapped afterwards, per page."""
    _MD.reset()
    return sanitize(_MD.convert(join_cjk_lines(text)))


def render_markdown(text: str, link: Callable[[str], str | None]) -> str:
    """Markdown → sanitised HTML; ``link`` maps each href/src (None drops the attribute).

    Used for the YAML's long texts: ``media/…`` becomes a path relative to the page and is
    recorded for copying; ``evidence/…`` is dropped, so a private file is never linked.
    """
    rendered = _sanitized_html(text)

    def fix(match: re.Match[str]) -> str:
        target = link(html.unescape(match.group(2)))
        if target is None:
            return ""
        return f'{match.group(1)}="{escape(target)}"'

    return _URL_ATTR.sub(fix, rendered)


def render_inline(text: str, link: Callable[[str], str | None]) -> str:
    """One paragraph of Markdown without the surrounding <p>."""
    rendered = render_markdown(text, link).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered
