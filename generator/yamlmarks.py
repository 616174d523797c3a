"""YAML that remembers where every value came from.

PyYAML's composer keeps a start mark on every node; we build plain Python values from the
node tree and keep a map from each value's path to its line, so that any later message
(schema, rule, count) can point at ``file:line``. Building from nodes ourselves also lets
us refuse duplicate keys, which PyYAML would silently overwrite (a quiet R5 hazard).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Finding, Where, error
from .i18n import Msg
from .yaml_messages import explain

Loc = tuple[str | int, ...]


@dataclass
class SourceFile:
    """One YAML file: its path, its plain data, and the line of every value by path."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that has one."""
        for cut in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:cut]))
            if line is not None:
                return line
        return None

    def where(self, loc: Loc, shown: Loc | None = None) -> Where:
        """The place of ``loc``; ``shown`` is the tail of ``loc`` that messages print."""
        shown = loc if shown is None else shown
        return Where(self.path, self.line_of(loc), self._path_text(loc, len(loc) - len(shown)))

    def _path_text(self, loc: Loc, skip: int) -> str:
        """Like :func:`field_path`, but a number that is a mapping key (a year) is ``.2025``."""
        out, node = "", self.data
        for depth, part in enumerate(loc):
            in_list = isinstance(node, list)
            if depth >= skip:
                if in_list or (isinstance(part, int) and node is None):
                    out += f"[{part}]"
                else:
                    out += ("." if out else "") + str(part)
            try:
                node = node[part]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                node = None
        return out


def field_path(loc: Loc) -> str:
    """``('contracts', 0, 'end')`` → ``contracts[0].end``, as a person would write it."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class YamlError(Exception):
    """A file that is not YAML at all; carries a finding with the line of the problem."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message.en)
        self.finding = finding


def parse_text(text: str, path: Path) -> SourceFile:
    """Parse YAML text into a :class:`SourceFile`, or raise :class:`YamlError`."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        told = explain(exc, text)
        raise YamlError(error(Where(path, told.line), told.message, told.fix)) from None
    except yaml.YAMLError as exc:
        raise YamlError(error(
            Where(path, None),
            Msg(f"this is not valid YAML: {exc}",
                "YAML 無法解讀此檔案（可能含有看不見的控制字元）"),
        )) from None
    source = SourceFile(path, None)
    constructor = yaml.SafeLoader("")
    duplicates: list[Finding] = []
    source.data = _build(node, (), source, constructor, duplicates) if node is not None else None
    if duplicates:
        raise YamlError(duplicates[0])
    return source


def read_file(path: Path) -> SourceFile:
    """Read and parse a YAML file; unreadable bytes become a clear error, not a traceback."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlError(error(
            Where(path, None),
            Msg("the file is not UTF-8 text", "檔案不是 UTF-8 編碼的文字"),
            Msg("save it as UTF-8 in your editor", "請在編輯器中以 UTF-8 編碼另存"),
        )) from None
    return parse_text(text, path)


def _build(node: yaml.Node, loc: Loc, source: SourceFile, constructor: yaml.SafeLoader,
           duplicates: list[Finding]) -> Any:
    source.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, constructor)
            if isinstance(key, (list, dict)):
                key = str(key)
            if key in result:
                duplicates.append(error(
                    Where(source.path, key_node.start_mark.line + 1, field_path((*loc, key))),
                    Msg(f"the key '{key}' appears twice in the same mapping",
                        f"同一層出現兩次「{key}」"),
                    Msg("keep one of them: YAML would silently drop the first",
                        "請只保留一個，YAML 會默默捨棄前一個"),
                    rule="R5",
                ))
            source.lines[(*loc, key)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, (*loc, key), source, constructor, duplicates)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, index), source, constructor, duplicates)
                for index, item in enumerate(node.value)]
    return _scalar(node, constructor)


def _scalar(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    """A scalar's value; a malformed timestamp like 2025-02-30 stays text for the schema."""
    if not isinstance(node, yaml.ScalarNode):
        return constructor.construct_object(node, deep=True)
    try:
        return constructor.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        return node.value
