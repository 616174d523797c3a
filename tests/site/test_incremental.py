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


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _built_scaffold(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A scaffolded alliance "alpha", built once: (project root, site, scratch)."""
    root = make_project(tmp_path, {})
    with contextlib.redirect_stdout(io.StringIO()):
        assert new.run("alpha", root / "alliances", root, "en") == 0
    out, scratch = tmp_path / "site", tmp_path / "scratch"
    assert run_build(root, out, scratch).code == 0
    return root, out, scratch


def _edit_chinese_only(root: Path) -> None:
    yml = root / "alliances" / "alpha" / "alliance.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("微米級量測與分析", "奈米級量測"),
                   encoding="utf-8")


@pytest.mark.slow
def test_a_language_whose_inputs_did_not_change_is_kept_and_equals_a_fresh_build(tmp_path):
    root, out, scratch = _built_scaffold(tmp_path)
    _edit_chinese_only(root)
    again = run_build(root, out, scratch)
    assert again.code == 0, again.stderr
    assert "alpha: built" in again.stdout and "en unchanged, kept" in again.stdout
    assert "奈米級量測" in (out / "alpha" / "zh-TW" / "capabilities" / "index.html").read_text(
        encoding="utf-8")
    fresh = run_build(root, tmp_path / "fresh", tmp_path / "fresh-scratch")
    assert fresh.code == 0 and "unchanged, kept" not in fresh.stdout
    assert _tree(out / "alpha" / "en") == _tree(tmp_path / "fresh" / "alpha" / "en")
    assert _tree(out / "alpha" / "zh-TW") == _tree(tmp_path / "fresh" / "alpha" / "zh-TW")


@pytest.mark.slow
def test_a_kept_language_is_built_again_when_its_folder_in_site_was_touched(tmp_path):
    root, out, scratch = _built_scaffold(tmp_path)
    (out / "alpha" / "en" / "about" / "index.html").unlink()
    _edit_chinese_only(root)
    again = run_build(root, out, scratch)
    assert again.code == 0, again.stderr
    assert "alpha: built zh-TW and en" in again.stdout
    assert (out / "alpha" / "en" / "about" / "index.html").is_file()


@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_reports_printed_by_forked_printers_equal_those_printed_here(tmp_path, monkeypatch,
                                                                     jobs):
    """One forked process loads WeasyPrint, then prints alone or forks ``jobs`` printers."""
    htmls = [HTML.replace("Cached", f"Report {n}") for n in range(3)]
    here = PdfCache(tmp_path / "here").render_all(htmls)
    forked = PdfCache(tmp_path / "forked")
    with forked.printing(htmls, jobs=jobs) as printed:
        assert printed() == here and all(p.startswith(b"%PDF") for p in here)
    monkeypatch.setattr(pdf, "html_to_pdf", _refuse)
    assert forked.render_all(htmls[::-1]) == here[::-1]  # all three from the cache now


@pytest.mark.slow
def test_an_alliance_built_alone_prints_its_reports_beside_mkdocs(tmp_path):
    """Two cores, one alliance (``pipeline._alone``): the changed reports are printed while
    MkDocs runs and placed in both languages; the site equals a build on one core."""
    root, out, scratch = _built_scaffold(tmp_path)
    before = {p: p.read_bytes() for p in (out / "alpha").rglob("*.pdf")}
    yml = root / "alliances" / "alpha" / "alliance.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("王大明", "王小明"), encoding="utf-8")
    alone = run_build(root, out, scratch, jobs=2)
    assert alone.code == 0, alone.stderr
    after = {p: p.read_bytes() for p in (out / "alpha").rglob("*.pdf")}
    assert after.keys() == before.keys() and len(after) >= 2
    assert all(after[p] != before[p] for p in after)  # the PI's name is in every report
    one = run_build(root, tmp_path / "one", tmp_path / "one-scratch", jobs=1)
    assert one.code == 0, one.stderr
    assert _tree(out / "alpha") == _tree(tmp_path / "one" / "alpha")


@pytest.mark.slow
def test_both_languages_built_at_once_equal_a_build_on_one_core(tmp_path):
    """Two cores, one alliance, no PDF to print: the languages run MkDocs at once."""
    root = make_project(tmp_path, {})
    with contextlib.redirect_stdout(io.StringIO()):
        assert new.run("alpha", root / "alliances", root, "en") == 0
    two = run_build(root, tmp_path / "two", tmp_path / "two-scratch", jobs=2, reports=False)
    one = run_build(root, tmp_path / "one", tmp_path / "one-scratch", jobs=1, reports=False)
    assert two.code == 0 and one.code == 0, two.stderr + one.stderr
    assert "alpha: built zh-TW and en" in two.stdout
    assert _tree(tmp_path / "two" / "alpha") == _tree(tmp_path / "one" / "alpha")


@pytest.mark.slow
def test_a_kept_language_shares_no_file_with_any_other_tree_once_built(tmp_path):
    """Kept by hard links, then the old tree is removed: a later in-place write (the
    preview renders pages into site/) can change no other copy."""
    root, out, scratch = _built_scaffold(tmp_path)
    _edit_chinese_only(root)
    again = run_build(root, out, scratch)
    assert again.code == 0 and "en unchanged, kept" in again.stdout, again.stderr
    shared = [path for path in (out / "alpha" / "en").rglob("*")
              if path.is_file() and path.stat().st_nlink > 1]
    assert shared == []


def test_a_kept_language_is_copied_where_hard_links_are_refused(tmp_path, monkeypatch):
    from generator.site import reuse

    built = tmp_path / "site" / "en"
    (built / "about").mkdir(parents=True)
    (built / "about" / "index.html").write_text("<p>About</p>", encoding="utf-8")

    def refuse(source: str, target: str) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(reuse.os, "link", refuse)
    previous = reuse.BuiltLanguage("digest", ("a warning",))
    target = tmp_path / "staging" / "en"
    assert reuse.reuse(previous, "digest", False, built, target) == previous
    assert (target / "about" / "index.html").read_text(encoding="utf-8") == "<p>About</p>"
    assert (target / "about" / "index.html").stat().st_nlink == 1
