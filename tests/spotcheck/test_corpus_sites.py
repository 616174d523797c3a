"""The hand-made sites of ``corpus/`` checked against their truth files.

Each site with ``versions`` is checked twice, as an officer would a month apart: first as
``v1`` (broken links, newest content date, fresh or not), then once as each later version on
its own history (a rebuild must read "changed: false", a real edit "changed: true").
"""

from __future__ import annotations

import pytest
from spotcheck_support import CORPUS, CorpusServer, broken_pairs, run_check, truth, write_registry

pytestmark = pytest.mark.slow

SITES = sorted(p.name for p in CORPUS.iterdir() if (p / "_truth.yml").exists()
               and "versions" in truth(p.name))
SECOND_CHECK = "2026-06-12"


@pytest.fixture(scope="module")
def checks(tmp_path_factory):
    """Two runs over every (site, version) track; their JSON, keyed by track id."""
    tmp = tmp_path_factory.mktemp("corpus")
    tracks = {(name, version): CorpusServer(CORPUS / name / "v1")
              for name in SITES for version in truth(name)["versions"]}
    try:
        registry = write_registry(tmp / "registry.yml", {
            f"{name}-{version}": srv.url for (name, version), srv in tracks.items()})
        code, first = run_check(tmp, registry, "--internal-only")
        assert code == 0
        for (name, version), srv in tracks.items():
            srv.serve(CORPUS / name / version)
        code, second = run_check(tmp, registry, "--internal-only", date=SECOND_CHECK)
        assert code == 0
    finally:
        for srv in tracks.values():
            srv.stop()
    yield ({s["id"]: s for s in first["sites"]}, {s["id"]: s for s in second["sites"]})


def _tracks(name: str) -> list[str]:
    return [f"{name}-{version}" for version in truth(name)["versions"]]


@pytest.mark.parametrize("name", SITES)
def test_every_planted_broken_link_with_its_page_and_no_false_alarm(checks, name):
    expected = {tuple(pair) for pair in truth(name)["broken"]}
    for track in _tracks(name):
        assert broken_pairs(checks[0][track]) == expected, track


@pytest.mark.parametrize("name", SITES)
def test_newest_content_date_and_freshness(checks, name):
    for track in _tracks(name):
        fresh = checks[0][track]["freshness"]
        assert fresh["last_update"] == truth(name)["newest_content"], fresh["evidence"]
        assert fresh["fresh"] is truth(name)["fresh"]


@pytest.mark.parametrize("name", SITES)
def test_rebuild_is_not_a_change_and_an_edit_is(checks, name):
    for version, expected in truth(name)["versions"].items():
        fresh = checks[1][f"{name}-{version}"]["freshness"]
        assert fresh["changed_since_last_check"] is expected["changed"], (
            version, fresh["changed_pages"])
        assert fresh["fresh"] is expected["fresh"], (version, fresh["evidence"])
