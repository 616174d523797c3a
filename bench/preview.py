"""Preview and incremental-build benchmark on the example alliance (smart-sensing).

    python -m bench.preview        (make bench BENCH=preview)

1. **save → new text in the page**: ``alliance serve`` runs on a copy of the example; Chromium
   (Playwright) has the page open; the bench saves one file and waits until the page shows
   the new text (after MkDocs' live reload). Three kinds of save: a YAML text shown on one
   page (the page-by-page short cut), a Markdown free page (the same), and a news post (the
   post and the news lists that show its excerpt, page by page). Target: under 1 s.
2. **one-line change → build done**: ``alliance build`` on the same copy after a full build:
   a YAML line, a news post's line, and a member's name (which changes the reports, so their
   PDFs are printed again). Target: under 3 s.

Besides wall time, the CPU time of the process tree (the preview server, or the build and
its children) is printed: on a shared machine it moves much less with the load.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "alliances" / "smart-sensing"
ALLIANCE = Path(sys.executable).with_name("alliance")
SAVE_TARGET, BUILD_TARGET = 1.0, 3.0
SHOWS = "t => !!document.body && document.body.innerText.includes(t)"  # none while reloading
ROUNDS = 3
FREE_PAGE = "# 實驗室開放日\n\n每月第一個週五開放參觀，請事先預約。\n"

# (what, file, old text, new text with {n}, page under /smart-sensing/zh-TW/)
SAVES = [
    ("YAML: a capability's summary", "alliance.yml", "取樣率達 51.2 kHz",
     "取樣率達 51.{n} kHz", "capabilities/"),
    ("Markdown: a free page", "pages/open-day.md", "請事先預約。", "請事先預約（第 {n} 版）。",
     "pages/open-day/"),
    ("Markdown: a news post", "news/2024-02-26-alliance-founded.md", "\n---\n",
     "\n---\n\n更新第 {n} 版。\n", "news/2024/02/26/alliance-founded/"),
]
BUILDS = [
    ("YAML: a capability's summary", "alliance.yml", "取樣率達 51.2 kHz", "取樣率達 51.{n} kHz"),
    ("Markdown: a news post", "news/2024-02-26-alliance-founded.md", "\n---\n",
     "\n---\n\n更新第 {n} 版。\n"),
    ("YAML: a member's name (reports change)", "members.yml", "竹晶精密機械股份有限公司,",
     "竹晶精密機械{n}號公司,"),
]


def _project(tmp: Path) -> Path:
    root = tmp / "project"
    (root / "alliances").mkdir(parents=True)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(EXAMPLE, root / "alliances" / EXAMPLE.name)
    pages = root / "alliances" / EXAMPLE.name / "pages"
    pages.mkdir(exist_ok=True)
    (pages / "open-day.md").write_text(FREE_PAGE, encoding="utf-8")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"bench.preview: '{old}' is no longer in {path}: update SAVES/BUILDS")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _cpu_of(pid: int) -> float:
    """CPU seconds of a process and its (waited-for) children, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _settled(pid: int, quiet: float = 1.5, limit: float = 120) -> None:
    """Until the server has used no CPU for ``quiet`` seconds (its settling is done)."""
    deadline = time.monotonic() + limit
    last, since = _cpu_of(pid), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = _cpu_of(pid)
        if now - last > 0.02:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


def bench_saves(root: Path) -> list[tuple[str, list[float], list[float]]]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from generator.site.screenshots import CHROMIUM, LAUNCH_ARGS

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = root / "serve.log"  # a file, not a pipe: a full pipe would stall the server
    with log.open("w") as sink:
        server = subprocess.Popen([str(ALLIANCE), "serve", EXAMPLE.name, "--port", str(port)],
                                  cwd=root, env=env, stdout=sink, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    results = []
    try:
        deadline = time.monotonic() + 300
        while "previewing" not in log.read_text(encoding="utf-8"):
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("bench.preview: the preview did not start:\n"
                                 + log.read_text(encoding="utf-8"))
            time.sleep(0.2)
        _settled(server.pid)
        folder = root / "alliances" / EXAMPLE.name
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            page = browser.new_page()
            for what, name, old, new, url in SAVES:
                page.goto(f"http://127.0.0.1:{port}/{EXAMPLE.name}/zh-TW/{url}")
                page.wait_for_load_state("load")
                walls, cpus = [], []
                current = old
                for n in range(1, ROUNDS + 1):
                    text = new.format(n=n + 3)
                    marker = text.strip().splitlines()[-1]
                    cpu = _cpu_of(server.pid)
                    started = time.perf_counter()
                    _edit(folder / name, current, text)
                    try:
                        page.wait_for_function(SHOWS, arg=marker, timeout=60000, polling=20)
                    except PlaywrightError as exc:
                        raise SystemExit(f"bench.preview: {what}: '{marker}' never showed on "
                                         f"{page.url}:\n" + log.read_text(encoding="utf-8")
                                         ) from exc
                    walls.append(time.perf_counter() - started)
                    _settled(server.pid)
                    cpus.append(_cpu_of(server.pid) - cpu)
                    current = text
                results.append((what, walls, cpus))
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return results


def _build(root: Path) -> tuple[float, float, str]:
    """(wall s, CPU s of the build's process tree, its last line)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([str(ALLIANCE), "build", EXAMPLE.name], cwd=root, text=True,
                          capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"bench.preview: the build failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.strip().splitlines()[-1]


def bench_builds(root: Path) -> list[tuple[str, float, float]]:
    folder = root / "alliances" / EXAMPLE.name
    results = [("full build, nothing cached", *_build(root)[:2])]
    results.append(("again, nothing changed", *_build(root)[:2]))
    for what, name, old, new in BUILDS:
        _edit(folder / name, old, new.format(n=7))
        results.append((what, *_build(root)[:2]))
    return results


def _line(what: str, wall: float, cpu: float, target: float | None) -> str:
    verdict = "" if target is None else ("  ok" if wall < target else f"  over {target:.0f} s")
    return f"  {what:<44} {wall:6.2f} s wall  {cpu:6.2f} s CPU{verdict}"


def main() -> None:
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          "(figures on a loaded machine vary; CPU time varies less)")
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as tmp:
        saves = bench_saves(_project(Path(tmp) / "serve"))
        print(f"\nsave → new text in the page (alliance serve, Chromium), target < "
              f"{SAVE_TARGET:.0f} s; CPU is the server's per save, settling included")
        for what, walls, cpus in saves:
            for wall, cpu in zip(walls, cpus, strict=True):
                print(_line(what, wall, cpu, SAVE_TARGET))
        builds = bench_builds(_project(Path(tmp) / "build"))
        print(f"\none-line change → alliance build done, target < {BUILD_TARGET:.0f} s")
        for i, (what, wall, cpu) in enumerate(builds):
            print(_line(what, wall, cpu, None if i == 0 else BUILD_TARGET))


if __name__ == "__main__":
    main()
