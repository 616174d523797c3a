"""網站導覽 (site map) and 無障礙聲明 (accessibility statement), in both languages.

Taiwan's accessibility rules for government-funded sites expect both pages, linked from every
footer: the site map explains the 導盲磚 (:::) and their access keys and lists every page; the
statement says what the site meets, how that is checked, and whom to tell about a problem.
Built after the other families, because the site map lists what they made.
"""

from __future__ import annotations

from ..labels import label
from ..model import Context, Page
from ..text import escape
from .common import block, heading, phone_text

SITEMAP = "site-map.md"
STATEMENT = "accessibility.md"

# The access keys and the area each one reaches: the words are the theme's (tile_*).
KEYS = (("U", "tile_u"), ("C", "tile_c"), ("Z", "tile_z"))

_KEYS_INTRO = (
    "本網站依無障礙網頁規範設計，頁面分為上、中、下三個區塊，各以導盲磚（:::）標示；"
    "可用下列快速鍵直接到達（Windows 的 Chrome、Edge 按 Alt＋鍵，Firefox 按 Alt＋Shift＋鍵，"
    "macOS 按 Control＋Option＋鍵）：",
    "The site follows Taiwan's web accessibility rules: each page has three areas, each marked "
    "by a ':::' tile that an access key reaches (Alt+key in Chrome and Edge on Windows, "
    "Alt+Shift+key in Firefox, Control+Option+key on macOS):",
)
_SKIP = ("每頁最前面的「跳到主要內容區塊」連結（按 Tab 鍵出現）可略過選單。",
         "The 'Skip to main content' link at the start of every page (press Tab) jumps past "
         "the menus.")
_STATEMENT = {
    "goal": ("本網站以符合 WCAG 2.1 AA 等級（數位發展部「網站無障礙規範」AA 等級）為目標。",
             "This site aims to meet WCAG 2.1 level AA (level AA of Taiwan's web accessibility "
             "guidelines)."),
    "how": ("每次產生網站時，自動化測試會以 axe-core 在桌機與手機寬度下檢查每一種頁面的中英文版"
            "（色彩對比、替代文字、標題結構、鍵盤操作、語言標示等），有任何不符即不發布。",
            "Every time the site is generated, an automated test runs axe-core on every kind of "
            "page, in both languages, at desktop and phone widths (contrast, text alternatives, "
            "headings, keyboard use, language of parts); the site is not published with a "
            "failure."),
    "features": ("網站提供：每頁的跳到主要內容連結與導盲磚快速鍵、可見的鍵盤焦點、標示目前所在"
                 "單元的主選單、所有圖片的替代文字、中英文內容的語言標示，以及附書籤與標記的"
                 "年度報告 PDF。",
                 "The site offers a skip link and access keys on every page, a visible keyboard "
                 "focus, a menu that marks the current section, text alternatives for every "
                 "image, the language marked on Chinese and English text, and annual-report "
                 "PDFs with bookmarks and tags."),
    "limits": ("英文版中尚未翻譯的內容以中文顯示，並標示為中文，讓螢幕報讀軟體以正確語言朗讀。",
               "In the English version, text not yet translated is shown in Chinese and marked "
               "as Chinese, so screen readers read it in the right language."),
    "contact": ("若您在使用本網站時遇到任何障礙，歡迎與我們聯絡：",
                "If anything on this site is hard to use, please tell us:"),
}


def build(ctx: Context, pages: list[Page]) -> list[Page]:
    """The site map (listing ``pages``, the navigation's pages) and the statement."""
    return [_sitemap(ctx, pages), _statement(ctx)]


def _pick(pair: tuple[str, str], ctx: Context) -> str:
    return pair[0] if ctx.lang == "zh" else pair[1]


def _sitemap(ctx: Context, pages: list[Page]) -> Page:
    page = Page(SITEMAP, ctx.label("sitemap"), "", ctx.dates.file("alliance.yml"), nav=False,
                meta={"hide": ["navigation", "toc"]})
    keys = "".join(f"<li><kbd>{k}</kbd>{ctx.label('colon')}{escape(label(word, ctx.lang))}</li>"
                   for k, word in KEYS)
    body = block(f"<p>{escape(_pick(_KEYS_INTRO, ctx))}</p><ul>{keys}</ul>"
                 f"<p>{escape(_pick(_SKIP, ctx))}</p>")
    links = "".join(f'<li><a href="{escape(ctx.rel(page, p.url))}">'
                    f'{escape(ctx.label("home") if p.path == "index.md" else p.title)}</a></li>'
                    for p in pages if p.nav)
    links += (f'<li><a href="{escape(ctx.rel(page, "accessibility/"))}">'
              f'{escape(ctx.label("accessibility"))}</a></li>')
    body += heading(ctx.label("sitemap")) + block(f'<ul class="al-list">{links}</ul>')
    page.body = body
    return page


def _statement(ctx: Context) -> Page:
    page = Page(STATEMENT, ctx.label("accessibility"), "", ctx.dates.file("alliance.yml"),
                nav=False, meta={"hide": ["navigation", "toc"]})
    parts = [f"<p>{escape(_pick(_STATEMENT[k], ctx))}</p>"
             for k in ("goal", "how", "features", "limits")]
    contact = ctx.site.contact
    ways = []
    if contact.email:
        ways.append(f'<a href="mailto:{escape(contact.email)}">{escape(contact.email)}</a>')
    if contact.phone:
        ways.append(escape(phone_text(ctx, contact.phone)))
    ways.append(f'<a href="{escape(ctx.rel(page, "contact/"))}">{escape(ctx.label("contact"))}'
                "</a>")
    parts.append(f"<p>{escape(_pick(_STATEMENT['contact'], ctx))}" + " · ".join(ways) + "</p>")
    page.body = block("".join(parts))
    return page
