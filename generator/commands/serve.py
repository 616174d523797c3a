"""``alliance serve ID``: build one alliance, serve it on 127.0.0.1, update it on every save.

Watches the alliance folder (YAML, news, free pages, media), the theme and the base config
(inotify: a save is seen at once); a save updates the language the browser shows first,
often page by page, and reloads it through MkDocs' livereload server; the other language and
the report PDFs follow in the background (:mod:`generator.site.preview`). A build that fails
keeps the last good preview and says why.
"""

from __future__ import annotations

import errno
import logging
import sys
from pathlib import Path
from typing import Any

from watchdog import events
from watchdog.observers import Observer

from ..i18n import Lang, Msg
from ..site.labels import FOLDER
from ..site.pipeline import BuildOptions
from ..site.preview import Preview
from ..site.where import THEME_DIR

RELOAD_GRACE = 1.0  # seconds the settling waits for the browser's reload after a save
_CHANGES = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent,
            events.FileMovedEvent, events.FileClosedEvent]


class WritesOnly(Observer):  # type: ignore[misc, valid-type]
    """inotify (instant, unlike MkDocs' polling every 0.5 s) that reports changes only: it
    also reports files being opened and read, and the build reading them would trigger
    the next build."""

    def schedule(self, handler: Any, path: Any, **kwargs: Any) -> Any:
        return super().schedule(handler, path, **{**kwargs, "event_filter": _CHANGES})


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
    # No portal search index: the preview shows one alliance, whose own search works.
    options = BuildOptions(root=root, out=scratch / "site", strict=False, jobs=1, lang=lang,
                           scratch=scratch, base_url=f"http://127.0.0.1:{port}",
                           search_index=False)
    preview = Preview(folder, options, say=lambda text: print(text, flush=True))
    server.preview = preview
    preview.reload_grace = RELOAD_GRACE
    server.builder = preview.update
    preview.update()
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
        preview.close()
    return 0


def _server(out: Path, port: int) -> Any:
    """MkDocs' livereload server, made to bind when we say so rather than inside serve().

    It also notes which language the browser shows (the page it long-polls from), so that
    language is rendered first, and watches with inotify instead of polling every 0.5 s.
    """
    from mkdocs.livereload import LiveReloadServer

    folders = {folder: lang for lang, folder in FOLDER.items()}

    class BoundFirst(LiveReloadServer):
        _bound = False
        preview: Preview | None = None

        def _serve_request(self, environ: Any, start_response: Any) -> Any:
            page = (environ.get("HTTP_REFERER", "") if environ["PATH_INFO"].startswith(
                "/livereload/") else environ["PATH_INFO"])
            parts = page.split("://", 1)[-1].split("/")
            if self.preview is not None and len(parts) > 2 and parts[2] in folders:
                self.preview.viewed = folders[parts[2]]
            answer = super()._serve_request(environ, start_response)
            if self.preview is not None and environ["PATH_INFO"].endswith(("/", ".html")):
                self.preview.page_requested()  # served: the settling may take the CPU
            return answer

        def server_bind(self) -> None:
            if not self._bound:
                super().server_bind()

        def server_activate(self) -> None:
            if not self._bound:
                super().server_activate()
                self._bound = True

    server = BoundFirst(builder=lambda: None, host="127.0.0.1", port=port, root=str(out),
                        mount_path="/")
    server.observer = WritesOnly()
    return server
