"""``alliance spotcheck …``: the command line of the ministry's spot check.

``main`` takes everything after the word ``spotcheck``. Exit codes (interfaces.md): 0 the
check completed (even when sites fail: verdicts are the output), 1 the registry is invalid,
2 wrong usage (unknown option, missing file). No traceback for anything a user can type.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sqlite3
import sys
from pathlib import Path

from generator.i18n import Lang, Msg
from site_checks import plan as planning
from site_checks.registry import MAX_AGE_LIMIT, Registry, RegistryError, load_registry
from site_checks.report.progress import progress_display
from site_checks.runner import RunLocked, RunOptions, run
from site_checks.settings import CheckSettings

PROG = "alliance spotcheck"
#: The verdict words of the run's summary lines.
VERDICT_WORDS = {"pass": Msg("pass", "通過"), "fail": Msg("fail", "未通過"),
                 "unreachable": Msg("unreachable", "無法連線")}
#: A registry lists sites; anything bigger is the wrong file.
MAX_REGISTRY_BYTES = 5_000_000


class UsageError(Exception):
    """Wrong usage; the message says what to type instead."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would sys.exit(2) from inside
        raise UsageError(f"{self.prog}: {message}")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-05-12") from None


def _pace(value: str) -> tuple[float, float]:
    try:
        low, _, high = value.partition(":")
        pace = (float(low), float(high or low))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not SECONDS or MIN:MAX, e.g. 0.1:0.6") from None
    if not all(math.isfinite(p) for p in pace) or pace[0] < 0 or pace[1] < pace[0] \
            or pace[1] > 60:
        raise argparse.ArgumentTypeError("pace needs 0 <= MIN <= MAX <= 60 seconds")
    return pace


def _number(kind: type, low: float, high: float, unit: str = ""):
    """An argparse type: a finite ``kind`` number with ``low <= value <= high``.

    ``nan`` and ``inf`` are refused: ``--site-timeout inf`` would switch the wall-clock cap
    off and ``--timeout nan`` would make every site unreachable."""
    def parse(value: str):
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
        if not math.isfinite(number) or not low <= number <= high:
            raise argparse.ArgumentTypeError(
                f"{value!r} must be a number from {low:g} to {high:g}{unit}")
        return number
    return parse


def _positive(kind: type, high: float, unit: str = ""):
    """A finite number greater than 0 and at most ``high``."""
    smallest = 1 if kind is int else 0.001
    return _number(kind, smallest, high, unit)


def _run_parser() -> _Parser:
    defaults = CheckSettings()
    p = _Parser(prog=PROG, description="Spot-check the alliance websites listed in REGISTRY: "
                "broken links and content freshness (R6).")
    p.add_argument("registry", type=Path, help="YAML registry of sites (see interfaces.md)")
    p.add_argument("--date", type=_date, default=dt.date.today(),
                   help="check date, YYYY-MM-DD (default: today)")
    p.add_argument("--sample", type=_positive(int, 1_000_000), metavar="N",
                   help="check a reproducible random sample of N sites (needs --seed)")
    p.add_argument("--seed", help="seed of the sample")
    p.add_argument("--only", metavar="ID[,ID…]", help="check only these site ids")
    p.add_argument("--max-age", type=_positive(int, MAX_AGE_LIMIT, " days"), metavar="DAYS",
                   help="content older than this is not fresh (default: registry, else 90)")
    p.add_argument("--db", type=Path, default=Path("spotchecks.sqlite"),
                   help="history database (default: spotchecks.sqlite)")
    p.add_argument("--out", type=Path, default=Path("."),
                   help="folder for spotcheck-<date>.json/.csv/.html (default: .)")
    p.add_argument("--resume", action="store_true",
                   help="complete the interrupted run of this date and registry")
    p.add_argument("--workers", type=_positive(int, 64),
                   default=defaults.workers,
                   help=f"sites checked at once, one process each (default {defaults.workers})")
    p.add_argument("--pace", type=_pace, default=defaults.pace, metavar="MIN[:MAX]",
                   help="seconds between requests to one host (default 0.1:0.6, "
                   "LinkChecker's polite pace; 0 lifts it)")
    p.add_argument("--timeout", type=_positive(float, 3600, " seconds"),
                   default=defaults.request_timeout,
                   help=f"seconds per request (default {defaults.request_timeout:g})")
    p.add_argument("--site-timeout", type=_positive(float, 86400, " seconds"),
                   default=defaults.site_timeout,
                   help=f"wall-clock cap per site, seconds (default {defaults.site_timeout:g})")
    p.add_argument("--max-pages", type=_positive(int, 1_000_000),
                   default=defaults.max_pages,
                   help=f"own pages per site at most (default {defaults.max_pages})")
    p.add_argument("--max-depth", type=_positive(int, 1000),
                   default=defaults.max_depth,
                   help=f"link depth at most (default {defaults.max_depth})")
    p.add_argument("--max-bytes", type=_positive(int, 1 << 30, " bytes"),
                   default=defaults.max_bytes,
                   help=f"bytes read per page at most (default {defaults.max_bytes})")
    p.add_argument("--internal-only", action="store_true",
                   help="check only links to each site's own host (a local preview without "
                        "network); links to other hosts are counted as not checked")
    p.add_argument("--lang", choices=["zh", "en"],
                   help="language of reasons, warnings and report labels (default: English "
                        "in JSON/CSV, both languages in the HTML report)")
    p.add_argument("--retries", type=_number(int, 0, 10),
                   default=defaults.retries,
                   help=f"retries of unverified links (default {defaults.retries})")
    p.add_argument("--max-retry-wait", type=_number(float, 0, 3600, " seconds"),
                   default=defaults.max_retry_wait,
                   help="longest Retry-After honoured, seconds "
                   f"(default {defaults.max_retry_wait:g})")
    p.add_argument("--backoff", type=_number(float, 0, 600, " seconds"),
                   default=defaults.backoff,
                   help=f"first retry delay without Retry-After (default {defaults.backoff:g})")
    return p


