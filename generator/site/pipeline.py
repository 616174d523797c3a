"""Building many alliances: fingerprints, parallel workers, and the atomic swap into ``site/``.

- **Incremental**: an alliance is rebuilt only when its fingerprint changed — its files (not
  the evidence's contents, only which evidence exists), their dates, the generator's code,
  the theme and the base config.
- **Parallel and streaming**: a process pool, one alliance at a time per worker; each result
  is a small summary, so memory does not grow with the number of alliances.
- **Atomic**: everything is built into a staging folder beside ``site/``; only when every
  requested alliance succeeded are their folders swapped in and the portal rewritten. A
  failure leaves ``site/`` exactly as it was. The swap exchanges the old and the new folder
  in one ``renameat2(RENAME_EXCHANGE)``, so at every instant one of them is served.
- **Exclusive**: one lock per output folder (``.site.lock`` beside it); a second build waits.
  Staging folders left by a killed build are removed by the next one, under the lock.
- **Self-checking**: the state of an alliance is written last, with a digest of its output
  tree; a build is skipped only when that digest still matches what is on disk.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import gc
import hashlib
import json
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import write_atomic
from ..children import fork_pool
from ..diagnostics import Severity, render_grouped
from ..i18n import Lang, Msg
from .dates import SourceDates
from .labels import FOLDER
from .where import CODE_ROOT as PACKAGE_ROOT

if TYPE_CHECKING:  # generate imports the model and the report: the workers' business
    from .generate import Generated

STATE_VERSION = "1"
# The shape of a recorded portal card (directory.card); a state of another shape, left by an
# older version of this tool, is not put on the portal until its alliance is built again.
SUMMARY_VERSION = 2
WORKER_TASKS = 10  # alliances per worker before the pool is replaced: memory stays flat


@dataclass(frozen=True)
class BuildOptions:
    root: Path  # the project: alliances/, mkdocs.yml, build/
    out: Path  # site/
    strict: bool = False
    jobs: int | None = None
    lang: Lang = "en"
    base_url: str | None = None  # publish under <base_url>/<id>/ instead of website.url
    today: date = field(default_factory=lambda: build_day())
    reports: bool = True  # the public summary reports (generator.report), when available
    scratch: Path | None = None  # generated Markdown and build state (default <root>/build)
    search_index: bool = True  # the portal's search across all alliances (Pagefind)

    @property
    def work(self) -> Path:
        return (self.scratch or self.root / "build") / "work"

    @property
    def state(self) -> Path:
        key = hashlib.sha256(str(self.out.resolve()).encode()).hexdigest()[:12]
        return (self.scratch or self.root / "build") / "state" / key

    @property
    def pdf_cache(self) -> Path:
        """Printed report PDFs by the digest of their HTML (see ``report.pdf.PdfCache``)."""
        return (self.scratch or self.root / "build") / "cache" / "pdf"

    @property
    def base_config(self) -> Path:
        return self.root / "mkdocs.yml"


def build_day() -> date:
    """Today, or ``SOURCE_DATE_EPOCH``'s day: it only decides which years have begun."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


@dataclass
class Outcome:
    id: str
    folder: Path
    ok: bool
    skipped: bool = False
    messages: str = ""
    warnings: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""
    seconds: float = 0.0
    mkdocs_warnings: int = 0
    #: Per language, its inputs' digest and MkDocs' warnings (``reuse.BuiltLanguage``).
    languages: dict[str, dict[str, Any]] = field(default_factory=dict)
    reused: list[str] = field(default_factory=list)  # languages whose folder was reused


# -- fingerprints -------------------------------------------------------------------------


