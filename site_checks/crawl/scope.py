"""What belongs to the site being checked: the one place that draws its borders.

Three rings: the registered folder (followed and checked: LinkChecker's intern pattern,
``www.`` or not, http or https), the rest of the same host (checked, never followed — a wrong
``<base href>`` or a link to the department's old pages breaks there), and other hosts
(checked unless ``--internal-only``, never followed).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit


def _host(url: str) -> str:
    parts = urlsplit(url)
    return parts.netloc.lower().removeprefix("www.")


def internal_prefixes(start_url: str) -> tuple[str, ...]:
    """URL prefixes LinkChecker treats as the site itself (its intern pattern, as prefixes)."""
    parts = urlsplit(start_url)
    path = parts.path[: parts.path.rfind("/") + 1] or "/"
    host = _host(start_url)
    return tuple(f"{scheme}://{www}{host}{path}"
                 for scheme in ("http", "https") for www in ("", "www."))


def same_host(url: str, start_url: str) -> bool:
    """True when ``url`` is on the registered site's host (any path, http or https)."""
    return urlsplit(url).scheme in ("http", "https") and _host(url) == _host(start_url)


def other_host(url: str, start_url: str) -> bool:
    """True for a web address on another host than the registered site's."""
    return urlsplit(url).scheme in ("http", "https") and not same_host(url, start_url)


def other_hosts_pattern(start_url: str) -> str:
    """A regex matching every URL on the site's own host; negated, it names other hosts."""
    return rf"^https?://(www\.)?{re.escape(_host(start_url))}(/|$)"
