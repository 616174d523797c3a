"""``alliance build``: every alliance (or the ones named) into ``site/<id>/`` plus the portal.

Exit codes: 0 built; 1 an alliance's data is invalid or MkDocs failed (``--strict``: any
MkDocs warning) — and then ``site/`` is left exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from ..i18n import Lang, Msg
from ..loader import discover
from ..model.types import web_url_problem
from ..paths import alliances_dir
from ..progress import bar
from ..site.pipeline import (
    BuildOptions,
    Outcome,
    echo,
    exclusive,
    make_staging,
    run_builds,
    swap_in,
)
from ..site.search_index import SearchIndexError, stop_early


def run(folders: list[Path], out: Path, lang: Lang, root: Path, strict: bool = False,
        jobs: int | None = None) -> int:
    base_url = os.environ.get("ALLIANCE_SITE_URL") or None
    problem = web_url_problem(base_url) if base_url else None
    if problem:
        echo(Msg(f"alliance: ALLIANCE_SITE_URL '{base_url}' is not a web address: {problem} — "
                 "set it to e.g. https://www.example.edu.tw/alliances",
                 f"alliance：ALLIANCE_SITE_URL「{base_url}」不是網址：{problem} — "
                 "請設為例如 https://www.example.edu.tw/alliances")(lang), error=True)
        return 2
    options = BuildOptions(root=root, out=out.resolve(), strict=strict, jobs=jobs, lang=lang,
                           base_url=base_url)
    return build(folders, options)


def build(folders: list[Path], options: BuildOptions) -> int:
    """One build at a time per output folder: the second waits for the first."""
    with exclusive(options.out, options.lang):
        return _build(folders, options)


def _build(folders: list[Path], options: BuildOptions) -> int:
    lang = options.lang
    started = time.perf_counter()
    all_alliances = discover(alliances_dir(options.root))
    building_all = {f.resolve() for f in folders} == {f.resolve() for f in all_alliances}
    staging = make_staging(options.out)
    failed: list[Outcome] = []

    def _warn(outcome: Outcome) -> None:
        for warning in outcome.warnings:
            echo(Msg("  warning: ", "  警告：")(lang) + warning, error=True)

    def report(outcome: Outcome) -> None:
        if outcome.skipped:
            echo(Msg(f"{outcome.id}: unchanged", f"{outcome.id}：未變更")(lang))
        elif outcome.ok and outcome.reused:
            kept_en, kept_zh = " and ".join(outcome.reused), "、".join(outcome.reused)
            echo(Msg(f"{outcome.id}: built ({outcome.seconds:.1f} s); {kept_en} unchanged, "
                     "kept as they were",
                     f"{outcome.id}：已建置（{outcome.seconds:.1f} 秒）；"
                     f"{kept_zh} 未變更，沿用")(lang))
            _warn(outcome)
        elif outcome.ok:
            echo(Msg(f"{outcome.id}: built zh-TW and en ({outcome.seconds:.1f} s)",
                     f"{outcome.id}：已建置 zh-TW 與 en（{outcome.seconds:.1f} 秒）")(lang))
            _warn(outcome)
        else:
            failed.append(outcome)
            echo(outcome.messages, error=True)

    try:
        with bar(len(folders), Msg("building", "建置中")(lang)) as advance:
            def done(outcome: Outcome) -> None:
                advance(outcome.id)
                report(outcome)

            outcomes = run_builds(folders, staging, options, done)
        if failed:
            names = ", ".join(o.id for o in failed)
            echo(Msg(f"build failed for {names}: {options.out} was left unchanged",
                     f"{names} 建置失敗：{options.out} 維持原狀")(lang), error=True)
            return 1
        keep = {f.name for f in folders} if building_all else None
        indexed = swap_in(outcomes, staging, options, keep)
    except SearchIndexError as exc:
        echo(Msg(f"the portal's search index could not be written: {exc} — the sites and the "
                 "portal page are up to date; run the build again, or report this message",
                 f"無法寫入入口網的搜尋索引：{exc} — 各聯盟網站與入口網頁面已更新；"
                 "請重新建置，或回報此訊息")(lang), error=True)
        return 1
    except KeyboardInterrupt:
        echo(Msg("interrupted: site left unchanged", "已中斷：網站維持原狀")(lang), error=True)
        return 130
    finally:
        stop_early()  # a Pagefind service started for an index that was not written
        shutil.rmtree(staging, ignore_errors=True)
    if indexed:
        echo(Msg(f"portal: {indexed} pages of every alliance in the search index",
                 f"入口網：搜尋索引收錄所有聯盟共 {indexed} 頁")(lang))
    elapsed = time.perf_counter() - started
    echo(Msg(f"done in {elapsed:.1f} s — open {options.out / 'index.html'}",
             f"完成（{elapsed:.1f} 秒）— 請開啟 {options.out / 'index.html'}")(lang))
    return 0
