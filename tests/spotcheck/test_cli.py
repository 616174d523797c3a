"""The command line: exit codes, error messages, plan and sample reproducibility, outputs."""

from __future__ import annotations

import csv
import re

import pytest
from spotcheck_support import CHECK_DATE, FixtureServer, html, run_check, write_registry

from site_checks.cli import main
from site_checks.plan import plan, sample
from site_checks.registry import load_registry


def _registry(tmp_path, n=6):
    return write_registry(tmp_path / "registry.yml",
                          {f"site{i}": f"http://127.0.0.1:9/site{i}/" for i in range(n)})


def test_missing_registry_is_usage_error(tmp_path, capsys):
    assert main([str(tmp_path / "nope.yml")]) == 2
    assert "registry file not found" in capsys.readouterr().err


def test_unknown_option_is_usage_error(tmp_path, capsys):
    assert main([str(_registry(tmp_path)), "--frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --frobnicate" in err and "Traceback" not in err


def test_sample_without_seed_is_usage_error(tmp_path, capsys):
    assert main([str(_registry(tmp_path)), "--sample", "2"]) == 2
    assert "--sample needs --seed" in capsys.readouterr().err


def test_invalid_registry_names_file_line_field_and_fix(tmp_path, capsys):
    path = tmp_path / "registry.yml"
    path.write_text("sites:\n  - id: demo\n    name: 示範\n    url: ftp://demo.example/\n"
                    "  - id: Bad Id\n    name: x\n    url: https://x.example/\n", encoding="utf-8")
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:4: sites[0].url: 'ftp://demo.example/' is not an http(s) address" in err
    assert f"{path}:5: sites[1].id: 'Bad Id' is not a valid id" in err
    assert "e.g. https://demo.example.edu.tw/" in err and "Traceback" not in err


def test_invalid_yaml_is_reported_with_line(tmp_path, capsys):
    path = tmp_path / "registry.yml"
    path.write_text("sites:\n  - id: a\n   name: [\n", encoding="utf-8")
    assert main([str(path)]) == 1
    assert re.search(rf"{re.escape(str(path))}:\d+: not valid YAML", capsys.readouterr().err)


def test_plan_is_reproducible_in_season_and_covers_every_site(tmp_path, capsys):
    registry = _registry(tmp_path)
    args = ["plan", str(registry), "--year", "2026", "--checks", "3", "--seed", "moe"]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == first
    dated = [line.split() for line in first.splitlines() if not line.startswith(" ")]
    assert len(dated) == 3
    assert all("2026-05-01" <= d <= "2026-10-31" for d, _ in dated)
    assert sorted(i for _, ids in dated for i in ids.split(",")) == [f"site{i}" for i in range(6)]
    assert main([*args[:-1], "other-seed"]) == 0
    assert capsys.readouterr().out != first


def test_plan_with_sample_draws_that_many_per_date(tmp_path):
    sites = list(load_registry(_registry(tmp_path)).sites)
    schedule = plan(sites, 2026, 4, "s", per_check=2)
    assert [len(group) for _, group in schedule] == [2, 2, 2, 2]
    assert len({d for d, _ in schedule}) == 4


def test_sample_is_reproducible_and_seed_dependent(tmp_path):
    sites = list(load_registry(_registry(tmp_path, 20)).sites)
    assert [s.id for s in sample(sites, 5, "a")] == [s.id for s in sample(sites, 5, "a")]
    assert {s.id for s in sample(sites, 5, "a")} != {s.id for s in sample(sites, 5, "b")}


@pytest.mark.slow
def test_outputs_json_csv_html_and_sampled_run(tmp_path):
    srv = FixtureServer()
    try:
        for sid in ("alpha", "beta", "gamma"):
            news = "<p>2026-05-01 研討會報名開始。</p>" if sid != "gamma" else "<p>2024-01-01</p>"
            dead = '<a href="gone.html">舊頁</a>' if sid == "beta" else ""
            srv.page(f"/{sid}/", html("首頁", news + dead))
        registry = write_registry(tmp_path / "registry.yml",
                                  {s: f"{srv.base}/{s}/" for s in ("alpha", "beta", "gamma")})
        expected = [s.id for s in sample(list(load_registry(registry).sites), 2, "7")]
        code, doc = run_check(tmp_path, registry, "--sample", "2", "--seed", "7")
    finally:
        srv.stop()
    assert code == 0
    assert [s["id"] for s in doc["sites"]] == expected
    site = doc["sites"][0]
    assert set(doc) >= {"date", "in_season", "sites"}
    assert set(site) >= {"id", "url", "verdict", "reasons", "links", "freshness"}
    assert set(site["links"]) >= {"pages", "checked", "broken", "unverified"}
    assert set(site["freshness"]) >= {"fresh", "last_update", "changed_since_last_check",
                                      "evidence"}

    out = tmp_path / "out"
    with (out / f"spotcheck-{CHECK_DATE}.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == expected
    assert {r["verdict"] for r in rows} <= {"pass", "fail", "unreachable"}

    page = (out / f"spotcheck-{CHECK_DATE}.html").read_text(encoding="utf-8")
    assert "<script" not in page and "stylesheet" not in page  # self-contained
    assert "失效連結" in page and "Broken links" in page and "Freshness" in page
    order = [page.index(f'id="site-{s["id"]}"') for s in
             sorted(doc["sites"], key=lambda s: {"unreachable": 0, "fail": 1, "pass": 2}[
                 s["verdict"]])]
    assert order == sorted(order)  # worst first
    broken = [b for s in doc["sites"] for b in s["links"]["broken"]]
    assert broken  # the nav pages do not exist on these sites
    for entry in broken:
        assert entry["url"] in page and entry["parent"] in page


@pytest.mark.slow
def test_out_of_season_run_still_happens_and_says_so(tmp_path, capsys):
    srv = FixtureServer()
    try:
        srv.page("/a/", html("首頁", "<p>2026-04-01 消息</p>"))
        registry = write_registry(tmp_path / "registry.yml", {"a": f"{srv.base}/a/"})
        code, doc = run_check(tmp_path, registry, date="2026-04-15")
    finally:
        srv.stop()
    assert code == 0 and doc["in_season"] is False
    assert "before May 1" in capsys.readouterr().out
