"""Turn a copy of the example into a hostile one: canaries in private fields, unsafe markup.

Every field the public view may not publish gets a unique string (``canary_walk`` finds
them by walking the model); the privacy test then looks for each of them in every file
under site/. Hostile markup tests the sanitiser.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from canary_walk import plant

HOSTILE_MEMBER = "<b>Evil&Co</b> 惡意公司"


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def tamper(folder: Path) -> dict[str, str]:
    canaries: dict[str, str] = {}

    def canary(kind: str) -> str:
        value = f"ZQXCANARY{len(canaries):04d}"
        canaries[value] = kind
        return value

    def evidence(_old: str | None, kind: str) -> str:
        name = canary(kind)
        path = folder / "evidence" / "planted" / f"{name}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"private evidence {canary(kind + ' (file content)')}\n")
        return f"evidence/planted/{name}.pdf"

    # A media file referenced only by private records must not be copied.
    private_media = f"media/{canary('media file used only by private records')}.jpg"
    shutil.copyfile(folder / "media" / "members" / "csmi.png", folder / private_media)
    plant(folder, canary, evidence, private_media)

    members = _load(folder / "members.yml")
    hostile = next(m for m in members if m.get("public"))
    hostile["name"] = HOSTILE_MEMBER
    hostile["website"] = "javascript:alert('XSS-WEB')"
    _dump(folder / "members.yml", members)

    info = _load(folder / "alliance.yml")
    info["tagline"]["zh"] = '"><script>alert("XSS-TAGLINE")</script>'
    info["about"]["zh"] += (
        '\n\n<script>alert("XSS-ABOUT")</script>\n\n'
        '<img src="x.png" onerror="alert(\'XSS-IMG\')">\n\n'
        "[click me](javascript:alert('XSS-LINK'))\n\n"
        "[private file](evidence/planted/whatever.pdf)\n"
    )
    _dump(folder / "alliance.yml", info)

    post = sorted((folder / "news").glob("*.md"))[-1]
    text = post.read_text(encoding="utf-8")
    text = text.replace("title: ", 'title: "</title><script>alert(1)</script>" #', 1)
    post.write_text(text + (
        '\n\n<script>alert("XSS-POST")</script>\n\n'
        '<a href="javascript:alert(\'XSS-POSTLINK\')" onclick="alert(\'XSS-CLICK\')">x</a>\n'
    ), encoding="utf-8")

    pages = folder / "pages"
    pages.mkdir(exist_ok=True)
    (pages / "visit-us.md").write_text(
        "---\ntitle: 交通資訊\n---\n\n# 交通資訊\n\n搭乘高鐵至臺中站，轉乘計程車約 20 分鐘。\n\n"
        "下載[入會申請書](media/application-form.pdf)。\n\n"
        '<iframe src="https://evil.example/"></iframe>\n\n'
        '<div onmouseover="alert(\'XSS-FREE\')">hover</div>\n',
        encoding="utf-8")
    return canaries
