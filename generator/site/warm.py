"""Imported once before build workers are forked: heavy modules and jieba's dictionary.

Workers are forked from this warm process, so replacing them (to keep memory flat over
hundreds of alliances) costs milliseconds instead of seconds of imports each.
"""

from __future__ import annotations

import generator.report  # noqa: F401  (WeasyPrint, for the public reports)
import generator.site.generate  # noqa: F401
from generator.site import backend

backend.preload()
