"""YAML that remembers where every value came from.

PyYAML's composer keeps a start mark on every node; we build plain Python values from the
node tree and keep a map from each value's path to its line, so that any later message
(schema, rule, count) can point at ``file:line``. Building from nodes ourselves also lets
us refuse duplicate keys, which PyYAML would silently overwrite (a quiet R5 hazard).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.cyaml import CParser
from yaml.resolver import Resolver

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


# Bounds: an alliance's largest file has a few thousand values and no alias. A 10-line
# "billion laughs" expands to 10⁹ values; recursive anchors and deep nesting recurse forever.
MAX_ALIASES = 100
MAX_VALUES = 200_000  # values after expanding aliases
MAX_DEPTH = 64
# Escapes like "\x00" or "\e" make characters no page, feed or front matter can carry.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _Bounds:
    """Refuse documents with too many aliases or too deep nesting, as they are composed."""

    aliases = 0
    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _TooBig(self.peek_event().start_mark, Msg(  # type: ignore[attr-defined]
                    f"more than {MAX_ALIASES} aliases (*name)",
                    f"別名（*name）超過 {MAX_ALIASES} 個"))
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooBig(self.peek_event().start_mark, Msg(  # type: ignore[attr-defined]
                f"nested more than {MAX_DEPTH} levels deep", f"巢狀超過 {MAX_DEPTH} 層"),
                Msg("flatten the structure: the format never nests this deep",
                    "請減少巢狀層數：資料格式不會有這麼深的結構"))
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1


class _Bounded(_Bounds, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader with the bounds: its error texts are the ones
    :func:`yaml_messages.explain` turns into plain words."""


