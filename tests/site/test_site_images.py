"""Visitors' speed: every picture states its size (no layout shift when it loads) and JPEGs
have a WebP twin where it is smaller; the sanitiser lets through only the srcset the site
itself writes."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html
from site_support import Built

from generator.site.text import sanitize

ID = "smart-sensing"


def test_every_content_image_has_its_size_and_smaller_webp_twins(example_site: Built):
    root = example_site.out / ID
    pictures = 0
    for lang in ("zh-TW", "en"):
        for path in sorted((root / lang).rglob("*.html")):
            if "reports" in path.parts:
                continue
            doc = lxml_html.fromstring(path.read_bytes())
            for img in doc.xpath("//article//img | //div[contains(@class,'md-content')]//img"):
                src = img.get("src")
                assert img.get("width") and img.get("height"), (path, src)
                if not src.endswith(".jpg") or _is_post_image(img):
                    continue
                twin = img.xpath("ancestor::picture[1]//source[@type='image/webp']/@srcset")
                if not twin:  # offered only when smaller than the JPEG
                    continue
                webp = (path.parent / twin[0]).resolve()
                assert webp.is_file(), (path, twin)
                assert webp.stat().st_size < (path.parent / src).resolve().stat().st_size
                pictures += 1
    assert pictures > 20


def _is_post_image(img) -> bool:
    """A news post's lead picture is Markdown (size given, no <picture>)."""
    return "al-post-image" in (img.get("class") or "")


def test_srcset_only_for_the_sites_own_webp(tmp_path: Path):
    kept = sanitize('<picture><source type="image/webp" srcset="../../media/a/b-1.webp">'
                    '<img src="x.jpg" alt=""></picture>')
    assert 'srcset="../../media/a/b-1.webp"' in kept
    for hostile in ("../evidence/a.webp", "media/../evidence/x.webp", "media/.x.webp",
                    "https://example.org/x.webp", "media/a.webp 2x, evidence/b.webp 1x",
                    "media/a.jpg"):
        assert "srcset" not in sanitize(f'<picture><source srcset="{hostile}"></picture>'), \
            hostile
