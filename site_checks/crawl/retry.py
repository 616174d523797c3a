"""A second chance for links that could not be verified (429, bot wall, timeout).

Retried after the crawl, so the crawl itself is never stalled; waits honour ``Retry-After``
(up to a cap) and otherwise back off exponentially. Externals are retried by one worker per
run, through the shared store, and the final answer is shared.
"""

from __future__ import annotations

import email.utils
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, replace

import requests

from site_checks import USER_AGENT
from site_checks.crawl.botwall import looks_like_botwall
from site_checks.crawl.externals import ExternalStore
from site_checks.evidence.links import UNVERIFIED, classify
from site_checks.models import UrlResult
from site_checks.settings import CheckSettings


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _probe(session: requests.Session, result: UrlResult, settings: CheckSettings) -> UrlResult:
    """One more request; a new :class:`UrlResult` with what the server said this time."""
    try:
        with session.get(result.url, timeout=settings.request_timeout, stream=True,
                         allow_redirects=True) as response:
            tags = []
            if response.headers.get("Retry-After"):
                tags.append(f"retry-after={response.headers['Retry-After'].strip()}")
            if response.status_code in (403, 503) and looks_like_botwall(response):
                tags.append("botwall")
            code = response.status_code
            valid = code < 400 or code == 429
            return replace(result, valid=valid, status=code, tags=tuple(tags),
                           result=f"{code} {response.reason} (after retry)")
    except requests.RequestException as exc:
        return replace(result, valid=False, status=None, tags=(),
                       result=f"{type(exc).__name__}: {exc}")


def _retry_one(result: UrlResult, settings: CheckSettings) -> UrlResult:
    session = requests.Session()
    session.trust_env = False  # proxies from the environment are ignored
    session.headers["User-Agent"] = USER_AGENT
    delay = settings.backoff
    for _attempt in range(settings.retries):
        hinted = next((retry_after_seconds(t.split("=", 1)[1]) for t in result.tags
                       if t.startswith("retry-after=")), None)
        if hinted is not None and hinted > settings.max_retry_wait:
            break  # the server asks for more patience than a spot check has
        time.sleep(hinted if hinted is not None else delay)
        delay *= 2
        result = _probe(session, result, settings)
        if classify(result)[0] != UNVERIFIED:
            break
    return result


def retry_unverified(
    results: dict[str, UrlResult], settings: CheckSettings, store: ExternalStore
) -> None:
    """Retry every unverified result in place; externals coordinated through ``store``."""
    todo = [r for r in results.values() if classify(r)[0] == UNVERIFIED]
    if not todo or settings.retries <= 0:
        return

    def work(result: UrlResult) -> UrlResult:
        if result.internal:
            return _retry_one(result, settings)
        shared = store.fetch_or_claim(result.key, final=True)
        if shared is not None:
            return UrlResult(**dict(shared, tags=tuple(shared["tags"])))
        final = _retry_one(result, settings)
        store.publish_final(result.key, asdict(final))
        return final

    with ThreadPoolExecutor(max_workers=4) as pool:
        for new in pool.map(work, todo):
            results[new.key] = new
