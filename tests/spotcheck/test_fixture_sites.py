"""One spot check over a registry of fixture sites, each showing one kind of trouble.

All sites are checked in a single run (as an officer would), then each test reads the verdict
and evidence of its site from the JSON the command wrote.
"""

from __future__ import annotations

import pytest
from spotcheck_support import (
    CHECK_DATE,
    FixtureServer,
    HangingServer,
    html,
    run_check,
    write_registry,
)

pytestmark = pytest.mark.slow

FRESH_NEWS = '<article><time datetime="2026-04-28">2026-04-28</time><p>本聯盟舉辦智慧製造研討會，' \
             '共 42 家會員廠商參加。</p></article>'


def _nav_pages(srv: FixtureServer, prefix: str) -> None:
    """The six pages every fixture site's navigation links to."""
    for name, title in [("about", "聯盟簡介"), ("members", "聯盟會員"), ("join", "入會方式"),
                        ("services", "服務項目"), ("contact", "聯絡我們")]:
        srv.page(f"{prefix}/{name}.html", html(title, f"<p>{title}的內容說明文字。</p>"))
    srv.page(f"{prefix}/news.html", html("最新消息", FRESH_NEWS))


def _healthy(srv: FixtureServer, prefix: str, ext: FixtureServer) -> None:
    body = f'<p>歡迎。相關資源：<a href="{ext.base}/ok">工程中心</a></p>'
    srv.page(f"{prefix}/", html("首頁", body + FRESH_NEWS))
    _nav_pages(srv, prefix)


def _stale_rebuilt(srv: FixtureServer, prefix: str) -> None:
    """Old content, freshly rebuilt: every date a build touches says 'today'."""
    stamp = {"Last_Modified": "Tue, 12 May 2026 08:00:00 GMT"}
    footer = "© 2026 網站建置於 2026-05-12"
    old = "<article><p>114年1月10日 舉辦入會說明會，歡迎廠商參加。</p></article>"
    srv.page(f"{prefix}/", html("首頁", old, footer), **stamp)
    for name in ("about", "members", "join", "services", "contact", "news"):
        # the old announcement on the news page only (a date on every page is a stamp)
        body = old if name == "news" else ""
        srv.page(f"{prefix}/{name}.html", html(name, f"<p>{name} 說明</p>{body}", footer),
                 **stamp)
    urls = "".join(f"<url><loc>{srv.base}{prefix}/{n}.html</loc><lastmod>{CHECK_DATE}</lastmod>"
                   "</url>" for n in ("about", "members", "join", "news"))
    srv.page(f"{prefix}/sitemap.xml",
             f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"{urls}</urlset>", Content_Type="application/xml", **stamp)


def _broken(srv: FixtureServer, prefix: str, ext: FixtureServer) -> None:
    index = f"""{FRESH_NEWS}
<p><a href="a.html">第一頁</a> <a href="b.html">第二頁</a> <a href="missing1.html">舊活動</a>
<img src="gone.png" alt="logo"> <a href="{ext.base}/dead">已關閉的網站</a>
<a href="{ext.base}/ratelimited">限流網站</a> <a href="{ext.base}/botwall">防火牆網站</a>
<a href="loop">循環</a> <a href="a.html#nowhere">不存在的錨點</a>
<a href="a.html#here">錨點</a></p>"""
    srv.page(f"{prefix}/", html("首頁", index))
    _nav_pages(srv, prefix)
    srv.page(f"{prefix}/a.html", html("A", '<h2 id="here">這裡</h2><a href="missing1.html">舊'
                                           '</a><a href="missing2.html">更舊</a>'))
    srv.page(f"{prefix}/b.html", html("B", '<a href="missing2.html">更舊</a>'))
    srv.page(f"{prefix}/loop", "", status=302, Location=f"{prefix}/loop2")
    srv.page(f"{prefix}/loop2", "", status=302, Location=f"{prefix}/loop")


