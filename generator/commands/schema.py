"""``alliance schema``: write the JSON Schemas that let an editor check YAML as it is typed.

The schemas live in ``schemas/`` at the project root, where the
``# yaml-language-server: $schema=../../schemas/…`` line of every alliance file finds them.
"""

from __future__ import annotations

from pathlib import Path

from ..editor_schema import FOLDER, write_schemas
from ..i18n import Lang, Msg


def run(out: Path | None, root: Path, lang: Lang) -> int:
    folder = out or root / FOLDER
    for path in write_schemas(folder):
        print(Msg(f"wrote {path}", f"已寫入 {path}")(lang))
    print(Msg("editors with the YAML extension (VS Code: redhat.vscode-yaml) now complete keys "
              "and mark errors in files carrying the '# yaml-language-server: $schema=…' line",
              "安裝 YAML 擴充套件的編輯器（VS Code：redhat.vscode-yaml）會在含有"
              "「# yaml-language-server: $schema=…」那一行的檔案中自動補全欄位並標示錯誤")(lang))
    return 0
