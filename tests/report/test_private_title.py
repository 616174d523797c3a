"""The companion says what it is where a person looks first: the title and the cover."""

from __future__ import annotations

import re

MARK = "內部版 — 勿上傳"


def _title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match is not None
    return match.group(1)


def _cover(html: str) -> str:
    match = re.search(r'<header class="cover">(.*?)</header>', html, re.S)
    assert match is not None
    return match.group(1)


def test_the_private_companion_is_marked_in_its_title_and_cover(private_html: str) -> None:
    assert _title(private_html).startswith(MARK)  # a browser tab or PDF viewer cuts the end
    assert re.search(rf'<p class="doc">[^<]*{MARK}</p>', _cover(private_html))


def test_the_public_report_is_not_marked(public_html: str) -> None:
    assert MARK not in public_html and "內部版" not in _title(public_html)
