"""The spot-check registry: which sites the ministry checks, read with line numbers.

Officers edit this YAML by hand, so every error names the file, the line and the field, says
what is wrong and how to fix it (interfaces.md), and no input they can write gives a traceback.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DEFAULT_MAX_AGE_DAYS = 90
#: A century: any longer "maximum age" is a typo (and overflows date arithmetic).
MAX_AGE_LIMIT = 36_500
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TOP_KEYS = {"max_age_days", "sites"}
_SITE_KEYS = {"id", "name", "url"}


class RegistryError(Exception):
    """A registry the check cannot run on; ``str()`` is the message for the user."""


@dataclass(frozen=True)
class Site:
    """One registered alliance website."""

    id: str
    name: str
    url: str


@dataclass(frozen=True)
class Registry:
    """The parsed registry: the sites in file order and the freshness limit."""

    path: Path
    max_age_days: int
    sites: tuple[Site, ...]
    #: SHA-256 of the file's bytes: with the absolute path, what identifies a run.
    digest: str = ""


def load_registry(path: Path) -> Registry:
    """Read and validate ``path``; raise :class:`RegistryError` listing every problem found."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise RegistryError(f"{path}:1: nested too deeply to be a registry; a registry is a "
                            "list of sites, each with id, name and url") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise RegistryError(
            f"{path}:{line}: not valid YAML ({problem}); check indentation and quoting"
        ) from None
    errors: list[str] = []

    def err(node: yaml.Node | None, field: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        errors.append(f"{path}:{line}: {field}: {message}")

    if not isinstance(root, yaml.MappingNode):
        err(root, "(top level)", "must be a mapping with `sites:` (and optionally "
            "`max_age_days:`); see the example in interfaces.md")
        raise RegistryError("\n".join(errors))
    top = _keyed(root, "(top level)", err)
    for key, (knode, _v) in top.items():
        if key not in _TOP_KEYS:
            err(knode, str(key), "unknown key; allowed keys are max_age_days and sites")

    max_age = DEFAULT_MAX_AGE_DAYS
    if "max_age_days" in top:
        node = top["max_age_days"][1]
        value = _scalar(node)
        if not (isinstance(value, int) and not isinstance(value, bool)
                and 0 < value <= MAX_AGE_LIMIT):
            err(node, "max_age_days", f"{node.value!r} is not a whole number of days from 1 "
                f"to {MAX_AGE_LIMIT}; write e.g. `max_age_days: 90`")
        else:
            max_age = value

    sites: list[Site] = []
    if "sites" not in top:
        err(root, "sites", "missing; list the sites to check, each with id, name and url")
    else:
        node = top["sites"][1]
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            err(node, "sites", "must be a non-empty list of sites, each `- id: …` with "
                "name and url")
        else:
            seen: dict[str, int] = {}
            for i, item in enumerate(node.value):
                site = _site(item, f"sites[{i}]", err, seen)
                if site:
                    sites.append(site)
    if errors:
        raise RegistryError("\n".join(errors))
    return Registry(path=path, max_age_days=max_age, sites=tuple(sites),
                    digest=hashlib.sha256(raw).hexdigest())


def _url_problem(url: str) -> str | None:
    """What is wrong with a site's address, or None."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a port that is not a number from 0 to 65535
    except ValueError as exc:
        return f"is not a valid address ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an http(s) address"
    if port == 0:
        return "has port 0, which no server listens on"
    if any(c.isspace() for c in url):
        return "contains spaces"
    return None


def _keyed(mapping: yaml.MappingNode, where: str, err
           ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """A mapping's entries by key; a key that is not plain text (``? [a, b]``) is reported."""
    entries: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in mapping.value:
        if isinstance(key, yaml.ScalarNode):
            entries[key.value] = (key, value)
        else:
            err(key, where, "a key must be a plain word such as `sites` or `url`")
    return entries


def _scalar(node: yaml.Node) -> object:
    """The Python value of a scalar node, resolved the way SafeLoader would; None for a
    node that is not a scalar or a tag SafeLoader refuses (``!!binary zz``)."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    try:
        return yaml.SafeLoader(b"").construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError):
        return None


def _site(item: yaml.Node, where: str, err, seen: dict[str, int]) -> Site | None:
    """Validate one entry of ``sites``; report through ``err`` and return None when invalid."""
    if not isinstance(item, yaml.MappingNode):
        err(item, where, "must be a mapping with id, name and url")
        return None
    fields = _keyed(item, where, err)
    ok = all(isinstance(key, yaml.ScalarNode) for key, _ in item.value)
    for key, (knode, _v) in fields.items():
        if key not in _SITE_KEYS:
            err(knode, f"{where}.{key}", "unknown key; a site has id, name and url")
            ok = False
    values: dict[str, str] = {}
    for key in ("id", "name", "url"):
        if key not in fields:
            err(item, f"{where}.{key}", f"missing; every site needs `{key}:`")
            ok = False
            continue
        vnode = fields[key][1]
        value = _scalar(vnode)
        if not isinstance(value, str) or not value.strip():
            err(vnode, f"{where}.{key}", "must be non-empty text")
            ok = False
            continue
        values[key] = value.strip()
    if "id" in values:
        vnode = fields["id"][1]
        if not _ID_RE.match(values["id"]):
            err(vnode, f"{where}.id", f"{values['id']!r} is not a valid id; use lower-case "
                "letters, digits, '-' and '_' (the alliance's folder name)")
            ok = False
        elif values["id"] in seen:
            err(vnode, f"{where}.id", f"{values['id']!r} is listed twice (first on line "
                f"{seen[values['id']]}); give each site its own id")
            ok = False
        else:
            seen[values["id"]] = vnode.start_mark.line + 1
    if "url" in values:
        vnode = fields["url"][1]
        problem = _url_problem(values["url"])
        if problem:
            err(vnode, f"{where}.url", f"{values['url']!r} {problem}; write the site's home "
                "page, e.g. https://demo.example.edu.tw/")
            ok = False
    if not ok:
        return None
    url = values["url"]
    if not urlsplit(url).path:
        url += "/"
    return Site(id=values["id"], name=values["name"], url=url)
