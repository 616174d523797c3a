"""Compiled theme templates kept across MkDocs builds: in memory, and on disk between runs.

MkDocs makes a new Jinja environment for every build and compiles Material's templates
again (≈0.7 s a build). A worker builds many alliances and both languages, so the hook puts
this cache on each new environment: in memory within a process, and in Jinja's per-user
cache folder for the next ``alliance build`` (a one-line change should not pay for
compiling the theme again). Jinja checks each template's source checksum and its own
bytecode version, so an edited theme or another Python is compiled anew.

The report's and the portal's own environments use it too: compiling ``report.html.j2``
alone cost 0.15 s of every build.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self, disk: BytecodeCache | None = None) -> None:
        self._store: dict[str, bytes] = {}
        self._disk = disk

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self._disk is not None:
            self._disk.load_bytecode(bucket)
            if bucket.code is not None:
                self._store[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            self._disk.dump_bytecode(bucket)


CACHE = MemoryBytecodeCache(FileSystemBytecodeCache())
