"""``spotcheck-<date>.html``: the page a ministry officer reads and forwards.

Self-contained (inline CSS, no scripts, no external assets) so it survives e-mail and
archiving. Summary table worst first; one section per site with broken links grouped by page,
the freshness evidence and the verdicts of past runs. Labels and messages in the run's
``--lang``, or in Chinese and English side by side when none was given.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.i18n import Msg
from site_checks.evidence.content import label
from site_checks.evidence.freshness import IGNORED_BY_TEXT
from site_checks.evidence.links import status_message
from site_checks.report import RunReport
from site_checks.result import SiteResult
from site_checks.verdict import SEVERITY

VERDICT_LABELS = {"pass": ("通過", "pass"), "fail": ("未通過", "fail"),
                  "unreachable": ("無法連線", "unreachable")}

_TEMPLATE = """<!doctype html>
<html lang="{{ "en" if lang == "en" else "zh-Hant-TW" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ plain("聯盟網站抽查報告", "Spot check") }} {{ doc.date }}</title>
<style>
body{font-family:"Noto Sans CJK TC","Noto Sans TC",sans-serif;margin:2rem auto;max-width:70rem;
 padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #ddd;margin-top:2.5rem}
h3{font-size:1.05rem;margin-bottom:.3rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.date{white-space:nowrap}
th{background:#f3f3f3}.en{color:#666;font-size:.85em}
.v-pass{background:#e6f4ea;color:#0b6b2f}.v-fail{background:#fde8e8;color:#a11}
.v-unreachable{background:#eee;color:#444}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:.8rem;font-weight:bold}
.ignored{color:#888}.note{background:#fff8e1;padding:.5rem .8rem;border-left:4px solid #f0b400}
code{word-break:break-all}
</style>
</head>
<body>
<h1>{{ t("產學小聯盟網站抽查報告", "Alliance website spot check") }}</h1>
<p>{{ t("抽查日期", "Check date") }}: <strong>{{ doc.date }}</strong> ·
{{ t("內容更新期限", "Content must be updated within") }}: {{ doc.max_age_days }} {{ plain("天", "days") }}</p>
{% if not doc.in_season %}<p class="note">{{ t("本次檢查早於 5 月 1 日，非正式抽查期間（R6）。", "This check is before May 1: outside the ministry's spot-check season (R6).") }}</p>{% endif %}
<p>{% for v, n in counts %}<span class="badge v-{{ v }}">{{ t(*labels[v]) }}: {{ n }}</span> {% endfor %}</p>

<h2>{{ t("總覽", "Summary (worst first)") }}</h2>
<table>
<tr><th>{{ t("聯盟", "Alliance") }}</th><th>{{ t("結果", "Verdict") }}</th>
<th>{{ t("原因", "Reasons") }}</th><th>{{ t("失效連結", "Broken") }}</th>
<th>{{ t("最近更新", "Last update") }}</th><th>{{ t("歷次結果", "History") }}</th></tr>
{% for s in sites %}
<tr><td><a href="#site-{{ s.id }}">{{ s.name }}</a><br><span class="en">{{ s.id }}</span></td>
<td class="v-{{ s.verdict }}">{{ t(*labels[s.verdict]) }}</td>
<td>{{ msgs(s.reasons) if s.reasons else "—" }}</td>
<td>{{ s.links.broken | length if s.links else 0 }}</td>
<td>{{ s.freshness.last_update if s.freshness and s.freshness.last_update else "—" }}</td>
<td>{% for h in past[s.id] %}<span class="badge v-{{ h.verdict }}" title="{{ h.date }}">{{ h.verdict[0] | upper }}</span>{% endfor %}</td></tr>
{% endfor %}
</table>

{% for s in sites %}
<h2 id="site-{{ s.id }}">{{ s.name }} <span class="en">{{ s.id }}</span>
 <span class="badge v-{{ s.verdict }}">{{ t(*labels[s.verdict]) }}</span></h2>
<p>{{ t("網址", "URL") }}: <a href="{{ s.url }}">{{ s.url }}</a>
{% if s.links %} · {{ t("頁數", "pages") }} {{ s.links.pages }} · {{ t("檢查連結", "links checked") }} {{ s.links.checked }}{% endif %}</p>
{% if s.reasons %}<h3>{{ t("未通過原因", "Why it did not pass") }}</h3>
<ul>{% for r in s.reasons %}<li>{{ msg(r) }}</li>{% endfor %}</ul>{% endif %}
{% if s.warnings %}<h3>{{ t("提醒", "Warnings") }}</h3>
<ul>{% for w in s.warnings %}<li>{{ msg(w) }}</li>{% endfor %}</ul>{% endif %}

{% set groups = broken_by_page[s.id] %}
{% if groups %}<h3>{{ t("失效連結（依頁面）", "Broken links, by page") }}</h3>
{% for page, entries in groups %}
<p><strong>{{ t("頁面", "Page") }}:</strong> <a href="{{ page }}"><code>{{ page }}</code></a></p>
<table><tr><th>{{ t("連結", "Link") }}</th><th>{{ t("文字", "Text") }}</th>
<th>{{ t("狀態", "Status") }}</th><th>{{ t("站內", "Internal") }}</th></tr>
{% for b in entries %}<tr><td><code>{{ b.url }}</code></td><td>{{ b.text }}</td>
<td>{{ msg(status(b.status)) }}</td><td>{{ t("是", "yes") if b.internal else t("否", "no") }}</td></tr>{% endfor %}
</table>{% endfor %}{% endif %}

{% if s.links and s.links.unverified %}<h3>{{ t("無法確認的連結", "Unverified links (rate limit, bot wall, timeout — not counted as broken)") }}</h3>
<table><tr><th>{{ t("連結", "Link") }}</th><th>{{ t("頁面", "Page") }}</th>
<th>{{ t("狀態", "Status") }}</th></tr>
{% for u in s.links.unverified %}<tr><td><code>{{ u.url }}</code></td><td><code>{{ u.parent }}</code></td>
<td>{{ msg(status(u.status)) }}</td></tr>{% endfor %}</table>{% endif %}

{% if s.freshness %}{% set f = s.freshness %}
<h3>{{ t("內容更新", "Freshness") }}</h3>
<p>{{ t("已更新", "fresh") if f.fresh else t("未更新", "not fresh") }} ·
{{ t("最新內容日期", "newest content date") }}: {{ f.last_update or "—" }} ·
{{ t("上次觀察到內容變動", "last observed change") }}: {{ f.last_change or "—" }} ·
{{ t("與上次抽查相比有變動", "changed since last check") }}:
{{ t("—（首次檢查）", "— (first check)") if f.changed_since_last_check is none else (t("是", "yes") if f.changed_since_last_check else t("否", "no")) }}</p>
{% if f.dates_moved_content_static %}<p class="note">{{ t("日期更動但內文未變", "Dates moved but the text did not change since the last check; the new dates are not credited.") }}</p>{% endif %}
<table><tr><th>{{ t("證據", "Evidence") }}</th><th>{{ t("日期", "Date") }}</th>
<th>{{ t("網址", "URL") }}</th><th>{{ t("採計", "Counted") }}</th></tr>
{% for e in f.evidence %}<tr class="{{ 'ignored' if e.ignored }}"><td>{{ e.kind }}</td><td class="date">{{ e.date }}</td>
<td><code>{{ e.url }}</code></td><td>{{ t("不採計", "no") ~ ": " ~ ignored(e.ignored) if e.ignored else t("採計", "yes") }}</td></tr>{% endfor %}
</table>{% endif %}

{% if s.content %}<h3>{{ t("應有內容", "Expected content") }}</h3>
<p>{% for k in s.content.present %}✔ {{ t(*content_label(k)) }}　{% endfor %}
{% for k in s.content.missing %}✘ {{ t(*content_label(k)) }}　{% endfor %}</p>{% endif %}

<h3>{{ t("歷次抽查", "Verdicts over past runs") }}</h3>
<p>{% for h in past[s.id] %}<span class="badge v-{{ h.verdict }}">{{ h.date }} {{ t(*labels[h.verdict]) }}</span> {% endfor %}</p>
{% endfor %}
<p class="en">Generated by the alliance spot check (LinkChecker 10.6, lxml, htmldate).</p>
</body>
</html>
"""  # noqa: E501 - HTML reads better unwrapped


def _broken_by_page(site: SiteResult) -> list[tuple[str, list[dict]]]:
    groups: defaultdict[str, list[dict]] = defaultdict(list)
    for entry in [*site.links.broken, *site.links.blocked]:
        groups[entry["parent"]].append(entry)
    return sorted(groups.items())


def render(report: RunReport) -> str:
    """The report as one HTML string, in ``report.lang`` (both languages when None)."""
    lang = report.lang

    def t(zh: str, en: str) -> Markup:
        """A label in the report's language; both (English greyed) when it has none."""
        if lang is not None or zh == en:
            return Markup.escape(zh if lang == "zh" else en)
        return Markup.escape(zh) + Markup(' <span class="en">') + Markup.escape(en) + Markup(
            "</span>")

    def plain(zh: str, en: str) -> str:
        """A label where no markup may go (the title): both languages side by side."""
        return {"zh": zh, "en": en}.get(lang or "", f"{zh} {en}")

    def msg(message: Msg) -> Markup:
        """A reason or warning: English unless the report is Chinese, both when bilingual."""
        return t(message.zh, message.en) if lang is None else Markup.escape(message(lang))

    def ignored(text: str) -> Markup:
        """Why a date was not counted, translated when it is one of the fixed reasons."""
        known = IGNORED_BY_TEXT.get(text)
        return msg(known) if known else Markup.escape(text)

    def msgs(messages: list[Msg]) -> Markup:
        return Markup("; ").join(msg(m) for m in messages)

    env = jinja2.Environment(autoescape=True, undefined=jinja2.ChainableUndefined)
    sites = sorted(report.results, key=lambda s: (SEVERITY[s.verdict], s.id))
    counts = [(v, sum(1 for s in sites if s.verdict == v)) for v in VERDICT_LABELS]
    return env.from_string(_TEMPLATE).render(
        doc=report, sites=sites, past=report.past, labels=VERDICT_LABELS, counts=counts,
        broken_by_page={s.id: _broken_by_page(s) for s in sites}, content_label=label,
        t=t, plain=plain, msg=msg, msgs=msgs, lang=lang, ignored=ignored,
        status=status_message,
    )


def write(report: RunReport, path: Path) -> Path:
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render(report), encoding="utf-8")
    tmp.replace(path)
    return path
