"""Observed change across two checks, and a run that survives an interruption."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from spotcheck_support import (
    CHECK_DATE,
    FAST,
    FixtureServer,
    HangingServer,
    html,
    run_check,
    wait_for_rows,
    write_registry,
)

pytestmark = pytest.mark.slow

NAV = ["about", "members", "join", "services", "contact"]


def _site(srv: FixtureServer, prefix: str, news: str, footer: str, built: str) -> None:
    headers = {"Last_Modified": built}
    srv.page(f"{prefix}/", html("首頁", f"<p>最後更新 {footer[-10:]}</p>{news}", footer), **headers)
    srv.page(f"{prefix}/news.html", html("最新消息", news, footer), **headers)
    for name in NAV:
        body = f"<p>{name} 介紹內容。</p>"
        srv.page(f"{prefix}/{name}.html", html(name, body, footer), **headers)


OLD_NEWS = "<article><p>2026-01-05 本聯盟舉辦年度會員大會，共 30 家廠商出席。</p></article>"
NEW_NEWS = OLD_NEWS + "<article><p>2026-06-01 新增服務：提供會員免費的材料檢測諮詢。</p></article>"


def test_news_edit_is_a_change_and_a_rebuild_is_not(tmp_path):
    srv = FixtureServer()
    try:
        _site(srv, "/edited", OLD_NEWS, "© 2025 建置 2026-01-05", "Mon, 05 Jan 2026 00:00:00 GMT")
        _site(srv, "/rebuilt", OLD_NEWS, "© 2025 建置 2026-01-05", "Mon, 05 Jan 2026 00:00:00 GMT")
        registry = write_registry(tmp_path / "registry.yml", {
            "edited": f"{srv.base}/edited/", "rebuilt": f"{srv.base}/rebuilt/"})
        code, first = run_check(tmp_path, registry, date="2026-05-12")
        assert code == 0
        assert all(s["freshness"]["changed_since_last_check"] is None for s in first["sites"])

        # A month later: one site got real news; the other was only rebuilt (new footer year,
        # new build stamp, new Last-Modified, the "last updated" line moved).
        _site(srv, "/edited", NEW_NEWS, "© 2026 建置 2026-06-10", "Wed, 10 Jun 2026 00:00:00 GMT")
        _site(srv, "/rebuilt", OLD_NEWS, "© 2026 建置 2026-06-10", "Wed, 10 Jun 2026 00:00:00 GMT")
        code, second = run_check(tmp_path, registry, date="2026-06-12")
        sites = {s["id"]: s for s in second["sites"]}
    finally:
        srv.stop()
    edited, rebuilt = sites["edited"]["freshness"], sites["rebuilt"]["freshness"]
    assert edited["changed_since_last_check"] is True
    assert edited["last_change"] == "2026-06-12"
    assert {p["url"].rsplit("/", 1)[-1] for p in edited["changed_pages"]} == {"", "news.html"}
    assert edited["fresh"] is True and sites["edited"]["verdict"] == "pass"

    assert rebuilt["changed_since_last_check"] is False
    assert rebuilt["changed_pages"] == []
    assert rebuilt["fresh"] is False and sites["rebuilt"]["verdict"] == "fail"
    # the moved "最後更新" date is read as a stamp by its label: nothing claimed moved
    assert rebuilt["dates_moved_content_static"] is False
    assert rebuilt["last_update"] == "2026-01-05"
    assert any(e.get("date") == "2026-06-10" and "update or clock label" in e["ignored"]
               for e in rebuilt["evidence"] if "ignored" in e)


def test_interrupted_run_keeps_finished_sites_and_resume_completes_it(tmp_path):
    srv, hanging = FixtureServer(), HangingServer()
    try:
        _site(srv, "/quick", OLD_NEWS, "© 2026", "Mon, 05 Jan 2026 00:00:00 GMT")
        registry = write_registry(tmp_path / "registry.yml", {
            "quick": f"{srv.base}/quick/", "slow": f"{hanging.base}/"})
        args = [sys.executable, "-m", "site_checks", str(registry), "--date", CHECK_DATE,
                "--db", str(tmp_path / "history.sqlite"), "--out", str(tmp_path / "out"),
                *FAST, "--timeout", "60", "--site-timeout", "120"]
        proc = subprocess.Popen(args, cwd=Path(__file__).parents[2], stderr=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, text=True)
        wait_for_rows(tmp_path / "history.sqlite", 1)
        os.kill(proc.pid, signal.SIGINT)  # Ctrl-C while the hanging site is still running
        _out, err = proc.communicate(timeout=30)
        assert proc.returncode == 130
        assert "--resume" in err
        assert not (tmp_path / "out").exists()
        quick_hits = srv.hits["/quick/"]

        hanging.stop()  # the slow site is now down: the resumed run finishes quickly
        code, doc = run_check(tmp_path, registry, "--resume", "--timeout", "2")
    finally:
        srv.stop()
        hanging.stop()
    assert code == 0
    assert [s["id"] for s in doc["sites"]] == ["quick", "slow"]
    assert doc["sites"][1]["verdict"] == "unreachable"
    assert srv.hits["/quick/"] == quick_hits  # not checked again
    runs = json.loads((tmp_path / "out" / f"spotcheck-{CHECK_DATE}.json").read_text())
    assert runs["sites"][0]["verdict"] == doc["sites"][0]["verdict"]
