"""Fingerprints of a page's main text: what a rebuild cannot fake.

Measured (known-traps.md): after a rebuild that rewrote every file, Last-Modified, ETag,
sitemap lastmod, raw-HTML hashes and htmldate all flagged every page as changed; only a hash of
the main text (``maintext``; trafilatura's then), with dates masked, flagged exactly the pages
edited.
SHA-256 says *whether* the text changed; SimHash says *how much* (Hamming distance of 64-bit
fingerprints), which the report shows so an officer can tell a typo from a new article.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from site_checks.evidence.volatile import mask_volatile

_SPACE = re.compile(r"\s+")
_SHINGLE = 4


@dataclass(frozen=True)
class Fingerprint:
    """SHA-256 (hex) and SimHash (64-bit int) of a page's masked main text."""

    sha256: str
    simhash: int
    length: int


def blocks(main_text: str) -> tuple[str, ...]:
    """The non-empty lines (paragraphs, cells) of ``main_text``, in order, each masked
    (``volatile``), lower-cased and whitespace-collapsed: the input of both hashes.

    The text is masked once as a whole, a tenth of the cost of masking line by line."""
    lines = (_SPACE.sub(" ", line).strip() for line in mask_volatile(main_text).splitlines())
    return tuple(line.lower() for line in lines if line)


def fingerprint_blocks(text_blocks: list[str] | tuple[str, ...]) -> Fingerprint:
    """Fingerprint of a page's main text given as normalised blocks (see :func:`blocks`)."""
    norm = " ".join(text_blocks)
    return Fingerprint(
        sha256=hashlib.sha256(norm.encode("utf-8")).hexdigest(),
        simhash=simhash(norm),
        length=len(norm),
    )


def simhash(text: str) -> int:
    """Charikar's SimHash over character 4-grams (works for Han text without segmentation)."""
    if not text:
        return 0
    shingles = {text[i:i + _SHINGLE] for i in range(max(1, len(text) - _SHINGLE + 1))}
    blake2b = hashlib.blake2b
    raw = b"".join([blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles])
    # All 64-bit hashes as one bit string, shingle after shingle; column j is bits[j::64].
    # One big-int conversion and 64 strided counts keep the vote in C (half the time of a
    # per-shingle format() and zip(*…); same result).
    bits = format(int.from_bytes(raw), f"0{len(raw) * 8}b")
    half = len(shingles) / 2
    return int("".join(["1" if bits[j::64].count("1") > half else "0" for j in range(64)]), 2)


def distance(a: int, b: int) -> int:
    """Hamming distance between two SimHashes: 0 is the same text, ~32 unrelated texts."""
    return (a ^ b).bit_count()
