"""One alliance → a build folder holding both languages' docs, media, feeds and mkdocs.yml.

``build/work/<id>/zh-TW/{mkdocs.yml,docs/}`` and ``…/en/…``: plain Markdown and a plain MkDocs
config, so the back end can be swapped and a person can read what was generated.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .. import scrub, userfiles
from ..calendar import performance_year_of
from ..kpi import Sheet, compute_years
from ..model import Alliance
from ..model.pages import FreePage
from ..report.pdf import PdfCache
from . import config as site_config
from . import directory, feeds
from .dates import SourceDates, capped
from .images import Images
from .labels import FOLDER, SiteLang
from .model import Context, Page
from .pages import FAMILIES, guide
from .privacy import PublicSite, public_view
from .text import join_cjk_lines, template_text, yaml_string

LANGS: tuple[SiteLang, ...] = ("zh", "en")
BASE_TERMS = ("產學小聯盟", "產學合作", "會員廠商", "聯盟會員", "技術移轉", "技術服務",
              "技術能量", "服務項目", "入會方式", "研討會", "教育訓練", "訪廠診斷", "預知保養")
_COMPANY_SUFFIX = re.compile(r"(股份有限公司|有限公司|企業社|工業社)$")


class GenerateError(Exception):
    """A file the pages name that the file boundary refuses (validate reports it first)."""

    def __init__(self, refused: userfiles.Refused) -> None:
        super().__init__(refused.reason.en)
        self.refused = refused


@dataclass
class Generated:
    alliance_id: str
    configs: dict[SiteLang, Path]
    summary: dict[str, Any]
    fallbacks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pending_pdfs: list[str] = field(default_factory=list)  # docs-relative, still to print
    userdict: Path | None = None  # jieba's user dictionary, which the zh config names


def sheets_for(alliance: Alliance, today: date) -> dict[int, Sheet]:
    """The phase's performance years that have begun by ``today``."""
    current = performance_year_of(today)
    return compute_years(alliance, (y for y in alliance.info.project.performance_years
                                    if y <= current))


@userfiles.remembered()
def generate(alliance: Alliance, work: Path, site_dir: Path, *, base_config: Path,
             today: date, base_url: str | None = None, reports: bool = True,
             pdfs: PdfCache | None = None, defer_pdfs: bool = False) -> Generated:
    sheets = sheets_for(alliance, today)
    site = public_view(alliance, sheets)
    site.current_year = performance_year_of(today)
    dates = SourceDates(alliance.root)
    images = Images(alliance.root, work.parent / ".images")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    published, pending = (_reports(alliance, sheets, work / "reports", pdfs, defer_pdfs)
                          if reports else ({}, []))

    contexts: list[tuple[Context, list[Page], list[Page]]] = []
    for lang in LANGS:
        ctx = Context(site, lang, dates, images, today,
                      site_config.site_url_for(site.id, site.website_url, lang, base_url))
        ctx.reports = {y: {k: v for k, v in r.items() if k in ("html", "pdf") and v}
                       for y, r in published.items()}
        try:
            pages = [p for family in FAMILIES for p in family.build(ctx)]
            pages += guide.build(ctx, pages)
            free = _free_pages(ctx, alliance.pages)
        except userfiles.Refused as exc:
            raise GenerateError(exc) from None
        contexts.append((ctx, pages, free))

    # The only files copied into the site: those the boundary let through, cleaned once.
    media = set().union(*(ctx.media for ctx, _, _ in contexts))
    if site.logo is not None:
        media.add(site.logo.src)  # the portal card shows it from the Chinese site
    cleaned = work / "media"
    for rel in sorted(media):
        try:
            scrub.copy_clean(userfiles.public_file(alliance.root, rel).real, cleaned / rel)
        except userfiles.Refused as exc:
            raise GenerateError(exc) from None
    userdict = work / "jieba-user.txt"
    userdict.write_text(_userdict(site), encoding="utf-8")

    configs: dict[SiteLang, Path] = {}
    urls: dict[SiteLang, str] = {}
    fallbacks: list[str] = []
    notes: list[str] = []
    for ctx, pages, free in contexts:
        for page in [*pages, *free]:
            if page.nav and not page.path.startswith("news/") and page.path != "activities.md":
                hide = page.meta.setdefault("hide", [])
                if "navigation" not in hide:  # a one-page tab: the sidebar would list itself
                    hide.append("navigation")
        folder = work / FOLDER[ctx.lang]
        docs = folder / "docs"
        for page in [*pages, *free]:
            _write_page(docs, page)
        for path, text in ctx.files.items():
            _write(docs / path, text)
        if cleaned.is_dir():
            shutil.copytree(cleaned / "media", docs / "media")
        images.write(docs)
        if published:
            shutil.copytree(work / "reports", docs / "reports")
        url = urls[ctx.lang] = ctx.url
        _write(docs / feeds.FEED, feeds.atom(ctx, url))
        configs[ctx.lang] = site_config.write(
            ctx, pages, free, base_config=base_config, folder=folder,
            site_dir=site_dir / FOLDER[ctx.lang], url=url,
            userdict=userdict if ctx.lang == "zh" else None)
        fallbacks += ctx.fallbacks
        notes += [f"link to private file removed: {x}" for x in ctx.dropped_links]
    card = directory.card(site, published, dates, urls)
    notes += directory.gaps(card)
    return Generated(alliance.id, configs, card, fallbacks, list(dict.fromkeys(notes)),
                     pending, userdict)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_page(docs: Path, page: Page) -> None:
    front = [f"title: {yaml_string(template_text(page.title))}"]
    if page.updated is not None:
        front.append(f"updated: {page.updated.isoformat()}")
    for key, value in page.meta.items():
        if key == "_front":
            front += value
        elif key == "_raw":
            continue
        elif key == "description":
            front.append(f"description: {yaml_string(template_text(str(value)))}")
        else:
            front.append(f"{key}: " + yaml.safe_dump(value, allow_unicode=True,
                                                     default_flow_style=True, width=1000)
                         .strip().removesuffix("...").strip())
    raw = page.meta.get("_raw")
    body = raw if raw is not None else page.body
    _write(docs / page.path, "---\n" + "\n".join(front) + "\n---\n\n" + body)


