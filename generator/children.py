"""Worker processes forked from a warm process, and killed with it however it dies.

The build forks its workers after MkDocs and jieba (and, for the PDF printers, WeasyPrint)
are loaded, so they start in milliseconds; a build killed by a signal, the OOM killer or a
closed terminal takes them with it (Linux ``PR_SET_PDEATHSIG``), so no orphan keeps writing
into a staging folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context


def die_with_parent(parent: int) -> None:
    """A worker is killed when the process that started it dies (Linux)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def fork_pool(jobs: int) -> ProcessPoolExecutor:
    """``jobs`` forked workers that die with this process."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