@cache
def code_fingerprint() -> str:
    """Everything besides the data that shapes the output: our code, theme, base config."""
    digest = hashlib.sha256(STATE_VERSION.encode())
    for folder in (PACKAGE_ROOT / "generator", PACKAGE_ROOT / "themes"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(PACKAGE_ROOT)).encode())
                digest.update(path.read_bytes())
    for package in ("mkdocs", "mkdocs-material", "jieba", "markdown", "pymdown-extensions",
                    "nh3"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()


def fingerprint(folder: Path, options: BuildOptions) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(options.base_config.read_bytes() if options.base_config.is_file() else b"")
    digest.update(f"{options.base_url}|{options.reports}|{options.today.year}"
                  f"|{options.today >= date(options.today.year, 2, 1)}".encode())
    dates = SourceDates(folder)
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():  # never followed here: the file boundary judges it at load
            digest.update(f"{path.relative_to(folder).as_posix()} -> {os.readlink(path)}"
                          .encode())
            continue
        if not path.is_file():
            continue
        relative = path.relative_to(folder).as_posix()
        digest.update(relative.encode())
        if relative.startswith("evidence/"):
            continue  # private and never published: only its existence counts (KPI)
        digest.update(hashlib.sha256(path.read_bytes()).digest())
        digest.update(dates.of(path).isoformat().encode())
    return digest.hexdigest()


# -- one alliance (runs in a worker) -------------------------------------------------------


def build_one(folder: Path, staging: Path, options: BuildOptions, fp: str) -> Outcome:
    """Validate, generate and build one alliance into ``staging/<id>/``.

    The two languages are built one after the other in this worker: measured, a process
    forked here for the second language, before MkDocs is loaded, was slower and cost twice
    the CPU (an alliance built alone forks it after loading: :func:`_alone`).
    """
    started = time.perf_counter()
    prepared = prepare(folder, staging, options)
    if isinstance(prepared, Outcome):
        return prepared
    return finish(prepared, folder, staging, options, fp, started)


def prepare(folder: Path, staging: Path, options: BuildOptions, defer_pdfs: bool = False
            ) -> Generated | Outcome:
    """Read and check the alliance, generate its Markdown and reports (with ``defer_pdfs``,
    the PDFs not in the cache are left ``pending``): the ``Generated`` files, or the failed
    :class:`Outcome` that says why not."""
    from ..checked import load_checked
    from ..report.pdf import PdfCache
    from . import generate

    alliance, findings = load_checked(folder)
    if alliance is None:
        errors = [f for f in findings if f.severity is Severity.ERROR]
        return Outcome(folder.name, folder, False,
                       messages=render_grouped(errors, options.lang, options.root))
    try:
        return generate.generate(
            alliance, options.work / alliance.id, staging / alliance.id,
            base_config=options.base_config, today=options.today, base_url=options.base_url,
            reports=options.reports, pdfs=PdfCache(options.pdf_cache), defer_pdfs=defer_pdfs)
    except generate.GenerateError as exc:
        return Outcome(alliance.id, folder, False,
                       messages=refused_message(alliance.id, exc, options.lang))


def finish(generated: Generated, folder: Path, staging: Path, options: BuildOptions, fp: str,
           started: float, fork: bool = False) -> Outcome:
    """MkDocs over the generated languages (or their unchanged folders kept), the redirect
    page, and the outcome with every warning. With ``fork``, the languages are built at
    once (:func:`_mkdocs`)."""
    from . import backend, portal, reuse

    alliance_id = generated.alliance_id
    target = staging / alliance_id
    warnings: list[str] = []
    previous = reuse.previous_languages(read_state(options, alliance_id),
                                        tree_digest(options.out / alliance_id))
    kept: dict[str, reuse.BuiltLanguage] = {}
    digests: dict[str, str] = {}
    try:
        for lang, config in generated.configs.items():
            site_dir = target / FOLDER[lang]
            digests[lang] = reuse.language_digest(
                config, site_dir, code_fingerprint(),
                [generated.userdict] if lang == "zh" and generated.userdict else [])
            built = reuse.reuse(previous.get(lang), digests[lang], options.strict,
                                options.out / alliance_id / FOLDER[lang], site_dir)
            if built is not None:
                kept[lang] = built
        todo = [lang for lang in generated.configs if lang not in kept]
        said = _mkdocs([generated.configs[lang] for lang in todo], options.strict, fork)
        fresh = {lang: reuse.BuiltLanguage(digests[lang], found)
                 for lang, found in zip(todo, said, strict=True)}
        languages: dict[str, dict[str, Any]] = {}
        for lang in generated.configs:
            built = kept.get(lang) or fresh[lang]
            languages[lang] = built.as_state()
            warnings += [f"{FOLDER[lang]}: {message}" for message in built.warnings]
        reused = [FOLDER[lang] for lang in kept]
        mkdocs_warnings = len(warnings)
    except backend.BackendError as exc:
        head = Msg(f"{alliance_id}: MkDocs reported problems", f"{alliance_id}: MkDocs 回報問題")
        return Outcome(alliance_id, folder, False,
                       messages=head(options.lang) + "\n" + "\n".join(
                           f"  {m}" for m in exc.messages))
    write_atomic(target / "index.html", portal.redirect_page(generated.summary))
    # Whole files first (a post or page without its .en.md twin), then single texts.
    fallbacks = sorted(dict.fromkeys(generated.fallbacks), key=lambda x: "/" not in x)
    if fallbacks:
        shown = ", ".join(fallbacks[:8])
        more = len(fallbacks) - 8
        warnings.append(Msg(
            f"en: {len(fallbacks)} text(s) have no English and are shown in Chinese"
            f" ({shown}{', …' if more > 0 else ''}) — add 'en:' to translate them",
            f"en: {len(fallbacks)} 段文字沒有英文，英文版以中文顯示"
            f"（{shown}{'，…' if more > 0 else ''}）— 請加上 en: 翻譯")(options.lang))
    warnings += generated.notes
    return Outcome(alliance_id, folder, True, warnings=warnings, summary=generated.summary,
                   fingerprint=fp, seconds=time.perf_counter() - started,
                   mkdocs_warnings=mkdocs_warnings, languages=languages, reused=reused)


def _mkdocs(configs: list[Path], strict: bool, fork: bool) -> list[tuple[str, ...]]:
    """MkDocs' warnings for each config, built here one after the other, or with ``fork``
    all but the first in processes forked from this one (MkDocs already loaded): the two
    languages of an alliance built alone take the time of the larger one (0.9 s instead of
    1.5 s on the example)."""
    from . import backend

    if not fork or len(configs) < 2:
        return [tuple(backend.build(config, strict=strict)) for config in configs]
    with fork_pool(len(configs) - 1) as pool:
        others = [pool.submit(backend.build, config, strict) for config in configs[1:]]
        first = backend.build(configs[0], strict=strict)
        return [tuple(first), *(tuple(future.result()) for future in others)]


def refused_message(alliance_id: str, exc: Any, lang: Lang) -> str:
    """What to say when the file boundary refuses a file the pages name (GenerateError)."""
    refused = exc.refused
    return (Msg(f"{alliance_id}: a file the pages name cannot be published: ",
                f"{alliance_id}: 頁面使用的檔案無法公開：") + refused.reason + Msg(" — ", " — ")
            + refused.fix)(lang)


def _internal_error(folder: Path) -> Outcome:
    """A bug, not the user's data: reported with the alliance it hit and the traceback."""
    return Outcome(folder.name, folder, False,
                   messages=f"{folder.name}: internal error\n" + traceback.format_exc())


def _prepare_in_child(folder: str, staging: str, options: BuildOptions) -> Generated | Outcome:
    try:
        return prepare(Path(folder), Path(staging), options, defer_pdfs=True)
    except Exception:
        return _internal_error(Path(folder))


def _alone(folder: Path, staging: Path, options: BuildOptions, fp: str, jobs: int) -> Outcome:
    """One alliance on two or more cores.

    A forked child reads the data and generates the Markdown and the reports' HTML (0.6–0.9 s
    on the example) while this process loads MkDocs, Material and jieba's dictionary. Then
    a forked process loads WeasyPrint and prints the reports whose PDF is not in the cache
    (``PdfCache.printing``) while MkDocs builds the languages here; the PDFs go into the
    built folders (the pages link them by a plain ``<a href>``, which MkDocs does not
    resolve).
    """
    from ..report import pdf
    from . import backend

    started = time.perf_counter()
    # What is loaded now lives until the command ends: frozen, Python's full collections
    # skip it, here and in the forked children (the child's took 0.03–0.07 s of its work).
    gc.freeze()
    try:
        with fork_pool(1) as pool:
            future = pool.submit(_prepare_in_child, str(folder), str(staging), options)
            backend.preload()
            gc.freeze()
            # Imported while the child still works, not after it answers: its answer
            # unpickles into generate's classes (0.12–0.18 s measured), and the portal
            # written at the end needs the rest (0.1 s).
            from . import generate, notfound, portal  # noqa: F401
            prepared = future.result()
        if isinstance(prepared, Outcome):
            return prepared
        work = options.work / prepared.alliance_id
        htmls = [(work / pending).with_suffix(".html").read_text(encoding="utf-8")
                 for pending in prepared.pending_pdfs]
        # One printer more than cores: with MkDocs beside them, the last report is not left
        # to print alone on one core (3 reports on 2 cores: 6.8 → 6.1 s, medians of 6).
        with pdf.PdfCache(options.pdf_cache).printing(htmls, jobs + 1) as printed:
            # The languages at once only when no printer takes the other core.
            outcome = finish(prepared, folder, staging, options, fp, started, fork=not htmls)
            if outcome.ok and htmls:
                _place_pdfs(prepared, printed(), staging)
                outcome.seconds = time.perf_counter() - started
        return outcome
    except BrokenProcessPool:
        return Outcome(folder.name, folder, False, messages=_BROKEN(options.lang))
    except Exception:
        return _internal_error(folder)


def _place_pdfs(generated: Generated, printed: list[bytes], staging: Path) -> None:
    """The PDFs printed after MkDocs ran, into each language's built folder (the docs do
    not need them: a language's digest covers a report by its HTML)."""
    for lang in generated.configs:
        for pending, data in zip(generated.pending_pdfs, printed, strict=True):
            write_atomic(staging / generated.alliance_id / FOLDER[lang] / pending, data)


def _worker(folder: str, staging: str, options: BuildOptions, fp: str) -> Outcome:
    try:
        return build_one(Path(folder), Path(staging), options, fp)
    except Exception:
        return _internal_error(Path(folder))


# -- many alliances ------------------------------------------------------------------------


def _state_file(options: BuildOptions, alliance_id: str) -> Path:
    return options.state / f"{alliance_id}.json"


def read_state(options: BuildOptions, alliance_id: str) -> dict[str, Any] | None:
    try:
        return json.loads(_state_file(options, alliance_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def run_builds(folders: list[Path], staging: Path, options: BuildOptions,
               report: Callable[[Outcome], None]) -> list[Outcome]:
    """Build what changed, in parallel, reporting each alliance as soon as it is done."""
    todo: list[tuple[Path, str]] = []
    outcomes: list[Outcome] = []
    for folder in folders:
        fp = fingerprint(folder, options)
        state = read_state(options, folder.name)
        # A strict build may reuse an earlier build only if MkDocs had nothing to say then.
        if (state and state.get("fingerprint") == fp
                and state.get("tree") == tree_digest(options.out / folder.name)
                and not (options.strict and state.get("mkdocs_warnings"))):
            outcome = Outcome(folder.name, folder, True, skipped=True,
                              summary=state.get("summary", {}), fingerprint=fp)
            outcomes.append(outcome)
            report(outcome)
        else:
            todo.append((folder, fp))
    if todo and options.search_index:
        from . import search_index

        search_index.start_early()  # its dictionaries load while the alliances build
    jobs = options.jobs or os.cpu_count() or 1
    try:
        if len(todo) <= 1 or jobs <= 1:
            for folder, fp in todo:
                outcome = (_alone(folder, staging, options, fp, jobs) if jobs > 1
                           else _worker(str(folder), str(staging), options, fp))
                outcomes.append(outcome)
                report(outcome)
            return outcomes
        for outcome in _parallel(todo, staging, options, min(jobs, len(todo))):
            outcomes.append(outcome)
            report(outcome)
        return outcomes
    finally:
        gc.unfreeze()  # what _alone or _parallel froze: collectable again for a caller that
        # lives on (the tests build in their own process)


def _parallel(todo: list[tuple[Path, str]], staging: Path, options: BuildOptions,
              jobs: int) -> Iterator[Outcome]:
    """At most ``jobs`` alliances in flight: results stream back, nothing piles up.

    Workers are forked from this process after it has imported MkDocs, Material and jieba's
    dictionary once (see ``warm``), so they start warm; every ``jobs × WORKER_TASKS`` alliances
    the pool is replaced, so a worker's memory cannot creep up over hundreds of alliances.
    """
    import generator.site.warm  # noqa: F401  (warm the parent: forked workers inherit it)

    gc.freeze()  # as in _alone: the workers' full collections skip what they inherit

    chunk = jobs * WORKER_TASKS
    for start in range(0, len(todo), chunk):
        pending = iter(todo[start:start + chunk])
        try:
            with fork_pool(jobs) as pool:
                running: set[Future[Outcome]] = set()
                for _ in range(jobs):
                    _submit(pool, pending, running, staging, options)
                while running:
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        running.discard(future)
                        yield future.result()
                        _submit(pool, pending, running, staging, options)
        except BrokenProcessPool:
            yield Outcome("?", staging, False, messages=_BROKEN(options.lang))
            return


_BROKEN = Msg("a build worker stopped unexpectedly (out of memory?) — try 'alliance build -j 1'",
              "建置程序意外中止（記憶體不足？）— 請改用「alliance build -j 1」")


def _submit(pool: ProcessPoolExecutor, pending: Iterator[tuple[Path, str]],
            running: set[Future[Outcome]], staging: Path, options: BuildOptions) -> None:
    item = next(pending, None)
    if item is not None:
        running.add(pool.submit(_worker, str(item[0]), str(staging), options, item[1]))


def tree_digest(folder: Path) -> str | None:
    """Names and sizes of every file under ``folder``: what a skipped build relies on."""
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(f"{path.relative_to(folder).as_posix()}\0{path.stat().st_size}\n"
                          .encode())
    return digest.hexdigest()


def _step(name: str) -> None:
    """A named point of the swap; tests replace it to kill the build right there."""


_RENAME_EXCHANGE = 2


def exchange(new: Path, current: Path, lang: Lang) -> None:
    """Swap two folders in one system call: ``current`` is never absent.

    Linux's ``renameat2(RENAME_EXCHANGE)``; where the file system cannot do it, the old
    folder is moved aside and the new one renamed in (two renames, and a note saying so).
    """
    libc = ctypes.CDLL(None, use_errno=True)
    function = getattr(libc, "renameat2", None)
    if function is not None:
        at_fdcwd = -100
        if function(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(current),
                    _RENAME_EXCHANGE) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), str(current))
    echo(Msg(f"note: {current.parent} cannot swap folders atomically; {current.name} is "
             "briefly absent while it is replaced",
             f"注意：{current.parent} 無法一次交換資料夾；替換時 {current.name} 會短暫不存在"
             )(lang), error=True)
    aside = new.with_name(new.name + ".old")
    current.rename(aside)
    new.rename(current)
    aside.rename(new)


def swap_in(outcomes: list[Outcome], staging: Path, options: BuildOptions,
            keep: set[str] | None) -> int:
    """Move the freshly built alliances into ``out`` and rewrite the portal.

    Each alliance: exchange (or rename, the first time) its new folder with the old one,
    then write its state with the digest of the tree now in place. A kill at any step
    leaves the old or the new tree in ``out``; without its state, the next build redoes it.
    Returns the number of pages in the portal's search index (0 when it is not built).

    ``keep``: when every alliance was built, the ids to keep; earlier builds of alliances
    that no longer exist are removed (only folders this tool made, known by their state).
    """
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    options.state.mkdir(parents=True, exist_ok=True)
    trash = staging / ".replaced"
    trash.mkdir(exist_ok=True)
    for outcome in outcomes:
        if outcome.skipped or not outcome.ok:
            continue
        current, new = out / outcome.id, staging / outcome.id
        _step(f"{outcome.id}:forget")
        forget_state(options, outcome.id)
        _step(f"{outcome.id}:swap")
        if current.exists():
            exchange(new, current, options.lang)
            _step(f"{outcome.id}:swapped")
            new.rename(trash / outcome.id)
        else:
            new.rename(current)
        _step(f"{outcome.id}:state")
        write_state(options, outcome)
    if keep is not None:
        for state_file in options.state.glob("*.json"):
            alliance_id = state_file.stem
            if alliance_id not in keep:
                if (out / alliance_id).is_dir():
                    (out / alliance_id).rename(trash / alliance_id)
                state_file.unlink()
    _step("portal")
    pages = refresh_portal(options)
    _step("cleanup")
    shutil.rmtree(trash, ignore_errors=True)
    return pages


def write_state(options: BuildOptions, outcome: Outcome) -> None:
    """Record an alliance's build as done, with the digest of its tree now in ``out``."""
    state = {"fingerprint": outcome.fingerprint, "summary": outcome.summary,
             "summary_version": SUMMARY_VERSION, "mkdocs_warnings": outcome.mkdocs_warnings,
             "languages": outcome.languages, "tree": tree_digest(options.out / outcome.id)}
    write_atomic(_state_file(options, outcome.id),
                 json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True))


