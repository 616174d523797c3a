"""Class 1 — the file boundary: nothing outside the alliance's public media is read or published.

Each attack is written the way the December 2026 audit found it; validation must refuse it
with the file, the line and a fix, quickly (a FIFO never hangs).
"""

from __future__ import annotations

import base64
import os
import re
import time
from pathlib import Path

import pikepdf
import pytest
from hostile_support import errors, warnings
from PIL import Image

from generator import scrub, userfiles


def _post(folder: Path, body: str, name: str = "2025-07-01-dadu-thermal-kit.md") -> Path:
    path = folder / "news" / name
    path.write_text(path.read_text(encoding="utf-8") + "\n" + body + "\n", encoding="utf-8")
    return path


def _page(folder: Path, text: str, name: str = "p.md") -> Path:
    (folder / "pages").mkdir(exist_ok=True)
    path = folder / "pages" / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_evidence_behind_media_dotdot_in_a_post_is_reported_at_its_line(alliance):
    target = "media/../evidence/contracts/c.pdf"
    post = _post(alliance, f"[合約]({target})")
    found = [w for w in warnings(alliance) if "evidence/" in w and post.name in w]
    assert len(found) == 1
    assert f"{post.name}:{_line_of(post, target)}: '{target}' points into evidence/" in found[0]
    assert "remove the link" in found[0]


@pytest.mark.parametrize("target", [
    "media/../../../etc/passwd", "../../outside.png", "%2e%2e/%2e%2e/x.png",
    "media\\..\\..\\x.png", "/etc/passwd"])
def test_a_page_link_leaving_the_alliance_is_an_error(alliance, target):
    _page(alliance, f"# 頁面\n\n![x]({target})\n")
    found = [e for e in errors(alliance) if "pages/p.md:3:" in e]
    assert found and ("outside the alliance folder" in found[0] or "absolute path" in found[0])


def test_html_attribute_links_are_judged_too(alliance):
    _page(alliance, '# x\n\n<img src="media/../../../../etc/hostname" alt="x">\n'
                    "<a href='media/../evidence/receipts/r.pdf'>r</a>\n")
    assert any("pages/p.md:3:" in e and "outside" in e for e in errors(alliance))
    assert any("pages/p.md:4:" in w and "evidence/" in w for w in warnings(alliance))


def test_a_symlink_in_media_to_a_system_file_is_refused(alliance):
    (alliance / "media" / "x.png").symlink_to("/etc/passwd")
    members = alliance / "members.yml"
    text = members.read_text(encoding="utf-8")
    first = text.index("src: media/")
    end = text.index("\n", first)
    members.write_text(text[:first] + "src: media/x.png" + text[end:], encoding="utf-8")
    found = [e for e in errors(alliance) if "symbolic link" in e]
    assert found and "members.yml:" in found[0] and "/etc/passwd" in found[0]


def test_media_folder_replaced_by_a_symlink_is_refused(alliance, tmp_path):
    outside = tmp_path / "elsewhere"
    os.rename(alliance / "media", outside)
    (alliance / "media").symlink_to(outside)
    found = [e for e in errors(alliance) if "leaves media/ through a symbolic link" in e]
    assert len(found) > 10  # every logo, photo and the application form


def test_a_post_image_that_is_an_svg_or_a_symlink_is_refused_at_its_line(alliance):
    (alliance / "media" / "x.svg").write_text("<svg onload='alert(1)'/>")
    (alliance / "media" / "y.jpg").symlink_to("/etc/hostname")
    post = alliance / "news" / "2025-07-01-dadu-thermal-kit.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("src: media/products/dadu-thermal-kit.jpg", "src: media/x.svg"),
                    encoding="utf-8")
    twin = alliance / "news" / "2025-07-01-dadu-thermal-kit.en.md"
    twin.write_text(twin.read_text(encoding="utf-8").replace(
        "src: media/products/dadu-thermal-kit.jpg", "src: media/y.jpg"), encoding="utf-8")
    found = errors(alliance)
    line = _line_of(post, "src: media/x.svg")
    assert any(f"{post.name}:{line}:" in e and "is not published" in e for e in found), found
    assert any(twin.name in e and "symbolic link" in e for e in found), found


