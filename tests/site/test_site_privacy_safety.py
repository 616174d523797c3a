"""Privacy (default-deny) and safe content, on a tampered full copy of the example."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess

from site_support import html_files, links_in, text_of
from tampering import HOSTILE_MEMBER


def _all_text(out) -> list[tuple[str, str]]:
    """Every file under site/ as text; PDFs through pdftotext (their streams are compressed)."""
    found = []
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".pdf" and shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                  text=True, check=False).stdout
        elif path.suffix.startswith(".pf_"):  # the portal's search index: gzip-compressed
            text = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        else:
            text = path.read_bytes().decode("utf-8", errors="replace")
        found.append((str(path.relative_to(out)), text + "\n" + path.name))
    return found


def test_no_private_field_reaches_any_file_of_the_site(tampered_site):
    built, canaries = tampered_site
    assert len(canaries) > 200  # every contract, evidence file, private record was planted
    leaks = []
    files = _all_text(built.out)
    assert any(name.endswith("search_index.json") for name, _ in files)
    assert any(name.endswith("feed.xml") for name, _ in files)
    assert any(name.endswith("sitemap.xml") for name, _ in files)
    fragments = [text for name, text in files if name.endswith(".pf_fragment")]
    assert len(fragments) > 40 and any("預知保養" in text for text in fragments)
    assert any(name == "feed.xml" for name, _ in files)  # the portal's combined feed
    assert any(name == "events.ics" for name, _ in files)
    for name, text in files:
        upper = text.upper()
        for value, kind in canaries.items():
            if value in upper:
                leaks.append(f"{kind} ({value}) in {name}")
    assert not leaks, "\n".join(leaks[:20])


def test_evidence_and_private_media_are_not_copied(tampered_site):
    built, canaries = tampered_site
    names = [p.name for p in built.out.rglob("*")]
    assert not [n for n in names if "ZQXCANARY" in n]
    assert not list(built.out.rglob("evidence"))
    # Public media are there: the pages need them.
    assert list(built.out.glob("*/zh-TW/media/team/*.png"))


def test_unsafe_markup_is_removed_and_names_are_escaped(tampered_site):
    built, _ = tampered_site
    pages = html_files(built.out)
    # A script that would run (JSON-LD data holds the hostile title as inert, escaped JSON).
    script = re.compile(r"<script(?![^>]*application/ld\+json)[^>]*>[^<]*alert|</title><script",
                        re.I)
    for path in pages:
        html = text_of(path)
        assert not script.search(html), path
        assert "<iframe" not in html, path
        for attribute in ("onerror=", "onclick=", "onmouseover="):
            assert attribute not in html, (attribute, path)
        assert not [link for link in links_in(html) if link.lower().startswith("javascript:")]
    members = text_of(built.out / "smart-sensing" / "zh-TW" / "members" / "index.html")
    assert "&lt;b&gt;Evil&amp;Co&lt;/b&gt;" in members
    assert HOSTILE_MEMBER not in members
    home = text_of(built.out / "smart-sensing" / "zh-TW" / "index.html")
    assert '&quot;&gt;&lt;script&gt;alert(&quot;XSS-TAGLINE&quot;)' in home  # shown, inert


def test_links_to_private_files_are_dropped_with_a_note(tampered_site):
    built, _ = tampered_site
    about = text_of(built.out / "smart-sensing" / "zh-TW" / "about" / "index.html")
    assert "evidence/" not in about
    assert "link to private file removed: evidence/planted/whatever.pdf" in built.stderr


def test_free_pages_are_kept_sanitised_and_in_both_languages(tampered_site):
    built, _ = tampered_site
    for lang in ("zh-TW", "en"):
        page = built.out / "smart-sensing" / lang / "pages" / "visit-us" / "index.html"
        html = text_of(page)
        assert "搭乘高鐵至臺中站" in html
        assert 'href="../../media/application-form.pdf"' in html
    nav = text_of(built.out / "smart-sensing" / "zh-TW" / "index.html")
    assert "pages/visit-us/" in nav
    assert "pages/visit-us.md" in built.stderr  # the English fallback is reported
