"""``spotcheck-<date>.html``: the page a ministry officer reads and forwards.

Self-contained (inline CSS, no scripts, no external assets) so it survives e-mail and
archiving. Summary table worst first; one section per site with broken links grouped by page,
the freshness evidence and the verdicts of past runs. Labels in Chinese and English.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import jinja2

from site_checks.evidence.content import label
from site_checks.verdict import SEVERITY

VERDICT_LABELS = {"pass": "通過 pass", "fail": "未通過 fail", "unreachable": "無法連線 unreachable"}

_TEMPLATE = """<!doctype html>
<html lang="zh-Hant-TW">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>聯盟網站抽查報告 Spot check {{ doc.date }}</title>
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
<h1>產學小聯盟網站抽查報告 <span class="en">Alliance website spot check</span></h1>
<p>抽查日期 <span class="en">Check date</span>: <strong>{{ doc.date }}</strong> ·
內容更新期限 <span class="en">Content must be updated within</span>: {{ doc.max_age_days }} 天 days</p>
{% if not doc.in_season %}<p class="note">本次檢查早於 5 月 1 日，非正式抽查期間（R6）。
<span class="en">This check is before May 1: outside the ministry's spot-check season (R6).</span></p>{% endif %}
<p>{% for v, n in counts %}<span class="badge v-{{ v }}">{{ labels[v] }}: {{ n }}</span> {% endfor %}</p>

<h2>總覽 <span class="en">Summary (worst first)</span></h2>
<table>
<tr><th>聯盟 <span class="en">Alliance</span></th><th>結果 <span class="en">Verdict</span></th>
<th>原因 <span class="en">Reasons</span></th><th>失效連結 <span class="en">Broken</span></th>
<th>最近更新 <span class="en">Last update</span></th><th>歷次結果 <span class="en">History</span></th></tr>
{% for s in sites %}
<tr><td><a href="#site-{{ s.id }}">{{ s.name }}</a><br><span class="en">{{ s.id }}</span></td>
<td class="v-{{ s.verdict }}">{{ labels[s.verdict] }}</td>
<td>{{ s.reasons | join("; ") if s.reasons else "—" }}</td>
<td>{{ s.links.broken | length if s.links else 0 }}</td>
<td>{{ s.freshness.last_update if s.freshness and s.freshness.last_update else "—" }}</td>
<td>{% for h in past[s.id] %}<span class="badge v-{{ h.verdict }}" title="{{ h.date }}">{{ h.verdict[0] | upper }}</span>{% endfor %}</td></tr>
{% endfor %}
</table>

{% for s in sites %}
<h2 id="site-{{ s.id }}">{{ s.name }} <span class="en">{{ s.id }}</span>
 <span class="badge v-{{ s.verdict }}">{{ labels[s.verdict] }}</span></h2>
<p>網址 <span class="en">URL</span>: <a href="{{ s.url }}">{{ s.url }}</a>
{% if s.links %} · 頁數 <span class="en">pages</span> {{ s.links.pages }} · 檢查連結
<span class="en">links checked</span> {{ s.links.checked }}{% endif %}</p>
{% if s.reasons %}<h3>未通過原因 <span class="en">Why it did not pass</span></h3>
<ul>{% for r in s.reasons %}<li>{{ r }}</li>{% endfor %}</ul>{% endif %}
{% if s.warnings %}<h3>提醒 <span class="en">Warnings</span></h3>
<ul>{% for w in s.warnings %}<li>{{ w }}</li>{% endfor %}</ul>{% endif %}

{% set groups = broken_by_page[s.id] %}
{% if groups %}<h3>失效連結（依頁面） <span class="en">Broken links, by page</span></h3>
{% for page, entries in groups %}
<p><strong>頁面 <span class="en">Page</span>:</strong> <a href="{{ page }}"><code>{{ page }}</code></a></p>
<table><tr><th>連結 <span class="en">Link</span></th><th>文字 <span class="en">Text</span></th>
<th>狀態 <span class="en">Status</span></th><th>站內 <span class="en">Internal</span></th></tr>
{% for b in entries %}<tr><td><code>{{ b.url }}</code></td><td>{{ b.text }}</td>
<td>{{ b.status }}</td><td>{{ "是 yes" if b.internal else "否 no" }}</td></tr>{% endfor %}
</table>{% endfor %}{% endif %}

