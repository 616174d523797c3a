"""Site build benchmark: synthetic alliances of realistic size, ratios measured in one run.

    python -m bench.site [--alliances N] [--jobs J] [--keep DIR]

Each synthetic alliance has 30 members, 60 activities, 40 outcome records, 30 news posts
and 2 performance years. Printed, all measured in the same run:

1. our full build of N alliances (both languages, reports included) against plain
   ``mkdocs build`` of the same generated Markdown, run the way a user would (one
   ``mkdocs build -f …`` per alliance and language, as many at once as cores); also against
   the MkDocs API in a warm process pool (MkDocs alone, without our validation and reports);
2. a rebuild after changing one alliance's YAML: only that alliance is rebuilt;
3. peak memory (the whole process tree) of full builds of N/4 and N alliances.

The issue asks for 200 alliances; on 2 cores that takes long, so the default is 24 and the
N used is printed. ``--alliances 200`` (or ``BENCH_SITE_ALLIANCES=200 make bench``) runs
the full size.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PLACEHOLDER = REPO / "generator" / "scaffold" / "media" / "placeholder.png"
FORM = REPO / "alliances" / "smart-sensing" / "media" / "application-form.pdf"  # a real PDF
CITIES = {"north": ["臺北市", "新北市", "桃園市", "新竹縣", "新竹市", "基隆市", "宜蘭縣"],
          "central": ["臺中市", "彰化縣", "苗栗縣", "南投縣", "雲林縣"],
          "south": ["臺南市", "高雄市", "嘉義縣", "屏東縣"], "east": ["花蓮縣", "臺東縣"]}
WORDS = ["智慧", "感測", "精密", "機械", "自動化", "光電", "材料", "綠能", "製程", "檢測",
         "半導體", "生醫", "食品", "紡織", "航太", "機器人"]
KINDS = ["promotion", "seminar", "consulting", "visit"]


# -- synthetic data -------------------------------------------------------------------------


def synthetic_alliance(folder: Path, index: int, first_year: int) -> None:
    """A realistic alliance that validates: the size the issue names, two years."""
    rng = random.Random(index)
    aid = folder.name
    topic = WORDS[index % len(WORDS)] + WORDS[(index * 7 + 3) % len(WORDS)]
    (folder / "media").mkdir(parents=True)
    (folder / "evidence").mkdir()
    (folder / "news").mkdir()
    shutil.copyfile(PLACEHOLDER, folder / "media" / "photo.png")
    shutil.copyfile(FORM, folder / "media" / "form.pdf")
    years = [first_year, first_year + 1]
    image = {"src": "media/photo.png", "alt": {"zh": f"{topic}照片", "en": "Photo"}}
    team = [{"name": {"zh": f"王{topic}{i}", "en": f"Wang {i}"},
             "role": ["pi", "co_pi", "member", "assistant"][i], "title": "教授",
             "email": f"t{i}@{aid}.example.edu.tw", "photo": image} for i in range(4)]
    pi = team[0]["name"]["zh"]
    alliance = {
        "id": aid,
        "name": {"zh": f"{topic}產學小聯盟 {index}", "en": f"{topic} Alliance {index}"},
        "tagline": {"zh": f"以{topic}技術服務產業", "en": "Technology in service of industry"},
        "project": {"number": f"NSTC 113-2622-E-{index:03d}-001-CC1",
                    "first_year": first_year, "years": 2, "phase": 1},
        "institution": {"zh": f"示範科技大學 {topic}系", "en": "Example University"},
        "team": team,
        "contact": {"address": "臺中市示範路 1 號", "phone": "04-0000-0000",
                    "email": f"office@{aid}.example.edu.tw"},
        "website": {"url": f"https://{aid}.example.edu.tw/", "established": f"{first_year}-03"},
        "about": {"zh": f"本聯盟以**{topic}**為核心，服務上中下游廠商。\n\n" * 3,
                  "en": f"The alliance serves companies with **{topic}**.\n\n" * 3},
        "capabilities": [{"title": {"zh": f"{topic}能量{i}", "en": f"Capability {i}"},
                          "summary": {"zh": "說明" * 20, "en": "Summary " * 10},
                          "image": image} for i in range(5)],
        "services": [{"title": {"zh": f"服務{i}", "en": f"Service {i}"},
                      "summary": {"zh": "服務說明" * 8, "en": "Service text " * 6}}
                     for i in range(5)],
        "membership": {
            "tiers": [{"id": "gold", "name": {"zh": "金級會員", "en": "Gold"}, "fee": 30,
                       "visits": 2, "benefits": [{"zh": "訪廠診斷", "en": "Visits"}]},
                      {"id": "basic", "name": {"zh": "一般會員", "en": "Basic"}, "fee": 10,
                       "visits": 1, "benefits": [{"zh": "研討會", "en": "Seminars"}]},
                      {"id": "free", "name": {"zh": "觀察會員", "en": "Observer"}, "fee": 0}],
            "how_to_join": {"zh": "請下載[申請書](media/form.pdf)。", "en": "Download the "
                            "[form](media/form.pdf)."},
            "application_form": "media/form.pdf"},
        "targets": {y: {"members_total": 25, "income_total": 500} for y in years},
        "highlights": {y: {"points": [{"zh": "協助會員開發新產品", "en": "New products"}],
                           "photos": [image]} for y in years},
        "staffing": {y: {"master": 2, "assistant": 1} for y in years},
    }
    _dump(folder / "alliance.yml", alliance)

    members = []
    regions = [r for r, cities in CITIES.items() for _ in cities]
    for m in range(30):
        region = regions[m % len(regions)]
        city = CITIES[region][m % len(CITIES[region])]
        tier = ["gold", "basic", "free"][m % 3]
        evidence = f"evidence/contract-{m}.txt"
        (folder / evidence).write_text("contract\n")
        members.append({
            "id": f"m{m:02d}", "name": {"zh": f"{WORDS[m % 16]}{topic}股份有限公司{m}",
                                        "en": f"Member {m} Co."},
            "kind": "company", "city": city, "tier": tier, "public": m % 3 != 2,
            "website": f"https://m{m}.example.com/",
            "logo": {"src": "media/photo.png", "alt": f"會員 {m} 標誌"},
            "contracts": [{"start": f"{y}-03-01", "end": f"{y + 1}-02-28",
                           "fee": {"gold": 30, "basic": 10, "free": 0}[tier],
                           "representative": "代表人", "address": f"{city}某路 {m} 號",
                           "phone": "02-0000-0000",
                           "signed": {"pi": True, "school_seal": True, "member": True},
                           "evidence": evidence} for y in years],
        })
    _dump(folder / "members.yml", members)

    start = date(first_year, 2, 10)
    activities = []
    for a in range(60):
        kind = KINDS[a % 4]
        day = start + timedelta(days=a * 11)
        record = {"id": f"act-{a:02d}", "date": day.isoformat(), "kind": kind,
                  "title": {"zh": f"{topic}活動 {a}", "en": f"Event {a}"},
                  "participants": 10 + rng.randrange(60), "members": [f"m{a % 30:02d}"],
                  "summary": {"zh": "活動摘要" * 10, "en": "Summary " * 8}}
        if kind != "consulting":
            evidence = f"evidence/act-{a}.txt"
            (folder / evidence).write_text("sign-in\n")
            record["evidence"] = [evidence]
        if a % 6 == 0:
            record["photos"] = [image]
        activities.append(record)
    _dump(folder / "activities.yml", activities)

    def dated(i: int) -> str:
        return (start + timedelta(days=20 + i * 17)).isoformat()

    income = [{"id": f"inc-{i}", "date": dated(i), "kind": "membership", "amount": 30,
               "payer": "某公司", "evidence": f"evidence/inc-{i}.txt"} for i in range(8)]
    income += [{"id": f"ts-inc-{i}", "date": dated(i), "kind": "technical_service",
                "amount": 50, "payer": "某公司", "evidence": f"evidence/ts-{i}.txt"}
               for i in range(4)]
    for record in income:
        (folder / record["evidence"]).write_text("receipt\n")
    outputs = [{"id": f"{kind[:4]}-{i}", "date": dated(i), "member": f"m{i:02d}",
                "title": {"zh": f"{topic}{kind}{i}", "en": f"{kind} {i}"},
                "summary": {"zh": "成果說明" * 6, "en": "Result " * 6}, "public": i % 4 != 3,
                "photos": [image]} for kind in ("products", "technologies") for i in range(5)]
    outcomes = {
        "income": income,
        "products": [o for o in outputs if o["id"].startswith("prod")],
        "technologies": [o for o in outputs if o["id"].startswith("tech")],
        "patents": [{"id": f"pat-{i}", "date": dated(i), "member": f"m{i:02d}",
                     "title": f"{topic}專利{i}", "status": "filed",
                     "number": f"{index:03d}{i:05d}", "country": "TW"} for i in range(5)],
        "technical_services": [{"id": f"ts-{i}", "date": dated(i), "member": f"m{i:02d}",
                                "title": f"量測服務{i}", "income": f"ts-inc-{i}"}
                               for i in range(4)],
        "transfers": [{"id": f"tr-{i}", "date": dated(i), "member": f"m{i:02d}",
                       "title": f"{topic}技轉{i}", "amount": 100, "licensor": pi}
                      for i in range(3)],
        "projects": [{"id": f"pj-{i}", "signed": dated(i), "member": f"m{i:02d}",
                      "title": f"{topic}計畫{i}", "funder": "國科會", "amount": 1000,
                      "signatory": pi, "status": "signed"} for i in range(3)],
    }
    _dump(folder / "outcomes.yml", outcomes)

    categories = ["events", "results", "members", "announcements"]
    for n in range(30):
        day = start + timedelta(days=n * 23)
        front = {"title": f"{topic}消息 {n}", "date": day.isoformat(),
                 "categories": [categories[n % 4]], "summary": f"{topic}的第 {n} 則消息摘要。"}
        body = (f"本聯盟於 {day.isoformat()} 舉辦{topic}活動，感謝會員參與。\n\n"
                + ("詳細內容說明。" * 30 + "\n\n") * 3)
        _post(folder / "news" / f"{day.isoformat()}-post-{n}.md", front, body)
        if n % 2 == 0:
            front_en = {**front, "title": f"News {n}", "summary": f"Summary of news {n}."}
            _post(folder / "news" / f"{day.isoformat()}-post-{n}.en.md", front_en,
                  "The alliance held an event. " * 40 + "\n")


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def _post(path: Path, front: dict, body: str) -> None:
    path.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
                    + "---\n\n" + body, encoding="utf-8")


def make_project(root: Path, count: int, first_year: int) -> list[Path]:
    (root / "alliances").mkdir(parents=True)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    folders = []
    for i in range(count):
        folder = root / "alliances" / f"bench-{i:04d}"
        synthetic_alliance(folder, i, first_year)
        folders.append(folder)
    return folders


# -- measuring ------------------------------------------------------------------------------


class TreeMemory:
    """Peak resident memory of this process and all its descendants, sampled from /proc."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(os.getpid()))
            self._stop.wait(self.interval)


