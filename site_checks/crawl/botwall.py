"""Telling a bot wall from a real "forbidden": a 403 from Cloudflare's challenge says nothing
about whether the page exists, so such links are unverified, not broken."""

from __future__ import annotations

import re

_HEADERS = ("cf-mitigated", "cf-chl-bypass", "x-amzn-waf-action", "x-datadome", "x-sucuri-block")
_SERVERS = re.compile(r"cloudflare|akamaighost|ddos-guard|sucuri|imperva|incapsula", re.I)
_BODY = re.compile(
    rb"captcha|challenge|attention required|just a moment|are you a robot|bot detection|"
    rb"access denied|unusual traffic|verify you are human",
    re.IGNORECASE,
)


def looks_like_botwall(response) -> bool:
    """True when a 403/503 ``requests`` response carries a bot-protection signature.

    Reads at most the first 8 KiB of the body (the response is streamed and not otherwise
    used: LinkChecker does not read the content of an error page).
    """
    headers = {k.lower(): v for k, v in response.headers.items()}
    if any(h in headers for h in _HEADERS) or _SERVERS.search(headers.get("server", "")):
        return True
    try:
        head = next(response.iter_content(8192), b"")
    except (OSError, ValueError, RuntimeError):
        return False
    return bool(_BODY.search(head or b""))
