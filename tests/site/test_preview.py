"""The live preview (``alliance serve``): its page-by-page short cut renders exactly what a
full build renders, and once settled the preview is the tree ``alliance build`` makes."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from site_support import make_project

from generator.commands import new
from generator.commands.build import build
from generator.site.pipeline import BuildOptions
from generator.site.preview import Preview

pytestmark = pytest.mark.slow
BASE = "http://127.0.0.1:9"


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path, {})
    with contextlib.redirect_stdout(io.StringIO()):
        assert new.run("alpha", root / "alliances", root, "en") == 0
    return root


def _preview(root: Path, scratch: Path) -> tuple[Preview, list[str]]:
    said: list[str] = []
    options = BuildOptions(root=root, out=scratch / "site", jobs=1, lang="en",
                           scratch=scratch, base_url=BASE, search_index=False)
    return Preview(root / "alliances" / "alpha", options, said.append), said


def test_a_body_edit_renders_one_page_then_settles_into_the_full_build(project, tmp_path):
    preview, said = _preview(project, tmp_path / "serve")
    assert preview.update(), said
    preview.wait()
    yml = project / "alliances" / "alpha" / "alliance.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        "微米級量測與分析", "奈米級量測與分析"), encoding="utf-8")

    assert preview.update(), said
    assert preview.last_fast is True
    page = tmp_path / "serve" / "site" / "alpha" / "zh-TW" / "capabilities" / "index.html"
    with preview._work_lock:  # the settling waits: this is the short cut's page
        fast = page.read_bytes()
    assert "奈米級量測與分析" in fast.decode("utf-8")
    preview.wait()
    assert page.read_bytes() == fast  # the full build of the settling renders the same bytes

    out = tmp_path / "built"
    options = BuildOptions(root=project, out=out, jobs=1, lang="en",
                           scratch=tmp_path / "scratch", base_url=BASE, search_index=False)
    with contextlib.redirect_stdout(io.StringIO()):
        assert build([project / "alliances" / "alpha"], options) == 0
    assert _tree(tmp_path / "serve" / "site" / "alpha") == _tree(out / "alpha")


def test_a_new_title_takes_the_full_build(project, tmp_path):
    preview, said = _preview(project, tmp_path / "serve")
    assert preview.update(), said
    yml = project / "alliances" / "alpha" / "alliance.yml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(text.replace("微米級量測與分析", "奈米級"), encoding="utf-8")
    assert preview.update() and preview.last_fast is True
    news = _first_post(project)
    text = news.read_text(encoding="utf-8")
    news.write_text(text.replace("聯盟網站上線", "網站正式上線"), encoding="utf-8")
    assert preview.update() and preview.last_fast is False
    preview.wait()


def _first_post(root: Path) -> Path:
    return next(p for p in sorted((root / "alliances" / "alpha" / "news").glob("*.md"))
                if not p.name.endswith(".en.md"))


def test_a_news_post_edit_renders_the_post_and_the_news_lists_as_the_full_build(
        project, tmp_path):
    """The short cut for a post renders it and every news list (its excerpt is on them):
    byte for byte what the settling's full build of that language makes, but the search
    index, which only the full build writes."""
    preview, said = _preview(project, tmp_path / "serve")
    assert preview.update(), said
    preview.wait()
    news = _first_post(project)
    text = news.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    news.write_text(f"{head}\n---\n開頭多一句。\n{body}", encoding="utf-8")

    assert preview.update(), said
    assert preview.last_fast is True
    served = tmp_path / "serve" / "site" / "alpha" / "zh-TW"
    with preview._work_lock:  # the settling waits: this is the short cut's tree
        fast = _tree(served)
    (post,) = [path for path, data in fast.items() if "開頭多一句。".encode() in data]
    assert post.startswith("news/") and post.endswith("/site-launch/index.html")
    assert "聯盟網站上線".encode() in fast["news/index.html"]  # the list still shows it
    preview.wait()
    full = _tree(served)
    changed = {path for path in fast.keys() | full.keys() if fast.get(path) != full.get(path)}
    assert changed <= {"search/search_index.json"}, sorted(changed)


def test_an_invalid_save_keeps_the_last_good_preview(project, tmp_path):
    preview, said = _preview(project, tmp_path / "serve")
    assert preview.update(), said
    preview.wait()
    home = tmp_path / "serve" / "site" / "alpha" / "zh-TW" / "index.html"
    before = home.read_bytes()
    yml = project / "alliances" / "alpha" / "alliance.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "\n\tbroken: [\n", encoding="utf-8")
    assert preview.update() is False
    assert home.read_bytes() == before
    assert any("last good build" in s for s in said)


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_what_a_settling_froze_is_freed_once_it_is_garbage(project, tmp_path):
    """The settling collects and freezes what is left, so that no full collection falls
    into a save; what it froze must still be freed once nothing holds it (the builds a
    later save replaces), not kept for the life of the preview."""
    import gc
    import weakref

    preview, said = _preview(project, tmp_path / "serve")
    held = [_Cycle()]  # alive (and frozen) through the first settling, then garbage
    assert preview.update(), said
    preview.wait()
    assert gc.get_freeze_count() > 0
    freed = weakref.ref(held.pop())
    yml = project / "alliances" / "alpha" / "alliance.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("微米級量測與分析", "奈米級量測與分析"),
                   encoding="utf-8")
    assert preview.update(), said
    preview.wait()
    assert freed() is None
    preview.close()
    gc.unfreeze()
