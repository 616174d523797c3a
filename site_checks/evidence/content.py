"""The content the ministry expects on an alliance site, found by heading or link text.

Missing items are warnings, not failures: the briefing asks for a promotional site (R6) but
does not fix its structure, so the officer is told what a reader could not find.
"""

from __future__ import annotations

import re

from site_checks.models import PageFacts

#: key → (Chinese label, English label, pattern over headings, link texts and titles)
REQUIRED: dict[str, tuple[str, str, re.Pattern[str]]] = {
    "intro": ("聯盟簡介", "Introduction",
              re.compile(r"簡介|介紹|關於|緣起|about|introduction|overview", re.I)),
    "members": ("聯盟會員", "Members", re.compile(r"會員|成員|member", re.I)),
    "join": ("入會方式與會費", "How to join / fees",
             re.compile(r"加入|入會|會費|申請|收費|join|fee|membership", re.I)),
    "services": ("服務項目", "Services", re.compile(r"服務|輔導|諮詢|service", re.I)),
    "news": ("最新消息與活動", "News and events",
             re.compile(r"消息|新聞|公告|活動|研討會|news|event|seminar", re.I)),
    "contact": ("聯絡方式", "Contact", re.compile(r"聯絡|聯繫|contact", re.I)),
}
CREDIT = ("主管機關標示（國科會）", "Ministry credit line (NSTC/MOST)")


def required_content(pages: list[PageFacts]) -> dict[str, list[str]]:
    """``{"present": [...], "missing": [...]}`` over the keys of :data:`REQUIRED` + credit."""
    labels = [label for page in pages for label in (*page.labels, page.title)]
    present, missing = [], []
    for key, (_zh, _en, pattern) in REQUIRED.items():
        (present if any(pattern.search(label) for label in labels) else missing).append(key)
    (present if any(p.ministry_credit for p in pages) else missing).append("ministry_credit")
    return {"present": present, "missing": missing}


def label(key: str) -> tuple[str, str]:
    """Chinese and English names of a required-content key, for reports."""
    return CREDIT if key == "ministry_credit" else REQUIRED[key][:2]
