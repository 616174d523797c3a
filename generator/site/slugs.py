"""ASCII URLs for Chinese category names (the blog plugin's ``categories_slugify``).

Categories are ids in the news front matter (``events``); pages show their label
(活動 / Events). The blog plugin slugifies the label, so we map a label back to its id:
category URLs are then the same ASCII path in both languages.
"""

from __future__ import annotations

from pymdownx.slugs import slugify as _slugify

from .labels import CATEGORY_LABELS

_BY_LABEL = {label: cid for cid, pair in CATEGORY_LABELS.items() for label in pair}
_ascii = _slugify(case="lower")


def category_slug(text: str, separator: str) -> str:
    return _BY_LABEL.get(text) or _ascii(text, separator)
