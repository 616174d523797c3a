"""Site fixtures: the example built once per session, a tampered copy, a local server.

Browser tests use pytest-playwright with Debian's Chromium (never ``playwright install``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from site_support import EXAMPLE, REPO, Built, make_project, run_build
from tampering import tamper

from generator.site.screenshots import CHROMIUM, LAUNCH_ARGS
from generator.site.serving import serve_folder


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The shipped examples (smart-sensing and food-safety) and their portal, built strictly
    (any MkDocs warning fails) from the repository."""
    tmp = tmp_path_factory.mktemp("example")
    built = run_build(REPO, tmp / "site", tmp / "scratch")
    assert built.code == 0, built.stderr
    return built


@pytest.fixture(scope="session")
def tampered_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, dict[str, str]]:
    """A full copy of the example with a canary in every private field and hostile markup."""
    tmp = tmp_path_factory.mktemp("tampered")
    root = make_project(tmp, {"smart-sensing": EXAMPLE})
    canaries = tamper(root / "alliances" / "smart-sensing")
    built = run_build(root, tmp / "site", tmp / "scratch", strict=False)
    assert built.code == 0, built.stderr
    return built, canaries


@pytest.fixture(scope="session")
def site_url(example_site: Built) -> Iterator[str]:
    with serve_folder(example_site.out) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": LAUNCH_ARGS,
            "headless": True}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here and "browser" in item.keywords:
            item.add_marker(pytest.mark.slow)
