"""Class 4 — atomic, exclusive builds: a kill at any step of the swap leaves a complete old
or new site, no state claims a tree that is not there, workers die with their build, stale
staging folders go, and two builds at once leave a complete site.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hostile_support import REPO, cli, copy_example

from generator.site import pipeline

# A portal card as generator.site.directory.card makes it.
SUMMARY = {"id": "demo", "urls": {"zh-TW": "http://127.0.0.1/demo/zh-TW/",
                                  "en": "http://127.0.0.1/demo/en/"},
           "name": {"zh": "示範", "en": "Demo"}, "tagline": None,
           "institution": {"zh": "大學", "en": "University"}, "field": None, "region": None,
           "services": [], "fees": [0], "logo": {"src": "assets/logo.svg", "alt": None},
           "members": 3, "members_year": 2025, "public_members": 3, "latest_news": None,
           "latest_report": None, "events": []}

SWAP = textwrap.dedent("""
    import json, os, signal, sys
    from pathlib import Path
    import generator.site.pipeline as p

    die_at, root = sys.argv[1], Path(sys.argv[2])
    def step(name):
        if name == die_at:
            os.kill(os.getpid(), signal.SIGKILL)
    p._step = step
    options = p.BuildOptions(root=root, out=root / "site", scratch=root / "build")
    staging = p.make_staging(options.out)
    (staging / "demo" / "sub").mkdir(parents=True)
    for name in ("index.html", "sub/page.html", "sub/only-new.html"):
        (staging / "demo" / name).write_text("new")
    outcome = p.Outcome("demo", root, True, summary=json.loads(sys.argv[3]), fingerprint="f2")
    p.swap_in([outcome], staging, options, None)
""")
OLD = {"index.html": "old", "sub/page.html": "old", "sub/only-old.html": "old"}
NEW = {"index.html": "new", "sub/page.html": "new", "sub/only-new.html": "new"}
STEPS = ["demo:forget", "demo:swap", "demo:swapped", "demo:state", "portal", "cleanup", "end"]


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _old_site(root: Path) -> pipeline.BuildOptions:
    options = pipeline.BuildOptions(root=root, out=root / "site", scratch=root / "build")
    for name, text in OLD.items():
        (options.out / "demo" / name).parent.mkdir(parents=True, exist_ok=True)
        (options.out / "demo" / name).write_text(text)
    options.state.mkdir(parents=True)
    (options.state / "demo.json").write_text(json.dumps(
        {"fingerprint": "f1", "summary": SUMMARY, "mkdocs_warnings": 0,
         "summary_version": pipeline.SUMMARY_VERSION,
         "tree": pipeline.tree_digest(options.out / "demo")}))
    return options


def test_a_state_left_by_an_older_version_is_left_off_the_portal_not_a_crash(tmp_path, capsys):
    """Built with an older version (a card without logo or urls), then one other alliance is
    built: the portal is written without it, and says how to bring it back."""
    options = _old_site(tmp_path)
    state = json.loads((options.state / "demo.json").read_text())
    del state["summary_version"], state["summary"]["logo"], state["summary"]["urls"]
    (options.state / "demo.json").write_text(json.dumps(state))
    options = pipeline.BuildOptions(root=tmp_path, out=tmp_path / "site",
                                    scratch=tmp_path / "build", search_index=False)
    assert pipeline.refresh_portal(options) == 0
    assert "demo was built by an older version" in capsys.readouterr().err
    assert 'id="demo"' not in (options.out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("die_at", STEPS)
def test_a_kill_at_any_step_of_the_swap_leaves_the_old_or_the_new_site(tmp_path, die_at):
    options = _old_site(tmp_path)
    done = subprocess.run([sys.executable, "-c", SWAP, die_at, str(tmp_path),
                           json.dumps(SUMMARY)], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == (0 if die_at == "end" else -signal.SIGKILL), done.stderr
    tree = _tree(options.out / "demo")
    assert tree in (OLD, NEW), tree
    state = pipeline.read_state(options, "demo")
    # Never a state that vouches for a tree that is not there: a rerun rebuilds what is off.
    assert state is None or state["tree"] == pipeline.tree_digest(options.out / "demo")
    if die_at == "end":
        assert tree == NEW and state["fingerprint"] == "f2"
    else:
        assert list(tmp_path.glob(".site.staging-*"))  # left behind by the kill …
        pipeline.make_staging(options.out)  # … and removed by the next build, under its lock
        assert len(list(tmp_path.glob(".site.staging-*"))) == 1


def test_a_damaged_output_is_rebuilt_not_reported_unchanged(tmp_path, monkeypatch):
    folder = tmp_path / "alliances" / "demo"
    folder.mkdir(parents=True)
    (folder / "alliance.yml").write_text("id: demo\n")
    options = _old_site(tmp_path)
    state = pipeline.read_state(options, "demo")
    state["fingerprint"] = pipeline.fingerprint(folder, options)
    (options.state / "demo.json").write_text(json.dumps(state))
    built: list[str] = []

    def worker(folder: str, staging: str, options: object, fp: str) -> pipeline.Outcome:
        built.append(Path(folder).name)
        return pipeline.Outcome(Path(folder).name, Path(folder), True, fingerprint=fp)

    monkeypatch.setattr(pipeline, "_worker", worker)
    monkeypatch.setattr(pipeline, "_alone",  # one alliance on two cores takes this way
                        lambda f, s, o, fp, jobs: worker(str(f), str(s), o, fp))
    skipped = pipeline.run_builds([folder], tmp_path / "staging", options, lambda o: None)
    assert skipped[0].skipped and built == []
    (options.out / "demo" / "sub" / "page.html").unlink()  # e.g. a concurrent build's damage
    redone = pipeline.run_builds([folder], tmp_path / "staging", options, lambda o: None)
    assert not redone[0].skipped and built == ["demo"]


WORKER = textwrap.dedent("""
    import os, time
    from generator.children import fork_pool
    with fork_pool(1) as pool:
        print(pool.submit(os.getpid).result(), flush=True)
        time.sleep(120)
