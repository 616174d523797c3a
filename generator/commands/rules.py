"""``alliance rules``: the catalogue of rules, as the code applies them (zh or en).

Printed from :data:`generator.rules.RULES` itself, so the list a PI reads is the list
that runs: R-number, what it asks, the severity of what it finds, the KPI items it
affects, and the function that decides it.
"""

from __future__ import annotations

import unicodedata

from ..i18n import Lang, Msg
from ..rules import FORMAT_CHECKS, RULES, Rule

_SEVERITY_ZH = {"error": "錯誤", "warning": "警告", "excluded": "不列計", "item 9": "改列第 9 項"}


def _severity(rule: Rule, lang: Lang) -> str:
    if lang == "en":
        return rule.severity
    return "、".join(_SEVERITY_ZH.get(s.strip(), s.strip()) for s in rule.severity.split(","))


def _pad(text: str, width: int) -> str:
    """Left-justify by display width: a Chinese character takes two columns."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(1, width - shown)


def render(lang: Lang) -> str:
    head = (_pad(Msg("rule", "規則")(lang), 6) + _pad(Msg("severity", "處理")(lang), 25)
            + _pad(Msg("items", "項目")(lang), 7)
            + Msg("function / what it asks", "函式 / 內容")(lang))
    lines = [head]
    for rule in (*RULES, *FORMAT_CHECKS):
        items = ",".join(str(i) for i in rule.items) or "–"
        rid = rule.id or Msg("fmt", "格式")(lang)
        function = f"{rule.function.__module__.removeprefix('generator.')}." \
                   f"{rule.function.__name__}"
        lines.append(f"{_pad(rid, 6)}{_pad(_severity(rule, lang), 25)}{_pad(items, 7)}{function}")
        lines.append(" " * 38 + rule.title(lang))
    lines.append(Msg("Rules R1–R4 and R20–R22 concern filing and funding, not the data; R6's "
                     "site checks are also done by `alliance spotcheck`.",
                     "R1–R4 與 R20–R22 屬填報與經費規定，資料無從檢查；R6 網站另由 "
                     "`alliance spotcheck` 抽檢。")(lang))
    return "\n".join(lines)


def run(lang: Lang) -> int:
    print(render(lang))
    return 0
