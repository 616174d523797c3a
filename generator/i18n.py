"""Bilingual messages: every user-facing sentence exists in English and Traditional Chinese.

The PI's assistants read Chinese, reviewers and CI logs often English; the language is chosen
once per run (``--lang`` or the locale) instead of mixing both in one line.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "zh"]


@dataclass(frozen=True)
class Msg:
    """One sentence in both languages."""

    en: str
    zh: str

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en

    def __add__(self, other: Msg) -> Msg:
        return Msg(self.en + other.en, self.zh + other.zh)


def detect_lang(explicit: str | None = None) -> Lang:
    """``--lang`` wins; otherwise a Chinese locale (LC_ALL, LC_MESSAGES, LANG) means Chinese."""
    if explicit:
        return "zh" if explicit.lower().startswith("zh") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith("zh") else "en"
