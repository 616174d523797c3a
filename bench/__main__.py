"""``python -m bench``: every benchmark in turn, or the ones named (``site``, ``spotcheck``,
``portal``, ``preview``)."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = ("site", "spotcheck", "portal", "preview")


def main(argv: list[str]) -> int:
    names = argv or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"bench: unknown benchmark {', '.join(unknown)}; choose from "
              f"{', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    for name in names:
        print(f"\n== bench.{name} ==", flush=True)
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
