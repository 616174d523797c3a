"""Links as browsers fetch them, on the hand-made site ``corpus/links`` and its truth file.

Every planted broken link must be found with its page, and nothing else reported: ``#top``,
``#``, text fragments, ids with ROC dates, ``%`` or Chinese in them, and fragments behind a
redirect are valid; ``<source srcset>``, ``poster``, SVG ``href``/``xlink:href``, ``og:image``,
``<style>`` ``url()``/``@import`` and stylesheet ``url()`` are checked; a ``file:`` link is
broken; with ``--internal-only`` a same-host link outside the site's folder is still checked.
"""

from __future__ import annotations

import pytest
from spotcheck_support import CORPUS, CorpusServer, broken_pairs, run_check, truth, write_registry

from site_checks.evidence.links import LOCAL_FILE, fragment_resolves, points_to_local_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("links")
    srv = CorpusServer(CORPUS / "links")
    try:
        registry = write_registry(tmp / "registry.yml", {"links": srv.url})
        code, doc = run_check(tmp, registry, "--internal-only")
        assert code == 0
        yield doc["sites"][0]
    finally:
        srv.stop()


def test_every_planted_broken_link_is_found_and_nothing_else(site):
    expected = {tuple(pair) for pair in truth("links")["broken"]}
    found = broken_pairs(site)
    assert found - expected == set(), "false alarms"
    assert expected - found == set(), "missed"


def test_file_link_says_why_it_is_broken(site):
    (entry,) = [e for e in site["links"]["broken"] if e["url"].startswith("file:")]
    assert entry["status"] == LOCAL_FILE and entry["text"] == "下載簡報"


def test_same_host_link_outside_the_folder_is_checked_not_followed(site):
    (entry,) = [e for e in site["links"]["broken"] if "/other/" in e["url"]]
    assert entry["status"] == "404" and entry["internal"] is False
    assert site["links"]["pages"] == 4  # index, about, page2, final: nothing outside followed


@pytest.mark.parametrize(("fragment", "ok"), [
    ("", True), ("top", True), ("TOP", True), ("%3A~%3Atext=聯盟", True),
    (":~:text=a,b", True), ("section:~:text=x", True), ("gone:~:text=x", False),
    ("50%25off", True), ("50%off", True), ("%E4%B8%AD", True), ("中", True), ("nope", False),
])
def test_fragment_rules(fragment, ok):
    assert fragment_resolves(fragment, frozenset({"section", "50%off", "中"})) is ok


@pytest.mark.parametrize(("url", "local"), [
    ("file:///C:/x.pdf", True), ("c:%5CUsers%5Cx.doc", True), ("smb://nas/share/x", True),
    ("https://x.example/", False), ("mailto:a@b.tw", False), ("tel:+886", False),
    ("relative/page.html", False),
])
def test_links_to_the_authors_computer(url, local):
    assert points_to_local_file(url) is local
