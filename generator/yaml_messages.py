"""YAML syntax errors told in plain words, with the fix, in English and Chinese.

PyYAML reports what its scanner expected ("found character '\\t' that cannot start any
token", "expected ',' or '}', but got ':'"), which means nothing to an assistant. The mistakes
people actually make are few — a tab, a colon or comma inside text, a missing space after
``key:``, an unclosed quote or brace, a line that does not line up — and each is recognised
here from the error and the text of the lines around it, so that the message can quote the
line and show the corrected form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from .i18n import Msg

LineOf = Callable[[int], str]

# ``key:value`` at the start of a line (after an optional list dash), but not ``https://``.
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?!//)([^\s].*)$")
_GENERIC_FIX = Msg(
    "indent with spaces only, keep items of one list or mapping in the same column, and put "
    "text that contains ': ', ' #' or, inside {…}, a comma in quotes",
    "縮排只能用空格，同一層的項目要對齊同一欄；文字中含有「: 」、「 #」，或在 {…} 裡含有逗號時，"
    "請用引號括起來")


@dataclass(frozen=True)
class SyntaxProblem:
    """What went wrong, where (1-based line), and how to fix it."""

    line: int | None
    message: Msg
    fix: Msg


def explain(exc: yaml.MarkedYAMLError, text: str) -> SyntaxProblem:
    """The plain-words account of a PyYAML syntax error in ``text``."""
    lines = text.splitlines()
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    row = mark.line if mark is not None else 0
    col = mark.column if mark is not None else 0
    start = exc.context_mark.line if exc.context_mark is not None else row

    def line(index: int) -> str:
        return lines[index] if 0 <= index < len(lines) else ""

    for found in (_tab(line, row), _missing_space(line, min(start, row) - 1, row),
                  _flow(context, problem, line, exc, row, col),
                  _quote(context, exc), _colon_in_value(problem, line(row), row, col)):
        if found is not None:
            return found
    where_en = f"line {row + 1}, column {col + 1}"
    where_zh = f"第 {row + 1} 行第 {col + 1} 欄"
    return SyntaxProblem(
        row + 1,
        Msg(f"the YAML cannot be read near {where_en} ({problem or context})",
            f"{where_zh}附近的 YAML 無法解讀"),
        _GENERIC_FIX)


def _tab(line: LineOf, row: int) -> SyntaxProblem | None:
    for index in (row, row - 1):
        text = line(index)
        if "\t" in text:
            column = text.index("\t") + 1
            return SyntaxProblem(
                index + 1,
                Msg(f"line {index + 1} has a tab character (column {column}); YAML allows "
                    "only spaces",
                    f"第 {index + 1} 行第 {column} 欄有 Tab 字元；YAML 只能用空格"),
                Msg("replace the tab with spaces (two per level of indentation); in VS Code: "
                    "'Convert Indentation to Spaces'",
                    "請把 Tab 換成空格（每層縮排兩個空格）；VS Code 可用「將縮排轉換為空格」"))
    return None


def _missing_space(line: LineOf, first: int, last: int) -> SyntaxProblem | None:
    for index in range(max(first, 0), last + 1):
        match = _NO_SPACE.match(line(index))
        if match:
            lead, key, value = match.groups()
            written = f"{key}:{value}"
            fixed = f"{lead.lstrip()}{key}: {value}"
            return SyntaxProblem(
                index + 1,
                Msg(f"'{written}' on line {index + 1} has no space after ':', so it is read as "
                    "text, not as a key",
                    f"第 {index + 1} 行的「{written}」在「:」後面少了空格，會被當成文字而不是欄位"),
                Msg(f"write '{fixed}'", f"請寫成「{fixed}」"))
    return None


def _flow(context: str, problem: str, line: LineOf, exc: yaml.MarkedYAMLError, row: int,
          col: int) -> SyntaxProblem | None:
    if "flow" not in context or exc.context_mark is None:
        return None
    opened = exc.context_mark.line
    if opened != row or "end>" in problem:
        bracket = line(opened)[exc.context_mark.column:exc.context_mark.column + 1] or "{"
        closing = "]" if bracket == "[" else "}"
        return SyntaxProblem(
            opened + 1,
            Msg(f"the '{bracket}' on line {opened + 1} is never closed",
                f"第 {opened + 1} 行的「{bracket}」沒有對應的「{closing}」"),
            Msg(f"close it on the same line with '{closing}', or put the text in quotes",
                f"請在同一行以「{closing}」結尾，或把文字用引號括起來"))
    text = line(row)
    if "':'" not in problem:
        return None
    begin = max(text.rfind("{", 0, col), text.rfind(",", 0, col)) + 1
    ends = [i for i in (text.find(",", col), text.find("}", col)) if i != -1]
    segment = text[begin:min(ends) if ends else len(text)].strip()
    key, _, value = segment.partition(": ")
    fixed = f'{key}: "{value}"' if value else f'"{segment}"'
    return SyntaxProblem(
        row + 1,
        Msg(f"the text '{value or segment}' on line {row + 1} contains ': ' inside {{…}}, where "
            "a colon separates a key from its value",
            f"第 {row + 1} 行的文字「{value or segment}」在 {{…}} 裡含有「: 」，而冒號在這裡用來"
            "分隔欄位與值"),
        Msg(f"put the text in quotes: {fixed}", f"請用引號括起來：{fixed}"))


def _quote(context: str, exc: yaml.MarkedYAMLError) -> SyntaxProblem | None:
    if "quoted scalar" not in context or exc.context_mark is None:
        return None
    opened = exc.context_mark.line + 1
    return SyntaxProblem(
        opened,
        Msg(f"the quote opened on line {opened} is never closed",
            f"第 {opened} 行開始的引號沒有結尾"),
        Msg("add the closing quote at the end of the text (a quote inside the text is "
            "written twice in '…', or as \\\" in \"…\")",
            "請在文字結尾補上引號（文字中的單引號在 '…' 裡要寫兩次，雙引號在 \"…\" 裡寫成 \\\"）"))


def _colon_in_value(problem: str, text: str, row: int, col: int) -> SyntaxProblem | None:
    if "mapping values are not allowed" not in problem:
        return None
    first = text.find(": ")
    stripped = text.strip()
    if 0 <= first < col:  # a second ': ' on the line: the value holds a colon
        key, value = text[:first].strip(), text[first + 2:].strip()
        fixed = f'{key}: "{value}"'
        return SyntaxProblem(
            row + 1,
            Msg(f"the value on line {row + 1} contains ': ', which YAML reads as a new key",
                f"第 {row + 1} 行的值含有「: 」，YAML 會把它當成新的欄位"),
            Msg(f"put the value in quotes: {fixed}", f"請把值用引號括起來：{fixed}"))
    return SyntaxProblem(
        row + 1,
        Msg(f"line {row + 1} ('{stripped}') is indented more than the key above it",
            f"第 {row + 1} 行（「{stripped}」）比上面的欄位縮排得更深"),
        Msg("line it up with the key above it, or, if it belongs under that key, leave that "
            "key's value empty",
            "請與上面的欄位對齊；若它屬於上面的欄位，該欄位冒號後面不要寫值"))

