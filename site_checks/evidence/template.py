"""A site's template, learnt from its own pages: what every page repeats is not content.

Fixed patterns (``volatile``) cannot know a site's sidebar, its "latest news" box or the
slogan under its logo; those blocks stand on most pages and change with the template, not with
the content. A text block (a line of the extracted main text, masked and normalised) found on
at least :data:`BOILERPLATE_SHARE` of a site's pages (of :data:`MIN_PAGES` or more) is
boilerplate, and each page's fingerprint is taken over its other blocks only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from site_checks.evidence.fingerprint import fingerprint_blocks
from site_checks.models import PageFacts

#: A block on at least this share of the site's pages is template, not content.
BOILERPLATE_SHARE = 0.6
#: Fewer pages than this teach nothing about a template.
MIN_PAGES = 3


def boilerplate(pages: list[PageFacts]) -> set[str]:
    """The blocks that stand on most of the site's pages."""
    if len(pages) < MIN_PAGES:
        return set()
    counts = Counter(block for page in pages for block in set(page.blocks))
    return {block for block, n in counts.items() if n / len(pages) >= BOILERPLATE_SHARE}


def without_boilerplate(pages: list[PageFacts]) -> list[PageFacts]:
    """The pages with their fingerprints retaken over their non-template blocks."""
    template = boilerplate(pages)
    if not template:
        return pages
    out = []
    for page in pages:
        fp = fingerprint_blocks([b for b in page.blocks if b not in template])
        out.append(replace(page, sha256=fp.sha256, simhash=fp.simhash, text_length=fp.length))
    return out
