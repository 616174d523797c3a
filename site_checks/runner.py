"""One spot-check run: pick the sites, crawl them, judge each, store each, write the reports.

The order of stages is the design: crawl (workers) → evidence and verdict (``assess``) →
history (one transaction per site, so an interruption loses nothing finished) → reports, built
from what the history holds for the run, so a resumed run reports every site of it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.i18n import Lang, Msg
from site_checks.assess import site_result
from site_checks.crawl.pool import ProgressFn, prestart, run_sites
from site_checks.history import History
from site_checks.registry import Registry, Site
from site_checks.report import RunReport
from site_checks.report import csv as csv_report
from site_checks.report import html as html_report
from site_checks.report import json as json_report
from site_checks.settings import CheckSettings

SEASON_START = (5, 1)  # R6: spot checks from May


@dataclass(frozen=True)
class RunOptions:
    date: dt.date
    db: Path
    out: Path
    settings: CheckSettings
    max_age_days: int
    resume: bool = False
    #: Language of the reasons, warnings and report labels; None: both (the HTML report).
    lang: Lang | None = None


@dataclass(frozen=True)
class RunOutcome:
    run_id: int
    document: dict
    paths: list[Path]
    resumed_sites: int
    resumed: bool = False


class RunLocked(Exception):
    """Another spot check holds the history database ``db``; :attr:`message` says what to do."""

    def __init__(self, db: Path) -> None:
        super().__init__(str(db))
        self.message = Msg(
            f"another spot check is running on the history {db}; wait for it to finish (then "
            "--resume if needed) or give another --db",
            f"另一個抽查正在使用紀錄檔 {db}；請等它結束（必要時再加 --resume）或改用其他 --db")


@contextlib.contextmanager
def history_lock(db: Path) -> Iterator[None]:
    """Hold ``<db>.lock`` for the whole run: two runs on one history (two ``--resume`` of the
    same interrupted run, most dangerously) would crawl the same sites twice and store both.
    The lock dies with the process (``flock``), so a killed run never leaves it behind."""
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(db.with_name(db.name + ".lock"), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLocked(db) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_key(registry: Registry) -> str:
    """What identifies a run besides its date: the registry's absolute path and content, so
    that ``--resume`` finds the run however the path is spelt, and never one of an edited
    registry."""
    return f"{registry.path.resolve()}#sha256:{registry.digest}"


def in_season(date: dt.date) -> bool:
    """R6: the ministry's spot checks run from May 1 of each year."""
    return (date.month, date.day) >= SEASON_START


def run(
    registry: Registry,
    sites: list[Site],
    options: RunOptions,
    on_progress: ProgressFn | None = None,
) -> RunOutcome:
    """Check ``sites`` (a subset of the registry) and write the three outputs."""
    with history_lock(options.db):
        return _run(registry, sites, options, on_progress)


def _run(
    registry: Registry,
    sites: list[Site],
    options: RunOptions,
    on_progress: ProgressFn | None,
) -> RunOutcome:
    prestart()  # the workers' forkserver loads LinkChecker while we open the history
    history = History(options.db)
    try:
        key = run_key(registry)
        resumed = history.unfinished_run(options.date, key) if options.resume else None
        if resumed:
            run_id, site_ids = resumed
            done = history.done_sites(run_id)
            by_id = {s.id: s for s in registry.sites}
            todo = [by_id[s] for s in site_ids if s not in done and s in by_id]
        else:
            run_id = history.start_run(options.date, key, [s.id for s in sites])
            done, todo = set(), list(sites)
        workdir = Path(tempfile.mkdtemp(prefix="spotcheck-"))
        try:
            for site, crawl in run_sites(todo, options.settings, options.date, workdir,
                                         on_progress):
                previous = history.previous_check(site.id, run_id)
                result = site_result(site, crawl, previous, options.date, options.max_age_days)
                history.record_site(run_id, result, crawl.pages)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        history.finish_run(run_id)
        results = history.run_results(run_id)
        report = RunReport(
            date=options.date.isoformat(), in_season=in_season(options.date),
            max_age_days=options.max_age_days, results=results, lang=options.lang,
            past={r.id: history.verdict_history(r.id, run_id) for r in results})
    finally:
        history.close()
    options.out.mkdir(parents=True, exist_ok=True)
    stem = options.out / f"spotcheck-{options.date.isoformat()}"
    document = json_report.document(report)
    paths = [
        json_report.write(report, stem.with_suffix(".json")),
        csv_report.write(report, stem.with_suffix(".csv")),
        html_report.write(report, stem.with_suffix(".html")),
    ]
    return RunOutcome(run_id=run_id, document=document, paths=paths, resumed_sites=len(done),
                      resumed=bool(resumed))
