"""The static-site back end: MkDocs with Material, driven through its Python API.

This is the one module that imports MkDocs. Swapping the back end (ProperDocs, a newer
MkDocs) means changing this file: the generator hands it a folder with ``mkdocs.yml`` and
``docs/`` and gets back the warnings, or :class:`BackendError` with the messages.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import segmenter

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BackendError(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages

    def __reduce__(self) -> tuple[Any, ...]:  # raised in a forked build, pickled back whole
        return (BackendError, (self.messages,))


class _Collect(logging.Handler):
    """MkDocs' warnings of the build running in this thread (the preview's server logs to
    ``mkdocs.livereload`` from its own threads meanwhile)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record.getMessage())


@contextlib.contextmanager
def _collecting(strict: bool) -> Iterator[_Collect]:
    """MkDocs' warnings collected, its errors turned into :class:`BackendError`.

    MkDocs counts warnings only when its logger lets them through: run from Python with the
    logger above WARNING, ``--strict`` would pass silently. So the level is set here.
    """
    from mkdocs import exceptions

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    old_level, old_propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(collect)
    try:
        yield collect
    except exceptions.Abort as exc:
        raise BackendError(collect.records or [str(exc)]) from None
    except exceptions.ConfigurationError as exc:
        raise BackendError([*collect.records, f"configuration: {exc}"]) from None
    finally:
        logger.removeHandler(collect)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
    if strict and collect.records:
        raise BackendError(collect.records)


def _add_files_from_theme(files: Any, env: Any, config: Any) -> None:
    """MkDocs' ``Files.add_files_from_theme`` without walking the theme's hidden folders.

    MkDocs lists every file of the theme (Jinja's ``list_templates``) and then drops those
    under a hidden folder; Material's ``.icons`` holds 14,348 of its 14,509 files, so each
    build spent about 0.25 s matching file names it was bound to drop. Pruned at the walk,
    the result is the same list in the same order (``tests/site/test_backend.py``).
    """
    from mkdocs.structure.files import File

    found: set[str] = set()
    for theme_dir in config.theme.dirs:
        for folder, subfolders, names in os.walk(theme_dir, followlinks=True):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]
            relative = os.path.relpath(folder, theme_dir)
            for name in names:
                found.add(name if relative == "." else f"{relative}/{name}".replace(os.sep, "/"))
    keep = _theme_filter(config)
    for path in sorted(found):
        if keep(path) and files.get_file_from_path(path) is None:
            for theme_dir in config.theme.dirs:
                if os.path.isfile(os.path.join(theme_dir, path)):
                    files.append(File(path, theme_dir, config.site_dir, config.use_directory_urls))
                    break


def _theme_filter(config: Any) -> Any:
    """The name filter of MkDocs' ``add_files_from_theme`` (its patterns, verbatim)."""
    import fnmatch

    from mkdocs import utils

    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml",
                "locales/*", *(f"*{x}" for x in utils.markdown_extensions),
                *config.theme.static_templates]
    return lambda name: not any(fnmatch.fnmatch(name.lower(), p) for p in patterns)


def _fast_theme_walk() -> None:
    """Put :func:`_add_files_from_theme` in MkDocs' place (every build of this process)."""
    from mkdocs.structure.files import Files

    Files.add_files_from_theme = _add_files_from_theme  # type: ignore[method-assign]


def _load(config_file: Path, **options: Any) -> Any:
    """The config with plugin instances of its own, started as ``mkdocs build`` starts them.

    MkDocs keeps a plugin that has ``on_startup`` or ``on_shutdown`` for the life of the
    process and hands it to every later config (for ``mkdocs serve``). Shared, Material's
    blog keeps one build's posts and one temporary folder for all: a preview of the Chinese
    site rendered with the English blog's lists, and a process forked to build the other
    language at once wrote its category pages into the same folder (the Chinese site showed
    "Announcements", 1 build in 2). So each config gets new instances, and
    :func:`_shut_down` ends them (the blog removes its temporary folder).
    """
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    MkDocsConfig.plugins.plugin_cache.clear()
    config = load_config(config_file=str(config_file), **options)
    MkDocsConfig.plugins.plugin_cache.clear()
    config.plugins.on_startup(command="build", dirty=False)
    return config


def _shut_down(config: Any) -> None:
    config.plugins.on_shutdown()


def build(config_file: Path, strict: bool = False) -> list[str]:
    """Build one MkDocs project; returns its warnings (``strict`` turns them into an error)."""
    from mkdocs.commands.build import build as mkdocs_build

    _fast_theme_walk()

    with _collecting(strict) as collect, segmenter.isolated():
        config = _load(config_file, strict=strict)
        try:
            mkdocs_build(config)
        finally:
            _shut_down(config)
    return collect.records


