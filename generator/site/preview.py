"""The live preview of one alliance (``alliance serve``): a saved change shows within a second.

A full build (:mod:`generator.site.pipeline`) makes both languages, the reports and the
portal from nothing. The preview keeps its process warm and, on each save:

1. validates and regenerates the Markdown; a report whose HTML changed keeps its previous
   PDF for now (its new one is *pending*);
2. renders the language being viewed (the browser's open page says which): when only page
   bodies changed, MkDocs renders just those pages again with the files, navigation and
   templates of its last full build of that language (:class:`backend.LiveBuild`);
   otherwise a full MkDocs build of that language, swapped in whole;
3. lets the browser reload, then *settles* in the background: the other language, the
   pending PDFs, and a full build of the viewed language if step 2 took the short cut — so
   that a few seconds later the preview is exactly what ``alliance build`` makes, and its
   state is recorded. A new save stops the settling between two steps.

The short cut is taken only when the set of files, the MkDocs config and the theme are
unchanged and every changed page is an ordinary page or a news post (then the news lists,
which show its excerpt, are rendered again too) whose front matter is unchanged except
``updated`` — a post's title, date or category changes the lists' order and the archive.
"""

from __future__ import annotations

import gc
import hashlib
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..checked import load_checked
from ..diagnostics import Severity, render_grouped
from ..i18n import Msg
from ..report.pdf import PdfCache
from . import backend, generate, portal
from .labels import FOLDER, SiteLang
from .pipeline import (
    BuildOptions,
    Outcome,
    exchange,
    exclusive,
    fingerprint,
    forget_state,
    refresh_portal,
    refused_message,
    write_state,
)
from .where import THEME_DIR

BLOG_DIR = "news/"  # posts and the lists made from them


@dataclass
class _Language:
    """What the served folder of one language was last fully built from."""

    live: backend.LiveBuild
    config: bytes  # its mkdocs.yml
    theme: str  # digest of the theme folder
    docs: dict[str, bytes]  # docs-relative path → Markdown text, or digest of other files


class Stale(Exception):
    """A newer save arrived: the settling in progress stops."""


