"""Presenting a run: JSON for scripts, CSV for spreadsheets, HTML for the officer.

Reports only format what ``assess``/``verdict`` decided (a :class:`RunReport` of typed
:class:`~site_checks.result.SiteResult`); they never decide anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import Lang
from site_checks.result import SiteResult


@dataclass(frozen=True)
class RunReport:
    """One run as the reports see it. ``lang`` None: the HTML shows both languages and the
    JSON and CSV English (the wording scripts have relied on)."""

    date: str
    in_season: bool
    max_age_days: int
    results: list[SiteResult]
    past: dict[str, list[dict]]
    lang: Lang | None = None

    @property
    def text_lang(self) -> Lang:
        """The language of reasons and warnings in JSON and CSV."""
        return self.lang or "en"
