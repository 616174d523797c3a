"""Portal benchmark: the search index across N synthetic alliances, and what a query costs.

    python -m bench.portal [--alliances N] [--jobs J] [--keep DIR]

Synthetic alliances are those of ``bench.site`` (30 members, 60 activities, 40 outcome
records, 30 news posts, 2 years each), given a review group and service types. Printed,
all measured in the same run (sites built without the PDF reports, to keep the run short):

1. the full build of N alliances without the portal's search index, and with it (each
   twice, interleaved, the faster kept);
2. the index alone: seconds, pages indexed, total bytes (and the part a browser may fetch
   for searching: index chunks, fragments, metadata);
3. bytes a browser fetches per query (Pagefind loads index chunks on demand), measured in
   headless Chromium: the first query (with the WebAssembly and metadata) and later ones.

The issue asks for 200 alliances; on 2 cores that takes long, so the default is 8 and the N
used is printed. ``--alliances 200`` (or ``BENCH_PORTAL_ALLIANCES=200 make bench``) runs
the full size.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

from bench.site import REPO, make_project
from generator.model.fields import FIELD_NAMES, SERVICE_TYPE_NAMES

QUERIES = {"index.html": ["精密檢測", "會員", "自動化"],
           "index.en.html": ["capability", "seminar", "Alliance 3"]}


def _portal_ready(folders: list[Path]) -> None:
    """Give each synthetic alliance a review group and typed services (the portal's filters)."""
    fields, types = list(FIELD_NAMES), list(SERVICE_TYPE_NAMES)
    for i, folder in enumerate(folders):
        path = folder / "alliance.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["field"] = fields[i % len(fields)]
        for j, service in enumerate(data.get("services", [])):
            service["type"] = types[(i + j) % len(types)]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")


def _build_here(root: Path, out: Path, scratch: Path, jobs: int, search: bool) -> int:
    """Runs in a fresh process (``--build-only``) so its time is its own."""
    from generator.commands.build import build
    from generator.loader import discover
    from generator.site.pipeline import BuildOptions

    options = BuildOptions(root=root, out=out, jobs=jobs, lang="en", scratch=scratch,
                           reports=False, search_index=search)
    with contextlib.redirect_stderr(io.StringIO()):
        return build(discover(root / "alliances"), options)


def _build(root: Path, out: Path, scratch: Path, jobs: int, search: bool) -> float:
    command = [sys.executable, "-m", "bench.portal", "--build-only", str(root), str(out),
               str(scratch), str(jobs), "1" if search else "0"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"bench: the build failed\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
    return seconds


def _index_alone(out: Path, scratch: Path) -> tuple[float, int]:
    from generator.site import search_index

    cards = []
    for state in sorted((scratch / "state").glob("*/*.json")):
        cards.append(json.loads(state.read_text(encoding="utf-8"))["summary"])
    stamp = scratch / "bench-stamp.txt"
    stamp.unlink(missing_ok=True)
    started = time.perf_counter()
    pages = search_index.write(out, cards, stamp)
    return time.perf_counter() - started, pages


def _sizes(folder: Path) -> tuple[int, int]:
    total = searchable = 0
    for path in folder.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if path.suffix.startswith(".pf_") or path.name == "pagefind-entry.json":
                searchable += size
    return total, searchable


def _bytes_per_query(out: Path) -> dict[str, list[tuple[str, int, int]]]:
    """(query, bytes fetched from the index, results) per query, in a fresh page per portal."""
    from playwright.sync_api import sync_playwright

    from generator.site.screenshots import CHROMIUM, LAUNCH_ARGS
    from generator.site.serving import serve_folder

    found: dict[str, list[tuple[str, int, int]]] = {}
    with serve_folder(out) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        for portal, queries in QUERIES.items():
            page = browser.new_page()
            fetched: list[int] = []

            def count(response, sink=fetched) -> None:
                if "/_portal/pagefind/" in response.url:
                    with contextlib.suppress(Exception):
                        sink.append(len(response.body()))

            page.on("response", count)
            page.goto(url + portal)
            rows = []
            for query in queries:
                before = sum(fetched)
                page.evaluate("document.getElementById('search-status').textContent = ''")
                page.fill("#q", query)
                page.press("#q", "End")
                page.wait_for_function(
                    "() => /\\d/.test(document.getElementById('search-status').textContent)"
                    " || document.getElementById('search-status').textContent.includes('“')"
                    " || document.getElementById('search-status').textContent.includes('「')",
                    timeout=180000)  # the machine may be shared and loaded
                page.wait_for_load_state("networkidle")
                results = page.locator("#search-results li").count()
                rows.append((query, sum(fetched) - before, results))
            found[portal] = rows
            page.close()
        browser.close()
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.portal", description=__doc__)
    parser.add_argument("--alliances", type=int,
                        default=int(os.environ.get("BENCH_PORTAL_ALLIANCES", "8")),
                        help="synthetic alliances (default 8, or $BENCH_PORTAL_ALLIANCES; "
                             "the issue's full size is 200)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="keep the generated project here")
    parser.add_argument("--build-only", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args([] if argv is None else argv)
    if args.build_only:
        root, out, scratch, jobs_text, search = args.build_only
        sys.exit(_build_here(Path(root), Path(out), Path(scratch), int(jobs_text),
                             search == "1"))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    count, jobs = max(args.alliances, 2), args.jobs
    from generator.calendar import performance_year_of

    first_year = performance_year_of(date.today()) - 1
    base = Path(tempfile.mkdtemp(prefix="bench-portal-")) if args.keep is None else args.keep
    try:
        print(f"alliances: {count}; cores used: {jobs}; sites without the PDF reports",
              flush=True)
        root = base / "project"
        _portal_ready(make_project(root, count, first_year))
        # Interleaved, twice each, the faster kept: the first build of a run pays for cold
        # caches, which would otherwise be charged to whichever mode runs first.
        runs: dict[bool, list[float]] = {False: [], True: []}
        for attempt in range(2):
            for search in (False, True):
                name = f"{'site' if search else 'site-plain'}-{attempt}"
                runs[search].append(_build(root, base / name, base / f"scratch-{name}", jobs,
                                           search))
        without, with_index = min(runs[False]), min(runs[True])
        print(f"full build without the portal index: {without:.1f} s; with it: "
              f"{with_index:.1f} s ({100 * (with_index - without) / without:+.0f}%; faster of "
              f"2 runs each, interleaved)", flush=True)
        seconds, pages = _index_alone(base / "site-1", base / "scratch-site-1")
        total, searchable = _sizes(base / "site-1" / "_portal" / "pagefind")
        print(f"index alone: {seconds:.1f} s for {pages} pages ({pages / count:.0f} per "
              f"alliance); {total / 2**20:.2f} MiB in all, {searchable / 2**20:.2f} MiB of "
              f"index data ({searchable / count / 1024:.0f} KiB per alliance)", flush=True)
        for portal, rows in _bytes_per_query(base / "site-1").items():
            for position, (query, fetched, results) in enumerate(rows):
                note = " (first: WebAssembly, metadata)" if position == 0 else ""
                print(f"query {query!r} on {portal}: {fetched / 1024:.0f} KiB fetched{note}, "
                      f"{results} results shown")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
