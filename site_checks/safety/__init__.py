"""Bounds and guards that keep a crawl of other people's sites safe for them and for us."""
