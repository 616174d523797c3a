"""Benchmark of the spot check against plain LinkChecker, on nginx (Debian) on 127.0.0.1.

20 synthetic sites of 50 pages (~20 links a page, 2% planted broken, shared external links on a
second local server), plus the two hand-made sites of ``tests/spotcheck/corpus`` (Big5 tables,
``<base href>``, PDFs, stamps; their truth files' broken links are planted too). Measured in one
run and printed:

(a) at LinkChecker's default polite pace: our whole spot check vs one plain ``linkchecker``
    invocation given the same 20 start URLs (target: ours ≥ 8× faster — parallel sites at the
    same per-host pace; both run at the same time against the same nginx);
(b) unthrottled (nginx sends the ``LinkChecker`` header; plain LinkChecker also gets a high
    ``maxrequestspersecond``; ours runs with ``--pace 0`` and one worker): our wall time and
    process-tree CPU (every process of the run, workers included) per site over plain
    LinkChecker's (target ≤ 1.25× while also fingerprinting);
(c) peak memory (RSS) per worker;
(d) that every planted broken link was found on every page, and nothing else.

Not a test: timings depend on the machine. Run ``python -m bench.spotcheck``; add
``--only unthrottled`` for (b), (c) and (d) of the unthrottled run alone (about 40 s instead of
7–8 min: the polite plain-LinkChecker run takes ~400 s), or ``--only polite`` for (a), (c), (d).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

SITES, PAGES, LINKS, BROKEN_SHARE, EXTERNALS = 20, 50, 20, 0.02, 10
PORT_POLITE, PORT_FAST, PORT_EXT = 18081, 18082, 18083
ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
CORPUS = ROOT / "tests" / "spotcheck" / "corpus"
#: Hand-made corpus sites served beside the synthetic ones: folder under nginx's root → corpus
#: site (dept-big5 must sit at /site/: its news list has ``<base href="/site/">``).
HAND_MADE = {"site": "dept-big5", "ally": "alliance-utf8"}


def build_sites(root: Path, seed: int = 5) -> set[tuple[str, str]]:
    """Write the sites; return the planted broken links as (page path, link path)."""
    rng = random.Random(seed)
    planted: set[tuple[str, str]] = set()
    for s in range(SITES):
        site = root / "sites" / f"s{s:02d}"
        site.mkdir(parents=True)
        for p in range(PAGES):
            name = "index.html" if p == 0 else f"p{p:02d}.html"
            links = []
            for k in range(LINKS):
                if rng.random() < BROKEN_SHARE:
                    target = f"gone{rng.randrange(10)}.html"
                    planted.add((f"/s{s:02d}/{name}", f"/s{s:02d}/{target}"))
                elif k < 2:
                    target = f"http://127.0.0.1:{PORT_EXT}/ext{rng.randrange(EXTERNALS)}.html"
                else:
                    target = f"p{rng.randrange(1, PAGES):02d}.html"
                links.append(f'<li><a href="{target}">連結 {k}</a></li>')
            nxt = f'<a href="p{p + 1:02d}.html">下一頁</a>' if p + 1 < PAGES else ""
            site.joinpath(name).write_text(
                f"<!doctype html><html><head><meta charset='utf-8'><title>站 {s} 頁 {p}</title>"
                f"</head><body><h1>第 {p} 頁</h1><p>2026-05-0{1 + p % 9} 聯盟消息 {s}-{p}："
                f"{'本聯盟提供技術服務與會員諮詢。' * 5}</p><ul>{''.join(links)}</ul>{nxt}"
                "<footer>國科會補助 © 2026</footer></body></html>", encoding="utf-8")
    for folder, name in HAND_MADE.items():
        shutil.copytree(CORPUS / name / "v1", root / "sites" / folder)
        truth = yaml.safe_load((CORPUS / name / "_truth.yml").read_text(encoding="utf-8"))
        for page, link in truth["broken"]:
            target = link if link.startswith("/") else f"/{folder}/{link}"
            planted.add((_path(f"http://x/{folder}/{page}"), target))
    ext = root / "ext"
    ext.mkdir()
    for e in range(EXTERNALS):
        ext.joinpath(f"ext{e}.html").write_text(f"<html><body>external {e}</body></html>")
    return planted


def start_nginx(root: Path) -> subprocess.Popen:
    conf = root / "nginx.conf"
    conf.write_text(f"""
worker_processes 2;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {root}/tmp; proxy_temp_path {root}/tmp; fastcgi_temp_path {root}/tmp;
  uwsgi_temp_path {root}/tmp; scgi_temp_path {root}/tmp;
  types {{ text/html html; text/css css; application/pdf pdf; image/png png; }}
  server {{ listen 127.0.0.1:{PORT_POLITE}; root {root}/sites; }}
  server {{ listen 127.0.0.1:{PORT_FAST}; root {root}/sites;
           add_header LinkChecker unthrottled always; }}
  server {{ listen 127.0.0.1:{PORT_EXT}; root {root}/ext; }}
}}
""")
    (root / "tmp").mkdir()
    for path in [root, *root.rglob("*")]:  # nginx workers (and linkchecker) run as nobody
        path.chmod(0o777 if path.is_dir() else 0o666)
    proc = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(root)])
    time.sleep(0.5)
    return proc


def start_urls(port: int) -> list[str]:
    """Every site's home page: the synthetic ones, then the hand-made ones."""
    return ([f"http://127.0.0.1:{port}/s{s:02d}/" for s in range(SITES)]
            + [f"http://127.0.0.1:{port}/{folder}/" for folder in HAND_MADE])


