"""The per-alliance, per-language ``mkdocs.yml``: names, paths, navigation and languages.

It inherits the project's ``mkdocs.yml`` (``INHERIT``); only what differs per alliance or per
language is written here. Paths are absolute so the file builds from anywhere (``mkdocs build
-f build/work/<id>/zh-TW/mkdocs.yml`` gives the same site the generator does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .labels import FOLDER, HTML_LANG, LANG_NAME, SiteLang, label
from .model import Context, Page
from .text import escape, template_text
from .where import HOOKS, THEME_DIR

# The words the theme's templates print (skip link, 導盲磚 titles, footer links, 404 page).
THEME_WORDS = ("skip", "tile_u", "tile_c", "tile_z", "sitemap", "accessibility", "not_found",
               "not_found_text", "search_site", "home", "news", "contact")
OG_LOCALE = {"zh": "zh_TW", "en": "en_US"}
SHARE_IMAGE = "assets/images/share.png"  # 1200×630, the size link previews expect


def site_url_for(alliance_id: str, website_url: str, lang: SiteLang,
                 base_url: str | None) -> str:
    """``<base>/<id>/<lang>/`` when publishing under a shared base, else the alliance's URL."""
    root = f"{base_url.rstrip('/')}/{alliance_id}" if base_url else website_url.rstrip("/")
    return f"{root}/{FOLDER[lang]}/"


def write(ctx: Context, pages: list[Page], free: list[Page], *, base_config: Path,
          folder: Path, site_dir: Path, url: str, userdict: Path | None) -> Path:
    lang: SiteLang = ctx.lang
    site = ctx.site
    name = template_text(ctx.text(site.name, "name"))
    ministry = ctx.text(site.ministry, "ministry")
    credit = escape(label("funded_by", lang, ministry=ministry))
    config: dict[str, Any] = {
        "INHERIT": str(base_config.resolve()),
        "site_name": name,
        "site_url": url,
        "site_description": template_text(ctx.text(site.tagline)) if site.tagline else name,
        "docs_dir": "docs",
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "copyright": f'{credit}<br>{escape(ctx.text(site.institution))}',
        "theme": {"custom_dir": str(THEME_DIR), "language": HTML_LANG[lang]},
        "hooks": [str(HOOKS)],
        "plugins": {"search": _search(lang, userdict)},
        "extra": {
            "alternate": [
                {"name": LANG_NAME[other], "link": f"../{FOLDER[other]}/",
                 "lang": HTML_LANG[other]}
                for other in ("zh", "en")
            ],
            "alliance": {
                "lang": lang,
                "html_lang": HTML_LANG[lang],
                "languages": [
                    {"lang": HTML_LANG[other],
                     "root": url[: -len(FOLDER[lang]) - 1] + FOLDER[other] + "/"}
                    for other in ("zh", "en")
                ],
                "folder": FOLDER[lang],
                "updated_label": label("updated", lang) + label("colon", lang),
                "feed": "feed.xml",
                "feed_title": label("feed", lang),
                "og_locale": OG_LOCALE[lang],
                "share_image": SHARE_IMAGE,
                "words": {key: label(key, lang) for key in THEME_WORDS},
            },
        },
        "nav": _nav(lang, pages, free),
    }
    path = folder / "mkdocs.yml"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")
    return path


def _search(lang: SiteLang, userdict: Path | None) -> dict[str, Any]:
    if lang == "zh":
        options: dict[str, Any] = {"lang": ["zh", "en"],
                                   "separator": r"[\s\u200b\-_,:!=\[\]()\"`/]+|\.(?!\d)|&[lg]t;"}
        if userdict is not None:
            options["jieba_dict_user"] = str(userdict)
        return options
    return {"lang": ["en"]}


def _nav(lang: SiteLang, pages: list[Page], free: list[Page]) -> list[Any]:
    by_path = {p.path: p for p in pages}

    def item(path: str, key: str) -> dict[str, str]:
        return {label(key, lang): path}

    nav: list[Any] = [
        item("index.md", "home"), item("about.md", "about"),
        item("capabilities.md", "capabilities"), item("services.md", "services"),
        item("members.md", "members"), item("join.md", "join"),
        {label("news_section", lang): ["news/index.md", item("activities.md", "activities")]},
        item("outcomes.md", "outcomes"), item("reports.md", "reports"),
    ]
    nav = [n for n in nav if all(isinstance(v, list) or v in by_path for v in n.values())]
    nav += [{template_text(p.title): p.path} for p in free]
    nav.append(item("contact.md", "contact"))
    return nav
