"""Incremental builds: a report whose HTML did not change is not printed again."""

from __future__ import annotations

import contextlib
import io
import os
import time
from pathlib import Path

import pytest
from site_support import make_project, run_build

from generator.commands import new
from generator.report import pdf
from generator.report.pdf import PdfCache

HTML = '<html lang="en"><body><p>Cached report</p></body></html>'


def _refuse(html: str) -> bytes:
    raise AssertionError("a PDF was printed again")


def test_the_cache_returns_the_pdf_printed_from_the_same_html(tmp_path, monkeypatch):
    cache = PdfCache(tmp_path / "pdf")
    printed = cache.render(HTML)
    assert printed.startswith(b"%PDF")
    monkeypatch.setattr(pdf, "html_to_pdf", _refuse)
    assert cache.render(HTML) == printed
    assert cache.get(HTML.replace("Cached", "Changed")) is None


def test_the_cache_forgets_what_was_not_used_for_a_week(tmp_path):
    cache = PdfCache(tmp_path / "pdf")
    cache.render(HTML)
    (old,) = (tmp_path / "pdf").glob("*.pdf")
    week_ago = time.time() - 8 * 86400
    os.utime(old, (week_ago, week_ago))
    cache.render(HTML.replace("Cached", "Another"))
    assert not old.exists() and len(list((tmp_path / "pdf").glob("*.pdf"))) == 1


@pytest.mark.slow
def test_a_change_outside_the_reports_prints_no_pdf(tmp_path, monkeypatch):
    root = make_project(tmp_path, {})
    with contextlib.redirect_stdout(io.StringIO()):
        assert new.run("alpha", root / "alliances", root, "en") == 0
    out, scratch = tmp_path / "site", tmp_path / "scratch"
    first = run_build(root, out, scratch)
    assert first.code == 0, first.stderr
    pdfs = {p: p.read_bytes() for p in (out / "alpha").rglob("*.pdf")}
    assert pdfs, "the scaffold publishes at least one report"

    yml: Path = root / "alliances" / "alpha" / "alliance.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("微米級量測與分析", "奈米級量測"),
                   encoding="utf-8")
    monkeypatch.setattr(pdf, "html_to_pdf", _refuse)
    again = run_build(root, out, scratch)
    assert again.code == 0, again.stderr
    assert "alpha: built" in again.stdout
    assert "奈米級量測" in (out / "alpha" / "zh-TW" / "capabilities" / "index.html").read_text(
        encoding="utf-8")
    assert {p: p.read_bytes() for p in (out / "alpha").rglob("*.pdf")} == pdfs