class _FastBounded(_Bounds, Composer, CParser, SafeConstructor, Resolver):
    """libyaml's scanner and parser (C, about 8× faster) under PyYAML's own composer with the
    bounds: the composer is Python so that the bounds still apply node by node. A document
    libyaml refuses, or one with a tab (libyaml accepts ``key:<TAB>value``, PyYAML does not,
    and the verdict must not depend on the path taken), is parsed by :class:`_Bounded`."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


_NO_ALIASES = Msg("write the values out instead of using anchors (&name) and aliases (*name)",
                  "請直接寫出內容，不要使用錨點（&name）與別名（*name）")


class _TooBig(Exception):
    """A document the bounds refuse: where, what, and how to fix it."""

    def __init__(self, mark: Any, what: Msg, fix: Msg = _NO_ALIASES) -> None:
        super().__init__(what.en)
        self.line = mark.line + 1 if mark is not None else None
        self.what = what
        self.fix = fix


def _too_big(path: Path, exc: _TooBig) -> YamlError:
    return YamlError(error(
        Where(path, exc.line),
        Msg(f"this YAML is refused: {exc.what.en}", f"此 YAML 不予處理：{exc.what.zh}"),
        exc.fix))


_NODES: OrderedDict[str, Any] = OrderedDict()  # text of a big file → its nodes
_REMEMBERED = 16  # the big files of a few alliances: a few MB of nodes
_BIG = 4096  # characters; a news post's front matter is cheap to parse again


def _parse(text: str) -> Any:
    """libyaml's fast path; PyYAML's own for a file with a tab (libyaml takes tabs PyYAML
    refuses: one file, one verdict) or one libyaml refuses (PyYAML's words are explained)."""
    if "\t" not in text:
        fast = _FastBounded(text)
        try:
            return fast.get_single_node()
        except (yaml.YAMLError, ValueError):
            pass
        finally:
            fast.dispose()
    exact = _Bounded(text)
    try:
        return exact.get_single_node()
    finally:
        exact.dispose()


def _compose(text: str) -> Any:
    """The node graph of ``text``; those of big files are remembered (nodes are only read
    afterwards, so they can be shared): the preview reads every file of the alliance on each
    save, and only the saved one has new text."""
    remembered = _NODES.get(text) if len(text) >= _BIG else None
    if remembered is not None:
        _NODES.move_to_end(text)
        return remembered
    node = _parse(text)
    if len(text) >= _BIG and node is not None:
        _NODES[text] = node
        while len(_NODES) > _REMEMBERED:
            _NODES.popitem(last=False)
    return node


def parse_text(text: str, path: Path) -> SourceFile:
    """Parse YAML text into a :class:`SourceFile`, or raise :class:`YamlError`.

    Bounded: aliases, nesting depth and the expanded size are limited (:data:`MAX_ALIASES`,
    :data:`MAX_DEPTH`, :data:`MAX_VALUES`), so a hostile file is refused in milliseconds.
    """
    try:
        node = _compose(text)
    except _TooBig as exc:
        raise _too_big(path, exc) from None
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
    budget = _Budget()
    try:
        source.data = (_build(node, (), source, constructor, duplicates, budget)
                       if node is not None else None)
    except _TooBig as exc:
        raise _too_big(path, exc) from None
    if duplicates:
        raise YamlError(duplicates[0])
    return source


def read_file(path: Path, root: Path) -> SourceFile:
    """Read and parse a YAML file of the alliance folder ``root``, through the file boundary.

    A symbolic link out of the folder, a FIFO, a huge file or bytes that are not UTF-8
    become a clear error with the file's name, never a hang or a traceback.
    """
    from .userfiles import Refused, read_text

    try:
        text = read_text(root, path)
    except Refused as exc:
        raise YamlError(error(Where(path, None), exc.reason, exc.fix)) from None
    return parse_text(text, path)


@dataclass
class _Budget:
    """Values built so far, and the nodes on the current path (a cycle is a recursive anchor)."""

    values: int = 0
    path: set[int] = field(default_factory=set)


def _build(node: yaml.Node, loc: Loc, source: SourceFile, constructor: yaml.SafeLoader,
           duplicates: list[Finding], budget: _Budget) -> Any:
    budget.values += 1
    if budget.values > MAX_VALUES:
        raise _TooBig(node.start_mark, Msg(
            f"more than {MAX_VALUES:,} values once aliases are expanded",
            f"展開別名後超過 {MAX_VALUES:,} 個值"))
    if id(node) in budget.path:
        raise _TooBig(node.start_mark, Msg("an anchor that contains itself",
                                           "錨點包含了自己（遞迴）"))
    if isinstance(node, yaml.CollectionNode):
        budget.path.add(id(node))
        try:
            return _collection(node, loc, source, constructor, duplicates, budget)
        finally:
            budget.path.discard(id(node))
    source.lines.setdefault(loc, node.start_mark.line + 1)
    return _scalar(node, constructor, source, loc)


def _collection(node: yaml.CollectionNode, loc: Loc, source: SourceFile,
                constructor: yaml.SafeLoader, duplicates: list[Finding], budget: _Budget) -> Any:
    source.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = (_scalar(key_node, constructor, source, loc)
                   if isinstance(key_node, yaml.ScalarNode)
                   else _build(key_node, (), SourceFile(source.path, None), constructor,
                               duplicates, budget))
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
            result[key] = _build(value_node, (*loc, key), source, constructor, duplicates,
                                 budget)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, index), source, constructor, duplicates, budget)
                for index, item in enumerate(node.value)]
    raise TypeError(f"not a collection: {node!r}")


def _scalar(node: yaml.Node, constructor: yaml.SafeLoader, source: SourceFile, loc: Loc
            ) -> Any:
    """A scalar's value; a malformed timestamp like 2025-02-30 stays text for the schema.

    A lone surrogate (``"\\ud800"``) cannot be written to any UTF-8 file: refused here, at
    its line, rather than as a crash when a page is written.
    """
    try:
        value = constructor.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        value = node.value
    if isinstance(value, str):
        control = _CONTROL.search(value)
        if control:
            raise _TooBig(node.start_mark, Msg(
                f"a text holds the control character U+{ord(control.group()):04X}",
                f"文字含有控制字元 U+{ord(control.group()):04X}"),
                Msg("remove the escape (\\x00, \\e, …) from the text",
                    "請移除文字中的跳脫字元（\\x00、\\e 等）"))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _TooBig(node.start_mark, Msg(
                "a text holds a lone surrogate escape (\\ud800–\\udfff), which is no "
                "character", "文字含有單獨的代理字元跳脫（\\ud800–\\udfff），不是有效字元"),
                Msg("remove the escape or write the character itself",
                    "請移除該跳脫字元，或直接寫出該字")) from None
    return value