""")


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def test_workers_die_with_the_build_that_started_them():
    parent = subprocess.Popen([sys.executable, "-c", WORKER], cwd=REPO, stdout=subprocess.PIPE,
                              text=True)
    try:
        worker = int(parent.stdout.readline())
        assert _alive(worker)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker)
    finally:
        parent.kill()


def test_a_second_build_waits_for_the_lock(tmp_path):
    out = tmp_path / "site"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        import generator.site.pipeline as p
        with p.exclusive(Path({str(out)!r}), "en"):
            print("locked", flush=True)
            time.sleep(1.5)
    """)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pipeline.exclusive(out, "en"):
            waited = time.monotonic() - started
        assert waited > 0.5
    finally:
        holder.wait(10)


@pytest.mark.slow
def test_two_concurrent_builds_leave_a_complete_site(tmp_path):
    folder = copy_example(tmp_path)
    root = folder.parents[1]
    env = {"SOURCE_DATE_EPOCH": "1764547200"}  # 2025-12-01: two report years
    command = [sys.executable, "-m", "generator.cli", "--lang", "en", "build", "-j", "1"]
    runs = [subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(REPO), **env})
            for _ in range(2)]
    outputs = [r.communicate(timeout=300) for r in runs]
    results = [(r.returncode, out, err) for r, (out, err) in zip(runs, outputs, strict=True)]
    assert [code for code, _, _ in results] == [0, 0], "\n----\n".join(
        f"exit {code}\nstdout:\n{out}\nstderr:\n{err}" for code, out, err in results)
    assert any("waiting" in err for _, _, err in results)
    assert any("unchanged" in out for _, out, _ in results)
    site = root / "site" / "smart-sensing"
    for lang in ("zh-TW", "en"):
        reports = sorted(p.name for p in (site / lang / "reports").iterdir())
        assert reports == ["index.html", "smart-sensing-2024.html", "smart-sensing-2024.pdf",
                           "smart-sensing-2025.html", "smart-sensing-2025.pdf"], reports
    again = cli("--lang", "en", "build", "-j", "1", cwd=root, env=env)
    assert again.code == 0 and "unchanged" in again.stdout
    assert not list(root.glob(".site.staging-*"))


def _second_alliance(root: Path) -> None:
    """A second alliance (a renamed copy of the example), so ``-j 2`` really forks workers."""
    import shutil

    source = root / "alliances" / "smart-sensing"
    target = root / "alliances" / "second-alliance"
    shutil.copytree(source, target)
    info = target / "alliance.yml"
    info.write_text(info.read_text(encoding="utf-8").replace(
        "id: smart-sensing", "id: second-alliance", 1), encoding="utf-8")


def _group_alive(group: int) -> list[int]:
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            alive.append(int(stat.parent.name))
    return alive


@pytest.mark.slow
def test_killing_a_parallel_build_leaves_no_worker_and_the_rerun_completes_the_site(tmp_path):
    folder = copy_example(tmp_path)
    root = folder.parents[1]
    _second_alliance(root)
    env = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1764547200"}
    command = [sys.executable, "-m", "generator.cli", "--lang", "en", "build", "-j", "2"]
    build = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(_group_alive(build.pid)) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)  # the build and its two workers
        assert len(_group_alive(build.pid)) >= 3
        time.sleep(1.0)  # well inside the workers' MkDocs builds
        build.send_signal(signal.SIGKILL)
        build.wait(30)
        deadline = time.monotonic() + 10
        while _group_alive(build.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _group_alive(build.pid) == []  # no orphaned worker keeps building
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)  # this test's own process group only
    assert list(root.glob(".site.staging-*"))  # what the kill left …
    rerun = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env,
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert not list(root.glob(".site.staging-*"))  # … the next build removed
    for alliance in ("smart-sensing", "second-alliance"):
        for lang in ("zh-TW", "en"):
            assert (root / "site" / alliance / lang / "index.html").is_file()
            assert len(list((root / "site" / alliance / lang / "reports").glob("*.pdf"))) == 2
    assert "second-alliance" in (root / "site" / "index.html").read_text(encoding="utf-8")
