"""Spot-check bounds (issue 10): every option and registry value a user can type is checked,
with the option or file:line named, never a traceback or exit 70; runs on one history are
exclusive and identified by the registry's path and content; pages too complex to parse are
capped and said to be so."""

from __future__ import annotations

import os

import pytest
from spotcheck_support import FixtureServer, HangingServer, html, run_check, write_registry

from site_checks.cli import main
from site_checks.registry import load_registry
from site_checks.runner import history_lock, run_key
from site_checks.safety.complexity import TOO_COMPLEX, too_complex


@pytest.fixture
def registry(tmp_path):
    return write_registry(tmp_path / "registry.yml", {"demo": "http://127.0.0.1:9/demo/"})


@pytest.mark.parametrize(("option", "value"), [
    ("--site-timeout", "nan"), ("--site-timeout", "inf"), ("--site-timeout", "-1"),
    ("--timeout", "nan"), ("--timeout", "0"), ("--max-age", "99999999999"),
    ("--max-age", "0"), ("--workers", "0"), ("--retries", "-1"), ("--backoff", "nan"),
    ("--max-retry-wait", "inf"), ("--pace", "nan"), ("--max-bytes", "1e99"),
    ("--sample", "abc"), ("--date", "2026-02-30"),
])
def test_bad_numbers_are_usage_errors_naming_the_option(registry, capsys, option, value):
    assert main([str(registry), option, value, "--seed", "1"]) == 2
    err = capsys.readouterr().err
    assert option in err and "Traceback" not in err


def test_db_folder_and_out_file_are_refused_before_any_crawl(registry, tmp_path, capsys):
    assert main([str(registry), "--db", str(tmp_path)]) == 2
    assert "--db" in capsys.readouterr().err
    out_file = tmp_path / "out.txt"
    out_file.write_text("x")
    assert main([str(registry), "--out", str(out_file)]) == 2
    assert "--out" in capsys.readouterr().err


