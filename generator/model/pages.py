"""pages/: free Markdown pages an alliance writes itself, read once by the loader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class PageText:
    """One language's file of a free page: its front matter's few keys and its body."""

    path: Path
    title: str | None
    description: str | None
    updated: date | None
    body: str


@dataclass(frozen=True)
class FreePage:
    """``pages/<stem>.md`` and its optional English twin ``<stem>.en.md``."""

    stem: str
    zh: PageText
    en: PageText | None
