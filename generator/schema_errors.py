"""Pydantic's validation errors, retold for a PI's assistant in English and Chinese.

Pydantic knows *what* failed and the path; the YAML marks know the line. This module joins
the two and replaces the library's wording with a sentence that says how to fix it,
including a did-you-mean for misspelt keys and values.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Finding, error
from .i18n import Msg
from .yamlmarks import Loc, SourceFile


def schema_findings(exc: ValidationError, source: SourceFile, model: Any, base: Loc = (),
                    shown_base: Loc = ()) -> Iterator[Finding]:
    """One finding per pydantic error of a value validated at ``base`` in ``source``.

    ``model`` is the type that was validated (for the known keys at each level);
    ``shown_base`` is the part of the path shown to the user (empty for a record of a
    list file, whose messages are relative to the record, as the spec's example shows).
    """
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        split = _comma_split(err, _value_at(source.data, (*base, *loc[:-1])), loc)
        message, fix = split if split is not None else explain(err, model, loc)
        yield error(
            source.where((*base, *loc), (*shown_base, *loc)),
            message, fix, rule=_rule(err),
            record=_record_label(source, base),
        )


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _comma_split(err: Any, parent: Any, loc: Loc) -> tuple[Msg, Msg] | None:
    """``{en: Services, benefits and how to join}``: the comma ended the text.

    YAML reads the words after a comma inside ``{…}`` as a new key with no value, so pydantic
    sees an unknown key; the person wrote one text with a comma in it. Recognised by the
    empty unknown key that follows a key holding text.
    """
    if err["type"] != "extra_forbidden" or err.get("input") is not None or not loc:
        return None
    if not isinstance(parent, dict):
        return None
    keys = list(parent)
    name = loc[-1]
    index = keys.index(name) if name in keys else 0
    if index == 0 or not isinstance(parent[keys[index - 1]], str):
        return None
    before = keys[index - 1]
    whole = f'{before}: "{parent[before]}, {name}"'
    return (Msg(f"the text after the comma, '{name}', was read as a new key: inside {{…}} a "
                "comma separates keys",
                f"逗號後面的文字「{name}」被當成新的欄位：在 {{…}} 裡，逗號用來分隔欄位"),
            Msg(f"put the whole text in quotes: {whole}", f"請把整段文字用引號括起來：{whole}"))


def _record_label(source: SourceFile, base: Loc) -> str | None:
    data = source.data
    for part in base:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        return f"{source.path.name}:{data['id']}"
    return None


def _rule(err: Any) -> str | None:
    ctx = err.get("ctx") or {}
    return ctx.get("rule") or None


def explain(err: Any, model: Any, loc: Loc) -> tuple[Msg, Msg | None]:
    """What one pydantic error means for the person who wrote the value, and the fix."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    name = str(loc[-1]) if loc else ""
    if kind == "alliance":
        fix = Msg(ctx["fix_en"], ctx["fix_zh"]) if ctx.get("fix_en") else None
        return Msg(err["msg"], ctx["zh"]), fix
    if kind == "missing":
        if name == "alt":
            return (Msg("the image has no alt text", "圖片缺少替代文字 alt"),
                    Msg("add alt: describing the picture for people who cannot see it",
                        "請加上 alt: 描述圖片內容，讓看不到圖片的人也能理解"))
        return (Msg(f"the required key '{name}' is missing", f"缺少必填欄位「{name}」"),
                Msg(f"add {name}: …", f"請加上 {name}: …"))
    if kind == "extra_forbidden":
        known = _known_keys(model, loc[:-1])
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            return (Msg(f"unknown key '{name}'", f"未知的欄位「{name}」"),
                    Msg(f"did you mean '{close[0]}'?", f"是不是「{close[0]}」？"))
        listing = ", ".join(known)
        return (Msg(f"unknown key '{name}'", f"未知的欄位「{name}」"),
                Msg(f"remove it; the keys here are: {listing}",
                    f"請刪除；這裡可用的欄位有：{listing}"))
    if kind == "literal_error":
        expected = [e.strip(" '") for e in str(ctx.get("expected", "")).replace(" or ", ", ")
                    .split(", ")]
        close = difflib.get_close_matches(str(value), expected, n=1)
        choice = " / ".join(expected)
        hint = (Msg(f"did you mean '{close[0]}'? (one of: {choice})",
                    f"是不是「{close[0]}」？（可用：{choice}）") if close
                else Msg(f"use one of: {choice}", f"請用其中之一：{choice}"))
        if name == "kind" and isinstance(value, list):
            return (Msg("an activity has exactly one kind", "每個活動只能有一種類別"),
                    Msg("pick one: an event is counted once, under one item",
                        "請擇一：同一場活動只能認列在一個項目"))
        return Msg(f"'{value}' is not allowed here", f"這裡不能填「{value}」"), hint
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return (Msg(f"'{value}' is not a whole number", f"「{value}」不是整數"),
                Msg("write a number without quotes, e.g. 3", "請填不加引號的數字，例如 3"))
    if kind in ("string_type",):
        return (Msg(f"expected text, got {type(value).__name__}",
                    f"應為文字，卻是{_KIND_ZH.get(type(value).__name__, '其它型別')}"),
                Msg("put the value in quotes", "請用引號括起來"))
    if kind == "list_type":
        extra = (Msg("; an activity has exactly one kind", "；每個活動只能有一種類別")
                 if name == "kind" else Msg("", ""))
        return (Msg("expected a list", "應為清單") + extra,
                Msg("write one entry per line, each starting with '- '",
                    "請每行一筆，以「- 」開頭"))
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return (Msg("expected a mapping of keys", "應為「欄位: 值」的對應"),
                Msg("write 'key: value' lines indented under this key",
                    "請在此欄位下縮排寫「欄位: 值」"))
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        word_en = {"greater_than_equal": "at least", "greater_than": "more than",
                   "less_than_equal": "at most", "less_than": "less than"}[kind]
        word_zh = {"greater_than_equal": "至少", "greater_than": "大於",
                   "less_than_equal": "至多", "less_than": "小於"}[kind]
        return (Msg(f"{value} is out of range", f"{value} 超出範圍"),
                Msg(f"it must be {word_en} {bound}", f"必須{word_zh} {bound}"))
    if kind == "too_short":
        return (Msg("this list is empty", "這個清單是空的"),
                Msg("add at least one entry", "請至少填一筆"))
    if kind in ("bool_type", "bool_parsing"):
        return Msg(f"'{value}' is not true or false", f"「{value}」不是 true 或 false"), None
    if kind == "date_from_datetime_inexact" or kind.startswith("date"):
        return (Msg(f"'{value}' is not a date", f"「{value}」不是日期"),
                Msg("write it as YYYY-MM-DD", "請寫成 YYYY-MM-DD"))
    # A library message has no Chinese: say what is known (the value) rather than mix.
    return Msg(err["msg"], f"「{value}」的格式不符" if value is not None else "格式不符"), None


# How a Chinese message names the YAML type a value turned out to be.
_KIND_ZH = {"int": "整數", "float": "數字", "bool": "是非值（true/false）", "list": "清單",
            "dict": "「欄位: 值」的對應", "NoneType": "空值", "date": "日期",
            "datetime": "日期時間"}


def _known_keys(model: Any, loc: Loc) -> list[str]:
    """The keys a mapping at ``loc`` may hold, found by walking the model's annotations."""
    target = _type_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _type_at(tp: Any, loc: Loc) -> Any:
    for part in loc:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
            field = tp.model_fields.get(part)
            if field is None:
                return None
            tp = field.annotation
        elif origin in (list, tuple):
            tp = typing.get_args(tp)[0]
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        else:
            return None
    return _unwrap(tp)


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional so that the model behind a field can be seen."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp
