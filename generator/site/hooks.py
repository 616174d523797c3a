"""MkDocs hooks: thin on purpose. Content comes from the generator, not from here.

- Pages the blog plugin makes (archive, categories, pagination) get ``updated`` from the
  newest post they list, so the "last updated" line and the sitemap stay content dates.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any
                    ) -> dict[str, Any]:
    meta = page.meta
    if "updated" in meta:
        return context
    posts = getattr(page, "posts", None)
    if posts:
        days = [_day(p.config.date.created) for p in posts]
        days = [d for d in days if d is not None]
        if days:
            meta["updated"] = max(days)
    return context