class _Keep:
    """A plugin that keeps what MkDocs gathered, after every other plugin has had its say."""

    def __init__(self) -> None:
        self.files: Any = None
        self.nav: Any = None
        self.env: Any = None

    def on_files(self, files: Any, config: Any) -> Any:
        self.files = files
        return files

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.nav = nav
        return nav

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        self.env = env
        return env

    for _event in (on_files, on_nav, on_env):
        _event.mkdocs_priority = -1000  # type: ignore[attr-defined]  # run last


class LiveBuild:
    """One MkDocs build whose config, files, navigation and templates stay in memory.

    What a later page-level render needs: MkDocs itself has no partial build (``dirty``
    skips the search index entries of the pages it does not render). :meth:`render` runs
    MkDocs' own steps for single pages; it is right only when nothing but those pages'
    bodies changed — the caller decides that (``generator.site.preview``).
    """

    def __init__(self, config: Any, kept: _Keep) -> None:
        self.config, self.files, self.nav, self.env = config, kept.files, kept.nav, kept.env

    @classmethod
    def build(cls, config_file: Path, site_dir: Path) -> tuple[LiveBuild, list[str]]:
        """A full build into ``site_dir`` (not the config's own): the live build and warnings."""
        from mkdocs.commands.build import build as mkdocs_build

        _fast_theme_walk()
        with _collecting(strict=False) as collect, segmenter.isolated():
            config = _load(config_file, site_dir=str(site_dir))
            kept = _Keep()
            config.plugins["alliance-live"] = kept  # type: ignore[assignment]
            try:
                mkdocs_build(config)
            except BaseException:
                _shut_down(config)
                raise
        return cls(config, kept), collect.records

    def close(self) -> None:
        """End the build's plugins (the blog's temporary folder goes): no render after."""
        _shut_down(self.config)

    def move(self, site_dir: Path) -> None:
        """The built folder now lives at ``site_dir``: later renders write there."""
        self.config["site_dir"] = str(site_dir)
        for file in self.files:
            file.dest_dir = str(site_dir)
            file.__dict__.pop("abs_dest_path", None)  # a cached property of the old folder

    def has(self, src_uri: str) -> bool:
        return self.files.get_file_from_path(src_uri) is not None

    def is_post(self, src_uri: str) -> bool:
        """Whether the page is a news post of Material's blog (its excerpt is on the lists)."""
        from material.plugins.blog.structure import Post

        file = self.files.get_file_from_path(src_uri)
        return file is not None and isinstance(file.page, Post)

    def render(self, pages: list[str], static: list[str]) -> list[str]:
        """Render ``pages`` (Markdown, docs-relative) again and copy ``static`` files.

        A news post is read again (Material reads a post once, when the build starts) and,
        since its excerpt shows on the news lists, every view of the blog is rendered again
        after it: its index, archive, category and pagination pages.
        """
        from material.plugins.blog.structure import Post, View
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import InclusionLevel

        with _collecting(strict=False) as collect:
            doc_files = self.files.documentation_pages(inclusion=InclusionLevel.is_included)
            for uri in static:
                self.files.get_file_from_path(uri).copy_file()
            rendered = [self.files.get_file_from_path(uri).page for uri in pages]
            posts = [page for page in rendered if isinstance(page, Post)]
            for post in posts:
                _read_post_again(post)
            if posts:
                rendered += [file.page for file in doc_files if isinstance(file.page, View)]
            for page in rendered:
                _populate_page(page, self.config, self.files)
                _build_page(page, self.config, doc_files, self.nav, self.env)
        return collect.records


def _read_post_again(post: Any) -> None:
    """The post's text from its file, as Material's ``Post`` reads it when a build starts.

    Only the body and ``updated`` can have changed: the preview takes this path only when
    the rest of the front matter is as it was.
    """
    import yaml
    from mkdocs.utils.meta import YAML_RE

    text = Path(post.file.abs_src_path).read_text(encoding="utf-8-sig")
    match = YAML_RE.match(text)
    if match is None:
        raise BackendError([f"{post.file.src_uri}: a news post without its front matter"])
    post.markdown = text[match.end():].lstrip("\n")
    meta = yaml.load(match.group(1), yaml.SafeLoader) or {}
    if "updated" in meta:
        post.meta["updated"] = meta["updated"]


def preload() -> None:
    """Import MkDocs and Material's plugins and load jieba's dictionary (about 0.4 s in all),
    so that a process can do it while another one generates, or once before forking."""
    import material.plugins.blog.plugin  # noqa: F401
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401

    segmenter.load()
