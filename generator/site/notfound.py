"""``site/404.html``: what GitHub Pages (and most static hosts) show for any missing path.

Each language build has its own styled 404 (``themes/alliance/404.html``); this one sits at
the root of the published tree, where the host looks for it. A missing page can be at any
depth, so its links are absolute when the publishing address is known (``base_url``, from
``ALLIANCE_SITE_URL``) and otherwise root-relative; a small script sends a visitor whose path
names an alliance and a language on to that build's own 404 page, with its search.
"""

from __future__ import annotations

import json
from typing import Any

from .labels import FOLDER, label
from .portal_words import word
from .text import escape

_STYLE = """
body{margin:0;font-family:"Noto Sans CJK TC","Noto Sans TC","PingFang TC","Microsoft JhengHei",
system-ui,sans-serif;color:#1d2733;background:#f4f7fb;line-height:1.6}
header{background:#0b4f8a;color:#fff;padding:2rem 1.2rem}
header h1{margin:0 auto;max-width:48rem;font-size:1.6rem}
header p{margin:.3rem auto 0;max-width:48rem}
main{max-width:48rem;margin:1.5rem auto;padding:0 1.2rem}
a{color:#0b4f8a;text-decoration:underline}
li{margin:.3rem 0}
"""


def root_404(summaries: list[dict[str, Any]], base_url: str | None) -> str:
    root = (base_url.rstrip("/") + "/") if base_url else "/"
    ids = sorted(s["id"] for s in summaries)
    items = []
    for s in sorted(summaries, key=lambda s: s["id"]):
        sid = escape(s["id"])
        items.append(
            f'<li><a href="{escape(root)}{sid}/{FOLDER["zh"]}/">{escape(s["name"]["zh"])}</a>'
            f' · <a href="{escape(root)}{sid}/{FOLDER["en"]}/" lang="en">'
            f'{escape(s["name"].get("en") or s["name"]["zh"])}</a></li>')
    # An address inside an alliance's language build goes on to that build's own 404.
    forward = (
        "<script>(function(){var ids=" + json.dumps(ids) + ";"
        "var m=location.pathname.match(/\\/([a-z0-9-]+)\\/(zh-TW|en)\\//);"
        "if(m&&ids.indexOf(m[1])>=0&&!/\\/404\\.html$/.test(location.pathname)){"
        "location.replace(location.pathname.slice(0,m.index)+'/'+m[1]+'/'+m[2]+'/404.html');}"
        "})();</script>")
    return (
        '<!doctype html>\n<html lang="zh-TW">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{escape(label('not_found', 'zh'))} · Page not found</title>\n"
        f"<style>{_STYLE}</style>\n{forward}\n</head>\n<body>\n"
        f"<header><h1>{escape(label('not_found', 'zh'))}</h1>"
        f'<p lang="en">{escape(label("not_found", "en"))}</p></header>\n<main>\n'
        f"<p>{escape(label('not_found_text', 'zh'))}</p>\n"
        f'<p lang="en">{escape(label("not_found_text", "en"))}</p>\n'
        f'<ul><li><a href="{escape(root)}">{escape(word("title", "zh"))}</a> · '
        f'<a href="{escape(root)}" lang="en">{escape(word("title", "en"))}</a></li>'
        f'{"".join(items)}</ul>\n</main>\n</body>\n</html>\n'
    )
