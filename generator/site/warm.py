"""Imported once before build workers are forked: heavy modules and jieba's dictionary.

Workers are forked from this warm process, so replacing them (to keep memory flat over
hundreds of alliances) costs milliseconds instead of seconds of imports each.

WeasyPrint is not loaded here: measured on 24 alliances, a parent holding it made the
site-only build 4–5 s slower (36 against 31 s) and the build with reports no faster; a
worker loads it with its first report.
"""

from __future__ import annotations

import generator.site.generate  # noqa: F401
from generator.site import backend

backend.preload()
