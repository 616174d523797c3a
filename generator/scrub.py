"""Published copies without the metadata a camera or an office suite hides in files.

A phone photo carries the GPS position and the owner's name (EXIF, XMP); a PDF carries its
author, title and editing history (document info, XMP). Readers need none of that, so every
image and PDF under ``media/`` is rewritten on its way into the site and into the report:

- images (Pillow): re-saved without EXIF, XMP, comments or text chunks; the EXIF rotation is
  applied to the pixels first, so the photo still stands the right way up;
- PDFs (pikepdf): document info and XMP removed, and the actions that would run when the
  file opens (JavaScript, open actions); pages and text are untouched.

Other types are copied as they are (:data:`generator.userfiles.MEDIA_SUFFIXES`).
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
from pathlib import Path

from .i18n import Msg
from .userfiles import Refused, open_regular

IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}
# Document-level entries that run or carry metadata; pages keep their own content.
_PDF_ROOT_DROP = ("/Metadata", "/OpenAction", "/AA", "/PieceInfo")
_ANIMATION = ("duration", "loop", "transparency", "background", "disposal", "blend")


def cleaned(path: Path) -> bytes:
    """The bytes to publish for ``path`` (already accepted by the file boundary).

    Read through :func:`~generator.userfiles.open_regular`: if the file was swapped for a
    symlink or a FIFO since it was judged, nothing is read.
    """
    suffix = path.suffix.lower()
    with open_regular(path, f"media/{path.name}") as handle:
        data = handle.read()
    if suffix not in IMAGES and suffix != ".pdf":
        return data
    key = (suffix, path.name, hashlib.sha256(data).digest())
    done = _CLEANED.get(key)
    if done is None:
        done = _image(path, data) if suffix in IMAGES else _pdf(path, data)
        _CLEANED[key] = done
        while sum(len(v) for v in _CLEANED.values()) > _CLEANED_BYTES and len(_CLEANED) > 1:
            del _CLEANED[next(iter(_CLEANED))]
    return done


#: Cleaned copies by the source's bytes: the live preview regenerates every page on each
#: save, and re-encoding the example's 60 images cost about 0.1 s of every save (measured).
#: The name is in the key because a refusal names the file. Oldest dropped past the bound.
_CLEANED: dict[tuple[str, str, bytes], bytes] = {}
_CLEANED_BYTES = 64 * 1024 * 1024


def copy_clean(source: Path, target: Path) -> None:
    """``source`` published at ``target``: cleaned, or streamed as it is (a video)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    suffix = source.suffix.lower()
    if suffix in IMAGES or suffix == ".pdf":
        target.write_bytes(cleaned(source))
        return
    with open_regular(source, f"media/{source.name}") as handle, target.open("wb") as out:
        shutil.copyfileobj(handle, out)


def _unreadable(path: Path, what: str, problem: object) -> Refused:
    return Refused(
        Msg(f"media/{path.name}: the {what} cannot be read ({problem})",
            f"media/{path.name}：無法讀取此{'圖片' if what == 'image' else ' PDF'}（{problem}）"),
        Msg("export it again from the original (PNG/JPEG, or an unencrypted PDF)",
            "請從原始檔重新匯出（PNG/JPEG，或未加密的 PDF）"))


def _image(path: Path, data: bytes) -> bytes:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or "PNG"
            frames = getattr(image, "n_frames", 1)
            icc = image.info.get("icc_profile")
            if frames > 1:  # an animation: keep its frames and timing, drop the rest
                image.info = {k: v for k, v in image.info.items() if k in _ANIMATION}
                out = io.BytesIO()
                image.save(out, format=kind, save_all=True, icc_profile=icc)
                return out.getvalue()
            upright = ImageOps.exif_transpose(image)  # a copy, turned as EXIF says
            # What a reader needs of the old info; EXIF, XMP and comments stay behind.
            upright.info = {k: v for k, v in upright.info.items()
                            if k in ("transparency", "dpi")}
            options: dict[str, object] = {"format": kind}
            if icc:
                options["icc_profile"] = icc
            if kind == "JPEG":
                options.update(quality=92, optimize=True)
            out = io.BytesIO()
            upright.save(out, **options)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise _unreadable(path, "image", exc) from None


def _pdf(path: Path, data: bytes) -> bytes:
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for key in _PDF_ROOT_DROP:
                if key in pdf.Root:
                    del pdf.Root[key]
            names = pdf.Root.get("/Names")
            if names is not None and "/JavaScript" in names:
                del names["/JavaScript"]
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True)
            return out.getvalue()
    except (pikepdf.PdfError, pikepdf.PasswordError, OSError) as exc:
        # qpdf names the in-memory stream ("stream <_io.BytesIO object at …>: "): not for people
        raise _unreadable(path, "PDF", re.sub(r"^stream <[^>]*>:\s*", "", str(exc))) from None