def test_db_that_is_not_a_database_is_a_clear_error(registry, tmp_path, capsys):
    db = tmp_path / "notes.sqlite"
    db.write_text("not a database " * 100)
    assert main([str(registry), "--db", str(db), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "history database cannot be used" in err and "Traceback" not in err


@pytest.mark.parametrize("url", ["http://demo.example:99999999/", "http://demo.example:abc/",
                                 "http://[::1/", "http://demo.example:0/"])
def test_bad_registry_addresses_name_file_line_and_field(tmp_path, capsys, url):
    path = tmp_path / "registry.yml"
    path.write_text(f"sites:\n  - id: demo\n    name: 示範\n    url: '{url}'\n", encoding="utf-8")
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:4: sites[0].url:" in err and "Traceback" not in err


@pytest.mark.parametrize(("text", "said"), [
    ("? [a, b]\n: 1\nsites:\n  - {id: x, name: y, url: 'http://demo.example/'}\n",
     ":1: (top level): a key must be a plain word"),
    ("sites:\n  - ? [a, b]\n    : 1\n    id: x\n    name: y\n    url: http://demo.example/\n",
     ":2: sites[0]: a key must be a plain word"),
    ("max_age_days: !!binary zz\nsites:\n  - {id: x, name: y, url: 'http://demo.example/'}\n",
     ":1: max_age_days: 'zz' is not a whole number"),
])
def test_odd_yaml_in_a_registry_is_named_not_a_traceback(tmp_path, capsys, text, said):
    path = tmp_path / "registry.yml"
    path.write_text(text, encoding="utf-8")
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}{said}" in err and "Traceback" not in err


def test_registry_limits(tmp_path, capsys):
    path = tmp_path / "registry.yml"
    path.write_text("max_age_days: 99999999999\nsites:\n  - id: demo\n    name: x\n"
                    "    url: http://demo.example/\n", encoding="utf-8")
    assert main([str(path)]) == 1
    assert f"{path}:1: max_age_days:" in capsys.readouterr().err
    path.write_text("sites: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert main([str(path)]) == 1
    assert "nested too deeply" in capsys.readouterr().err
    fifo = tmp_path / "fifo.yml"
    os.mkfifo(fifo)
    assert main([str(fifo)]) == 2  # never opened: it would block forever
    assert "not a regular file" in capsys.readouterr().err


def test_a_second_run_on_the_same_history_is_refused(registry, tmp_path, capsys):
    db = tmp_path / "history.sqlite"
    with history_lock(db):
        assert main([str(registry), "--db", str(db), "--out", str(tmp_path / "o"),
                     "--resume"]) == 1
    assert "another spot check is running" in capsys.readouterr().err


def test_a_run_is_identified_by_the_registrys_absolute_path_and_content(registry, monkeypatch):
    key = run_key(load_registry(registry))
    monkeypatch.chdir(registry.parent)
    assert run_key(load_registry(registry.relative_to(registry.parent))) == key
    registry.write_text(registry.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert run_key(load_registry(registry)) != key


DEEP = "<html><body>" + "<div>" * 20_000 + "x" + "</div>" * 20_000 + "</body></html>"


def test_complexity_cap():
    assert too_complex(DEEP).startswith(TOO_COMPLEX)
    assert too_complex("<p>" + "<p>段落" * 5000 + "<br>" * 5000) is None  # unclosed <p>: flat
    assert too_complex(html("首頁", "<ul>" + "<li><a href=x>x</a></li>" * 3000 + "</ul>")) is None
    assert too_complex("<i>" * 200_001).startswith(TOO_COMPLEX)


@pytest.mark.slow
def test_page_too_complex_is_reported_as_such_not_as_a_hanging_server(tmp_path):
    srv = FixtureServer()
    try:
        srv.page("/s/", html("首頁", '<p>2026-04-28 研討會</p><a href="deep.html">深</a>'))
        srv.page("/s/deep.html", DEEP)
        registry = write_registry(tmp_path / "registry.yml", {"s": f"{srv.base}/s/"})
        code, doc = run_check(tmp_path, registry, "--internal-only", "--site-timeout", "30")
    finally:
        srv.stop()
    (site,) = doc["sites"]
    assert code == 0 and site["verdict"] != "unreachable"
    assert any(TOO_COMPLEX in w for w in site["warnings"])
    assert site["stats"]["seconds"] < 10


@pytest.mark.slow
def test_wall_clock_cap_says_how_far_the_check_got(tmp_path):
    hanging = HangingServer()
    try:
        registry = write_registry(tmp_path / "registry.yml", {"h": f"{hanging.base}/"})
        code, doc = run_check(tmp_path, registry, "--timeout", "30", "--site-timeout", "1.5")
    finally:
        hanging.stop()
    (site,) = doc["sites"]
    assert code == 0 and site["verdict"] == "unreachable"
    assert "wall-clock cap) after 0 page(s) and 0 request(s); the server may be hanging" in (
        site["reasons"][0])


def test_lang_zh_reaches_the_errors_of_the_command(registry, tmp_path, capsys):
    db = tmp_path / "history.sqlite"
    with history_lock(db):
        assert main([str(registry), "--db", str(db), "--out", str(tmp_path / "o"),
                     "--lang", "zh"]) == 1
    assert "錯誤：另一個抽查正在使用紀錄檔" in capsys.readouterr().err


def test_lang_anywhere_reaches_spotcheck_plan(tmp_path, capsys):
    from generator.cli import main as alliance

    path = tmp_path / "registry.yml"
    path.write_text("sites:\n  - {id: x, name: y, url: 'http://demo.example/'}\n",
                    encoding="utf-8")
    for argv in (["--lang", "zh", "spotcheck", "plan", str(path)],
                 ["spotcheck", "plan", str(path), "--lang", "zh"]):
        assert alliance([*argv, "--year", "2026", "--checks", "2", "--seed", "1"]) == 0
        assert "2026-" in capsys.readouterr().out
