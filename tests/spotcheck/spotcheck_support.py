"""Shared helpers of the spot-check tests (not a conftest: module names must be unique
across test folders). Fixture websites served on 127.0.0.1 (and a forbidden stand-in on
127.0.0.2) by the tests.

Each server is a threaded ``http.server`` started by a test or module fixture and stopped
after; routes are plain Python (status, headers, body or a callable), counted per path so
tests can assert how often a URL was asked.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHECK_DATE = "2026-05-12"
Route = (tuple[int, dict[str, str], str | bytes]
         | Callable[[str], tuple[int, dict[str, str], str | bytes]])


class FixtureServer:
    """A tiny web server whose pages are a dict that tests may change between checks."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                server.hits[parts.path] += 1
                route = server.routes.get(parts.path) or server.routes.get(self.path)
                if route is None:
                    status, headers, body = 404, {}, "<html><body>not found</body></html>"
                elif callable(route):
                    status, headers, body = route(self.path)
                else:
                    status, headers, body = route
                data = body if isinstance(body, bytes) else body.encode("utf-8")
                self.send_response(status)
                headers = {"Content-Type": "text/html; charset=utf-8", **headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_port
        self.base = f"http://{host}:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def page(self, path: str, body: str, status: int = 200, **headers: str) -> None:
        self.routes[path] = (status, {k.replace("_", "-"): v for k, v in headers.items()}, body)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class HangingServer:
    """Accepts connections and never answers: LinkChecker's worst case."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.conns: list[socket.socket] = []
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)

    def stop(self) -> None:
        self.running = False
        self.sock.close()
        for conn in self.conns:
            conn.close()


def html(title: str, body: str, footer: str = "") -> str:
    """A page with the nav every alliance site has (so required content is present)."""
    return f"""<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8">
<title>{title}</title></head><body>
<nav><a href="about.html">聯盟簡介</a> <a href="members.html">聯盟會員</a>
<a href="join.html">入會方式與會費</a> <a href="services.html">服務項目</a>
<a href="news.html">最新消息</a> <a href="contact.html">聯絡我們</a></nav>
<main><h1>{title}</h1>{body}</main>
<footer>國科會產學小聯盟計畫補助 {footer}</footer></body></html>"""


def write_registry(path: Path, sites: dict[str, str], max_age: int = 90) -> Path:
    lines = [f"max_age_days: {max_age}", "sites:"]
    for site_id, url in sites.items():
        lines += [f"  - id: {site_id}", f"    name: 測試聯盟 {site_id}", f"    url: {url}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


#: Fast, deterministic settings: no pacing, short timeouts, one retry with short waits.
FAST = ["--pace", "0", "--timeout", "2", "--retries", "1", "--backoff", "0.2",
        "--max-retry-wait", "2", "--workers", "8"]


def run_check(tmp: Path, registry: Path, *extra: str, date: str = CHECK_DATE
              ) -> tuple[int, dict | None]:
    """Run ``alliance spotcheck`` in-process; the exit code and the JSON it wrote."""
    from site_checks.cli import main

    code = main([str(registry), "--db", str(tmp / "history.sqlite"), "--out", str(tmp / "out"),
                 "--date", date, *FAST, *extra])
    out = tmp / "out" / f"spotcheck-{date}.json"
    return code, (json.loads(out.read_text(encoding="utf-8")) if out.exists() else None)


def wait_for_rows(db: Path, count: int, timeout: float = 60) -> None:
    """Block until the history holds ``count`` finished sites."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db.exists():
            try:
                with sqlite3.connect(db) as con:
                    if con.execute("SELECT COUNT(*) FROM checks").fetchone()[0] >= count:
                        return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.1)
    raise AssertionError(f"history never reached {count} finished sites")


CORPUS = Path(__file__).parent / "corpus"
_TYPES = {".html": "text/html", ".htm": "text/html", ".css": "text/css", ".xml": "application/xml",
          ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg",
          ".webp": "image/webp", ".svg": "image/svg+xml", ".mp4": "video/mp4",
          ".txt": "text/plain"}


class CorpusServer(FixtureServer):
    """Serves a hand-made site of the corpus byte for byte from its folder.

    ``_site.yml`` beside the pages may list ``redirects`` (path → location) and ``headers``
    (path → extra headers, e.g. a charset or Last-Modified). Pages are sent as written (a Big5
    page stays Big5), ``.html`` as ``text/html`` without a charset unless a header says one.
    ``root`` may be switched between versions of a site (a rebuild, an edit) between checks.
    """

    def __init__(self, root: Path, prefix: str = "/site") -> None:
        super().__init__()
        self.prefix = prefix
        self.serve(root)

    def serve(self, root: Path) -> None:
        import yaml

        self.routes.clear()
        meta_file = root / "_site.yml"
        meta = yaml.safe_load(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        extra = meta.get("headers") or {}
        for path in sorted(root.rglob("*")):
            rel = "/" + path.relative_to(root).as_posix()
            if path.is_dir() or rel == "/_site.yml" or rel.startswith("/_truth"):
                continue
            headers = {"Content-Type": _TYPES.get(path.suffix, "application/octet-stream"),
                       **extra.get(rel, {})}
            self.routes[self.prefix + rel] = (200, headers, path.read_bytes())
            if rel.endswith("/index.html"):
                self.routes[self.prefix + rel[: -len("index.html")]] = (200, headers,
                                                                       path.read_bytes())
        for src, dest in (meta.get("redirects") or {}).items():
            self.routes[self.prefix + src] = (302, {"Location": self.prefix + dest}, b"")

    @property
    def url(self) -> str:
        return f"{self.base}{self.prefix}/"


def truth(name: str) -> dict:
    """The truth file of a corpus site: what a correct check must report."""
    import yaml

    return yaml.safe_load((CORPUS / name / "_truth.yml").read_text(encoding="utf-8"))


def broken_pairs(site: dict) -> set[tuple[str, str]]:
    """``(page, link)`` of every broken link, as paths below the site's folder."""
    base = site["url"]
    host = base[: base.index("/", len("http://"))]

    def rel(url: str) -> str:
        if url.startswith(base):
            return url[len(base):]
        return url[len(host):] if url.startswith(host + "/") else url

    return {(rel(e["parent"]), rel(e["url"])) for e in site["links"]["broken"]}
