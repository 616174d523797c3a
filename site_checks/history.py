"""The spot-check history in SQLite: what was seen, when, and what was decided.

Embedded, WAL, one transaction per finished site: an interrupted run (Ctrl-C, kill) keeps
every site that finished, and ``--resume`` completes it. Fingerprints of every page of every
check are kept because observed change is the primary freshness signal.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from site_checks.evidence.freshness import PreviousCheck
from site_checks.models import PageFacts
from site_checks.result import SiteResult
from site_checks.safety.traps import page_key

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,              -- the check date (--date)
    registry TEXT NOT NULL,          -- registry path as given
    site_ids TEXT NOT NULL,          -- JSON list: the sites this run must check, in order
    started_at TEXT NOT NULL,
    finished_at TEXT                 -- NULL while running or after an interruption
);
CREATE TABLE IF NOT EXISTS sites (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checks (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    site_id TEXT NOT NULL REFERENCES sites(id),
    verdict TEXT NOT NULL,
    reasons TEXT NOT NULL,           -- JSON list
    last_update TEXT,                -- newest credited content date
    last_change TEXT,                -- last check date that saw the text change
    changed INTEGER,                 -- changed since the previous check (NULL: first check)
    result TEXT NOT NULL,            -- the site's JSON entry, as reported
    finished_at TEXT NOT NULL,
    PRIMARY KEY (run_id, site_id)
);
CREATE TABLE IF NOT EXISTS pages (
    run_id INTEGER NOT NULL, site_id TEXT NOT NULL, url TEXT NOT NULL,
    sha256 TEXT NOT NULL, simhash TEXT NOT NULL, text_length INTEGER NOT NULL,
    PRIMARY KEY (run_id, site_id, url)
);
CREATE TABLE IF NOT EXISTS links (
    run_id INTEGER NOT NULL, site_id TEXT NOT NULL, page TEXT NOT NULL, url TEXT NOT NULL,
    kind TEXT NOT NULL,              -- broken | unverified | blocked
    status TEXT NOT NULL
);
"""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class History:
    """Read and write the history database at ``path`` (created on first use)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- runs ---------------------------------------------------------------------------

    def start_run(self, date: dt.date, registry: str, site_ids: list[str]) -> int:
        with self.db:
            cur = self.db.execute(
                "INSERT INTO runs (date, registry, site_ids, started_at) VALUES (?, ?, ?, ?)",
                (date.isoformat(), registry, json.dumps(site_ids), _now()))
        return int(cur.lastrowid)

    def unfinished_run(self, date: dt.date, registry: str) -> tuple[int, list[str]] | None:
        """The newest interrupted run of this date and registry, to be resumed."""
        row = self.db.execute(
            "SELECT id, site_ids FROM runs WHERE date = ? AND registry = ? AND finished_at IS "
            "NULL ORDER BY id DESC LIMIT 1", (date.isoformat(), registry)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def done_sites(self, run_id: int) -> set[str]:
        rows = self.db.execute("SELECT site_id FROM checks WHERE run_id = ?", (run_id,))
        return {r[0] for r in rows}

    def finish_run(self, run_id: int) -> None:
        with self.db:
            self.db.execute("UPDATE runs SET finished_at = ? WHERE id = ?", (_now(), run_id))

    def run_site_ids(self, run_id: int) -> list[str]:
        row = self.db.execute("SELECT site_ids FROM runs WHERE id = ?", (run_id,)).fetchone()
        return json.loads(row[0])

    # -- sites --------------------------------------------------------------------------

    def previous_check(self, site_id: str, before_run: int) -> PreviousCheck | None:
        """The site's most recent check in an earlier run, with its page fingerprints."""
        row = self.db.execute(
            "SELECT c.run_id, r.date, c.last_update, c.last_change FROM checks c "
            "JOIN runs r ON r.id = c.run_id WHERE c.site_id = ? AND c.run_id < ? "
            "AND c.verdict != 'unreachable' ORDER BY c.run_id DESC LIMIT 1",
            (site_id, before_run)).fetchone()
        if row is None:
            return None
        run_id, date, last_update, last_change = row
        prints = {
            url: (sha, int(simhash, 16))
            for url, sha, simhash in self.db.execute(
                "SELECT url, sha256, simhash FROM pages WHERE run_id = ? AND site_id = ?",
                (run_id, site_id))
        }
        return PreviousCheck(date=date, fingerprints=prints, last_update=last_update,
                             last_change=last_change)

    def record_site(self, run_id: int, result: SiteResult, pages: list[PageFacts]) -> None:
        """Store one finished site (its result, pages and bad links) in one transaction."""
        fresh = result.freshness
        changed = fresh.changed_since_last_check if fresh else None
        with self.db:
            self.db.execute(
                "INSERT INTO sites (id, name, url) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE "
                "SET name = excluded.name, url = excluded.url",
                (result.id, result.name, result.url))
            self.db.execute(
                "INSERT OR REPLACE INTO checks (run_id, site_id, verdict, reasons, last_update,"
                " last_change, changed, result, finished_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (run_id, result.id, result.verdict, json.dumps([m.en for m in result.reasons]),
                 fresh.last_update if fresh else None, fresh.last_change if fresh else None,
                 None if changed is None else int(changed),
                 json.dumps(result.to_record(), ensure_ascii=False), _now()))
            self.db.executemany(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                [(run_id, result.id, page_key(p.url), p.sha256, f"{p.simhash:016x}",
                  p.text_length) for p in pages])
            links = result.links
            self.db.executemany(
                "INSERT INTO links VALUES (?, ?, ?, ?, ?, ?)",
                [(run_id, result.id, e["parent"], e["url"], kind, e["status"])
                 for kind, entries in (("broken", links.broken),
                                       ("unverified", links.unverified),
                                       ("blocked", links.blocked)) for e in entries])

    def run_results(self, run_id: int) -> list[SiteResult]:
        """The results of a run's sites, in the run's site order."""
        rows = dict(self.db.execute(
            "SELECT site_id, result FROM checks WHERE run_id = ?", (run_id,)).fetchall())
        return [SiteResult.from_record(json.loads(rows[s]))
                for s in self.run_site_ids(run_id) if s in rows]

    def verdict_history(self, site_id: str, up_to_run: int, limit: int = 12) -> list[dict]:
        """The site's verdicts over past runs, oldest first, for the report."""
        rows = self.db.execute(
            "SELECT r.date, c.verdict, c.run_id FROM checks c JOIN runs r ON r.id = c.run_id "
            "WHERE c.site_id = ? AND c.run_id <= ? ORDER BY c.run_id DESC LIMIT ?",
            (site_id, up_to_run, limit)).fetchall()
        return [{"date": d, "verdict": v, "run": r} for d, v, r in reversed(rows)]
