"""最新消息與活動: the blog index, one post per news file, and the public events.

Posts are Markdown for Material's blog plugin (one per language build): an ASCII ``slug``,
Chinese or English category labels whose URLs stay ASCII (``generator.site.slugs``), and
``media/`` links rewritten relative to the post's source so MkDocs checks and fixes them.
"""

from __future__ import annotations

from itertools import groupby

from ...model.news import NewsPost
from ..dates import capped, newest
from ..labels import category_label
from ..model import Context, Page
from ..text import escape, join_cjk_lines, md_escape, yaml_string
from . import events
from .common import block

POSTS_DIR = "news/posts"


def build(ctx: Context) -> list[Page]:
    return [_index(ctx), *(_post(ctx, p) for p in ctx.site.news), _activities(ctx)]


def _index(ctx: Context) -> Page:
    dates = [capped(p.date, ctx.dates.of(p.path)) for p in ctx.site.news]
    page = Page("news/index.md", ctx.label("news"), "", newest(dates) or
                ctx.dates.file("alliance.yml"))
    feed = escape(ctx.rel(page, "feed.xml"))
    page.body = f"# {ctx.label('news')}\n\n" + block(f'<p class="al-feed"><a href="{feed}" '
                      f'type="application/atom+xml">{escape(ctx.label("feed"))}</a></p>')
    upcoming = events.upcoming_block(ctx, page)
    if upcoming:
        page.body += block(upcoming)
    return page


def _post(ctx: Context, post: NewsPost) -> Page:
    english = ctx.lang == "en"
    body_text = post.body_en if english and post.body_en else post.body_zh
    fallback = english and not post.body_en
    if fallback:
        ctx.fallbacks.append(f"news/{post.path.name}")
    page = Page(f"{POSTS_DIR}/{post.slug}.md", ctx.text(post.title, f"news {post.slug}"), "",
                capped(post.date, ctx.dates.of(post.path)), nav=False)
    labels = [category_label(c, ctx.lang) for c in post.categories]
    front = [f"date: {post.date.isoformat()}", f"slug: {post.slug}"]
    if labels:
        front.append("categories: [" + ", ".join(yaml_string(x) for x in labels) + "]")
    summary = post_summary(ctx, post)
    if summary:
        page.meta["description"] = summary
    page.meta["_front"] = front
    parts = []
    if ctx.is_fallback(post.title):  # Material's own <h1> could not say it is Chinese
        parts.append(f'# <span lang="zh-TW">{escape(ctx.text(post.title))}</span>')
        page.meta["title_lang"] = "zh-TW"
    if post.image is not None:
        src = ctx.media_link("news/posts/", post.image.src)  # relative to the source file
        alt = ctx.text(post.image.alt, f"news {post.slug} image alt")
        size = ctx.images.size(post.image.src)
        dims = f" width={size[0]} height={size[1]}" if size else ""
        # Not lazy: the lead picture is usually the largest thing on the post and on the news
        # list (Lighthouse's LCP), and lazy loading would only delay it.
        parts.append(f"![{md_escape(alt)}]({src}){{ .al-post-image decoding=async{dims} }}")
    body = _relink(ctx, join_cjk_lines(body_text))

    def tagged(text: str) -> str:
        """The Chinese text of the English build says which language it is in."""
        if not fallback or not text.strip():
            return text
        return f'<div lang="zh-TW" markdown="1">\n\n{text.strip()}\n\n</div>'

    lead = "{ .al-lead" + (' lang="zh-TW"' if summary_lang(ctx, post) else "") + " }"
    facts = ""
    if post.event is not None:
        facts = events.box(ctx, post)
        page.meta["event"] = events.structured(ctx, post)
        ctx.files[events.ics_path(post)] = events.ics(ctx, post)
    if summary:
        parts.append(md_escape(summary) + "\n" + lead)
        parts.append("<!-- more -->")
        if facts:
            parts.append(block(facts).strip())
        if fallback:
            parts.append(f'!!! note ""\n    {ctx.label("post_chinese_only")}')
        parts.append(tagged(body))
    else:
        first, _, rest = body.strip().partition("\n\n")
        parts.append(tagged(first))
        parts.append("<!-- more -->")
        if facts:
            parts.append(block(facts).strip())
        if fallback:
            parts.append(f'!!! note ""\n    {ctx.label("post_chinese_only")}')
        parts.append(tagged(rest))
    page.body = "\n\n".join(p for p in parts if p.strip()) + "\n"
    return page


def summary_lang(ctx: Context, post: NewsPost) -> str:
    """` lang="zh-TW"` when the English site shows the post's Chinese summary."""
    if ctx.lang == "en" and post.summary is not None and not post.summary_en:
        return ctx.lang_attr(post.summary)
    return ""


def post_summary(ctx: Context, post: NewsPost) -> str:
    """The summary in the page's language (English from the twin file, else Chinese)."""
    if ctx.lang == "en" and post.summary_en:
        return post.summary_en
    return ctx.text(post.summary, f"news {post.slug} summary") if post.summary else ""


def _relink(ctx: Context, markdown_text: str) -> str:
    """Links of a post (written in news/) for its copy in news/posts/, via the file boundary."""
    return ctx.relink_source(markdown_text, "news", 2)


def _activities(ctx: Context) -> Page:
    site = ctx.site
    dates = [capped(a.date, ctx.dates.file("activities.yml")) for a in site.activities]
    page = Page("activities.md", ctx.label("activities"), "",
                newest(dates) or ctx.dates.file("activities.yml"))
    if not site.activities:
        page.body = ctx.label("no_activities") + "\n"
        return page
    body = ""
    for year, items in groupby(site.activities, key=lambda a: a.date.year):
        body += f"\n## {ctx.label('events_by_year', year=year)}\n\n"
        entries = []
        for a in items:
            photos = "".join(ctx.img(page, p, "al-event__photo") for p in a.photos)
            meta = [ctx.day(a.date), escape(ctx.label("kind_" + a.kind))]
            if a.participants:
                meta.append(escape(ctx.label("participants", n=a.participants)))
            entries.append(
                f'<article class="al-event" id="{escape(a.id)}">'
                f'<p class="al-card__meta">{" · ".join(meta)}</p>'
                f'<h3>{ctx.phrase(a.title, f"activity {a.id}")}'
                "</h3>"
                + (f'<div{ctx.lang_attr(a.summary)}>'
                   f'{ctx.markdown(page, a.summary, f"activity {a.id} summary")}</div>'
                   if a.summary else "")
                + (f'<div class="al-event__photos">{photos}</div>' if photos else "")
                + "</article>"
            )
        body += block("".join(entries))
    page.body = body
    return page
