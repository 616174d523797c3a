"""Refuse connections to private, loopback and link-local addresses at connect time.

LinkChecker follows redirects anywhere; a site (or a hijacked link) could point the crawler at
``169.254.169.254`` or an intranet host. The guard sits where every HTTP(S) connection of
requests/urllib3 is opened, so it applies to the first request and to every redirect hop, and
it checks the address actually connected to (the peer), not just what DNS said first.
Only the registered site's own host may be private (a PI checking a site on localhost).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterable

import urllib3.util.connection

#: Prefix LinkChecker's error text will carry, so that evidence can report "blocked".
BLOCKED_MARK = "spotcheck-blocked"
_PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "ftp_proxy", "no_proxy")


class BlockedAddress(OSError):
    """A connection the guard refused; its text names the host and the address."""


def is_forbidden(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for addresses no public web page should make us visit."""
    return not ip.is_global or ip.is_multicast


def resolve(host: str) -> set[str]:
    """Every address ``host`` resolves to (empty when it does not resolve)."""
    try:
        return {info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError):
        return set()


#: Addresses of the current site's own host; the guard reads it on every connection.
_allowed: frozenset[ipaddress.IPv4Address | ipaddress.IPv6Address] = frozenset()
_installed = False
#: Hosts refused while checking the current site. LinkChecker cuts error texts at 240
#: characters, so after a long URL the mark may be gone; the host is named near the start.
_refused: set[str] = set()


def refused_in(error_text: str) -> bool:
    """Whether LinkChecker's error text is about a connection this guard refused."""
    if BLOCKED_MARK in error_text:
        return True
    return any(f"host='{host}'" in error_text or f"host={host}" in error_text
               for host in _refused)


def install(allowed_addresses: Iterable[str]) -> None:
    """Guard every urllib3 connection in this process; drop proxy settings from the environment.

    Called at the start of each site a worker process checks (one site at a time per process),
    with the addresses of that site's own host. The guard is put in place once per process;
    later calls only replace the allowed addresses, so a reused worker never keeps the
    previous site's host allowed.
    """
    global _allowed, _installed
    for var in _PROXY_VARS:
        os.environ.pop(var, None)
        os.environ.pop(var.upper(), None)
    _allowed = frozenset(ipaddress.ip_address(a) for a in allowed_addresses)
    _refused.clear()
    if _installed:
        return
    original = urllib3.util.connection.create_connection

    def check(host: str, address: str) -> None:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if is_forbidden(ip) and ip not in _allowed:
            _refused.add(host)
            raise BlockedAddress(
                f"{BLOCKED_MARK}: connection to {host} ({ip}) refused: private, loopback or "
                "link-local address that is not the site's own host"
            )

    def guarded(address, *args, **kwargs):
        host, port = address
        for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
            check(host, info[4][0])
        sock = original(address, *args, **kwargs)
        try:
            check(host, sock.getpeername()[0])
        except BlockedAddress:
            sock.close()
            raise
        return sock

    urllib3.util.connection.create_connection = guarded
    _installed = True