def _tree_rss(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            pid, ppid = int(entry), int(fields[1])
            rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
            children.setdefault(ppid, []).append(pid)
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def timed(action: Callable[[], object]) -> tuple[float, object]:  # noqa: D103
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _build_here(root: Path, out: Path, scratch: Path, jobs: int, reports: bool) -> int:
    """Runs in a fresh process (``--build-only``) so time and memory are its own."""
    from generator.commands.build import build
    from generator.loader import discover
    from generator.site.pipeline import BuildOptions

    options = BuildOptions(root=root, out=out, jobs=jobs, lang="en", scratch=scratch,
                           reports=reports)
    with contextlib.redirect_stderr(io.StringIO()):
        return build(discover(root / "alliances"), options)


def our_build(root: Path, out: Path, scratch: Path, jobs: int, reports: bool = True
              ) -> tuple[float, int, str]:
    """``alliance build`` of every alliance under ``root``: seconds, peak tree memory, output."""
    command = [sys.executable, "-m", "bench.site", "--build-only", str(root), str(out),
               str(scratch), str(jobs), "1" if reports else "0"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with TreeMemory() as memory:
        started = time.perf_counter()
        run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"bench: the build failed\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
    return seconds, memory.peak, run.stdout


def plain_mkdocs_cli(configs: list[Path], dest: Path, jobs: int) -> None:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def one(config: Path) -> None:
        target = dest / config.parent.parent.name / config.parent.name
        subprocess.run([str(mkdocs), "build", "-q", "-f", str(config), "-d", str(target)],
                       check=True, env=env, stdout=subprocess.DEVNULL)

    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, configs))