def _errors(srv: FixtureServer, prefix: str) -> None:
    links = '<a href="x.html">X</a><a href="y.html">Y</a>'
    srv.page(f"{prefix}/", html("首頁", FRESH_NEWS + links))
    srv.page(f"{prefix}/x.html", "<html><body>oops</body></html>", status=500)
    srv.page(f"{prefix}/y.html", html("Y", "<p>fine</p>"))
    _nav_pages(srv, prefix)


def _calendar(srv: FixtureServer, prefix: str) -> None:
    def month_page(path: str):
        month = path.split("month=", 1)[1] if "month=" in path else "2026-05"
        year, mon = (int(x) for x in month.split("-"))
        nxt = f"{year + mon // 12}-{mon % 12 + 1:02d}"
        prev = f"{year - (mon == 1)}-{(mon - 2) % 12 + 1:02d}"
        return 200, {}, html("活動行事曆", f'<a href="calendar?month={prev}">上個月</a>'
                                          f'<a href="calendar?month={nxt}">下個月</a>')

    srv.page(f"{prefix}/", html("首頁", FRESH_NEWS + '<a href="calendar?month=2026-05">行事曆</a>'))
    srv.routes[f"{prefix}/calendar"] = month_page
    _nav_pages(srv, prefix)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """The JSON of one run over every fixture site, plus the servers (for hit counts)."""
    tmp = tmp_path_factory.mktemp("sites")
    main, ext, robots, forbidden = (FixtureServer(), FixtureServer(), FixtureServer(),
                                    FixtureServer("127.0.0.2"))
    hanging = HangingServer()
    ext.page("/ok", "<html><body>ok</body></html>")
    ext.page("/dead", "gone", status=404)
    ext.page("/ratelimited", "slow down", status=429, Retry_After="1")
    ext.page("/botwall", "<html><title>Just a moment...</title></html>", status=403,
             cf_mitigated="challenge", Server="cloudflare")
    forbidden.page("/secret", "<html><body>internal admin</body></html>")
    _healthy(main, "/healthy", ext)
    _healthy(main, "/healthy2", ext)
    _stale_rebuilt(main, "/stale")
    _broken(main, "/broken", ext)
    _errors(main, "/errors")
    _calendar(main, "/calendar")
    main.page("/redirect/", html("首頁", FRESH_NEWS + '<a href="go">外連</a>'))
    main.page("/redirect/go", "", status=302, Location=f"{forbidden.base}/secret")
    _nav_pages(main, "/redirect")
    robots.page("/robots.txt", "User-agent: *\nDisallow: /\n", Content_Type="text/plain")
    robots.page("/", html("首頁", FRESH_NEWS))
    registry = write_registry(tmp / "registry.yml", {
        "healthy": f"{main.base}/healthy/",
        "healthy2": f"{main.base}/healthy2/",
        "stale": f"{main.base}/stale/",
        "broken": f"{main.base}/broken/",
        "errors": f"{main.base}/errors/",
        "calendar": f"{main.base}/calendar/",
        "redirect": f"{main.base}/redirect/",
        "robots": f"{robots.base}/",
        "hanging": f"{hanging.base}/",
    })
    code, doc = run_check(tmp, registry, "--timeout", "3", "--site-timeout", "60",
                          "--max-depth", "40")
    yield {"code": code, "doc": doc, "sites": {s["id"]: s for s in doc["sites"]},
           "ext": ext, "forbidden": forbidden, "main": main, "tmp": tmp}
    for srv in (main, ext, robots, forbidden, hanging):
        srv.stop()


def test_run_completes_with_exit_0_and_every_site_judged(checked):
    assert checked["code"] == 0
    assert checked["doc"]["date"] == CHECK_DATE and checked["doc"]["in_season"] is True
    assert list(checked["sites"]) == ["healthy", "healthy2", "stale", "broken", "errors",
                                      "calendar", "redirect", "robots", "hanging"]


def test_healthy_fresh_site_passes(checked):
    site = checked["sites"]["healthy"]
    assert site["verdict"] == "pass", site["reasons"]
    assert site["reasons"] == []
    assert site["links"]["broken"] == [] and site["links"]["unverified"] == []
    assert site["links"]["pages"] == 7
    assert site["freshness"]["fresh"] is True
    assert site["freshness"]["last_update"] == "2026-04-28"
    assert site["content"]["missing"] == []


