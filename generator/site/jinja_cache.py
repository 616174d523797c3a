"""Compiled theme templates kept across MkDocs builds in one process.

MkDocs makes a new Jinja environment for every build and compiles Material's templates
again (≈0.7 s a build). A worker builds many alliances and both languages, so the hook puts
this in-memory bytecode cache on each new environment; Jinja still checks each template's
source checksum, so an edited theme is recompiled.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()
