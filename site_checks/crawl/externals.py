"""External links checked once per run, whichever worker meets them first.

A ministry page linked from 200 alliance sites must be asked once, not 200 times. Workers are
separate processes, so they share results through a small SQLite table (WAL, autocommit): the
first worker to meet a URL *claims* it and checks it; the others wait for its result. A claim
older than ``stale_after`` seconds (its worker was killed) may be taken over.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from linkcheck.cache.results import ResultCache
from linkcheck.checker.urlbase import CompactUrlData, urlDataAttr

_SCHEMA = """
CREATE TABLE IF NOT EXISTS external (
    url TEXT PRIMARY KEY,
    state TEXT NOT NULL,          -- claimed | checked | retrying | final
    owner INTEGER NOT NULL,       -- pid of the worker holding the claim
    claimed_at REAL NOT NULL,
    wire TEXT,                    -- LinkChecker's result (JSON), once checked
    final TEXT                    -- our result after retries (JSON), once final
)
"""


class ExternalStore:
    """The run-wide table of external results, safe to use from many threads and processes."""

    def __init__(self, path: Path, stale_after: float = 60.0) -> None:
        self.path = path
        self.stale_after = stale_after
        self._db = sqlite3.connect(path, timeout=30, isolation_level=None,
                                   check_same_thread=False)
        # Workers starting at the same moment race to create the file and switch it to WAL;
        # SQLite answers the loser "database is locked" at once (no busy wait for this).
        for attempt in range(200):
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute(_SCHEMA)
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 199:
                    raise
                time.sleep(0.05)
        self._lock = threading.Lock()

    def _row(self, url: str) -> tuple[str, int, float, str | None, str | None] | None:
        with self._lock:
            return self._db.execute(
                "SELECT state, owner, claimed_at, wire, final FROM external WHERE url = ?",
                (url,),
            ).fetchone()

    def _claim(self, url: str, steal_from: tuple[int, float] | None = None) -> bool:
        with self._lock:
            if steal_from is None:
                cur = self._db.execute(
                    "INSERT OR IGNORE INTO external (url, state, owner, claimed_at) "
                    "VALUES (?, 'claimed', ?, ?)", (url, os.getpid(), time.time()))
            else:
                cur = self._db.execute(
                    "UPDATE external SET owner = ?, claimed_at = ? WHERE url = ? AND "
                    "owner = ? AND claimed_at = ?",
                    (os.getpid(), time.time(), url, *steal_from))
            return cur.rowcount == 1

    def fetch_or_claim(self, url: str, final: bool = False) -> dict | None:
        """The shared result for ``url``, or None when this worker must check it itself.

        Without ``final``: LinkChecker's wire result. With ``final``: our result after
        retries; a ``checked`` URL is then claimed for retrying by exactly one worker.
        """
        while True:
            row = self._row(url)
            if row is None:
                if self._claim(url):
                    return None
                continue
            state, owner, claimed_at, wire, final_json = row
            if state == "final" and final:
                return json.loads(final_json)
            if state != "claimed" and not final:
                return json.loads(wire)
            if state == "checked" and final:
                with self._lock:
                    cur = self._db.execute(
                        "UPDATE external SET state = 'retrying', owner = ?, claimed_at = ? "
                        "WHERE url = ? AND state = 'checked'", (os.getpid(), time.time(), url))
                if cur.rowcount == 1:
                    return None
                continue
            if owner == os.getpid():
                return None
            if time.time() - claimed_at > self.stale_after and self._claim(
                url, steal_from=(owner, claimed_at)
            ):
                return None
            time.sleep(0.05)

    def publish_checked(self, url: str, wire: dict) -> None:
        """LinkChecker's result for ``url``: waiting crawls may go on with it."""
        with self._lock:
            self._db.execute(
                "INSERT INTO external (url, state, owner, claimed_at, wire) "
                "VALUES (?, 'checked', ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "state = 'checked', wire = excluded.wire WHERE state = 'claimed'",
                (url, os.getpid(), time.time(), json.dumps(wire, default=_jsonable)))

    def publish_final(self, url: str, result: dict) -> None:
        """Our result for ``url`` after retries: every worker reports this one."""
        with self._lock:
            self._db.execute(
                "UPDATE external SET state = 'final', final = ? WHERE url = ?",
                (json.dumps(result), url))

    def close(self) -> None:
        self._db.close()


def _jsonable(value: object) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def to_wire(result: CompactUrlData) -> dict:
    return {attr: getattr(result, attr) for attr in urlDataAttr}


def from_wire(wire: dict) -> CompactUrlData:
    wire = dict(wire, warnings=[tuple(w) for w in wire["warnings"]], modified=None)
    return CompactUrlData(wire)


class SharedResultCache(ResultCache):
    """LinkChecker's result cache, consulting the run-wide store for external URLs."""

    def __init__(self, size: int, store: ExternalStore, internal_prefixes: tuple[str, ...]):
        super().__init__(size)
        self.store = store
        self.internal_prefixes = internal_prefixes

    def _external(self, key: str | None) -> bool:
        return bool(key) and key.startswith(("http://", "https://")) and not any(
            key.startswith(p) for p in self.internal_prefixes)

    def get_result(self, key):
        result = super().get_result(key)
        if result is None and self._external(key):
            wire = self.store.fetch_or_claim(key)
            if wire is not None:
                result = from_wire(wire)
                super().add_result(key, result)
        return result

    def add_result(self, key, result):
        super().add_result(key, result)
        if result is not None and self._external(key):
            self.store.publish_checked(key, to_wire(result))
