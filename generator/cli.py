"""The ``alliance`` command: one entry point, one subcommand per verb.

Exit codes (interfaces.md): 0 done; 1 invalid input or a failed check; 2 wrong usage.
Heavy back ends (MkDocs, WeasyPrint, LinkChecker) are imported only by the verb that needs
them, so ``alliance validate`` stays quick.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from datetime import date
from pathlib import Path

from .i18n import Lang, Msg, detect_lang
from .loader import discover, resolve_alliance_dir
from .paths import alliances_dir, project_root
from .sheets.columns import GROUPS

LANGS = ("en", "zh")


class UsageError(Exception):
    """Wrong usage: printed with the hint and exit code 2, like argparse's own errors."""


# Every option a user types is checked here, where argparse reads it: a bad value is a usage
# error naming the option (exit 2), never an exception deep inside a command (exit 70).
FIRST_YEAR, LAST_YEAR = 1912, 9998  # ROC 1 … the last year whose next year date() can hold
MAX_JOBS = 256


def _in_range(option: str, low: int, high: int, hint: str = ""):
    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{option} takes a whole number, not '{text}'"
                                             ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{option} {text} is out of range ({low}–{high}){hint}")
        return value
    check.__name__ = option  # argparse names the type in its own messages
    return check


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--year takes a year such as 2025, not '{text}'"
                                         ) from None
    if 1 <= value < FIRST_YEAR:
        raise argparse.ArgumentTypeError(
            f"--year {text} is not a Gregorian year — write {value + 1911} for ROC {value}"
            if value < 200 else f"--year {text} is out of range ({FIRST_YEAR}–{LAST_YEAR})")
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"--year {text} is out of range ({FIRST_YEAR}–{LAST_YEAR})")
    return value


