"""Turn a copy of the example into a hostile one: canaries in private fields, unsafe markup.

Every private field of alliance-format.md gets a unique string; the privacy test then looks
for each of them in every file under site/. Hostile markup tests the sanitiser.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

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

    def evidence(kind: str) -> str:
        name = canary(kind)
        path = folder / "evidence" / "planted" / f"{name}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"private evidence {canary(kind + ' (file content)')}\n")
        return f"evidence/planted/{name}.pdf"

    # A media file referenced only by private records must not be copied.
    private_media = f"media/{canary('media file used only by private records')}.jpg"
    shutil.copyfile(folder / "media" / "members" / "csmi.png", folder / private_media)

    members = _load(folder / "members.yml")
    hostile_done = False
    for member in members:
        for contract in member.get("contracts", []):
            contract["representative"] = canary("contract representative")
            contract["address"] = canary("contract address")
            contract["phone"] = canary("contract phone")
            contract["evidence"] = evidence("contract evidence")
        if not member.get("public", False):
            member["name"] = {"zh": canary("non-consenting member name (zh)"),
                              "en": canary("non-consenting member name (en)")}
            member["website"] = f"https://{canary('non-consenting member website')}.example/"
            member["logo"] = {"src": private_media,
                              "alt": canary("non-consenting member logo alt")}
        elif not hostile_done:
            member["name"] = HOSTILE_MEMBER
            member["website"] = "javascript:alert('XSS-WEB')"
            hostile_done = True
    _dump(folder / "members.yml", members)

    activities = _load(folder / "activities.yml")
    for activity in activities:
        activity["evidence"] = [evidence("activity evidence")]
        public = activity.get("public", activity["kind"] in ("promotion", "seminar"))
        if not public:
            activity["title"] = canary(f"{activity['kind']} title (not public)")
            activity["summary"] = canary(f"{activity['kind']} summary (not public)")
            activity["photos"] = [{"src": private_media,
                                   "alt": canary("private activity photo alt")}]
    _dump(folder / "activities.yml", activities)

    outcomes = _load(folder / "outcomes.yml")
    for income in outcomes.get("income", []):
        income["payer"] = canary("income payer")
        income["note"] = canary("income note")
        income["evidence"] = evidence("income evidence")
    for kind in ("products", "technologies"):
        for record in outcomes.get(kind, []):
            record["evidence"] = [evidence(f"{kind} evidence")]
            if record.get("public", True) is False:
                record["title"] = canary(f"{kind} title (not public)")
                record["summary"] = canary(f"{kind} summary (not public)")
                record["photos"] = [{"src": private_media, "alt": canary("private photo alt")}]
    for kind in ("transfers", "projects"):
        for record in outcomes.get(kind, []):
            record["evidence"] = evidence(f"{kind} evidence")
    for record in outcomes.get("member_outcomes", []):
        record["note"] = canary("member outcome note")
    _dump(folder / "outcomes.yml", outcomes)

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
