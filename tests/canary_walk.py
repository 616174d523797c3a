"""Plant a canary in every field the public view may not publish, found by walking the model.

Shared by the report and site privacy tests. The walk reads the pydantic classes, not a list
of keys, so a field added to the model tomorrow gets a canary without anyone touching the
tests: it is private until :data:`generator.public.PUBLISHED` says otherwise.

Which *records* are published is the documented policy, written here independently of the
code under test: a member with ``public: true``; a record about a member only when that
member consented (and, for products and technologies, the record is public; for projects,
signed); a public activity (consulting and visits only when every member served consented).
In a published record, only the fields :data:`PUBLISHED` lists are spared.

Not plantable, and why (they would change what is counted, which the tests also compare):
dates, numbers, flags and choices (``Literal``) cannot hold a string; ``city`` decides the
region; ``licensor``/``signatory`` must equal a public team member's name (R18); references
(``member``, ``members``, ``tier``, ``income``) follow the id of what they point to, which
is itself planted (members without consent, income records, unpublished outputs).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.model import Activity, Member
from generator.model.alliance import AllianceInfo
from generator.model.outcomes import Income, MemberOutcome, MemberOutput, Outcomes
from generator.model.types import LocalText
from generator.public import PUBLISHED

Canary = Callable[[str], str]  # kind -> a unique string (upper case letters and digits)
Evidence = Callable[[str | None, str], str]  # (old path or None, kind) -> evidence/… path

REFERENCES = {"member", "members", "tier", "income"}
NOT_PLANTABLE = {"city", "licensor", "signatory"}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _args(annotation: Any) -> list[Any]:
    """The concrete types inside ``X | None``, ``Annotated[X, …]`` and ``list[X]``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _args(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for a in typing.get_args(annotation) for t in _args(a) if t is not type(None)]
    return [annotation]


def _shape(annotation: Any) -> tuple[str, Any]:
    """``(shape, model)``: text, str, model, list of model / text / str, or other."""
    for arg in _args(annotation):
        origin = typing.get_origin(arg)
        if origin is list:
            inner = _args(typing.get_args(arg)[0])[0]
            if inner is LocalText:
                return "list_text", None
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return "list_model", inner
            if inner is str:
                return "list_str", None
            return "other", None
        if arg is LocalText:
            return "text", None
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return "model", arg
        if arg is str:
            return "str", None
    return "other", None


class Planter:
    def __init__(self, folder: Path, canary: Canary, evidence: Evidence,
                 private_media: str) -> None:
        self.folder = folder
        self.canary = canary
        self.evidence = evidence
        self.private_media = private_media  # a media/ file only private records name

    def text(self, kind: str) -> dict[str, str]:
        return {"zh": self.canary(kind + " (zh)"), "en": self.canary(kind + " (en)")}

    def walk(self, model: type[BaseModel], data: dict[str, Any], published: bool,
             where: str) -> None:
        """Plant in every field of ``data`` (present or not) that may not be published."""
        spared = PUBLISHED.get(model, frozenset()) if published else frozenset()
        for name, field in model.model_fields.items():
            shape, inner = _shape(field.annotation)
            kind = f"{where}.{name}"
            if name in spared:
                if shape == "model" and isinstance(data.get(name), dict):
                    self.walk(inner, data[name], True, kind)
                elif shape == "list_model":
                    for item in data.get(name) or []:
                        if isinstance(item, dict):
                            self.walk(inner, item, True, kind)
                continue
            if name in REFERENCES or name in NOT_PLANTABLE or name == "id":
                continue
            if name == "evidence":
                old = data.get(name)
                if shape == "list_str" or isinstance(old, list):
                    olds = old or [None]
                    data[name] = [self.evidence(o, kind) for o in olds]
                else:
                    data[name] = self.evidence(old, kind)
            elif shape == "text":
                data[name] = self.text(kind)
            elif shape == "list_text":
                data[name] = [self.text(kind)]
            elif shape == "str":
                data[name] = (f"https://{self.canary(kind).lower()}.example/"
                              if name == "website" else self.canary(kind))
            elif shape == "model" and inner.__name__ == "Image":
                data[name] = {"src": self.private_media, "alt": self.text(kind + ".alt")}
            elif shape == "list_model" and inner.__name__ == "Image":
                data[name] = [{"src": self.private_media, "alt": self.text(kind + ".alt")}]
            elif shape == "model" and isinstance(data.get(name), dict):
                self.walk(inner, data[name], False, kind)
            elif shape == "list_model":
                for item in data.get(name) or []:
                    if isinstance(item, dict):
                        self.walk(inner, item, False, kind)


def plant(folder: Path, canary: Canary, evidence: Evidence, private_media: str) -> None:
    """Plant canaries in the alliance at ``folder`` (YAML rewritten in place)."""
    planter = Planter(folder, canary, evidence, private_media)
    members = _load(folder / "members.yml")
    activities = _load(folder / "activities.yml")
    outcomes = _load(folder / "outcomes.yml")
    consent = {m["id"]: bool(m.get("public", False)) for m in members}

    # Ids that identify a member or a private record are planted, their references follow.
    renamed: dict[str, str] = {}
    for member in members:
        if not consent[member["id"]]:
            renamed[member["id"]] = canary("member id").lower()
    income_ids = {i["id"]: canary("income id").lower() for i in outcomes.get("income", [])}

    for member in members:
        planter.walk(Member, member, consent[member["id"]], "member")
        member["id"] = renamed.get(member["id"], member["id"])
    _dump(folder / "members.yml", members)

    for activity in activities:
        served = activity.get("members", [])
        public = activity.get("public", activity["kind"] in ("promotion", "seminar"))
        if activity["kind"] in ("consulting", "visit"):
            public = public and all(consent.get(m, False) for m in served)
        planter.walk(Activity, activity, public, f"{activity['kind']}")
        activity["members"] = [renamed.get(m, m) for m in served]
    _dump(folder / "activities.yml", activities)

    for record in outcomes.get("income", []):
        planter.walk(Income, record, False, "income")
        record["id"] = income_ids[record["id"]]
    for list_name, field in Outcomes.model_fields.items():
        if list_name == "income":
            continue
        model = _shape(field.annotation)[1]
        for record in outcomes.get(list_name, []):
            member = record.get("member", "")
            published = consent.get(member, False) and model is not MemberOutcome
            if model is MemberOutput:
                published = published and record.get("public", True)
            if list_name == "projects":
                published = published and record.get("status", "signed") == "signed"
            planter.walk(model, record, published, list_name)
            if "member" in record:
                record["member"] = renamed.get(member, member)
            if list_name == "technical_services":
                record["income"] = income_ids.get(record["income"], record["income"])
            if not published and "id" in record:
                record["id"] = canary(f"{list_name} id").lower()
    _dump(folder / "outcomes.yml", outcomes)

    info = _load(folder / "alliance.yml")
    planter.walk(AllianceInfo, info, True, "alliance")
    _dump(folder / "alliance.yml", info)