def _out_path(option: str, folder: bool):
    """An output path: not under a file; a folder for ``build``, a file for ``report``."""
    def check(text: str) -> Path:
        path = Path(text)
        if not text.strip():
            raise argparse.ArgumentTypeError(f"{option} needs a path")
        if path.exists() and path.is_dir() != folder:
            raise argparse.ArgumentTypeError(
                f"{option} {text} is a {'file' if folder else 'folder'}: give "
                f"{'a folder (it is created if missing)' if folder else 'a file name'}")
        for parent in path.absolute().parents:
            if parent.exists() and not parent.is_dir():
                raise argparse.ArgumentTypeError(f"{option} {text}: {parent} is a file, "
                                                 "not a folder")
        return path
    check.__name__ = option
    return check


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alliance",
        description="Sites, reports and KPI sheets for industry–academia small alliances "
                    "(產學小聯盟), and the ministry's spot check of their sites.",
    )
    parser.add_argument("--lang", choices=LANGS,
                        help="language of messages, anywhere on the line (default: from the "
                             "locale)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = sub.add_parser("new", help="scaffold alliances/ID with commented YAML")
    new.add_argument("id")

    validate = sub.add_parser("validate", help="check format and ministry rules")
    validate.add_argument("alliances", nargs="*", metavar="ID_OR_DIR")
    validate.add_argument("--date", help="check the years begun by this day, YYYY-MM-DD "
                                         "(default: today)")

    build = sub.add_parser("build", help="build the sites into site/")
    build.add_argument("alliances", nargs="*", metavar="ID_OR_DIR")
    build.add_argument("--out", type=_out_path("--out", folder=True), default=None,
                       help="output folder (default site/)")
    build.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    build.add_argument("--jobs", "-j", type=_in_range("--jobs", 1, MAX_JOBS), default=None,
                       help="alliances built at once (default: the number of cores)")

    serve = sub.add_parser("serve", help="live preview that rebuilds on change")
    serve.add_argument("alliance", metavar="ID_OR_DIR")
    serve.add_argument("--port", type=_in_range("--port", 1, 65535), default=8000)

    report = sub.add_parser("report", help="the KPI sheet and the public summary report")
    report.add_argument("alliance", metavar="ID_OR_DIR")
    report.add_argument("--year", type=_year, required=True)
    report.add_argument("--until", metavar="MM-DD", help="cut the year, e.g. 10-31")
    report.add_argument("--format", choices=["html", "pdf", "json", "csv"], default="json")
    report.add_argument("--out", type=_out_path("--out", folder=False), default=None)
    report.add_argument("--private", action="store_true",
                        help="the PI's companion: warnings, evidence checklist, sheet")

    deadlines = sub.add_parser("deadlines", help="the next filing dates and what is missing")
    deadlines.add_argument("alliances", nargs="*", metavar="ID_OR_DIR")
    deadlines.add_argument("--date", help="today, as YYYY-MM-DD (default: today)")

    sub.add_parser("rules", help="the catalogue of the ministry's rules the data is checked by")
    sheets = sub.add_parser("import", help="members, contracts, activities, income or "
                            "outcomes from an .xlsx or .csv file into the YAML")
    sheets.add_argument("alliance", metavar="ID_OR_DIR")
    sheets.add_argument("what", choices=list(GROUPS))
    sheets.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv")
    sheets.add_argument("--map", action="append", default=[], metavar="HEADER=KEY",
                        help="read the column HEADER as KEY (e.g. '統一編號=id'); repeatable")
    sheets.add_argument("--sheet", help="the sheet to read (a CSV: which table it holds)")
    sheets.add_argument("--yes", action="store_true",
                        help="write the changes (default: show them only)")

    export = sub.add_parser("export", help="the YAML's tables as a workbook (or CSV files)")
    export.add_argument("alliance", metavar="ID_OR_DIR")
    export.add_argument("what", nargs="*", metavar="WHAT",
                        help=f"any of {', '.join(GROUPS)} (default: all)")
    export.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    export.add_argument("--out", type=Path, default=None,
                        help="output file (xlsx) or folder (csv); default build/private/ID/")

    schema = sub.add_parser("schema", help="write JSON Schemas of the YAML files for editors")
    schema.add_argument("--out", type=Path, default=None,
                        help="output folder (default schemas/)")

    sub.add_parser("spotcheck", help="the ministry's spot check of sites in a registry",
                   add_help=False)
    return parser


def _until(text: str | None, year: int) -> tuple[int, int] | None:
    """``--until MM-DD`` within performance year ``year`` (February to January)."""
    if text is None:
        return None
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})", text)
    if not match:
        raise UsageError("--until takes MM-DD, e.g. 10-31")
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(year + 1 if month == 1 else year, month, day)
    except ValueError:
        raise UsageError(f"--until {text} is not a day of performance year {year}") from None
    return month, day


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date takes YYYY-MM-DD, not '{text}'") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(f"--date {text} is out of range ({FIRST_YEAR}–{LAST_YEAR})")
    return day


def _folders(names: list[str], root: Path, lang: Lang) -> list[Path]:
    alliances = alliances_dir(root)
    if not names:
        found = discover(alliances)
        if not found:
            raise UsageError(Msg(f"no alliance under {alliances} — create one with "
                                 "'alliance new ID'",
                                 f"{alliances} 下沒有聯盟 — 請用「alliance new ID」建立")(lang))
        return found
    folders = [resolve_alliance_dir(n, alliances) for n in names]
    for name, folder in zip(names, folders, strict=True):
        if not folder.is_dir():
            raise UsageError(Msg(f"no alliance '{name}' (looked for {folder})",
                                 f"找不到聯盟「{name}」（{folder}）")(lang))
    return folders


