"""Facts drawn from crawled pages: links, dates, fingerprints, required content, freshness."""
