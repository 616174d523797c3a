"""Findings: what validation and counting have to say about the data, and where.

A finding is an *error* when the data cannot be filed as it is, and a *warning* when
something is valid but will not be counted (with the reason and the rule). Both carry the
file, line and field so that a busy assistant can jump straight to the spot.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .i18n import Lang, Msg


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Where:
    """A place in a source file: its path, the line, and the field path shown to the user."""

    file: Path
    line: int | None = None
    field: str = ""

    def label(self, root: Path | None = None) -> str:
        path = self.file
        if root is not None:
            with contextlib.suppress(ValueError):
                path = self.file.resolve().relative_to(root.resolve())
        return f"{path}:{self.line}" if self.line else str(path)


@dataclass(frozen=True)
class Finding:
    severity: Severity
    where: Where
    message: Msg
    fix: Msg | None = None
    rule: str | None = None
    record: str | None = None

    def text(self, lang: Lang) -> str:
        """What is wrong, how to fix it and the rule, without the place."""
        text = self.message(lang)
        if self.fix is not None:
            text += " — " + self.fix(lang)
        if self.rule:
            text += f" ({self.rule})"
        return text

    def render(self, lang: Lang, root: Path | None = None) -> str:
        """``file:line: field: what is wrong — how to fix it (Rn)``, the format of the spec."""
        head = self.where.label(root) + ":"
        if self.where.field:
            head += f" {self.where.field}:"
        return f"{head} {self.text(lang)}"

    def as_json(self, lang: Lang = "en") -> dict[str, object]:
        return {
            "rule": self.rule,
            "record": self.record,
            "severity": self.severity.value,
            "file": self.where.file.name,
            "line": self.where.line,
            "field": self.where.field,
            "message": self.text(lang),
        }


def error(where: Where, message: Msg, fix: Msg | None = None, rule: str | None = None,
          record: str | None = None) -> Finding:
    return Finding(Severity.ERROR, where, message, fix, rule, record)


def warning(where: Where, message: Msg, fix: Msg | None = None, rule: str | None = None,
            record: str | None = None) -> Finding:
    return Finding(Severity.WARNING, where, message, fix, rule, record)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def render_grouped(findings: list[Finding], lang: Lang, root: Path | None = None) -> str:
    """Grouped per file, errors before warnings, in line order: how a person fixes them."""
    by_file: dict[Path, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.where.file, []).append(finding)
    lines: list[str] = []
    for file in sorted(by_file, key=str):
        ordered = sorted(
            dict.fromkeys(by_file[file]),
            key=lambda f: (f.severity is not Severity.ERROR, f.where.line or 0, f.where.field),
        )
        for finding in ordered:
            tag = {"en": {"error": "error", "warning": "warning"},
                   "zh": {"error": "錯誤", "warning": "警告"}}[lang][finding.severity.value]
            lines.append(f"{tag}: {finding.render(lang, root)}")
    return "\n".join(lines)
