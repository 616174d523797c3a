"""Turns an alliance's YAML into its KPI sheet, public report and promotional website.

Data flows one way: ``yamlmarks`` (YAML with file:line) → ``loader`` (typed ``model``) →
``rules`` (errors and warnings) → ``kpi`` (the ministry's sheet) → ``site`` and ``report``.
"""
