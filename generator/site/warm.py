"""Imported once before build workers are forked: heavy modules, jieba's dictionary, WeasyPrint.

Workers are forked from this warm process, so replacing them (to keep memory flat over
hundreds of alliances) costs milliseconds instead of seconds of imports each.
"""

from __future__ import annotations

import generator.site.generate  # noqa: F401
from generator.report import pdf
from generator.site import backend

backend.preload()
pdf.warm()  # WeasyPrint and the report's fonts
