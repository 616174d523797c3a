"""Class 2 — escaping by construction: hostile markup in every text field runs nowhere.

The shipped example with :data:`hostile_support.PAYLOAD` appended to every text field of the
model (found by walking the validated model, so a new field is covered without editing this
test), to every post's title and body, and in a free page; built once with reports. Every
output is then parsed: the pages, the public report HTML and PDF, the portal, the feeds, the
sitemaps and the search index.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pikepdf
import pytest
from hostile_support import active_content

pytestmark = pytest.mark.slow


def test_the_payload_reached_every_kind_of_output(hostile_site):
    out, planted = hostile_site
    assert planted.texts > 150  # every name, title, summary, alt text, benefit, point …
    kinds = {p.suffix for p in out.rglob("*") if p.is_file()}
    assert {".html", ".json", ".xml", ".pdf"} <= kinds
    home = (out / "smart-sensing" / "zh-TW" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;XSS()&lt;/script&gt;" in home  # shown as text


def test_no_page_of_the_site_the_portal_or_the_report_holds_active_content(hostile_site):
    out, _ = hostile_site
    pages = sorted(out.rglob("*.html"))
    assert any("/reports/" in str(p) for p in pages) and (out / "index.html") in pages
    found = {str(p.relative_to(out)): active_content(p.read_text(encoding="utf-8"))
             for p in pages}
    assert not {k: v for k, v in found.items() if v}


def test_the_search_index_holds_no_active_markup(hostile_site):
    out, _ = hostile_site
    indexes = sorted(out.rglob("search_index.json"))
    assert len(indexes) == 2
    for index in indexes:
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert any("XSS()" in d["text"] or "XSS()" in d["title"] for d in docs)
        for doc in docs:  # Material inserts title and text as HTML
            assert not active_content(doc["title"]) and not active_content(doc["text"]), doc


def test_feeds_and_sitemaps_are_well_formed_and_inert(hostile_site):
    out, _ = hostile_site
    for path in sorted(out.rglob("*.xml")):
        tree = ET.parse(path)
        tags = {element.tag.rsplit("}", 1)[-1] for element in tree.iter()}
        assert not tags & {"script", "iframe", "img", "a"}, path
        for element in tree.iter():
            assert element.get("type") in (None, "text", "text/html", "application/atom+xml"), \
                path
            if element.tag.endswith("summary") or element.tag.endswith("title"):
                assert element.get("type") in (None, "text")  # shown as text by readers


def test_report_pdfs_hold_no_javascript_and_show_the_markup_as_text(hostile_site):
    out, _ = hostile_site
    pdfs = sorted(out.rglob("reports/*.pdf"))
    assert pdfs
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
            names = pdf.Root.get("/Names")
            assert names is None or "/JavaScript" not in names
            for page in pdf.pages:
                for annot in page.get("/Annots") or []:
                    action = annot.get("/A")
                    uri = str(action.get("/URI", "")) if action is not None else ""
                    assert not uri.lower().startswith("javascript:"), path
                    assert action is None or action.get("/S") != "/JavaScript"


def test_no_evidence_href_stays_in_any_page(hostile_site):
    out, _ = hostile_site
    for path in out.rglob("*.html"):
        assert "evidence/" not in path.read_text(encoding="utf-8"), path
    assert not list(out.rglob("evidence"))

