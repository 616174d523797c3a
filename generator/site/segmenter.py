"""jieba, the Chinese word segmenter Material's search uses: loaded fast, and the same for
every build.

**Loading.** jieba keeps its prefix dictionary (498,113 entries) as a ``marshal`` file; loading
it takes 1.17 s on this machine, the largest fixed cost of a one-line ``alliance build``.
The same dictionary stored as its words (UTF-8, one per line) and their counts (an int64
array) loads in 0.17 s. :func:`load` keeps that form in the build's cache folder, keyed by
jieba's version and the digest of its dictionary file, and fills jieba's tokenizer from it;
without it (first run, or a damaged file) jieba loads itself and the file is written. The
file holds data only (no pickle), so a stranger's file cannot run code.

**Isolation.** Material's search adds each alliance's own words (its user dictionary) to
jieba's one global tokenizer, and they stay there: a worker that built alliance A segmented
alliance B with A's words. :func:`isolated` puts the dictionary back after each build.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import struct
from array import array
from collections.abc import Iterator
from pathlib import Path

from ..atomic import write_atomic

_MAGIC = b"alliance-jieba-1\n"
_HEAD = struct.Struct("<qq")  # entries, total


def _key() -> str:
    import jieba

    source = Path(jieba.__file__).with_name("dict.txt")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return f"{getattr(jieba, '__version__', '0')}-{digest}"


def _read(path: Path) -> tuple[dict[str, int], int] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(_MAGIC) or len(data) < len(_MAGIC) + _HEAD.size:
        return None
    count, total = _HEAD.unpack_from(data, len(_MAGIC))
    start = len(_MAGIC) + _HEAD.size
    counts = array("q")
    counts.frombytes(data[start:start + 8 * count])
    try:
        words = data[start + 8 * count:].decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return None
    if len(counts) != count or len(words) != count:
        return None
    return dict(zip(words, counts, strict=True)), total


def _write(path: Path, freq: dict[str, int], total: int) -> None:
    write_atomic(path, _MAGIC + _HEAD.pack(len(freq), total)
                 + array("q", freq.values()).tobytes() + "\n".join(freq).encode("utf-8"))


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "alliance-tools"


def load(cache: Path | None = None) -> None:
    """jieba's default dictionary, from ``cache`` when it holds it (else written there)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it announces its loading on stderr
    tokenizer = jieba.dt
    if tokenizer.initialized or tokenizer.dictionary not in (None, jieba.DEFAULT_DICT):
        return
    path = (cache or cache_folder()) / f"jieba-{_key()}.bin"
    found = _read(path)
    if found is None:
        tokenizer.initialize()
        if not any("\n" in word for word in tokenizer.FREQ):
            with contextlib.suppress(OSError):  # a read-only cache costs speed, not results
                _write(path, tokenizer.FREQ, tokenizer.total)
        return
    with tokenizer.lock:
        tokenizer.FREQ, tokenizer.total = found
        tokenizer.initialized = True


@contextlib.contextmanager
def isolated() -> Iterator[None]:
    """One build's user words, gone after it (jieba's tokenizer is global to the process)."""
    import jieba

    load()
    tokenizer = jieba.dt
    freq, total = dict(tokenizer.FREQ), tokenizer.total
    tags = dict(tokenizer.user_word_tag_tab)
    try:
        yield
    finally:
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.user_word_tag_tab = tags
