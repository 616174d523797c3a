"""Presenting a run: JSON for scripts, CSV for spreadsheets, HTML for the officer.

Reports only present what ``assess``/``verdict`` decided; they never decide anything.
"""
