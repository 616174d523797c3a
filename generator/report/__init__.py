"""The public summary report (精簡進度報告) and the PI's private companion.

Pipeline, one idea per module: ``content`` (sheet + model → public view, privacy decided
once), ``charts`` (SVG), ``html`` (Jinja, standalone file), ``pdf`` (WeasyPrint),
``private`` (warnings, evidence checklist, the platform's sheet), ``publish`` (file names,
the ``alliance report`` back end and the site's hook).
"""

from __future__ import annotations

from .publish import PublishedReport, render_report, write_public_reports

__all__ = ["PublishedReport", "render_report", "write_public_reports"]
