"""Warm workers: one process checks several sites one after another, and nothing of one site
(its allowed private host above all) carries over to the next."""

from __future__ import annotations

import multiprocessing as mp
import subprocess
import sys

import pytest
from spotcheck_support import FixtureServer, html, run_check, write_registry

import site_checks.crawl.pool as pool

pytestmark = pytest.mark.slow

NEWS = '<article><time datetime="2026-04-28">2026-04-28</time><p>研討會消息。</p></article>'


def _site(srv: FixtureServer, prefix: str, extra: str = "") -> None:
    srv.page(f"{prefix}/", html("首頁", NEWS + extra))
    for name in ("about", "members", "join", "services", "contact", "news"):
        srv.page(f"{prefix}/{name}.html", html(name, f"<p>{name} 內容。</p>"))


def test_one_worker_checks_sites_in_turn_and_forgets_the_last_sites_host(tmp_path, monkeypatch):
    private, main = FixtureServer("127.0.0.2"), FixtureServer()
    started: list[str] = []
    real_context = pool._context

    class CountingContext:
        """The pool's multiprocessing context, counting the worker processes it starts."""

        def __init__(self) -> None:
            self.ctx = real_context()

        def Pipe(self, *args, **kwargs):  # noqa: N802 - multiprocessing's name
            return self.ctx.Pipe(*args, **kwargs)

        def Process(self, *args, **kwargs) -> mp.Process:  # noqa: N802
            started.append(kwargs.get("name", ""))
            return self.ctx.Process(*args, **kwargs)

    monkeypatch.setattr(pool, "_context", CountingContext)
    try:
        # First a site whose own host is 127.0.0.2 (allowed for that site only), then, in the
        # same warm worker, a site on 127.0.0.1 that redirects to 127.0.0.2: refused.
        _site(private, "/own")
        _site(main, "/redirect", '<a href="go">外連</a>')
        # A long target path: LinkChecker cuts error texts at 240 characters, which pushes
        # the guard's mark out of them; the refused host still marks the link as blocked.
        secret = "/secret/" + "a" * 300
        main.page("/redirect/go", "", status=302, Location=f"{private.base}{secret}")
        private.page(secret, "<html><body>internal admin</body></html>")
        _site(main, "/plain")
        registry = write_registry(tmp_path / "registry.yml", {
            "own": f"{private.base}/own/", "redirect": f"{main.base}/redirect/",
            "plain": f"{main.base}/plain/"})
        code, doc = run_check(tmp_path, registry, "--workers", "1")
    finally:
        private.stop()
        main.stop()
    assert code == 0
    assert len(started) == 1  # one process, three sites
    sites = {s["id"]: s for s in doc["sites"]}
    assert sites["own"]["verdict"] == "pass" and sites["own"]["links"]["pages"] == 7
    assert private.hits[secret] == 0
    assert [e["url"].rsplit("/", 1)[-1] for e in sites["redirect"]["links"]["blocked"]] == ["go"]
    assert sites["plain"]["verdict"] == "pass" and sites["plain"]["links"]["pages"] == 7
    assert all(s["stats"]["peak_rss_mb"] > 0 for s in doc["sites"])


def test_guard_installed_again_allows_exactly_the_latest_sites_host():
    code = """
import urllib3.util.connection as c
from site_checks.safety import netguard

def attempt(ip):
    try:
        c.create_connection((ip, 9), timeout=2)
    except netguard.BlockedAddress:
        return "blocked"
    except OSError:
        return "let through"  # nothing listens on port 9: refused, but not by the guard
    return "let through"

netguard.install({"127.0.0.2"})
netguard.install({"127.0.0.1"})
print(attempt("127.0.0.2"), attempt("127.0.0.1"))
netguard.install({"127.0.0.2"})
print(attempt("127.0.0.2"), attempt("127.0.0.1"))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.splitlines() == ["blocked let through", "let through blocked"], out.stderr
