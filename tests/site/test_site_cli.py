"""``alliance build`` as a user meets it: incremental, parallel, atomic, strict."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from site_support import make_project, run_build

from generator.commands import new


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path, {})
    with contextlib.redirect_stdout(io.StringIO()):
        for alliance_id in ("alpha", "beta"):
            assert new.run(alliance_id, root / "alliances", root, "en") == 0
    return root


def test_rebuild_touches_only_what_changed_and_failure_keeps_the_site(project, tmp_path):
    out, scratch = tmp_path / "site", tmp_path / "scratch"
    first = run_build(project, out, scratch, jobs=2, reports=False)
    assert first.code == 0, first.stderr
    assert "alpha: built" in first.stdout and "beta: built" in first.stdout
    assert (out / "alpha" / "zh-TW" / "index.html").is_file()
    assert (out / "beta" / "en" / "index.html").is_file()
    portal = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="alpha/zh-TW/"' in portal and 'href="beta/zh-TW/"' in portal

    before = _snapshot(out)
    again = run_build(project, out, scratch, jobs=2, reports=False)
    assert again.code == 0
    assert "alpha: unchanged" in again.stdout and "beta: unchanged" in again.stdout
    assert _snapshot(out) == before  # an unchanged rebuild changes nothing at all

    yml = project / "alliances" / "beta" / "alliance.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("以核心技術服務產業",
                                                           "以新技術服務產業"), encoding="utf-8")
    changed = run_build(project, out, scratch, jobs=2, reports=False)
    assert changed.code == 0
    assert "alpha: unchanged" in changed.stdout and "beta: built" in changed.stdout
    after = _snapshot(out)
    assert {k: v for k, v in after.items() if k.startswith("alpha/")} == {
        k: v for k, v in before.items() if k.startswith("alpha/")}
    assert "以新技術服務產業" in (out / "beta" / "zh-TW" / "index.html").read_text("utf-8")

    # Bad data: exit 1, the messages name the file and line, and site/ is left alone.
    members = project / "alliances" / "beta" / "members.yml"
    members.write_text(members.read_text(encoding="utf-8") + "\n- id: broken\n  name: 壞資料\n"
                       "  city: 新竹縣\n  tier: no-such-tier\n", encoding="utf-8")
    yml.write_text(yml.read_text(encoding="utf-8").replace("以新技術服務產業", "再改一次"),
                   encoding="utf-8")
    snapshot = _snapshot(out)
    failed = run_build(project, out, scratch, jobs=2, reports=False)
    assert failed.code == 1
    assert "members.yml:" in failed.stderr and "no-such-tier" in failed.stderr
    assert "left unchanged" in failed.stderr
    assert "Traceback" not in failed.stderr + failed.stdout
    assert _snapshot(out) == snapshot
    assert not list(out.parent.glob(".site.staging-*"))


def test_strict_fails_on_any_mkdocs_warning(project, tmp_path):
    pages = project / "alliances" / "alpha" / "pages"
    pages.mkdir()
    (pages / "history.md").write_text("# 沿革\n\n請見[不存在的頁面](nowhere.md)。\n",
                                      encoding="utf-8")
    strict = run_build(project, tmp_path / "site", tmp_path / "s1", ids=["alpha"],
                       strict=True, reports=False)
    assert strict.code == 1
    assert "nowhere.md" in strict.stderr
    assert not (tmp_path / "site" / "alpha").exists()
    lenient = run_build(project, tmp_path / "site", tmp_path / "s2", ids=["alpha"],
                        strict=False, reports=False)
    assert lenient.code == 0
    assert "nowhere.md" in lenient.stderr  # still shown as a warning
    assert (tmp_path / "site" / "alpha" / "zh-TW" / "pages" / "history" / "index.html").is_file()


def test_an_alliance_removed_from_alliances_leaves_the_site(project, tmp_path):
    out, scratch = tmp_path / "site", tmp_path / "scratch"
    assert run_build(project, out, scratch, jobs=1, reports=False).code == 0
    import shutil

    shutil.rmtree(project / "alliances" / "beta")
    assert run_build(project, out, scratch, jobs=1, reports=False).code == 0
    assert not (out / "beta").exists()
    assert 'href="beta/' not in (out / "index.html").read_text(encoding="utf-8")


def test_unknown_alliance_is_a_usage_error_without_traceback(capsys):
    from generator.cli import main

    assert main(["build", "no-such-alliance-anywhere"]) == 2
    err = capsys.readouterr().err
    assert "no-such-alliance-anywhere" in err and "Traceback" not in err


def test_serve_previews_and_rebuilds_on_change(project):
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    alliance = Path(sys.executable).with_name("alliance")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([str(alliance), "--lang", "en", "serve", "alpha", "--port",
                               str(port)], cwd=project, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}/alpha/zh-TW/"

    def fetch() -> str:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_for(condition, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                html = fetch()
                if condition(html):
                    return html
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError("the preview did not show the expected page")

    try:
        html = wait_for(lambda h: "以核心技術服務產業" in h)
        assert "livereload" in html
        yml = project / "alliances" / "alpha" / "alliance.yml"
        yml.write_text(yml.read_text(encoding="utf-8").replace("以核心技術服務產業",
                                                               "預覽會自動更新"),
                       encoding="utf-8")
        wait_for(lambda h: "預覽會自動更新" in h)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    assert "Traceback" not in (server.stdout.read() if server.stdout else "")
