"""Our LinkChecker plugins, loaded by LinkChecker from ``pluginfolders`` like any other.

``SpotCheckContent`` hands each own page's HTML (and sitemaps) to the collector while
LinkChecker holds it; ``SpotCheckConnection`` notes the HTTP facts LinkChecker throws away
(status code, Retry-After, bot-wall signs) as info strings that travel with its results,
including through its result cache.
"""

from linkcheck.plugins import _ConnectionPlugin, _ContentPlugin

from site_checks.crawl.botwall import looks_like_botwall
from site_checks.crawl.collector import TAG

__all__ = ["SpotCheckContent", "SpotCheckConnection"]


class SpotCheckContent(_ContentPlugin):
    """Pass own HTML pages and sitemaps to the spot check's collector."""

    def __init__(self, config):
        super().__init__(config)
        self.collector = config["collector"]

    def applies_to(self, url_data):
        return not url_data.extern[0] and url_data.valid

    def check(self, url_data):
        if url_data.is_html():
            headers = getattr(url_data, "headers", None) or {}
            self.collector.page(url_data.url, url_data.get_content(),
                                headers.get("Last-Modified"))
        elif url_data.content_type in ("application/xml", "text/xml") and (
            url_data.url.rstrip("/").endswith(".xml")
        ):
            self.collector.sitemap(url_data.get_raw_content())


class SpotCheckConnection(_ConnectionPlugin):
    """Record status, Retry-After and bot-wall signs of every HTTP response."""

    def __init__(self, config):
        super().__init__(config)

    def applies_to(self, url_data):
        return url_data.is_http() and url_data.url_connection is not None

    def check(self, url_data):
        response = url_data.url_connection
        url_data.add_info(f"{TAG}status={response.status_code}")
        retry_after = response.headers.get("Retry-After")
        if retry_after:
            url_data.add_info(f"{TAG}retry-after={retry_after.strip()}")
        if response.status_code in (403, 503) and looks_like_botwall(response):
            url_data.add_info(f"{TAG}botwall")

