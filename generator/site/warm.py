"""Imported once before build workers are forked: heavy modules and jieba's dictionary.

Workers are forked from this warm process, so replacing them (to keep memory flat over
hundreds of alliances) costs milliseconds instead of seconds of imports each.
"""

from __future__ import annotations

import contextlib
import logging

import mkdocs.commands.build  # noqa: F401
import mkdocs.config  # noqa: F401

with contextlib.suppress(ImportError):
    import material.plugins.blog.plugin  # noqa: F401
    import material.plugins.search.plugin  # noqa: F401
with contextlib.suppress(ImportError):
    import generator.report  # noqa: F401  (WeasyPrint, for the public reports)
with contextlib.suppress(ImportError):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()

import generator.site.generate  # noqa: E402, F401
