"""技術能量: each capability with its picture and summary."""

from __future__ import annotations

from ..model import Context, Page
from .common import block


def build(ctx: Context) -> list[Page]:
    page = Page("capabilities.md", ctx.label("capabilities"), "",
                ctx.dates.file("alliance.yml"))
    items = []
    for i, cap in enumerate(ctx.site.capabilities, start=1):
        items.append(
            f'<article class="al-feature" id="cap-{i}">'
            + (f'<div class="al-feature__image">{ctx.img(page, cap.image)}</div>'
               if cap.image else "")
            + '<div class="al-feature__text">'
            f'<h2>{ctx.phrase(cap.title, "capability title")}</h2>'
            f'<div{ctx.lang_attr(cap.summary)}>'
            f'{ctx.markdown(page, cap.summary, "capability summary")}</div>'
            "</div></article>"
        )
    page.body = block("".join(items)) if items else ctx.label("none_yet") + "\n"
    return [page]
