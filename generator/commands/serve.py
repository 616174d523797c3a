"""``alliance serve ID``: build one alliance, serve it on 127.0.0.1, rebuild on every change.

Watches the alliance folder (YAML, news, free pages, media), the theme and the base config;
a change rebuilds (incrementally, atomically) and reloads the open browser pages through
MkDocs' livereload server. A build that fails keeps the last good preview and says why.
"""

from __future__ import annotations

import errno
import logging
import sys
from pathlib import Path
from typing import Any

from ..i18n import Lang, Msg
from ..site.pipeline import BuildOptions
from ..site.where import THEME_DIR
from .build import build


def run(folder: Path, port: int, lang: Lang, root: Path) -> int:
    alliance_id = folder.resolve().name
    scratch = root / "build" / "serve"
    server = _server(scratch / "site", port)
    try:  # take the port before anything is built or announced: one message, the right one
        server.server_bind()
        server.server_activate()
    except OSError as exc:
        server.server_close()
        if exc.errno != errno.EADDRINUSE:
            raise
        print(Msg(f"port {port} is in use (another preview or program?) — nothing was "
                  f"started; try 'alliance serve {alliance_id} --port {port + 1}'",
                  f"連接埠 {port} 已被占用（另一個預覽或程式？）— 未啟動預覽；"
                  f"請改用「alliance serve {alliance_id} --port {port + 1}」")(lang),
              file=sys.stderr)
        return 1
    port = server.server_address[1]
    # site_url is the preview's own address, so the 404 page and the sitemap work locally.
    # The preview shows one alliance: the portal's search across alliances is not rebuilt.
    options = BuildOptions(root=root, out=scratch / "site", strict=False, jobs=1, lang=lang,
                           scratch=scratch, base_url=f"http://127.0.0.1:{port}",
                           search_index=False)

    def rebuild() -> None:
        build([folder], options)

    server.builder = rebuild
    rebuild()
    for path in (folder, THEME_DIR, root / "mkdocs.yml"):
        if path.exists():
            server.watch(str(path))
    logging.getLogger("mkdocs.livereload").setLevel(logging.WARNING)
    url = f"http://127.0.0.1:{port}/{alliance_id}/zh-TW/"
    print(Msg(f"previewing {alliance_id} at {url} (English: …/{alliance_id}/en/) — "
              "edits rebuild it; Ctrl+C stops",
              f"預覽 {alliance_id}：{url}（英文版 …/{alliance_id}/en/）— "
              "修改檔案會自動重建；按 Ctrl+C 結束")(lang), flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


def _server(out: Path, port: int) -> Any:
    """MkDocs' livereload server, made to bind when we say so rather than inside serve()."""
    from mkdocs.livereload import LiveReloadServer

    class BoundFirst(LiveReloadServer):
        _bound = False

        def server_bind(self) -> None:
            if not self._bound:
                super().server_bind()

        def server_activate(self) -> None:
            if not self._bound:
                super().server_activate()
                self._bound = True

    return BoundFirst(builder=lambda: None, host="127.0.0.1", port=port, root=str(out),
                      mount_path="/")
