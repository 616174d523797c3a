"""news/: dated Markdown posts, the strongest honest signal that a site is alive (R6)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .events import NewsEvent
from .types import Date, Id, Image, LocalText, Strict, Text


class NewsFrontMatter(Strict):
    title: Text
    date: Date
    categories: list[Id] = []
    summary: Text | None = None
    image: Image | None = None
    slug: Id | None = None
    event: NewsEvent | None = None  # the event the post announces (generator.model.events)


@dataclass(frozen=True)
class NewsPost:
    """A post and its optional English twin (``<name>.en.md`` beside it)."""

    path: Path
    slug: str
    date: date
    title: LocalText
    categories: tuple[str, ...]
    summary: LocalText | None
    image: Image | None
    body_zh: str
    body_en: str | None
    event: NewsEvent | None = None
    #: The ``summary`` of the English twin, read with it by the loader (through the file
    #: boundary, like every file); the English site shows it instead of the Chinese one.
    summary_en: str | None = None
