"""Irregular checks from May (R6): reproducible samples and check dates.

The ministry checks "at irregular times"; an officer still needs to say afterwards why these
sites were checked on that day. Every draw comes from ``random.Random(seed)`` over the
registry's sorted ids, so the same registry and seed always give the same plan.
"""

from __future__ import annotations

import datetime as dt
import random

from site_checks.registry import Site

SEASON = ((5, 1), (10, 31))  # R6 spot checks from May; R1 results count up to Oct 31


def sample(sites: list[Site], n: int, seed: str) -> list[Site]:
    """``n`` sites drawn reproducibly, in registry order (all of them when ``n`` ≥ count)."""
    if n >= len(sites):
        return list(sites)
    rng = random.Random(f"sample:{seed}")
    chosen = set(rng.sample(sorted(s.id for s in sites), n))
    return [s for s in sites if s.id in chosen]


def plan(
    sites: list[Site], year: int, checks: int, seed: str, per_check: int | None = None
) -> list[tuple[dt.date, list[Site]]]:
    """``checks`` distinct dates between May 1 and Oct 31 of ``year``, each with its sites.

    By default every site is checked once in the season (shuffled, dealt round-robin); with
    ``per_check`` each date draws that many sites independently.
    """
    start = dt.date(year, *SEASON[0])
    days = (dt.date(year, *SEASON[1]) - start).days + 1
    if not 1 <= checks <= days:
        raise ValueError(f"--checks must be between 1 and {days}")
    rng = random.Random(f"plan:{year}:{seed}")
    dates = sorted(start + dt.timedelta(days=d) for d in rng.sample(range(days), checks))
    ids = sorted(s.id for s in sites)
    order = {s.id: i for i, s in enumerate(sites)}
    if per_check is None:
        rng.shuffle(ids)
        groups = [ids[i::checks] for i in range(checks)]
    else:
        groups = [rng.sample(ids, min(per_check, len(ids))) for _ in dates]
    by_id = {s.id: s for s in sites}
    return [(date, sorted((by_id[i] for i in group), key=lambda s: order[s.id]))
            for date, group in zip(dates, groups, strict=True)]
