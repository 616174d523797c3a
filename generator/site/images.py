"""Pictures that load fast and do not move the page: their size, and WebP beside JPEG.

Every ``<img>`` gets its ``width``/``height`` (the browser reserves the space before the
file arrives: no layout shift) and every JPEG whose WebP is smaller a WebP twin offered
through ``<picture>``; the JPEG stays for browsers without WebP. Sizes come from the file's
header, so reading them costs nothing; WebP files are written once per source content.
Every file is reached through the file boundary (``userfiles.public_file``) and each WebP is
made from the cleaned image (``scrub.cleaned``: upright, no EXIF/XMP), like the JPEG beside it.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from functools import cache
from pathlib import Path

from PIL import Image

from .. import scrub, userfiles
from ..atomic import write_atomic

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
        try:
            path = userfiles.public_file(self.root, src).real
            stamp = path.stat().st_mtime_ns
        except (userfiles.Refused, OSError):
            return None  # the copy into the site refuses it, with the reason
        return _size(path, stamp)

    def webp_of(self, src: str) -> str | None:
        """``media/x.jpg`` → ``media/x.webp`` when the WebP is smaller (a JPEG that is
        already small can come out larger: then only the JPEG is offered); else None."""
        if not src.lower().endswith(_JPEG) or self.size(src) is None:
            return None
        source = userfiles.public_file(self.root, src).real
        if self._converted(src).stat().st_size >= source.stat().st_size:
            return None
        self.webp.add(src)
        return src.rsplit(".", 1)[0] + ".webp"

    def write(self, docs: Path) -> None:
        """The WebP twins the pages use into a language build's ``docs/``."""
        for src in sorted(self.webp):
            target = docs / (src.rsplit(".", 1)[0] + ".webp")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self._converted(src), target)

    def _converted(self, src: str) -> Path:
        """The WebP of the cleaned ``src``, converted once per content (cached across builds)."""
        path = userfiles.public_file(self.root, src).real
        cached = _webp(path, path.stat().st_mtime_ns, self.cache_dir)
        if not cached.is_file():  # the cache folder was emptied under a long-lived preview
            _webp.cache_clear()
            cached = _webp(path, path.stat().st_mtime_ns, self.cache_dir)
        return cached


@cache
def _webp(path: Path, stamp: int, cache_dir: Path) -> Path:  # stamp: a changed file redoes it
    """Cleaning re-encodes the image, so it is done once per file and process, not once per
    page that shows it."""
    data = scrub.cleaned(path)
    digest = hashlib.sha256(data).hexdigest()[:20]
    cached = cache_dir / f"{digest}-q{WEBP_QUALITY}.webp"
    if not cached.is_file():
        webp = io.BytesIO()
        with Image.open(io.BytesIO(data)) as picture:
            picture.convert("RGB").save(webp, "WEBP", quality=WEBP_QUALITY, method=4)
        write_atomic(cached, webp.getvalue())
    return cached


@cache
def _size(path: Path, stamp: int) -> tuple[int, int] | None:  # stamp: a changed file re-reads
    try:
        with Image.open(path) as picture:
            width, height = picture.size
            turned = picture.getexif().get(0x0112) in (5, 6, 7, 8)  # EXIF orientation
            return (height, width) if turned else (width, height)  # as published: upright
    except (OSError, SyntaxError):  # not a raster image Pillow knows (e.g. SVG)
        return None