def test_a_page_that_is_a_symlink_to_a_system_file_is_refused(alliance):
    (alliance / "pages").mkdir()
    (alliance / "pages" / "p.md").symlink_to("/etc/passwd")
    found = [e for e in errors(alliance) if "pages/p.md" in e]
    assert found and "symbolic link" in found[0]


def test_a_post_that_is_a_symlink_to_evidence_is_refused(alliance):
    evidence = next((alliance / "evidence").rglob("*.pdf"))
    (alliance / "news" / "2025-08-01-leak.md").symlink_to(evidence)
    found = [e for e in errors(alliance) if "2025-08-01-leak.md" in e]
    assert found and "evidence/" in found[0]


@pytest.mark.parametrize("name", ["outcomes.yml", "news/2025-08-01-fifo.md", "pages/f.md"])
def test_a_fifo_is_refused_without_hanging(alliance, name):
    path = alliance / name
    path.parent.mkdir(exist_ok=True)
    if path.exists():
        path.unlink()
    os.mkfifo(path)
    started = time.monotonic()
    found = [e for e in errors(alliance) if Path(name).name in e]
    assert time.monotonic() - started < 5
    assert found and "not a regular file" in found[0]


@pytest.mark.parametrize("name", ["news", "pages"])
def test_a_file_where_a_folder_belongs_is_an_error(alliance, name):
    import shutil

    shutil.rmtree(alliance / name, ignore_errors=True)
    (alliance / name).write_text("x")
    assert any(f"{name}: {name} must be a folder" in e for e in errors(alliance))


def test_a_fifo_in_media_is_refused(alliance):
    photo = next((alliance / "media" / "team").iterdir())
    photo.unlink()
    os.mkfifo(photo)
    found = [e for e in errors(alliance) if "not a regular file" in e]
    assert found and "alliance.yml:" in found[0]


@pytest.mark.parametrize("suffix", [".html", ".svg", ".js", ".xhtml"])
def test_active_file_types_in_media_are_not_published(alliance, suffix):
    (alliance / "media" / f"x{suffix}").write_text("<script>alert(1)</script>")
    _page(alliance, f"# x\n\n[x](media/x{suffix})\n")
    found = [e for e in errors(alliance) if "pages/p.md:3:" in e]
    assert found and "is not published" in found[0]


