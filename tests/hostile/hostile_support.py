"""Helpers of the hostile corpus: a copy of the example, validation and CLI runs, HTML audits."""

from __future__ import annotations

import html.parser
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.commands.validate import findings_for
from generator.diagnostics import Finding, Severity

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "alliances" / "smart-sensing"


def copy_example(tmp: Path) -> Path:
    """``<tmp>/project/alliances/smart-sensing``, with the real base mkdocs.yml beside it."""
    root = tmp / "project"
    (root / "alliances").mkdir(parents=True)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    folder = root / "alliances" / "smart-sensing"
    shutil.copytree(EXAMPLE, folder)
    return folder


def findings(folder: Path) -> list[Finding]:
    return findings_for(folder)[1]


def errors(folder: Path) -> list[str]:
    return [f.render("en") for f in findings(folder) if f.severity is Severity.ERROR]


def warnings(folder: Path) -> list[str]:
    return [f.render("en") for f in findings(folder) if f.severity is Severity.WARNING]


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def cli(*args: str, cwd: Path, timeout: float = 60, env: dict[str, str] | None = None) -> Run:
    """``alliance ARGS`` in a subprocess, as a user runs it."""
    done = subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(REPO),
                               **(env or {})})
    return Run(done.returncode, done.stdout, done.stderr)


_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}


class _Audit(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in ("iframe", "object", "embed", "frame", "base"):
            self.found.append(f"<{tag}>")
        if tag == "script":
            self._script_type = values.get("type", "")
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in _URL_ATTRS and "".join(value.split()).lower().startswith(
                    ("javascript:", "vbscript:", "data:text/html")):
                self.found.append(f"{tag} {name}={value[:40]}")
            if name == "http-equiv" and value.lower() == "refresh" and \
                    "javascript:" in values.get("content", "").lower():
                self.found.append("meta refresh javascript:")

    def handle_data(self, data: str) -> None:
        if self._script_type is not None and "XSS" in data:
            kind = self._script_type
            if kind != "application/ld+json":
                self.found.append(f"<script> running {data.strip()[:40]!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script_type = None


def active_content(html_text: str) -> list[str]:
    """Script elements that run planted code, event handlers, javascript: URLs, frames."""
    audit = _Audit()
    audit.feed(html_text)
    audit.close()
    return audit.found


# -- hostile markup in every text field ------------------------------------------------------

PAYLOAD = '<script>XSS()</script><img src=x onerror=XSS()>"\'><a href="javascript:XSS()">j</a>'


def _text_paths(value: object, loc: tuple) -> list[tuple]:
    """Where the validated model holds a text (LocalText), as paths into the YAML data."""
    from pydantic import BaseModel

    from generator.model.types import LocalText

    if isinstance(value, LocalText):
        return [loc]
    if isinstance(value, BaseModel):
        return [p for name in type(value).model_fields
                for p in _text_paths(getattr(value, name), (*loc, name))]
    if isinstance(value, (list, tuple)):
        return [p for i, item in enumerate(value) for p in _text_paths(item, (*loc, i))]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in _text_paths(item, (*loc, key))]
    return []


def _poison(data: object, loc: tuple) -> bool:
    for part in loc[:-1]:
        try:
            data = data[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return False
    last = loc[-1]
    try:
        value = data[last]  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        return False
    if isinstance(value, str):
        data[last] = value + PAYLOAD  # type: ignore[index]
    elif isinstance(value, dict):
        for lang in ("zh", "en"):
            if isinstance(value.get(lang), str):
                value[lang] += PAYLOAD
    return True


def poison_every_text(folder: Path) -> int:
    """Append :data:`PAYLOAD` to every text field of the YAML, posts and pages; returns how many.

    Highlights' points keep the 250-character limit (R8): only their first point is poisoned.
    """
    import yaml

    from generator.loader import load_alliance

    result = load_alliance(folder)
    assert result.alliance is not None, result.findings
    alliance = result.alliance
    count = 0
    for name, model in (("alliance.yml", alliance.info), ("members.yml", alliance.members),
                        ("activities.yml", alliance.activities),
                        ("outcomes.yml", alliance.outcomes)):
        path = folder / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for loc in _text_paths(model, ()):
            if "points" in loc and loc[-1] != 0:
                continue
            count += _poison(data, loc)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    for post in sorted((folder / "news").glob("*.md")):
        text = post.read_text(encoding="utf-8")
        head, _, body = text.partition("\n---\n")
        head = head.replace('title: "', 'title: "' + PAYLOAD.replace('"', "'"), 1)
        post.write_text(f"{head}\n---\n{body}\n\n{PAYLOAD}\n", encoding="utf-8")
        count += 2
    pages = folder / "pages"
    pages.mkdir(exist_ok=True)
    quoted = PAYLOAD.replace("'", "")
    (pages / "hostile.md").write_text(
        f"---\ntitle: '{quoted}'\ndescription: '{quoted}'"
        f"\n---\n\n# {PAYLOAD}\n\n{PAYLOAD}\n\n<div onmouseover=\"XSS()\">x</div>\n"
        "<iframe src=\"https://evil.example/\"></iframe>\n[e](media/../evidence/x.pdf)\n",
        encoding="utf-8")
    return count + 3


@dataclass
class Planted:
    texts: int  # text fields that carry PAYLOAD
    evidence: list[bytes]  # the contents of every evidence file


def plant_metadata(folder: Path) -> None:
    """Camera EXIF/XMP/GPS in a published photo, an author in the published PDF (ZQX…)."""
    import pikepdf
    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = "ZQXARTIST"
    exif[0x8825] = {1: "N", 2: (25.0, 2.0, 3.0)}
    for photo in sorted((folder / "media").rglob("*.jpg")):  # pages' and reports' photos
        with Image.open(photo) as image:
            image.convert("RGB").save(
                photo, "JPEG", exif=exif.tobytes(),
                xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">ZQXXMP</x:xmpmeta>')
    form = folder / "media" / "application-form.pdf"
    with pikepdf.open(form, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Author"] = "ZQXAUTHOR"
        pdf.docinfo["/Title"] = "ZQXTITLE"
        pdf.save(form)


def plant_everything(folder: Path) -> Planted:
    texts = poison_every_text(folder)
    plant_metadata(folder)
    post = sorted((folder / "news").glob("*.md"))[-1]
    with post.open("a", encoding="utf-8") as handle:
        handle.write("\n[c](media/../evidence/contracts/x.pdf) "
                     "<a href='../evidence/receipts/r.pdf'>r</a>\n\n"
                     "[ref]: %2E%2E/evidence/visits/v.pdf\n")
    evidence = [p.read_bytes() for p in (folder / "evidence").rglob("*") if p.is_file()]
    return Planted(texts, evidence)
