"""``alliance export ID [WHAT …] --format xlsx|csv``: the YAML's tables as a spreadsheet.

The file holds private data (contracts, representatives, phones), so it goes to
``build/private/<id>/`` by default and never under ``site/``, where everything is published.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from ..i18n import Lang, Msg
from ..sheets.columns import GROUPS, Table
from ..sheets.read import SheetError
from ..sheets.roundtrip import document_shape, load
from ..sheets.write import cell_value, records, write_workbook


def default_out(root: Path, alliance_id: str, fmt: str) -> Path:
    folder = root / "build" / "private" / alliance_id
    return folder / f"{alliance_id}-data.xlsx" if fmt == "xlsx" else folder / "csv"


def run(folder: Path, what: list[str], fmt: str, out: Path | None, lang: Lang,
        root: Path) -> int:
    unknown = [w for w in what if w not in GROUPS]
    if unknown:
        print(Msg(f"alliance: export takes {', '.join(GROUPS)}, not {', '.join(unknown)}",
                  f"alliance：export 可用 {', '.join(GROUPS)}，不是 {', '.join(unknown)}")(lang),
              file=sys.stderr)
        return 2
    target = out or default_out(root, folder.name, fmt)
    resolved = target.resolve()
    if resolved == (root / "site").resolve() or (root / "site").resolve() in resolved.parents:
        print(Msg(f"alliance: {target} is under site/, where everything is published; the "
                  "workbook holds private contract data — use build/private/",
                  f"alliance：{target} 位於 site/，該處一切都會公開；活頁簿含私密的合約資料 — "
                  "請改用 build/private/")(lang), file=sys.stderr)
        return 2
    tables: list[tuple[Table, list[dict]]] = []
    try:
        for group in what or list(GROUPS):
            for table in GROUPS[group]:
                _, data = load(folder / table.file, document_shape(table))
                tables.append((table, records(data, table)))
    except SheetError as exc:
        for problem in exc.problems:
            print(problem.render(lang), file=sys.stderr)
        return 1
    if fmt == "xlsx":
        write_workbook(target, tables)
        written = [target]
    else:
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for table, rows in tables:
            path = target / f"{table.name}.csv"
            with path.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow([c.header for c in table.columns])
                for record in rows:
                    writer.writerow(["" if (v := cell_value(record, c)) is None else
                                     str(v).upper() if isinstance(v, bool) else v
                                     for c in table.columns])
            written.append(path)
    for path in written:
        print(path)
    print(Msg("private: contract details are in this file — keep it off public places",
              "私密：此檔含合約等私密資料，請勿上傳或公開")(lang), file=sys.stderr)
    return 0
