"""Where reports are written, and the two ways they are asked for.

``render_report`` backs ``alliance report --format html|pdf``; ``write_public_reports`` is
what the site build calls to put every year's report into 年度報告. The private companion
has its own folder and is refused anywhere under ``site/``: a file there gets published.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..i18n import Lang, Msg
from ..kpi import Sheet, compute_years
from ..model import Alliance
from ..model.types import LocalText
from .content import ReportView, build_view
from .html import render_html
from .pdf import PdfCache, html_to_pdf
from .private import build_private


@dataclass(frozen=True)
class PublishedReport:
    """One year's public report as written into the site's reports folder."""

    year: int
    title: LocalText | str
    html: Path
    pdf: Path | None
    pending: bool = False  # the PDF is still to be printed (``defer``): pdf does not exist yet


def report_stem(alliance_id: str, sheet: Sheet) -> str:
    """``<id>-<year>``, with ``-until-MMDD`` when the year is cut (e.g. the mid-term)."""
    stem = f"{alliance_id}-{sheet.year}"
    full_end = (sheet.year + 1, 1, 31)
    end = sheet.window.end
    if (end.year, end.month, end.day) != full_end:
        stem += f"-until-{end.month:02d}{end.day:02d}"
    return stem


def default_path(root: Path, alliance_id: str, sheet: Sheet, fmt: str, private: bool) -> Path:
    if private:
        return root / "build" / "private" / alliance_id / \
            f"{report_stem(alliance_id, sheet)}-private.{fmt}"
    return root / "build" / "reports" / alliance_id / f"{report_stem(alliance_id, sheet)}.{fmt}"


def report_title(year: int) -> LocalText:
    return LocalText(zh=f"{year} 年度精簡進度報告", en=f"Concise progress report {year}")


def _history(alliance: Alliance, year: int) -> dict[int, Sheet]:
    """Full sheets of the phase's earlier years, for the trend charts."""
    first = alliance.info.project.first_year
    return compute_years(alliance, range(first, year))


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def render_report(alliance: Alliance, sheet: Sheet, fmt: str, out: Path | None, lang: Lang,
                  root: Path, private: bool) -> int:
    """``alliance report --format html|pdf [--private]``: writes the file, prints its path."""
    target = out or default_path(root, alliance.id, sheet, fmt, private)
    if private and (_inside(target, root / "site") or "site" in target.parts):
        print(Msg(f"alliance: the private companion may not be written under site/ "
                  f"({target}): everything there is published — use build/private/",
                  f"alliance：內部版不可寫入 site/（{target}），該處的檔案會被公開 — "
                  "請改用 build/private/")(lang), file=sys.stderr)
        return 2
    view = build_view(alliance, sheet, _history(alliance, sheet.year))
    extra = build_private(alliance, sheet, lang, root) if private else None
    html = render_html(view, extra)
    try:
        data = html.encode("utf-8") if fmt == "html" else html_to_pdf(html)
        write_atomic(target, data)
    except OSError as exc:
        print(Msg(f"alliance: cannot write {target}: {exc.strerror}",
                  f"alliance：無法寫入 {target}：{exc.strerror}")(lang), file=sys.stderr)
        return 1
    print(_shown(target))
    return 0


def public_view(alliance: Alliance, sheet: Sheet, sheets: dict[int, Sheet]) -> ReportView:
    return build_view(alliance, sheet, {y: s for y, s in sheets.items() if y < sheet.year})


def write_public_reports(alliance: Alliance, sheets_by_year: dict[int, Sheet],
                         dest: Path, *, pdfs: PdfCache | None = None,
                         defer: bool = False) -> list[PublishedReport]:
    """Each year's public HTML and PDF into ``dest`` (the site's reports folder).

    The HTML is standalone (CSS, SVG and photos inline), so ``dest`` needs nothing else.
    ``pdfs`` reuses a PDF whose HTML did not change; with ``defer``, a PDF that must be
    printed anew is left ``pending`` (the preview prints it after the pages, from the HTML).
    """
    written: list[tuple[int, Path, Path, str]] = []
    for year in sorted(sheets_by_year):
        sheet = sheets_by_year[year]
        html = render_html(public_view(alliance, sheet, sheets_by_year))
        stem = report_stem(alliance.id, sheet)
        html_path, pdf_path = dest / f"{stem}.html", dest / f"{stem}.pdf"
        write_atomic(html_path, html)
        written.append((year, html_path, pdf_path, html))
    htmls = [html for *_, html in written]
    if pdfs is None:
        printed: list[bytes | None] = [html_to_pdf(html) for html in htmls]
    elif defer:
        printed = [pdfs.get(html) for html in htmls]
    else:
        printed = list(pdfs.render_all(htmls))
    published: list[PublishedReport] = []
    for (year, html_path, pdf_path, _), data in zip(written, printed, strict=True):
        if data is None:  # deferred: the preview prints it after the pages
            published.append(PublishedReport(year, report_title(year), html_path, pdf_path,
                                             pending=True))
            continue
        write_atomic(pdf_path, data)
        published.append(PublishedReport(year, report_title(year), html_path, pdf_path))
    return published