def _plan_parser() -> _Parser:
    p = _Parser(prog=f"{PROG} plan", description="Draw K irregular check dates between May 1 "
                "and Oct 31 of YEAR, each with its sites, reproducibly.")
    p.add_argument("registry", type=Path)
    p.add_argument("--year", type=_number(int, 2000, 2200), required=True)
    p.add_argument("--checks", type=_positive(int, 184), required=True, metavar="K")
    p.add_argument("--seed", required=True)
    p.add_argument("--sample", type=_positive(int, 1_000_000), metavar="N",
                   help="sites per check (default: every site once in the season)")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the messages")
    return p


def _load(path: Path) -> Registry:
    if not path.exists():
        raise UsageError(f"{PROG}: registry file not found: {path}")
    if not path.is_file():
        raise UsageError(f"{PROG}: registry {path} is not a regular file (a folder, FIFO or "
                         "device); give the YAML file that lists the sites")
    if path.stat().st_size > MAX_REGISTRY_BYTES:
        raise UsageError(f"{PROG}: registry {path} is larger than "
                         f"{MAX_REGISTRY_BYTES // 1_000_000} MB; a registry lists sites, "
                         "split it or check that this is the right file")
    return load_registry(path)


def _check_paths(db: Path, out: Path) -> None:
    """Refuse a ``--db`` or ``--out`` that cannot be what it must be, before any crawl."""
    if db.is_dir():
        raise UsageError(f"{PROG}: --db {db} is a folder; give the history file, e.g. "
                         f"--db {db / 'spotchecks.sqlite'}")
    if db.exists() and not db.is_file():
        raise UsageError(f"{PROG}: --db {db} is not a regular file; give the history file")
    if out.exists() and not out.is_dir():
        raise UsageError(f"{PROG}: --out {out} is a file; give a folder for the reports "
                         "(it is created if missing)")


def _main_plan(argv: list[str]) -> int:
    args = _plan_parser().parse_args(argv)
    registry = _load(args.registry)
    try:
        schedule = planning.plan(list(registry.sites), args.year, args.checks, args.seed,
                                 args.sample)
    except ValueError as exc:
        raise UsageError(f"{PROG} plan: {exc}") from None
    for date, sites in schedule:
        ids = ",".join(s.id for s in sites)
        print(f"{date.isoformat()}  {ids}")
        print(f"    {PROG} {args.registry} --date {date.isoformat()} --only {ids}")
    return 0


