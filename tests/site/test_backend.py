"""The back end's short cut through MkDocs' theme walk gives MkDocs' own list of files."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_support import make_project

from generator.site import backend
from generator.site.where import THEME_DIR


@pytest.mark.slow
def test_the_pruned_theme_walk_finds_what_mkdocs_finds(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files, get_files

    root = make_project(tmp_path, {})
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# x\n", encoding="utf-8")
    (root / "site.yml").write_text(
        f"INHERIT: {root / 'mkdocs.yml'}\nsite_name: x\ndocs_dir: docs\n"
        f"theme:\n  custom_dir: {THEME_DIR}\n", encoding="utf-8")
    config = load_config(config_file=str(root / "site.yml"), site_dir=str(tmp_path / "out"))
    env = config.theme.get_env()
    theirs, ours = get_files(config), get_files(config)
    Files.add_files_from_theme(theirs, env, config)
    backend._add_files_from_theme(ours, env, config)
    names = [(f.src_uri, f.abs_src_path, f.dest_uri) for f in theirs]
    assert len(names) > 40 and any(n[0].endswith(".js") for n in names)
    assert [(f.src_uri, f.abs_src_path, f.dest_uri) for f in ours] == names


def test_a_backend_error_raised_in_a_forked_build_comes_back_whole():
    """``pipeline._mkdocs`` builds a language in a forked process: its error is pickled."""
    import pickle

    error = pickle.loads(pickle.dumps(backend.BackendError(["docs/a.md: bad link", "two"])))
    assert isinstance(error, backend.BackendError)
    assert error.messages == ["docs/a.md: bad link", "two"]


@pytest.mark.slow
def test_each_build_has_plugins_of_its_own_and_ends_them(tmp_path):
    """MkDocs hands a plugin with on_startup/on_shutdown to every later config of the
    process; shared, Material's blog kept the last language's posts (a preview's Chinese
    news list rendered empty after the English build) and one temporary folder for builds
    running at once. Each of our configs has its own, and a build ends them."""
    import contextlib
    import io

    from generator.commands import new
    from generator.site.pipeline import BuildOptions, prepare

    root = make_project(tmp_path, {})
    with contextlib.redirect_stdout(io.StringIO()):
        assert new.run("alpha", root / "alliances", root, "en") == 0
    options = BuildOptions(root=root, out=tmp_path / "site", jobs=1, lang="en",
                           scratch=tmp_path / "scratch", reports=False)
    generated = prepare(root / "alliances" / "alpha", tmp_path / "staging", options)
    zh, en = generated.configs["zh"], generated.configs["en"]
    first, second = backend._load(zh), backend._load(en)
    assert first.plugins["material/blog"] is not second.plugins["material/blog"]
    folders = [Path(c.plugins["material/blog"].temp_dir) for c in (first, second)]
    for config in (first, second):
        backend._shut_down(config)
    assert not any(folder.exists() for folder in folders)

    live, _ = backend.LiveBuild.build(zh, tmp_path / "live")
    backend.build(en)  # the other language, built after
    assert live.config.plugins["material/blog"].blog.posts  # still the Chinese blog's
    assert all("/zh-TW/" in str(post.file.abs_src_path) for post in
               live.config.plugins["material/blog"].blog.posts)
    live.close()