def test_a_huge_yaml_file_is_refused_by_size(alliance):
    (alliance / "activities.yml").write_bytes(b"# pad\n" * (userfiles.MAX_TEXT_BYTES // 6 + 1))
    found = [e for e in errors(alliance) if "activities.yml" in e]
    assert found and "larger than" in found[0]


def test_a_non_utf8_page_names_its_line(alliance):
    (alliance / "pages").mkdir()
    (alliance / "pages" / "big5.md").write_bytes("# 標題\n\n內容\n".encode("big5"))
    found = [e for e in errors(alliance) if "big5.md" in e]
    assert found and "not UTF-8" in found[0] and "line 1" in found[0]


def test_bad_front_matter_in_a_page_is_an_error_with_its_line(alliance):
    _page(alliance, "---\ntitle: [unclosed\n---\n\n# x\n")
    _page(alliance, "---\ntitle: ok\nupdated: someday\n---\n\n# x\n", "q.md")
    found = errors(alliance)
    assert any("pages/p.md:2" in e for e in found), found
    assert any("pages/q.md:3:" in e and "not a date" in e for e in found), found


# -- what is published is cleaned ----------------------------------------------------------

def _exif_photo(path: Path) -> None:
    exif = Image.Exif()
    exif[0x013B] = "ZQXARTIST"  # Artist
    exif[0x0112] = 6  # Orientation: rotate 90°
    exif[0x8825] = {1: "N", 2: (25.0, 2.0, 3.0)}  # GPS
    Image.new("RGB", (40, 20), (200, 30, 30)).save(
        path, "JPEG", exif=exif.tobytes(), comment=b"ZQXCOMMENT",
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">ZQXXMP</x:xmpmeta>')


def test_published_photo_has_no_exif_xmp_or_gps_but_keeps_its_orientation(tmp_path):
    photo = tmp_path / "p.jpg"
    _exif_photo(photo)
    assert b"ZQX" in photo.read_bytes()
    out = tmp_path / "out.jpg"
    scrub.copy_clean(photo, out)
    assert b"ZQX" not in out.read_bytes()
    with Image.open(out) as image:
        assert not image.getexif()
        assert image.size == (20, 40)  # turned upright, as the camera meant it


def test_published_pdf_has_no_author_title_or_open_action_but_keeps_its_text(tmp_path):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (KEEPTHISTEXT) Tj ET")
    pdf.docinfo["/Author"] = "ZQXAUTHOR"
    pdf.docinfo["/Title"] = "ZQXTITLE"
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)")
    with pdf.open_metadata() as meta:
        meta["dc:creator"] = ["ZQXXMPAUTHOR"]
    source = tmp_path / "a.pdf"
    pdf.save(source, compress_streams=False)
    out = tmp_path / "out.pdf"
    scrub.copy_clean(source, out)
    data = out.read_bytes()
    assert b"ZQX" not in data and b"JavaScript" not in data
    with pikepdf.open(out) as cleaned:
        assert b"KEEPTHISTEXT" in cleaned.pages[0].Contents.read_bytes()


# -- a whole build of the hostile example ---------------------------------------------------

@pytest.mark.slow
def test_the_built_site_holds_no_evidence_and_no_media_metadata(hostile_site):
    out, planted = hostile_site
    assert len(planted.evidence) > 20
    files = [p for p in out.rglob("*") if p.is_file()]
    contents = {p: p.read_bytes() for p in files}
    # EXIF, XMP, PDF author: the whole canaries (three bytes alone occur in compressed streams)
    canary = re.compile(rb"ZQX(?:ARTIST|COMMENT|XMP|AUTHOR|TITLE)")
    assert not [p for p, data in contents.items() if canary.search(data)]
    evidence = set(planted.evidence)
    assert not [p for p, data in contents.items() if data in evidence]
    assert not [p for p in files if "evidence" in p.parts]
    for path in out.rglob("*.html"):
        assert "evidence/" not in path.read_text(encoding="utf-8"), path
    photos = list(out.glob("*/*/media/products/dadu-thermal-kit.jpg"))
    assert len(photos) == 2
    with Image.open(photos[0]) as image:
        assert not image.getexif()
    inlined = [base64.b64decode(m) for p in out.rglob("reports/*.html")
               for m in re.findall(r"data:image/[a-z]+;base64,([A-Za-z0-9+/=]+)",
                                   p.read_text(encoding="utf-8"))]
    assert inlined and not [d for d in inlined if b"ZQX" in d]  # the report's photos too
    forms = list(out.glob("*/*/media/application-form.pdf"))
    with pikepdf.open(forms[0]) as pdf:
        assert "/Author" not in pdf.docinfo and len(pdf.pages) >= 1


def test_the_copier_judges_every_file_again_after_validation(alliance, tmp_path):
    """A photo swapped for a symlink between validation and the copy is still refused."""
    from datetime import date

    from generator.checked import load_checked
    from generator.site import generate

    loaded, _ = load_checked(alliance)
    assert loaded is not None
    photo = alliance / "media" / "products" / "dadu-thermal-kit.jpg"
    photo.unlink()
    photo.symlink_to("/etc/passwd")
    with pytest.raises(generate.GenerateError) as caught:
        generate.generate(loaded, tmp_path / "work", tmp_path / "site",
                          base_config=alliance.parents[1] / "mkdocs.yml",
                          today=date(2025, 12, 1), reports=False)
    assert "symbolic link" in caught.value.refused.reason.en
    assert not list((tmp_path / "work").rglob("dadu-thermal-kit.jpg"))


def test_a_file_let_through_in_one_pass_is_judged_again_in_the_next(alliance):
    """The boundary remembers what it let through for one generated site only."""
    rel = "media/products/dadu-thermal-kit.jpg"
    with userfiles.remembered():
        first = userfiles.public_file(alliance, rel)
        assert userfiles.public_file(alliance, rel) is first
    photo = alliance / rel
    photo.unlink()
    photo.symlink_to("/etc/passwd")
    with userfiles.remembered(), pytest.raises(userfiles.Refused):
        userfiles.public_file(alliance, rel)
    with pytest.raises(userfiles.Refused):
        userfiles.public_file(alliance, rel)