def _api_build(config: str) -> None:
    from generator.site import backend

    backend.build(Path(config))


def plain_mkdocs_api(configs: list[Path], jobs: int) -> None:
    from multiprocessing import get_context

    with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
        list(pool.map(_api_build, [str(c) for c in configs]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.site", description=__doc__)
    parser.add_argument("--alliances", type=int,
                        default=int(os.environ.get("BENCH_SITE_ALLIANCES", "24")),
                        help="synthetic alliances (default 24, or $BENCH_SITE_ALLIANCES; the "
                             "issue's full size is 200)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="keep the generated project here")
    parser.add_argument("--build-only", nargs=5, help=argparse.SUPPRESS)
    # From ``python -m bench`` (argv None) the command line names benchmarks, not options.
    args = parser.parse_args([] if argv is None else argv)
    if args.build_only:
        root, out, scratch, jobs_text, reports = args.build_only
        sys.exit(_build_here(Path(root), Path(out), Path(scratch), int(jobs_text),
                             reports == "1"))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    count, jobs = max(args.alliances, 4), args.jobs
    small = max(count // 4, 2)
    from generator.calendar import performance_year_of

    first_year = performance_year_of(date.today()) - 1
    base = Path(tempfile.mkdtemp(prefix="bench-site-")) if args.keep is None else args.keep
    try:
        print(f"alliances: {count} (memory also at {small}); cores used: {jobs}; "
              f"each: 30 members, 60 activities, 40 outcome records, 30 posts, 2 years",
              flush=True)
        root = base / "project"
        folders = make_project(root, count, first_year)

        small_root = base / "small"
        make_project(small_root, small, first_year)
        _, small_peak, _ = our_build(small_root, base / "small-site", base / "small-scratch",
                                     jobs)
        full_time, peak, _ = our_build(root, base / "site", base / "scratch", jobs)
        print(f"full build, {count} alliances × 2 languages, with public reports (PDF): "
              f"{full_time:.1f} s ({full_time / count:.2f} s per alliance on {jobs} cores)",
              flush=True)
        site_time, _, _ = our_build(root, base / "site-noreports", base / "scratch-noreports",
                                    jobs, reports=False)
        configs = sorted((base / "scratch-noreports" / "work").glob("*/*/mkdocs.yml"))
        cli_time, _ = timed(lambda: plain_mkdocs_cli(configs, base / "plain", jobs))
        api_time, _ = timed(lambda: plain_mkdocs_api(configs, jobs))

        changed = folders[len(folders) // 2] / "alliance.yml"
        changed.write_text(changed.read_text(encoding="utf-8").replace(
            "Technology in service of industry", "Changed tagline"), encoding="utf-8")
        rebuild_time, _, output = our_build(root, base / "site", base / "scratch", jobs)
        rebuilt = output.count(": built ")
        unchanged = output.count(": unchanged")

        print(f"the same without the PDF reports (site only): {site_time:.1f} s")
        print(f"plain `mkdocs build` of the same Markdown (CLI, {len(configs)} runs, {jobs} "
              f"at once): {cli_time:.1f} s")
        print(f"  → ours / plain = {site_time / cli_time:.2f}× site only, "
              f"{full_time / cli_time:.2f}× with the reports (target ≤ 1.2×)")
        print(f"MkDocs' API alone in a warm process pool: {api_time:.1f} s → ours / API = "
              f"{site_time / api_time:.2f}× site only (validation, KPI, generation, hashing)")
        print(f"rebuild after one alliance's YAML changed: {rebuild_time:.1f} s, "
              f"{rebuilt} rebuilt, {unchanged} unchanged → "
              f"{100 * rebuild_time / full_time:.1f}% of the full build (target < 5%; one "
              f"alliance's build is ≈{100 / count:.1f}% of this run's)")
        print(f"peak memory of the build's process tree: {small_peak / 2**20:.0f} MiB at "
              f"{small} alliances, {peak / 2**20:.0f} MiB at {count} → "
              f"ratio {peak / max(small_peak, 1):.2f} (flat ≈ 1)")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