def forget_state(options: BuildOptions, alliance_id: str) -> None:
    """The alliance's tree is about to change in place: the next build must not skip it."""
    _state_file(options, alliance_id).unlink(missing_ok=True)


def refresh_portal(options: BuildOptions) -> int:
    """The portal, root 404 and search index from the recorded alliances; pages indexed."""
    from . import notfound, portal

    summaries = []
    for state_file in sorted(options.state.glob("*.json")):
        state = read_state(options, state_file.stem)
        if not state or not (options.out / state_file.stem).is_dir():
            continue
        if state.get("summary_version") != SUMMARY_VERSION:
            echo(Msg(f"portal: {state_file.stem} was built by an older version and is left "
                     f"off the portal — run 'alliance build {state_file.stem}'",
                     f"入口網站：{state_file.stem} 由舊版建置，暫不列入 — 請執行"
                     f"「alliance build {state_file.stem}」")(options.lang), error=True)
            continue
        summaries.append(state["summary"])
    pages = portal.write_portal(options.out, summaries, today=options.today,
                                base_url=options.base_url, search=options.search_index,
                                stamp=options.state / "portal-search.txt").pages
    write_atomic(options.out / "404.html", notfound.root_404(summaries, options.base_url))
    return pages


@contextlib.contextmanager
def exclusive(out: Path, lang: Lang) -> Iterator[None]:
    """Hold the output folder's lock; a second build waits, and says so."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = out.parent / f".{out.name}.lock"
    with open(lock, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            echo(Msg(f"another build is writing {out}; waiting for it to finish…",
                     f"另一個建置正在寫入 {out}，等待其完成…")(lang), error=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def make_staging(out: Path) -> Path:
    """A fresh staging folder; those of killed builds go first (call it under the lock)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    for stale in out.parent.glob(f".{out.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    staging.mkdir()
    return staging


def echo(text: str, error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout, flush=True)
