"""``alliance spotcheck``: the ministry's spot check of the sites in a registry.

The engine is the ``site_checks`` package (crawl → evidence → verdict → history → reports);
this verb hands it the words after ``spotcheck`` and the language chosen for the run, so that
``alliance --lang zh spotcheck …`` and ``alliance spotcheck … --lang zh`` agree.
"""

from __future__ import annotations

from ..i18n import Lang


def run(argv: list[str], lang: Lang | None) -> int:
    """Run the spot check with ``argv``; ``lang`` applies unless ``argv`` names one."""
    from site_checks.cli import main  # LinkChecker and co. load only for this verb

    if lang is not None and "--lang" not in argv:
        argv = [*argv, "--lang", lang]
    return main(argv)
