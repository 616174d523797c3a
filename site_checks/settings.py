"""Bounds and pacing of one spot-check run, in one place so that CLI, workers and tests agree."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckSettings:
    """Everything a worker needs to know besides the site itself.

    Defaults are polite: LinkChecker's own per-host pace (a random 0.1–0.6 s gap), caps that
    keep one misbehaving site from eating the run. Tests lift the pace with ``pace=(0, 0)``.
    """

    #: Per-host gap between requests, seconds (min, max); LinkChecker picks uniformly.
    pace: tuple[float, float] = (0.1, 0.6)
    #: Seconds to wait for one response before calling the link unverified (timeout).
    request_timeout: float = 20.0
    #: Whole-site wall-clock cap, enforced by the parent killing the worker.
    site_timeout: float = 600.0
    #: Own pages fetched per site at most.
    max_pages: int = 500
    #: Link depth from the start page at most.
    max_depth: int = 10
    #: Bytes read from one response at most (bigger pages are checked, not parsed).
    max_bytes: int = 5 * 1024 * 1024
    #: LinkChecker threads per worker process.
    threads: int = 10
    #: Sites checked at once (one worker process each).
    workers: int = 8
    #: Retries of an unverified link (429, bot wall, timeout) before giving up.
    retries: int = 2
    #: Longest Retry-After we are willing to sleep for; longer ones stay unverified.
    max_retry_wait: float = 30.0
    #: First back-off delay when the server gave no Retry-After; doubles each try.
    backoff: float = 2.0
    #: False checks only the site's own links: a local preview on a machine without
    #: network, where every external link would otherwise look broken. Counted as not checked.
    check_external: bool = True
