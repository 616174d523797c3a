"""``make check`` on a built site folder: it serves it, checks it and says whether it passes."""

from __future__ import annotations

import json

import pytest
from spotcheck_support import CHECK_DATE, html

from site_checks.selfcheck import main

pytestmark = pytest.mark.slow

NEWS = "<article><time datetime='2026-05-02'>2026-05-02</time><p>會員大會圓滿結束。</p></article>"
PAGES = ["about", "members", "join", "services", "news", "contact"]


def _build(root, broken: bool = False):
    site = root / "demo"
    (site / "zh-TW").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><head><meta http-equiv="refresh" content="0; url=zh-TW/"></head></html>',
        encoding="utf-8")
    extra = '<a href="missing.html">壞連結</a>' if broken else ""
    (site / "zh-TW" / "index.html").write_text(html("首頁", NEWS + extra), encoding="utf-8")
    for name in PAGES:  # the news on the news page only: a date on every page is a stamp
        body = NEWS if name == "news" else f"<p>{name} 的說明。</p>"
        (site / "zh-TW" / f"{name}.html").write_text(html(name, body), encoding="utf-8")
    return root


def test_built_site_that_is_healthy_passes(tmp_path, capsys):
    site = _build(tmp_path / "site")
    assert main(["--site", str(site), "--out", str(tmp_path / "out"), "--date", CHECK_DATE]) == 0
    assert "every site passes" in capsys.readouterr().out
    assert (tmp_path / "out" / f"spotcheck-{CHECK_DATE}.html").exists()


def test_built_site_with_broken_link_fails_the_check(tmp_path, capsys):
    site = _build(tmp_path / "site", broken=True)
    assert main(["--site", str(site), "--out", str(tmp_path / "out"), "--date", CHECK_DATE]) == 1
    assert "do not pass: demo" in capsys.readouterr().out


def test_missing_site_folder_says_so(tmp_path, capsys):
    assert main(["--site", str(tmp_path / "site")]) == 1
    assert "build the site first" in capsys.readouterr().err


def test_offline_preview_skips_external_links_and_a_new_port_is_no_change(tmp_path, capsys):
    """A local preview cannot reach member websites; nor is a new port a content change."""
    site = _build(tmp_path / "site")
    page = site / "demo" / "zh-TW" / "members.html"
    page.write_text(html("members", NEWS + '<a href="http://unreachable.invalid/">會員官網</a>'),
                    encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):  # each run serves on a fresh free port
        assert main(["--site", str(site), "--out", str(out), "--date", CHECK_DATE]) == 0
    report = json.loads((out / f"spotcheck-{CHECK_DATE}.json").read_text(encoding="utf-8"))
    demo = report["sites"][0]
    assert demo["links"]["broken"] == []
    assert demo["links"]["not_checked"] == {"external link, not checked (--internal-only)": 1}
    assert demo["freshness"]["changed_since_last_check"] is False
    # Asked to check external links too, the unreachable member website is broken.
    assert main(["--site", str(site), "--out", str(out), "--date", CHECK_DATE,
                 "--external"]) == 1
    capsys.readouterr()
