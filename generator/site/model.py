"""What page modules produce and what they are given: :class:`Page` and :class:`Context`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import userfiles
from ..formats import long_date
from ..model.types import Image, LocalText
from .dates import SourceDates
from .images import Images
from .labels import SiteLang, label
from .privacy import PublicSite
from .text import escape, render_inline, render_markdown


@dataclass
class Page:
    """One Markdown file of a language build, relative to its docs folder."""

    path: str  # e.g. "about.md", "news/posts/launch.md"
    title: str
    body: str
    updated: date | None
    meta: dict[str, Any] = field(default_factory=dict)
    nav: bool = True  # listed in the navigation

    @property
    def url(self) -> str:
        """The page's URL relative to the language root (MkDocs' directory URLs)."""
        stem = self.path.removesuffix(".md")
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"


@dataclass
class Context:
    """One language of one alliance: the public data, the words, and the bookkeeping."""

    site: PublicSite
    lang: SiteLang
    dates: SourceDates
    images: Images
    today: date  # the build day: which events are still to come
    url: str  # this language build's published address (…/<lang>/)
    media: set[str] = field(default_factory=set)  # media/… files the pages reference
    fallbacks: list[str] = field(default_factory=list)  # texts shown in Chinese in English
    dropped_links: list[str] = field(default_factory=list)  # evidence/… links removed
    files: dict[str, str] = field(default_factory=dict)  # extra docs files: path → text
    reports: dict[int, dict[str, str]] = field(default_factory=dict)  # year → html/pdf path

    def label(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def text(self, value: LocalText | None, what: str = "") -> str:
        """The text in this language; in English, a Chinese fallback is recorded."""
        if value is None:
            return ""
        if self.lang == "en" and not value.en:
            self.fallbacks.append(what or value.zh[:30])
        return value.get(self.lang)

    def is_fallback(self, value: LocalText | None) -> bool:
        return self.lang == "en" and value is not None and not value.en

    def phrase(self, value: LocalText | None, what: str = "") -> str:
        """Escaped text in this language; Chinese shown in English carries its own lang, so
        a screen reader reads it as Chinese (WCAG 3.1.2)."""
        if value is None:
            return ""
        text = escape(self.text(value, what))
        return f'<span lang="zh-TW">{text}</span>' if self.is_fallback(value) else text

    def lang_attr(self, value: LocalText | None) -> str:
        """` lang="zh-TW"` on an element whose English text fell back to Chinese."""
        return ' lang="zh-TW"' if self.is_fallback(value) else ""

    # -- links and media ------------------------------------------------------------------

    def rel(self, page: Page | str, target: str) -> str:
        """``target`` (relative to the docs root) as a link from ``page``'s URL."""
        url = page.url if isinstance(page, Page) else page
        depth = url.count("/")
        return ("../" * depth) + target if depth else target or "./"

    @property
    def root(self) -> Path:
        """The alliance folder (resolved), against which every written path is judged."""
        return self.dates.folder

    def media_link(self, page: Page | str, src: str) -> str:
        """A link to a file under media/, which is then copied: only through the boundary."""
        public = userfiles.public_file(self.root, src)  # Refused: validate said so already
        self.media.add(public.rel)
        return self.rel(page, public.rel)

    def link_mapper(self, page: Page | str):
        """For the YAML's long texts: media/ links fixed, private or refused links dropped."""
        def link(href: str) -> str | None:
            if not userfiles.is_file_link(href):
                return href
            try:
                public = userfiles.classify(self.root, href, "")
            except userfiles.Refused:
                self.dropped_links.append(href)
                return None
            return href if public is None else self.media_link(page, public.rel)
        return link

    def relink_source(self, text: str, base: str, depth: int) -> str:
        """Links of a Markdown file written in ``base`` (news, pages) for its docs copy.

        ``depth``: folders between the docs root and the copy (``news/posts/`` is 2). Media
        links become relative to the copy and are recorded for copying; links into
        ``evidence/`` (a warning at validate) are emptied, so no private name is published.
        """
        def fix(target: str) -> str | None:
            if not userfiles.is_file_link(target):
                return None
            try:
                public = userfiles.classify(self.root, target, base)
            except userfiles.Refused:
                self.dropped_links.append(target)
                return ""
            if public is None:
                return None
            self.media.add(public.rel)
            return "../" * depth + public.rel

        return userfiles.rewrite(text, fix)

    def markdown(self, page: Page | str, value: LocalText | None, what: str = "") -> str:
        if value is None:
            return ""
        return render_markdown(self.text(value, what), self.link_mapper(page))

    def inline(self, page: Page | str, value: LocalText | None, what: str = "") -> str:
        if value is None:
            return ""
        return render_inline(self.text(value, what), self.link_mapper(page))

    def img(self, page: Page | str, image: Image | None, css: str = "",
            lazy: bool = True) -> str:
        if image is None:
            return ""
        alt = self.text(image.alt, f"alt of {image.src}")
        attrs = (f' class="{css}"' if css else "") + self.lang_attr(image.alt)
        size = self.images.size(image.src)
        if size is not None:  # the browser keeps the space: nothing moves when it loads
            attrs += f' width="{size[0]}" height="{size[1]}"'
        attrs += ' loading="lazy" decoding="async"' if lazy else ""
        tag = (f'<img src="{escape(self.media_link(page, image.src))}" '
               f'alt="{escape(alt)}"{attrs}>')
        webp = self.images.webp_of(image.src)
        if webp is None:
            return tag
        return (f'<picture><source type="image/webp" srcset="{escape(self.rel(page, webp))}">'
                f"{tag}</picture>")

    def short_day(self, value: date) -> str:
        """A date for tables, kept on one line (the same words as :meth:`day`)."""
        return (f'<time class="al-nowrap" datetime="{value.isoformat()}">'
                f"{long_date(value, self.lang)}</time>")

    def day(self, value: date) -> str:
        """A date as people read it, inside <time> for machines."""
        return f'<time datetime="{value.isoformat()}">{long_date(value, self.lang)}</time>'
