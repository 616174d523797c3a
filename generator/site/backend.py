"""The static-site back end: MkDocs with Material, driven through its Python API.

This is the one module that imports MkDocs. Swapping the back end (ProperDocs, a newer
MkDocs) means changing this file: the generator hands it a folder with ``mkdocs.yml`` and
``docs/`` and gets back the warnings, or :class:`BackendError` with the messages.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BackendError(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


def build(config_file: Path, strict: bool = False) -> list[str]:
    """Build one MkDocs project; returns its warnings (``strict`` turns them into an error).

    MkDocs counts warnings only when its logger lets them through: run from Python with the
    logger above WARNING, ``--strict`` would pass silently. So the level is set here.
    """
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    _quiet_jieba()
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    old_level, old_propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(collect)
    try:
        config = load_config(config_file=str(config_file), strict=strict)
        mkdocs_build(config)
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
    return collect.records


def _quiet_jieba() -> None:
    """jieba announces its dictionary loading on stderr; a build log has no use for it."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)
