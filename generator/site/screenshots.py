"""Screenshots of the built site at desktop and phone widths, for a person to look at.

    python -m generator.site.screenshots [--site site] [--out build/screenshots] [ID …]

Headless Debian Chromium through Playwright (never ``playwright install``: no network).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .serving import serve_folder

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
DEVICES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = {"home": "", "about": "about/", "members": "members/", "join": "join/",
         "news": "news/", "outcomes": "outcomes/", "reports": "reports/",
         "contact": "contact/"}


def take(site: Path, out: Path, ids: list[str] | None = None, langs=("zh-TW", "en"),
         pages: dict[str, str] | None = None) -> list[Path]:
    from playwright.sync_api import sync_playwright

    ids = ids or sorted(p.name for p in site.iterdir() if (p / "zh-TW").is_dir())
    pages = pages or PAGES
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with serve_folder(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        try:
            for device, viewport in DEVICES.items():
                context = browser.new_context(viewport=viewport, device_scale_factor=1)
                page = context.new_page()
                page.goto(base, wait_until="load")
                shot = out / f"portal-{device}.png"
                page.screenshot(path=str(shot), full_page=True)
                written.append(shot)
                for alliance in ids:
                    for lang in langs:
                        for name, path in pages.items():
                            page.goto(f"{base}{alliance}/{lang}/{path}", wait_until="load")
                            _load_lazy_images(page)
                            shot = out / f"{alliance}-{lang}-{name}-{device}.png"
                            page.screenshot(path=str(shot), full_page=True)
                            written.append(shot)
                context.close()
        finally:
            browser.close()
    return written


def _load_lazy_images(page) -> None:
    """Full-page shots do not scroll, so lazy images below the fold would stay blank."""
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]')"
                  ".forEach(i => i.loading = 'eager')")
    page.wait_for_load_state("networkidle")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.site.screenshots",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", metavar="ID")
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"no built site in {args.site} — run 'alliance build' first", file=sys.stderr)
        return 2
    written = take(args.site, args.out, args.ids or None)
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
