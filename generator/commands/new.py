"""``alliance new ID``: a commented scaffold that validates as it is and shows every key.

The scaffold is plain files under ``generator/scaffold/`` with ``__ID__``, ``__YEAR__`` and
``__NEXT__`` filled in, so what a new alliance starts from can be read and reviewed as YAML.
"""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

from ..calendar import performance_year_of
from ..editor_schema import FOLDER as SCHEMA_FOLDER
from ..editor_schema import write_schemas
from ..i18n import Lang, Msg
from ..model.types import ID_PATTERN
from ..sheets.columns import ALL_TABLES
from ..sheets.write import write_workbook

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
WORKFLOW = Path(".github/workflows/alliance-pages.yml")
TEXT_SUFFIXES = {".yml", ".md", ".txt"}
WORKBOOK = "alliance-data.xlsx"


def run(alliance_id: str, alliances: Path, root: Path, lang: Lang,
        today: date | None = None, commands: tuple[str, ...] = ()) -> int:
    if not ID_PATTERN.match(alliance_id):
        print(Msg(f"'{alliance_id}' is not a valid id — use lowercase letters, digits and '-'",
                  f"「{alliance_id}」不是合法的 id — 只能用小寫英文字母、數字與「-」")(lang),
              file=sys.stderr)
        return 2
    target = alliances / alliance_id
    if target.exists():
        print(Msg(f"{target} already exists — choose another id or remove it",
                  f"{target} 已存在 — 請換一個 id 或先移除")(lang), file=sys.stderr)
        return 1
    year = performance_year_of(today or date.today())
    values = {"__ID__": alliance_id, "__YEAR__": str(year), "__NEXT__": str(year + 1)}
    staging = alliances / f".{alliance_id}.new"
    shutil.rmtree(staging, ignore_errors=True)
    for source in sorted(SCAFFOLD.rglob("*")):
        if source.is_dir():
            continue
        relative = Path(_fill(str(source.relative_to(SCAFFOLD)), values))
        destination = staging / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in TEXT_SUFFIXES:
            destination.write_text(_fill(source.read_text(encoding="utf-8"), values),
                                   encoding="utf-8")
        else:
            shutil.copyfile(source, destination)
    # The assistant's spreadsheet, empty: the same sheets 'alliance import' reads back.
    write_workbook(staging / WORKBOOK, [(table, []) for table in ALL_TABLES])
    staging.rename(target)
    print(Msg(f"created {target}", f"已建立 {target}")(lang))
    write_schemas(root / SCHEMA_FOLDER)  # what the files' yaml-language-server line points at
    workflow = root / WORKFLOW
    if not workflow.exists():
        workflow.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCAFFOLD.parent / "workflows" / "alliance-pages.yml", workflow)
        print(Msg(f"added {WORKFLOW}: pushes to main build and deploy the site to GitHub Pages",
                  f"已新增 {WORKFLOW}：推送到 main 時自動建置並部署到 GitHub Pages")(lang))
    if alliance_id in commands:
        print(Msg(f"note: '{alliance_id}' is also an 'alliance' command; it works as an id "
                  f"after a command (alliance validate {alliance_id}), but 'alliance "
                  f"{alliance_id}' alone runs the command — when in doubt write the path, "
                  f"alliance validate ./alliances/{alliance_id}",
                  f"注意：「{alliance_id}」也是 alliance 的指令名稱；放在指令之後可當聯盟 id 使用"
                  f"（alliance validate {alliance_id}），但單獨執行「alliance {alliance_id}」"
                  f"會執行該指令 — 不確定時請寫路徑：alliance validate ./alliances/{alliance_id}"
                  )(lang), file=sys.stderr)
    print(Msg(f"{WORKBOOK}: fill it in Excel and run 'alliance import {alliance_id} members "
              f"{target / WORKBOOK}' (its 說明 sheet lists every column)",
              f"{WORKBOOK}：可用 Excel 填寫後執行「alliance import {alliance_id} members "
              f"{target / WORKBOOK}」（說明工作表列出每一欄）")(lang))
    print(Msg(f"next: edit the YAML, then run 'alliance validate {alliance_id}'",
              f"下一步：編輯 YAML，再執行「alliance validate {alliance_id}」")(lang))
    return 0


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(key, value)
    return text