def registry(root: Path, port: int, name: str) -> Path:
    lines = ["sites:"] + [f"  - id: {url.split('/')[3]}\n    name: 站 {url.split('/')[3]}\n"
                          f"    url: {url}" for url in start_urls(port)]
    path = root / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def spotcheck(root: Path, reg: Path, tag: str, *args: str) -> tuple[subprocess.Popen, Path]:
    out = root / f"out-{tag}"
    cmd = [sys.executable, "-m", "site_checks", str(reg), "--date", "2026-05-12", "--out",
           str(out), "--db", str(root / f"{tag}.sqlite"), *args]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL), out


def linkchecker(root: Path, port: int, tag: str, fast: bool) -> subprocess.Popen:
    home = root / f"lc-home-{tag}"
    home.mkdir()
    home.chmod(0o777)
    rc = home / "linkcheckerrc"
    rc.write_text("[checking]\nmaxrequestspersecond=1000\n" if fast else "[checking]\n")
    rc.chmod(0o666)
    urls = start_urls(port)
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home), XDG_DATA_HOME=str(home))
    cmd = [str(VENV_BIN / "linkchecker"), "--check-extern", "--no-status", "-o", "none",
           "-f", str(rc), *urls]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(procs: list[subprocess.Popen]) -> list[float]:
    return [wall for wall, _cpu in measured(procs)]


def _cpu_of(pid: int) -> tuple[int, float] | None:
    """(parent pid, user+system CPU seconds) of a live process, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(procs: list[subprocess.Popen]) -> list[tuple[float, float]]:
    """(wall seconds, process-tree CPU seconds) of each process, sampled every 20 ms.

    CPU is summed over the process and every descendant seen (the forkserver and workers of
    ours), each at its last sample: a process's own time only, so a reaped child is never
    counted twice."""
    start = time.monotonic()
    done: dict[int, float] = {}
    cpu: list[dict[int, float]] = [{} for _ in procs]
    while len(done) < len(procs):
        table = {pid: info for pid in map(int, filter(str.isdigit, os.listdir("/proc")))
                 if (info := _cpu_of(pid))}
        for i, p in enumerate(procs):
            if i in done:
                continue
            tree = {p.pid}
            grew = True
            while grew:
                kids = {pid for pid, (ppid, _) in table.items() if ppid in tree} - tree
                grew = bool(kids)
                tree |= kids
            for pid in tree & table.keys():
                cpu[i][pid] = table[pid][1]
            if p.poll() is not None:
                done[i] = time.monotonic() - start
        time.sleep(0.02)
    return [(done[i], sum(cpu[i].values())) for i in range(len(procs))]


def _path(url: str) -> str:
    """``/s00/p01.html`` from a full URL; the start page as ``index.html``."""
    path = "/" + url.split("/", 3)[3]
    return path + "index.html" if path.endswith("/") else path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.spotcheck")
    parser.add_argument("--only", choices=("polite", "unthrottled"),
                        help="run one part: polite = (a), unthrottled = (b); (c), (d) of it")
    parts = {"polite", "unthrottled"}
    only = parser.parse_args([] if argv is None else argv).only
    if only:
        parts = {only}
    root = Path(tempfile.mkdtemp(prefix="bench-spotcheck-"))
    nginx = None
    try:
        planted = build_sites(root)
        nginx = start_nginx(root)
        print(f"{SITES} sites x {PAGES} pages, ~{LINKS} links/page, {len(planted)} planted "
              f"broken links; nginx on 127.0.0.1:{PORT_POLITE}/{PORT_FAST}, externals on "
              f":{PORT_EXT}")

        outs: dict[str, Path] = {}
        if "polite" in parts:
            print("(a) polite pace (LinkChecker default 0.1-0.6 s per host), both at once ...",
                  flush=True)
            ours, outs["polite"] = spotcheck(root, registry(root, PORT_POLITE, "polite.yml"),
                                             "polite", "--workers", str(SITES))
            plain = linkchecker(root, PORT_POLITE, "polite", fast=False)
            t_ours, t_plain = timed([ours, plain])
            print(f"    ours {t_ours:.1f} s, plain linkchecker {t_plain:.1f} s: "
                  f"{t_plain / t_ours:.1f}x faster (target >= 8x)")

        if "unthrottled" in parts:
            print("(b) unthrottled, one site at a time ...", flush=True)
            ours, outs["unthrottled"] = spotcheck(root, registry(root, PORT_FAST, "fast.yml"),
                                                  "fast", "--pace", "0", "--workers", "1")
            ((t_ours, c_ours),) = measured([ours])
            ((t_plain, c_plain),) = measured([linkchecker(root, PORT_FAST, "fast", fast=True)])
            n = len(start_urls(PORT_FAST))
            print(f"    wall: ours {t_ours / n:.2f} s/site, plain linkchecker "
                  f"{t_plain / n:.2f} s/site: {t_ours / t_plain:.2f}x (target <= 1.25x)")
            print(f"    process-tree CPU: ours {c_ours / n:.2f} s/site, plain linkchecker "
                  f"{c_plain / n:.2f} s/site: {c_ours / c_plain:.2f}x (target <= 1.25x)")

        label, out = next(iter(outs.items()))
        doc = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
        rss = [s["stats"]["peak_rss_mb"] for s in doc["sites"]]
        print(f"(c) peak RSS per worker ({label} run): median {statistics.median(rss):.0f} MB, "
              f"max {max(rss):.0f} MB")

        for label, out in outs.items():
            doc = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
            found = {(_path(b["parent"]), _path(b["url"]))
                     for s in doc["sites"] for b in s["links"]["broken"]}
            missed, extra = planted - found, found - planted
            ok = "OK" if not missed and not extra else "MISMATCH"
            print(f"(d) {label}: {len(found)} broken links reported, {len(missed)} planted "
                  f"missed, {len(extra)} reported but not planted: {ok}")
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
