"""The back end's short cut through MkDocs' theme walk gives MkDocs' own list of files."""

from __future__ import annotations

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
