"""``make check``: spot-check the site this project built, the way the ministry would.

Serves the already built ``site/`` folder on 127.0.0.1 (a free port), lists each alliance
(``site/<id>/``) in a temporary registry, runs the spot check into ``build/selfcheck/`` and
exits 1 unless every site passes — fresh, with no broken link. A PI can run it before May.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from site_checks.cli import main as spotcheck

ROOT = Path(__file__).resolve().parents[1]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_checks.selfcheck",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--date", help="check date YYYY-MM-DD (default: today)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site folder")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "selfcheck")
    parser.add_argument("--external", action="store_true",
                        help="also check external links (needs the internet; off by default "
                             "because the built site is served locally)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"selfcheck: {args.site} does not exist: build the site first (`make site`)",
              file=sys.stderr)
        return 1
    ids = sorted(p.name for p in args.site.iterdir() if (p / "index.html").is_file())
    if not ids:
        print(f"selfcheck: no alliance site (site/<id>/index.html) in {args.site}",
              file=sys.stderr)
        return 1
    handler = functools.partial(_QuietHandler, directory=str(args.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            registry = Path(tmp) / "registry.yml"
            lines = ["sites:"] + [
                f"  - id: {i}\n    name: {i}\n    url: http://127.0.0.1:{server.server_port}/{i}/"
                for i in ids]
            registry.write_text("\n".join(lines) + "\n", encoding="utf-8")
            args.out.mkdir(parents=True, exist_ok=True)
            cmd = [str(registry), "--out", str(args.out), "--db",
                   str(args.out / "spotchecks.sqlite"), "--pace", "0"]
            if not args.external:
                cmd.append("--internal-only")
            if args.date:
                cmd += ["--date", args.date]
            code = spotcheck(cmd)
    finally:
        server.shutdown()
        server.server_close()
    if code != 0:
        return code
    reports = sorted(args.out.glob("spotcheck-*.json"), key=lambda p: p.stat().st_mtime)
    document = json.loads(reports[-1].read_text(encoding="utf-8"))
    failing = [s for s in document["sites"] if s["verdict"] != "pass"]
    print("selfcheck: " + ("every site passes" if not failing else
                           f"{len(failing)} site(s) do not pass: "
                           + ", ".join(s["id"] for s in failing)))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