def test_external_link_shared_by_two_sites_is_asked_once(checked):
    assert checked["ext"].hits["/ok"] == 1


def test_stale_site_rebuilt_today_is_not_fresh(checked):
    site = checked["sites"]["stale"]
    fresh = site["freshness"]
    assert site["verdict"] == "fail"
    assert fresh["fresh"] is False
    assert fresh["last_update"] == "2025-01-10"  # 114年1月10日, the only content date
    assert any("not updated within 90 days" in r for r in site["reasons"])
    ignored = {e["kind"]: e["ignored"] for e in fresh["evidence"] if "ignored" in e}
    assert "same" in ignored["sitemap-lastmod"]
    assert "Last-Modified" in ignored["last-modified"]
    assert "©" in ignored["copyright"]


def _pairs(entries):
    return {(e["parent"].rsplit("/", 1)[-1], e["url"].rsplit("/", 1)[-1]) for e in entries}


def test_broken_links_listed_per_page_with_text_and_status(checked):
    site = checked["sites"]["broken"]
    links = site["links"]
    assert site["verdict"] == "fail"
    assert _pairs(links["broken"]) == {
        ("", "missing1.html"), ("", "gone.png"), ("", "dead"), ("", "loop"),
        ("", "a.html#nowhere"), ("a.html", "missing1.html"), ("a.html", "missing2.html"),
        ("b.html", "missing2.html"),
    }
    by_url = {(e["parent"].rsplit("/", 1)[-1], e["url"].rsplit("/", 1)[-1]): e
              for e in links["broken"]}
    assert by_url[("", "missing1.html")] == {
        "url": f"{checked['main'].base}/broken/missing1.html",
        "parent": f"{checked['main'].base}/broken/", "text": "舊活動", "status": "404",
        "internal": True}
    assert by_url[("", "dead")]["internal"] is False
    assert by_url[("", "loop")]["status"] == "redirect loop"
    assert by_url[("", "a.html#nowhere")]["status"] == "missing anchor #nowhere"
    assert any("8 broken link(s) on 3 page(s)" in r for r in site["reasons"])


def test_429_and_bot_wall_are_unverified_and_retried_after_retry_after(checked):
    unverified = {e["url"].rsplit("/", 1)[-1]: e["status"]
                  for e in checked["sites"]["broken"]["links"]["unverified"]}
    assert unverified == {"ratelimited": "429", "botwall": "403 (bot wall)"}
    assert checked["ext"].hits["/ratelimited"] == 2  # first try + one retry after 1 s


def test_server_errors_on_some_pages_are_broken_links(checked):
    site = checked["sites"]["errors"]
    assert site["verdict"] == "fail"
    assert [(e["url"].rsplit("/", 1)[-1], e["status"]) for e in site["links"]["broken"]] == [
        ("x.html", "500")]


def test_robots_disallow_all_is_a_fail_never_a_silent_pass(checked):
    site = checked["sites"]["robots"]
    assert site["verdict"] == "fail"
    assert "robots.txt forbids the check" in site["reasons"][0]


def test_hanging_server_is_unreachable(checked):
    site = checked["sites"]["hanging"]
    assert site["verdict"] == "unreachable"
    assert "timeout" in site["reasons"][0]


def test_redirect_to_private_address_is_blocked_at_connect_time(checked):
    site = checked["sites"]["redirect"]
    assert checked["forbidden"].hits["/secret"] == 0
    assert [e["url"].rsplit("/", 1)[-1] for e in site["links"]["blocked"]] == ["go"]
    assert site["verdict"] == "fail"
    assert any("private" in r for r in site["reasons"])


def test_infinite_calendar_is_cut_off(checked):
    site = checked["sites"]["calendar"]
    assert site["links"]["pages"] <= 30  # 7 pages + at most 20 query variants of the calendar
    assert checked["main"].hits["/calendar/calendar"] <= 20
    assert site["links"]["not_checked"].get("query-string explosion", 0) >= 1
    assert site["verdict"] == "pass"
