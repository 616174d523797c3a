"""A Python-Markdown extension that sanitises the whole rendered page with the site's policy.

It runs last, after MkDocs has fixed links and restored raw HTML, so raw HTML in free pages
and news posts goes through the same nh3 policy as the YAML's text (``text.sanitize``).
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from .text import sanitize


class _Sanitize(Postprocessor):
    def run(self, text: str) -> str:
        return sanitize(text, page=True)


class SafeHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        md.postprocessors.register(_Sanitize(md), "alliance_sanitize", 0)


def makeExtension(**kwargs: object) -> SafeHtmlExtension:  # noqa: N802
    return SafeHtmlExtension(**kwargs)
