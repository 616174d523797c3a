"""MkDocs hooks: thin on purpose. Content comes from the generator, not from here.

Pages the blog plugin makes (archive, categories, pagination) have no front matter of ours:
they get ``updated`` from the newest post they list, so the footer's "last updated", the
``dateModified`` meta and the sitemap's ``lastmod`` stay content dates. MkDocs renders the
sitemap before the pages, hence two events: ``on_page_markdown`` for the sitemap (the view's
own posts) and ``on_page_context`` for the pagination pages the blog plugin renders late.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from mkdocs.plugins import event_priority

from generator.formats import long_date
from generator.site.jinja_cache import CACHE


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.bytecode_cache = CACHE  # Material's templates compile once per process, not per build
    lang = config.extra["alliance"]["lang"]
    env.filters["long_date"] = lambda value: long_date(
        _day(value) or date.fromisoformat(str(value)), lang)
    return env


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _date_view(page: Any, posts: Any) -> None:
    days = [_day(getattr(getattr(p, "config", None), "date", None) and p.config.date.created)
            for p in posts or ()]
    days = [d for d in days if d is not None]
    if days:
        page.meta["updated"] = max(days)


@event_priority(-200)
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    posts = getattr(page, "posts", None)
    if posts:
        # A paginated view lists a slice of its posts: page n shows posts [n*k, (n+1)*k).
        pages = getattr(page, "pages", None) or [page]
        index = pages.index(page) if page in pages else 0
        blog = config.plugins.get("material/blog") or config.plugins.get("blog")
        per_page = getattr(getattr(blog, "config", None), "pagination_per_page", None)
        if per_page and getattr(blog.config, "pagination", True):
            posts = posts[index * per_page:(index + 1) * per_page] or posts
        _date_view(page, posts)
    return markdown


@event_priority(-200)  # after the blog plugin has put the view's posts in the context
def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any
                    ) -> dict[str, Any]:
    posts = context.get("posts") or getattr(page, "posts", None)
    if posts:
        _date_view(page, posts)
    return context