{% if s.links and s.links.unverified %}<h3>無法確認的連結 <span class="en">Unverified links
(rate limit, bot wall, timeout — not counted as broken)</span></h3>
<table><tr><th>連結 <span class="en">Link</span></th><th>頁面 <span class="en">Page</span></th>
<th>狀態 <span class="en">Status</span></th></tr>
{% for u in s.links.unverified %}<tr><td><code>{{ u.url }}</code></td><td><code>{{ u.parent }}</code></td>
<td>{{ u.status }}</td></tr>{% endfor %}</table>{% endif %}

{% if s.freshness %}{% set f = s.freshness %}
<h3>內容更新 <span class="en">Freshness</span></h3>
<p>{{ "已更新 fresh" if f.fresh else "未更新 not fresh" }} ·
最新內容日期 <span class="en">newest content date</span>: {{ f.last_update or "—" }} ·
上次觀察到內容變動 <span class="en">last observed change</span>: {{ f.last_change or "—" }} ·
與上次抽查相比有變動 <span class="en">changed since last check</span>:
{{ "—（首次檢查 first check）" if f.changed_since_last_check is none else ("是 yes" if f.changed_since_last_check else "否 no") }}</p>
{% if f.dates_moved_content_static %}<p class="note">日期更動但內文未變 <span class="en">Dates moved but
the text did not change since the last check; the new dates are not credited.</span></p>{% endif %}
<table><tr><th>證據 <span class="en">Evidence</span></th><th>日期 <span class="en">Date</span></th>
<th>網址 <span class="en">URL</span></th><th>採計 <span class="en">Counted</span></th></tr>
{% for e in f.evidence %}<tr class="{{ 'ignored' if e.ignored }}"><td>{{ e.kind }}</td><td class="date">{{ e.date }}</td>
<td><code>{{ e.url }}</code></td><td>{{ "不採計 no: " ~ e.ignored if e.ignored else "採計 yes" }}</td></tr>{% endfor %}
</table>{% endif %}

{% if s.content %}<h3>應有內容 <span class="en">Expected content</span></h3>
<p>{% for k in s.content.present %}✔ {{ content_label(k)[0] }} <span class="en">{{ content_label(k)[1] }}</span>　{% endfor %}
{% for k in s.content.missing %}✘ {{ content_label(k)[0] }} <span class="en">{{ content_label(k)[1] }}</span>　{% endfor %}</p>{% endif %}

<h3>歷次抽查 <span class="en">Verdicts over past runs</span></h3>
<p>{% for h in past[s.id] %}<span class="badge v-{{ h.verdict }}">{{ h.date }} {{ labels[h.verdict] }}</span> {% endfor %}</p>
{% endfor %}
<p class="en">Generated by the alliance spot check (LinkChecker 10.6, htmldate, trafilatura).</p>
</body>
</html>
"""  # noqa: E501 - HTML reads better unwrapped


def _broken_by_page(site: dict) -> list[tuple[str, list[dict]]]:
    groups: defaultdict[str, list[dict]] = defaultdict(list)
    links = site.get("links") or {}
    for entry in [*links.get("broken", []), *links.get("blocked", [])]:
        groups[entry["parent"]].append(entry)
    return sorted(groups.items())


def render(document: dict, past: dict[str, list[dict]]) -> str:
    """The report as one HTML string."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.ChainableUndefined)
    sites = sorted(document["sites"], key=lambda s: (SEVERITY[s["verdict"]], s["id"]))
    counts = [(v, sum(1 for s in sites if s["verdict"] == v)) for v in VERDICT_LABELS]
    return env.from_string(_TEMPLATE).render(
        doc=document, sites=sites, past=past, labels=VERDICT_LABELS, counts=counts,
        broken_by_page={s["id"]: _broken_by_page(s) for s in sites}, content_label=label,
    )


def write(document: dict, past: dict[str, list[dict]], path: Path) -> Path:
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render(document, past), encoding="utf-8")
    tmp.replace(path)
    return path