def _main_run(argv: list[str]) -> int:
    args = _run_parser().parse_args(argv)
    if args.sample and args.seed is None:
        raise UsageError(f"{PROG}: --sample needs --seed S so that the sample can be redrawn")
    registry = _load(args.registry)
    _check_paths(args.db, args.out)
    sites = list(registry.sites)
    if args.only:
        wanted = [s.strip() for s in args.only.split(",") if s.strip()]
        unknown = sorted(set(wanted) - {s.id for s in sites})
        if unknown:
            raise UsageError(f"{PROG}: --only names sites not in {args.registry}: "
                             + ", ".join(unknown))
        sites = [s for s in sites if s.id in wanted]
    if args.sample:
        sites = planning.sample(sites, args.sample, args.seed)
    settings = CheckSettings(
        pace=args.pace, request_timeout=args.timeout, site_timeout=args.site_timeout,
        max_pages=args.max_pages, max_depth=args.max_depth, max_bytes=args.max_bytes,
        workers=args.workers, retries=args.retries, max_retry_wait=args.max_retry_wait,
        backoff=args.backoff, check_external=not args.internal_only)
    options = RunOptions(date=args.date, db=args.db, out=args.out, settings=settings,
                         max_age_days=args.max_age or registry.max_age_days,
                         resume=args.resume, lang=args.lang)
    with progress_display(len(sites)) as on_progress:
        outcome = run(registry, sites, options, on_progress)
    doc = outcome.document
    lang = args.lang or "en"
    if not doc["in_season"]:
        print(Msg(f"note: {doc['date']} is before May 1: outside the ministry's spot-check "
                  "season (R6); the check ran anyway.",
                  f"注意：{doc['date']} 早於 5 月 1 日，非正式抽查期間（R6）；仍已檢查。")(lang))
    if outcome.resumed:
        print(Msg(f"resumed run {outcome.run_id}: {outcome.resumed_sites} site(s) were "
                  "already done",
                  f"接續第 {outcome.run_id} 次檢查：已完成 {outcome.resumed_sites} 個網站")(lang))
    elif args.resume:
        print(Msg(f"note: no interrupted run of {doc['date']} with this registry (same file, "
                  "same content) was found; a new run was made",
                  f"注意：找不到此名冊（同一檔案、同一內容）在 {doc['date']} 中斷的檢查；"
                  "已重新檢查")(lang))
    for site in doc["sites"]:
        why = "; ".join(site["reasons"])
        print(f"{VERDICT_WORDS[site['verdict']](lang):<12} {site['id']:<20} {why}")
    for path in outcome.paths:
        print(Msg(f"wrote {path}", f"已寫入 {path}")(lang))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run ``alliance spotcheck`` with ``argv`` (the words after ``spotcheck``)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang: Lang = "zh" if "--lang" in argv[:-1] and argv[argv.index("--lang") + 1] == "zh" \
        else "en"

    def error(en: str, zh: str) -> None:
        print(Msg(f"error: {en}", f"錯誤：{zh}")(lang), file=sys.stderr)

    try:
        if argv and argv[0] == "plan":
            return _main_plan(argv[1:])
        return _main_run(argv)
    except UsageError as exc:
        error(str(exc), str(exc))
        print(Msg(f"Run `{PROG} --help` for usage.",
                  f"用法請見 `{PROG} --help`。")(lang), file=sys.stderr)
        return 2
    except RegistryError as exc:
        error(f"the registry is invalid:\n{exc}", f"名冊有誤：\n{exc}")
        return 1
    except RunLocked as exc:
        error(exc.message.en, exc.message.zh)
        return 1
    except sqlite3.DatabaseError as exc:
        error(f"the history database cannot be used ({exc}); give another --db or move this "
              "file away", f"無法使用抽查紀錄檔（{exc}）；請改用其他 --db 或移開此檔")
        return 1
    except UnicodeDecodeError as exc:
        error(f"the registry is not UTF-8 text ({exc.reason}); save it as UTF-8",
              f"名冊不是 UTF-8 文字（{exc.reason}）；請存成 UTF-8")
        return 1
    except OSError as exc:
        if exc.filename is None:  # not about a path the user gave: a real fault
            raise
        error(f"{exc.strerror or exc}: {exc.filename}; check --db, --out and the registry path",
              f"{exc.strerror or exc}：{exc.filename}；請檢查 --db、--out 與名冊路徑")
        return 1
    except KeyboardInterrupt:
        print(Msg("interrupted: finished sites are kept; run again with --resume to complete",
                  "已中斷：完成的網站已保存；請加 --resume 再執行以完成檢查")(lang),
              file=sys.stderr)
        return 130
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
