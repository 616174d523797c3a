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

from ..i18n import Lang, Msg
from ..site.pipeline import BuildOptions
from ..site.where import THEME_DIR
from .build import build


def run(folder: Path, port: int, lang: Lang, root: Path) -> int:
    from mkdocs.livereload import LiveReloadServer

    scratch = root / "build" / "serve"
    # site_url is the preview's own address, so the 404 page and the sitemap work locally.
    # The preview shows one alliance: the portal's search across alliances is not rebuilt.
    options = BuildOptions(root=root, out=scratch / "site", strict=False, jobs=1, lang=lang,
                           scratch=scratch, base_url=f"http://127.0.0.1:{port}",
                           search_index=False)
    alliance_id = folder.resolve().name

    def rebuild() -> None:
        build([folder], options)

    rebuild()
    server = LiveReloadServer(builder=rebuild, host="127.0.0.1", port=port,
                              root=str(options.out), mount_path="/")
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
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(Msg(f"port {port} is in use — try 'alliance serve {alliance_id} --port "
                      f"{port + 1}'",
                      f"連接埠 {port} 已被使用 — 請改用「alliance serve {alliance_id} --port "
                      f"{port + 1}」")(lang), file=sys.stderr)
            return 1
        raise
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
