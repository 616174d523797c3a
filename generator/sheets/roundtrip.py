"""YAML read and written back with its comments, order and layout (ruamel.yaml round trip).

An import must change only what the spreadsheet changed: every comment, blank line, flow
mapping and quote of the assistant's file stays as it was. ruamel.yaml keeps all of that,
except one layout: our files write a top-level list flush left (``- id:``) but nested lists
indented (``  contracts:\n    - start:``), which ruamel cannot emit with one setting. We
emit the nested style everywhere and shift the top level back by two columns, moving
end-of-line comments with it. A test checks that the example and the scaffold come out
byte for byte.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from ..i18n import Msg
from .columns import Table
from .read import Problem, SheetError

SHIFT = 2


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line of text
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def document_shape(table: Table) -> CommentedSeq | CommentedMap:
    """The empty document a table's rows merge into: the file's own list (members,
    activities; a member's contracts live in members.yml's list too), or outcomes.yml's
    mapping of lists."""
    return CommentedSeq() if not table.within or table.name == "contracts" else CommentedMap()


def load(path: Path, empty: Any) -> tuple[str, Any]:
    """The file's text and its round-trip data (``empty`` when the file is missing or blank).

    A file that does not parse, or whose top level is not the shape the import merges into
    (a list, or a mapping), is a :class:`SheetError` naming the file: fix it first.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    try:
        data = _yaml().load(text) if text.strip() else None
    except YAMLError as exc:
        mark = exc.problem_mark if isinstance(exc, MarkedYAMLError) else None
        where = f"{path.name}:{mark.line + 1}" if mark is not None else path.name
        raise SheetError([Problem(where, Msg(
            "the file is not valid YAML, so nothing can be merged into it",
            "這個檔案不是有效的 YAML，無法合併"), Msg(
            f"run 'alliance validate' and fix {path.name} first",
            f"請先執行「alliance validate」並修正 {path.name}"))]) from None
    expected = list if isinstance(empty, list) else dict if isinstance(empty, dict) else None
    if data is not None and expected is not None and not isinstance(data, expected):
        shape = Msg("a list (- …)", "清單（- …）") if isinstance(empty, list) \
            else Msg("a mapping (key: value)", "對應表（名稱: 內容）")
        raise SheetError([Problem(path.name, Msg(
            "the file's top level is not " + shape.en, f"檔案最上層不是{shape.zh}"), Msg(
            f"run 'alliance validate' and fix {path.name} first",
            f"請先執行「alliance validate」並修正 {path.name}"))])
    return text, empty if data is None else data


def dump(data: Any) -> str:
    yaml = _yaml()
    out = io.StringIO()
    if isinstance(data, CommentedSeq):
        _move_end_comments(data, SHIFT)
        try:
            yaml.dump(data, out, transform=_flush_left)
        finally:
            _move_end_comments(data, -SHIFT)
    else:
        yaml.dump(data, out)
    return out.getvalue()


def _flush_left(text: str) -> str:
    """Undo the top-level list's indent; whole-line comments kept their own column."""
    return "\n".join(line[SHIFT:] if line.startswith(" " * SHIFT)
                     and not line.lstrip().startswith("#") else line
                     for line in text.split("\n"))


def _move_end_comments(node: Any, by: int) -> None:
    """Shift end-of-line comments (those on their key's own line) so they survive the undo."""
    if isinstance(node, CommentedMap):
        children: Any = node.items()
    elif isinstance(node, CommentedSeq):
        children = enumerate(node)
    else:
        return
    for key, value in children:
        line = _line_of(node, key)
        for token in _tokens(node.ca.items.get(key)):
            if token.value.startswith("#") and token.start_mark is not None \
                    and token.start_mark.line == line:
                token.column += by
        _move_end_comments(value, by)


def _line_of(node: CommentedMap | CommentedSeq, key: Any) -> int | None:
    try:
        return node.lc.key(key)[0] if isinstance(node, CommentedMap) else node.lc.item(key)[0]
    except (KeyError, IndexError, TypeError, AttributeError):
        return None  # a value added by the import has no line yet, nor comments


def _tokens(item: Any) -> list[CommentToken]:
    if isinstance(item, CommentToken):
        return [item]
    if isinstance(item, list):
        return [t for part in item for t in _tokens(part)]
    return []


def plain(value: Any) -> Any:
    """Round-trip data as plain dicts and lists, for the model's validation."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