def _take_lang(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` (or ``--lang=X``) from anywhere before ``--``; the rest, in order.

    The language is a property of the run, not of a verb, so it may follow the subcommand
    (``alliance validate demo --lang zh``) as naturally as precede it.
    """
    lang: str | None = None
    rest: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            rest.extend(argv[index:])
            break
        if arg == "--lang" and index + 1 < len(argv):
            lang, index = argv[index + 1], index + 2
            continue
        if arg.startswith("--lang="):
            lang, index = arg.split("=", 1)[1], index + 1
            continue
        rest.append(arg)
        index += 1
    if lang is not None and lang not in LANGS:
        raise UsageError(f"--lang takes {' or '.join(LANGS)}, not '{lang}'")
    return lang, rest


def commands() -> tuple[str, ...]:
    """The verbs of ``alliance``: an alliance id equal to one of them needs care (``new``)."""
    parser = _parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return tuple(action.choices)
    return ()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        explicit, argv = _take_lang(argv)
    except UsageError as exc:
        print(f"alliance: {exc}", file=sys.stderr)
        return 2
    lang = detect_lang(explicit)
    try:
        if argv and argv[0] == "spotcheck":  # only as the verb: an alliance may be called so
            from .commands import spotcheck

            return spotcheck.run(argv[1:], lang if explicit else None)
        return _dispatch(_parser().parse_args(argv), lang, project_root())
    except UsageError as exc:
        print(f"alliance: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``alliance … | head``): stop quietly
        with contextlib.suppress(OSError):  # nothing more reaches the closed pipe
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, as the shell reports a tool killed by it
    except OSError as exc:  # a path the user gave that cannot be read or written
        print(f"alliance: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the last line of defence: a message, never a traceback
        print(f"alliance: internal error ({type(exc).__name__}: {exc}) — please report it "
              "with the command and the files that caused it; run with "
              "ALLIANCE_DEBUG=1 for details", file=sys.stderr)
        if os.environ.get("ALLIANCE_DEBUG"):
            raise
        return 70


def _dispatch(args: argparse.Namespace, lang: Lang, root: Path) -> int:
    if args.command == "new":
        from .commands import new

        return new.run(args.id, alliances_dir(root), root, lang, commands=commands())
    if args.command == "validate":
        from .commands import validate

        return validate.run(_folders(args.alliances, root, lang), lang, root,
                            _day(args.date))
    if args.command == "report":
        from .commands import report

        folder = _folders([args.alliance], root, lang)[0]
        return report.run(folder, args.year, _until(args.until, args.year), args.format, args.out,
                          lang, root, args.private)
    if args.command == "build":
        from .commands import build

        out = (args.out or root / "site").resolve()
        data = alliances_dir(root).resolve()
        if data.is_relative_to(out) or out.is_relative_to(data):
            raise UsageError(Msg(
                f"--out {out} overlaps the alliance data ({data}): a build replaces what is there "
                "— choose another folder, e.g. site/",
                f"--out {out} 與聯盟資料（{data}）重疊，建置會取代其中內容 — 請改用其他資料夾，"
                "例如 site/")(lang))
        return build.run(_folders(args.alliances, root, lang), out,
                         lang, root, strict=args.strict, jobs=args.jobs)
    if args.command == "serve":
        from .commands import serve

        return serve.run(_folders([args.alliance], root, lang)[0], args.port, lang, root)
    if args.command == "deadlines":
        from .commands import deadlines

        _day(args.date)  # checked here; the command reads the text itself
        return deadlines.run(_folders(args.alliances, root, lang), args.date, lang, root)
    if args.command == "rules":
        from .commands import rules

        return rules.run(lang)
    if args.command == "import":
        from .commands import sheet_import

        folder = _folders([args.alliance], root, lang)[0]
        return sheet_import.run(folder, args.what, args.file, args.map, args.sheet, args.yes,
                                lang)
    if args.command == "export":
        from .commands import export

        folder = _folders([args.alliance], root, lang)[0]
        return export.run(folder, args.what, args.format, args.out, lang, root)
    if args.command == "schema":
        from .commands import schema

        return schema.run(args.out, root, lang)
    raise UsageError(f"unknown command {args.command}")


def run() -> None:
    """The ``alliance`` command: :func:`main`, then the process ends at once.

    A build leaves MkDocs, Material and jieba's dictionary in memory, about a million
    objects; the interpreter freed them one by one on the way out, 0.24–0.33 s of every
    ``alliance build`` (a tenth of a one-line change; measured). Everything a command
    writes is closed when it returns, its workers and services are stopped, so only the
    standard streams and logging are flushed here. Tests call :func:`main`.
    """
    import logging

    code = main()
    logging.shutdown()
    with contextlib.suppress(OSError):  # a reader that went away (``| head``) is no error
        sys.stdout.flush()
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