def _free_pages(ctx: Context, sources: list[FreePage]) -> list[Page]:
    """Markdown pages the alliance wrote itself (``pages/*.md``, English in ``*.en.md``).

    The loader has read them through the file boundary and checked their front matter.
    """
    result = []
    for source in sources:
        use = source.en if ctx.lang == "en" and source.en is not None else source.zh
        if ctx.lang == "en" and use is source.zh:
            ctx.fallbacks.append(f"pages/{source.zh.path.name}")
        text = use.body
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
        title = use.title or (heading.group(1) if heading else source.stem)
        body = ctx.relink_source(join_cjk_lines(text), "pages", 1)
        source_date = ctx.dates.of(use.path)
        updated = capped(use.updated, source_date) if use.updated else source_date
        page = Page(f"pages/{source.stem}.md", title, body, updated)
        if use.description:
            page.meta["description"] = use.description
        result.append(page)
    return result


def _reports(alliance: Alliance, sheets: dict[int, Sheet], dest: Path,
             pdfs: PdfCache | None, defer: bool
             ) -> tuple[dict[int, dict[str, str | None]], list[str]]:
    """The public summary reports, and the PDFs among them left to print (``defer``)."""
    from ..report import write_public_reports
    dest.mkdir(parents=True, exist_ok=True)
    result: dict[int, dict[str, str | None]] = {}
    pending: list[str] = []
    for report in write_public_reports(alliance, sheets, dest, pdfs=pdfs, defer=defer):
        if report.pending:
            pending.append("reports/" + report.pdf.relative_to(dest).as_posix())
        result[report.year] = {
            "html": "reports/" + report.html.relative_to(dest).as_posix(),
            "pdf": ("reports/" + report.pdf.relative_to(dest).as_posix()
                    if report.pdf is not None else None),
            "title": str(getattr(report, "title", "")),
        }
    return result, pending


def _userdict(site: PublicSite) -> str:
    """jieba's user dictionary: the alliance's own words, so search finds them whole."""
    terms: list[str] = list(BASE_TERMS)
    terms += [site.name.zh, site.institution.zh]
    for member in site.members:
        terms.append(member.name.zh)
        short = _COMPANY_SUFFIX.sub("", member.name.zh)
        terms.append(short)
    terms += [p.name.zh for p in site.team]
    terms += [t.name.zh for t in site.tiers]
    terms += [c.title.zh for c in site.capabilities] + [s.title.zh for s in site.services]
    clean = [t.strip() for t in terms if t and t.strip() and " " not in t.strip()]
    return "".join(f"{t} 2000 n\n" for t in dict.fromkeys(clean))