class Preview:
    """One alliance, previewed: :meth:`update` on each save; settling runs in a thread."""

    def __init__(self, folder: Path, options: BuildOptions, say: Callable[[str], None]) -> None:
        self.folder = folder.resolve()
        self.id = self.folder.name
        self.options = options
        self.say = say
        self.viewed: SiteLang = "zh"  # set by the server from the page the browser has open
        self.pdfs = PdfCache(options.pdf_cache)
        self._languages: dict[SiteLang, _Language] = {}
        self._work_lock = threading.Lock()  # one step at a time on the work and site folders
        self._generation = 0  # bumped by each save; settling checks it between steps
        self._settler: threading.Thread | None = None
        self.last_fast: bool | None = None  # whether the last save took the short cut
        #: Seconds the settling waits for the browser to fetch the updated page (set by the
        #: server; without one nothing comes, so there is no wait).
        self.reload_grace = 0.0
        self._reloaded = threading.Event()

    def page_requested(self) -> None:
        """The server calls this for each page the browser fetches: after a save, the
        reload has come, and the settling may start."""
        self._reloaded.set()

    # -- the two phases -------------------------------------------------------------------

    def update(self) -> bool:
        """Regenerate and render the viewed language now; settle the rest in the background.

        Returns False when the alliance does not validate or MkDocs fails: the preview keeps
        showing the last good build, and the reasons are printed.
        """
        self._generation += 1
        generation = self._generation
        self._reloaded.clear()
        with self._work_lock, exclusive(self.options.out, self.options.lang):
            prepared = self._prepare()
            if prepared is None:
                return False
            generated, fp = prepared
            lang = self.viewed
            fast = self._render_viewed(generated, lang)
            if fast is None:
                return False
            self.last_fast = fast
        self._settle_later(generation, generated, fp, lang, redo=fast)
        return True

    def wait(self) -> None:
        """Until the settling in progress (if any) is over: for tests and benchmarks."""
        settler = self._settler
        if settler is not None:
            settler.join()

    def close(self) -> None:
        """The preview ends: its builds' plugins end too (their temporary folders go)."""
        self._generation += 1  # a settling in progress stops at its next step
        with self._work_lock:
            for known in self._languages.values():
                known.live.close()
            self._languages.clear()

    def _prepare(self) -> tuple[generate.Generated, str] | None:
        options = self.options
        fp = fingerprint(self.folder, options)
        alliance, findings = load_checked(self.folder)
        if alliance is None:
            errors = [f for f in findings if f.severity is Severity.ERROR]
            self.say(render_grouped(errors, options.lang, options.root))
            self.say(self._kept())
            return None
        try:
            generated = generate.generate(
                alliance, options.work / self.id, options.out / self.id,
                base_config=options.base_config, today=options.today,
                base_url=options.base_url, reports=options.reports, pdfs=self.pdfs,
                defer_pdfs=True)
        except generate.GenerateError as exc:
            self.say(refused_message(self.id, exc, options.lang))
            self.say(self._kept())
            return None
        still: list[str] = []
        for pending in generated.pending_pdfs:
            previous = [options.out / self.id / FOLDER[lang] / pending for lang in FOLDER]
            if not all(p.is_file() for p in previous):  # nothing to stand in: print it now
                self._print_pdf(pending, served=False)
                continue
            for lang, stand_in in zip(FOLDER, previous, strict=True):  # until the new one
                write_atomic(self._docs(lang) / pending, stand_in.read_bytes())
            still.append(pending)
        generated.pending_pdfs = still
        return generated, fp

    def _render_viewed(self, generated: generate.Generated, lang: SiteLang) -> bool | None:
        """The viewed language: by pages when it can (True), whole (False), or failed (None)."""
        known = self._languages.get(lang)
        if known is not None:
            plan = self._plan(known, lang, generated)
            if plan is not None:
                pages, static = plan
                forget_state(self.options, self.id)
                try:
                    known.live.render(pages, static)
                except backend.BackendError:
                    return self._full(generated, lang)  # which reports what MkDocs said
                known.docs = self._snapshot(lang)
                return True
        return self._full(generated, lang)

    def _settle_later(self, generation: int, generated: generate.Generated, fp: str,
                      done: SiteLang, redo: bool) -> None:
        def settle() -> None:
            # The browser reloads the page from this process: MkDocs' settling would hold
            # the interpreter meanwhile and slow that reload (measured 0.3–0.5 s a save).
            self._reloaded.wait(timeout=self.reload_grace)
            try:
                with self._work_lock:
                    self._check(generation)
                    with exclusive(self.options.out, self.options.lang):
                        self._settle(generation, generated, fp, done, redo)
            except Stale:
                return

        self._settler = threading.Thread(target=settle, name="preview-settle", daemon=True)
        self._settler.start()

    def _settle(self, generation: int, generated: generate.Generated, fp: str,
                done: SiteLang, redo: bool) -> None:
        """After the save's first language (``done``, ``redo`` if by pages only): the rest."""
        for lang in FOLDER:  # the other language first
            if lang != done:
                self._check(generation)
                if self._full(generated, lang) is None:
                    return
        for pending in generated.pending_pdfs:  # after the pages: slow, and rarely looked at
            self._check(generation)
            self._print_pdf(pending, served=True)
        if redo:  # the first language whole: its search index, sitemap and lists
            self._check(generation)
            if self._full(generated, done) is None:
                return
        self._check(generation)
        for lang in FOLDER:  # the served docs are now exactly what the pages were built from
            if lang in self._languages:
                self._languages[lang].docs = self._snapshot(lang)
        write_atomic(self.options.out / self.id / "index.html",
                            portal.redirect_page(generated.summary))
        write_state(self.options, Outcome(self.id, self.folder, True,
                                          summary=generated.summary, fingerprint=fp))
        refresh_portal(self.options)
        _collect_now()

    def _check(self, generation: int) -> None:
        if generation != self._generation:
            raise Stale

    def _print_pdf(self, pending: str, served: bool) -> None:
        """Print a report's PDF into both languages' docs (and served folders)."""
        html = (self.options.work / self.id / pending).with_suffix(".html")
        data = self.pdfs.render(html.read_text(encoding="utf-8"))
        for lang in FOLDER:
            write_atomic(self._docs(lang) / pending, data)
            if served:
                write_atomic(self.options.out / self.id / FOLDER[lang] / pending, data)

    # -- one language -----------------------------------------------------------------------

    def _full(self, generated: generate.Generated, lang: SiteLang) -> bool | None:
        """A full MkDocs build of ``lang`` beside the served folder, then swapped in."""
        served = self.options.out / self.id / FOLDER[lang]
        fresh = served.with_name(f".{FOLDER[lang]}.preview-new")
        shutil.rmtree(fresh, ignore_errors=True)
        config = generated.configs[lang]
        try:
            live, warnings = backend.LiveBuild.build(config, fresh)
        except backend.BackendError as exc:
            shutil.rmtree(fresh, ignore_errors=True)
            self.say(Msg(f"{self.id}: MkDocs reported problems",
                         f"{self.id}：MkDocs 回報問題")(self.options.lang) + "\n"
                     + "\n".join(f"  {m}" for m in exc.messages))
            self.say(self._kept())
            return None
        for warning in warnings:
            self.say(Msg("  warning: ", "  警告：")(self.options.lang)
                     + f"{FOLDER[lang]}: {warning}")
        forget_state(self.options, self.id)
        if served.exists():
            exchange(fresh, served, self.options.lang)
            shutil.rmtree(fresh, ignore_errors=True)
        else:
            served.parent.mkdir(parents=True, exist_ok=True)
            fresh.rename(served)
        live.move(served)
        previous = self._languages.get(lang)
        if previous is not None:
            previous.live.close()
        self._languages[lang] = _Language(live, config.read_bytes(), _theme_digest(),
                                          self._snapshot(lang))
        return False

    def _plan(self, known: _Language, lang: SiteLang, generated: generate.Generated
              ) -> tuple[list[str], list[str]] | None:
        """(pages to render, files to copy) when the short cut is right, else None."""
        if (generated.configs[lang].read_bytes() != known.config
                or _theme_digest() != known.theme):
            return None
        now = self._snapshot(lang)
        if now.keys() != known.docs.keys():
            return None
        pages: list[str] = []
        static: list[str] = []
        for path, content in now.items():
            if content == known.docs[path]:
                continue
            if not known.live.has(path):
                return None
            if not path.endswith(".md"):
                static.append(path)
            elif _front(content) != _front(known.docs[path]):
                return None
            elif path.startswith(BLOG_DIR) and not known.live.is_post(path):
                return None  # a list of posts
            else:
                pages.append(path)
        return pages, static

    def _docs(self, lang: SiteLang) -> Path:
        return self.options.work / self.id / FOLDER[lang] / "docs"

    def _snapshot(self, lang: SiteLang) -> dict[str, bytes]:
        docs = self._docs(lang)
        snapshot: dict[str, bytes] = {}
        for path in sorted(docs.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                relative = path.relative_to(docs).as_posix()
                snapshot[relative] = (data if relative.endswith(".md")
                                      else hashlib.sha256(data).digest())
        return snapshot

    def _kept(self) -> str:
        return Msg("the preview keeps showing the last good build",
                   "預覽維持顯示上一次成功的建置")(self.options.lang)


def _front(markdown: bytes) -> bytes:
    """A page's front matter without ``updated`` (a date only that page shows)."""
    head, _, rest = markdown.partition(b"\n---\n")
    if not head.startswith(b"---\n") or not rest:
        return b""
    return b"\n".join(line for line in head.splitlines() if not line.startswith(b"updated:"))


def _theme_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(THEME_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(THEME_DIR).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _collect_now() -> None:
    """Collect the garbage while nobody waits, then freeze what is left.

    The preview holds MkDocs, Material, jieba and two live builds: Python's full collection
    walks all of it, 0.07–0.13 s, and came in 3 of 8 saves, inside the time the browser
    waits. Frozen objects are left out of collections until the next settling unfreezes
    them (so nothing replaced since is kept): measured, no full collection in 8 saves.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
