"""JSON Schemas of the YAML files, generated from the pydantic model, for editors.

VS Code's YAML extension (and any yaml-language-server client) reads a
``# yaml-language-server: $schema=…`` line and then completes keys, shows hover text and
marks errors as the assistant types. The schema is derived from the same model ``validate``
uses, so the two cannot disagree about keys and types; only the *input* shape of our custom
value types (text as a string or ``{zh, en}``, ISO dates, ids, paths) is spelt out here,
keyed by the validator function that defines it, because pydantic only sees the output type.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..model import Activity, AllianceInfo, Member
from ..model import types as value_types
from ..model.alliance import Targets
from ..model.outcomes import EvidenceList, Outcomes, Patent
from ..model.sheet_keys import KPI_ORDER
from .descriptions import MODEL_DOCS, joined, key_doc

DIALECT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas"

# Which schema checks which file of an alliance folder.
FILES: dict[str, Any] = {
    "alliance.yml": AllianceInfo,
    "members.yml": list[Member],
    "activities.yml": list[Activity],
    "outcomes.yml": Outcomes,
}


def schema_name(file_name: str) -> str:
    """``members.yml`` → ``members.schema.json``."""
    return file_name.removesuffix(".yml") + ".schema.json"


def modeline(file_name: str) -> str:
    """The editor's line, relative to ``alliances/<id>/`` where every alliance lives."""
    return f"# yaml-language-server: $schema=../../{FOLDER}/{schema_name(file_name)}"


def _annotated_validator(annotated: Any) -> Callable[..., Any]:
    """The validator function inside ``Annotated[T, BeforeValidator(f)]``."""
    return typing.get_args(annotated)[1].func


# The input each custom value type accepts, keyed by its validator function.
_INPUTS: dict[Callable[..., Any], JsonSchemaValue] = {
    value_types._id: {"type": "string", "pattern": value_types.ID_PATTERN.pattern,
                      "examples": ["acme-tech"]},
    value_types._date: {"type": "string", "format": "date",
                        "pattern": r"^\d{4}-\d{2}-\d{2}$", "examples": ["2025-03-01"]},
    value_types._month: {"anyOf": [
        {"type": "string", "pattern": r"^\d{4}-?(0[1-9]|1[0-2])$"},
        {"type": "integer", "minimum": 100001, "maximum": 999912},
    ], "examples": ["2024-03"]},
    value_types._count: {"type": "integer", "minimum": 0, "examples": [3]},
    value_types._money: {"type": "number", "minimum": 0, "examples": [30]},
    value_types._bool: {"type": "boolean"},
    _annotated_validator(value_types.MediaPath): {
        "type": "string", "pattern": r"^media/(?!.*\.\.)", "examples": ["media/logo.png"]},
    _annotated_validator(value_types.EvidencePath): {
        "type": "string", "pattern": r"^evidence/(?!.*\.\.)",
        "examples": ["evidence/contract.pdf"]},
    _annotated_validator(EvidenceList): {"anyOf": [
        {"type": "string", "pattern": r"^evidence/(?!.*\.\.)"},
        {"type": "array", "items": {"type": "string", "pattern": r"^evidence/(?!.*\.\.)"}},
    ]},
    Patent.model_fields["number"].metadata[0].func: {
        "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}]},
}
_TARGETS_CHECK = typing.get_args(Targets)[1].func


class _EditorSchema(GenerateJsonSchema):
    """Pydantic's generator, taught the input shapes of our value types."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema
                               ) -> JsonSchemaValue:
        function = schema["function"]["function"]
        if function is value_types._text:  # a string, or {zh, en} as the model's LocalText
            mapping = self.generate_inner(schema["schema"])
            return {"anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "number"}, mapping],
                    "examples": ["中文", {"zh": "中文", "en": "English"}]}
        known = _INPUTS.get(function)
        if known is not None:
            return json.loads(json.dumps(known))
        return super().function_before_schema(schema)

    def function_after_schema(self, schema: core_schema.AfterValidatorFunctionSchema
                              ) -> JsonSchemaValue:
        result = super().function_after_schema(schema)
        if schema["function"]["function"] is _TARGETS_CHECK:
            result["propertyNames"] = {"enum": list(KPI_ORDER)}
        return result

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        result = super().dict_schema(schema)
        keys = schema.get("keys_schema") or {}
        if keys.get("type") == "int":  # a year: YAML's 2025 key reaches the editor as "2025"
            result.pop("propertyNames", None)
            result["propertyNames"] = {"pattern": r"^\d{4}$"}
        return result


def build_schema(file_name: str) -> dict[str, Any]:
    """The JSON Schema of one alliance file, with both languages' hover text."""
    target = FILES[file_name]
    schema = TypeAdapter(target).json_schema(schema_generator=_EditorSchema)
    defs = schema.get("$defs", {})
    if "properties" in schema:  # a mapping file: its model is the root
        _describe(typing.cast(type[BaseModel], target).__name__, schema)
    for name, definition in defs.items():
        _describe(name, definition)
    _drop_titles(schema)
    head = {"$schema": DIALECT, "$id": schema_name(file_name),
            "title": f"{file_name} — alliance data format 1"}
    if "properties" not in schema and (model := _item_model(target)) is not None:
        head["description"] = joined(MODEL_DOCS[model.__name__])
    return {**head, **schema}


def _item_model(target: Any) -> type[BaseModel] | None:
    args = typing.get_args(target)
    return args[0] if args else None


def _describe(model_name: str, definition: dict[str, Any]) -> None:
    doc = MODEL_DOCS.get(model_name)
    if doc is not None:
        definition["description"] = joined(doc)
    for key, prop in definition.get("properties", {}).items():
        key_text = key_doc(model_name, key)
        if key_text is not None:
            prop["description"] = joined(key_text)
            prop["markdownDescription"] = f"**{key}** — {key_text[0]}  \n{key_text[1]}"


def _drop_titles(node: Any) -> None:
    """Pydantic's automatic titles ("Team", "Other Results") would hide our hover text."""
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            node.pop("title")
        for value in node.values():
            _drop_titles(value)
    elif isinstance(node, list):
        for item in node:
            _drop_titles(item)


def write_schemas(folder: Path) -> list[Path]:
    """Write one ``<file>.schema.json`` per alliance YAML file; returns what was written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name in FILES:
        path = folder / schema_name(file_name)
        text = json.dumps(build_schema(file_name), ensure_ascii=False, indent=2) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
