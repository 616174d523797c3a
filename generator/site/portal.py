"""``site/index.html`` (every alliance at a glance) and ``site/<id>/index.html`` (to Chinese)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .labels import label
from .text import escape

_STYLE = """
body{margin:0;font-family:"Noto Sans CJK TC","Noto Sans TC","PingFang TC","Microsoft JhengHei",
system-ui,sans-serif;color:#1d2733;background:#f4f7fb;line-height:1.6}
header{background:#0b4f8a;color:#fff;padding:2.2rem 1.2rem 2rem}
header h1{margin:0 auto;max-width:60rem;font-size:1.7rem}
header p{margin:.3rem auto 0;max-width:60rem;opacity:.85}
main{max-width:60rem;margin:1.5rem auto;padding:0 1rem;display:grid;gap:1rem;
grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))}
article{background:#fff;border:1px solid #e3e8ee;border-radius:10px;padding:1.1rem 1.2rem;
box-shadow:0 1px 2px rgba(16,42,67,.05)}
article h2{font-size:1.1rem;margin:0 0 .1rem}
article h2 a{color:#0b4f8a;text-decoration:none}
article .en{color:#5f6b7a;font-size:.85rem;margin:0 0 .6rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem;margin:.6rem 0;font-size:.9rem}
dt{color:#5f6b7a}dd{margin:0}dd a{color:#0b4f8a}
.links a{display:inline-block;margin:.4rem .5rem 0 0;padding:.3rem .8rem;border-radius:6px;
border:1px solid #0b4f8a;color:#0b4f8a;text-decoration:none;font-size:.9rem}
.links a.primary{background:#0b4f8a;color:#fff}
footer{text-align:center;color:#5f6b7a;font-size:.8rem;padding:2rem 1rem}
"""


def redirect_page(summary: dict[str, Any]) -> str:
    name = escape(summary["name"]["zh"])
    return (
        '<!doctype html>\n<html lang="zh-TW">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{name}</title>\n"
        '<meta http-equiv="refresh" content="0; url=zh-TW/">\n'
        '<link rel="canonical" href="zh-TW/">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        "</head>\n<body>\n"
        f'<p><a href="zh-TW/">{name}（中文）</a> · <a href="en/" lang="en">English</a></p>\n'
        "</body>\n</html>\n"
    )


def portal_page(summaries: list[dict[str, Any]]) -> str:
    cards = []
    for s in sorted(summaries, key=lambda s: s["id"]):
        sid = escape(s["id"])
        name_en = s["name"].get("en")
        facts = [(label("institution", "zh"), escape(s["institution"]["zh"]))]
        if s.get("members") is not None:
            facts.append((label("portal_members", "zh"),
                          f'{s["members"]}（{s.get("members_year")} 年度）'))
        facts.append((label("portal_latest", "zh"),
                      f'<time datetime="{s["latest_news"]}">{s["latest_news"]}</time>'
                      if s.get("latest_news") else "—"))
        report = s.get("latest_report")
        if report:
            href = escape(f'{s["id"]}/zh-TW/{report.get("pdf") or report["html"]}')
            facts.append((label("portal_report", "zh"),
                          f'<a href="{href}">{report["year"]} 年度</a>'))
        else:
            facts.append((label("portal_report", "zh"), "—"))
        rows = "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in facts)
        cards.append(
            f'<article id="{sid}">'
            f'<h2><a href="{sid}/zh-TW/">{escape(s["name"]["zh"])}</a></h2>'
            + (f'<p class="en" lang="en">{escape(name_en)}</p>' if name_en else "")
            + f"<dl>{rows}</dl>"
            f'<p class="links"><a class="primary" href="{sid}/zh-TW/">'
            f'{escape(label("portal_visit", "zh"))}</a>'
            f'<a href="{sid}/en/" lang="en">English</a></p></article>'
        )
    title = label("portal_title", "zh")
    return (
        '<!doctype html>\n<html lang="zh-TW">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape(title)}</h1>"
        f'<p lang="en">{escape(label("portal_title", "en"))}</p></header>\n'
        f"<main>{''.join(cards)}</main>\n"
        "<footer>國科會產學小聯盟計畫 · Industry–Academia Small Alliances</footer>\n"
        "</body>\n</html>\n"
    )


def write_atomic(path: Path, text: str) -> None:
    """Write beside and rename; an unchanged file is left alone (its date stays honest)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
