"""Pictures that load fast and do not move the page: their size, and WebP beside JPEG.

Every ``<img>`` gets its ``width``/``height`` (the browser reserves the space before the
file arrives: no layout shift) and every JPEG whose WebP is smaller a WebP twin offered
through ``<picture>``; the JPEG stays for browsers without WebP. Sizes come from the file's
header, so reading them costs nothing; WebP files are written once per source content.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from functools import cache
from pathlib import Path

from PIL import Image

WEBP_QUALITY = 80
_JPEG = (".jpg", ".jpeg")


class Images:
    """The media of one alliance folder (``root``), as the pages reference them."""

    def __init__(self, root: Path, cache_dir: Path) -> None:
        self.root = root
        self.cache_dir = cache_dir
        self.webp: set[str] = set()  # media/….jpg whose WebP twin the pages use

    def size(self, src: str) -> tuple[int, int] | None:
        """Width and height in pixels; None for what Pillow does not read (SVG)."""
        path = self.root / src
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return None
        return _size(path, stamp)

    def webp_of(self, src: str) -> str | None:
        """``media/x.jpg`` → ``media/x.webp`` when the WebP is smaller (a JPEG that is
        already small can come out larger: then only the JPEG is offered); else None."""
        if not src.lower().endswith(_JPEG) or self.size(src) is None:
            return None
        source = self.root / src
        if self._converted(source).stat().st_size >= source.stat().st_size:
            return None
        self.webp.add(src)
        return src.rsplit(".", 1)[0] + ".webp"

    def write(self, docs: Path) -> None:
        """The WebP twins the pages use into a language build's ``docs/``."""
        for src in sorted(self.webp):
            target = docs / (src.rsplit(".", 1)[0] + ".webp")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self._converted(self.root / src), target)

    def _converted(self, source: Path) -> Path:
        """The WebP of ``source``, converted once per content (cached across builds)."""
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:20]
        cached = self.cache_dir / f"{digest}-q{WEBP_QUALITY}.webp"
        if not cached.is_file():
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            with Image.open(source) as picture:
                picture.convert("RGB").save(temporary, "WEBP", quality=WEBP_QUALITY, method=4)
            temporary.replace(cached)
        return cached


@cache
def _size(path: Path, stamp: int) -> tuple[int, int] | None:  # stamp: a changed file re-reads
    try:
        with Image.open(path) as picture:
            return picture.size
    except (OSError, SyntaxError):  # not a raster image Pillow knows (e.g. SVG)
        return None
