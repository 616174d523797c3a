"""Events a company can act on: date and time, venue with a map link, registration, an .ics
file and schema.org Event data on the post; the upcoming list on home and news; and clear
messages for an event written wrong."""

from __future__ import annotations

import json
import re
from contextlib import chdir
from datetime import date, datetime
from pathlib import Path

from icalendar import Calendar
from site_support import Built, text_of

from generator.cli import main
from generator.site.pipeline import build_day

ID = "smart-sensing"
POST = "news/2026/11/18/showcase-2026-invitation/index.html"
EVENT_DAY = date(2026, 12, 11)


def test_event_post_says_when_where_and_how_to_register(example_site: Built):
    for lang, when, register in (("zh-TW", "2026年12月11日 13:30", "報名"),
                                 ("en", "December 11, 2026, 13:30", "Register")):
        html = text_of(example_site.out / ID / lang / POST)
        box = re.search(r'<section class="al-card al-event-box">(.*?)</section>', html, re.S)
        assert box, lang
        facts = box.group(1)
        assert f'<time datetime="2026-12-11T13:30+08:00">{when}</time>' in facts
        assert '<time datetime="2026-12-11T17:00+08:00">17:00</time>' in facts
        assert "https://www.openstreetmap.org/search?query=408%20" in facts
        assert (f"<dt>{register}</dt><dd><a href=\"mailto:smart-sensing@example.edu.tw\">"
                in facts)
        ics = re.search(r'href="([^"]+\.ics)" download', facts).group(1)
        assert (example_site.out / ID / lang / Path(POST).parent / ics).resolve().is_file()


def test_ics_file_is_a_calendar_event_in_taiwan_time(example_site: Built):
    raw = (example_site.out / ID / "en" / "events" / "showcase-2026-invitation.ics").read_bytes()
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert start == datetime(2026, 12, 11, 13, 30, tzinfo=start.tzinfo)
    assert start.utcoffset().total_seconds() == 8 * 3600
    assert event.decoded("dtend").hour == 17
    assert "International Conference Hall" in str(event["location"])
    assert str(event["url"]).endswith("/en/news/2026/11/18/showcase-2026-invitation/")
    zh = (example_site.out / ID / "zh-TW" / "events" / "showcase-2026-invitation.ics")
    assert zh.read_bytes() != raw and "國際會議廳" in zh.read_text(encoding="utf-8")


def test_event_post_carries_schema_org_event(example_site: Built):
    html = text_of(example_site.out / ID / "en" / POST)
    blocks = [json.loads(b) for b in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    event = next(b for b in blocks if b.get("@type") == "Event")
    assert event["startDate"] == "2026-12-11T13:30+08:00"
    assert event["endDate"] == "2026-12-11T17:00+08:00"
    assert event["location"]["@type"] == "Place"
    assert event["offers"]["url"] == "mailto:smart-sensing@example.edu.tw"
    assert event["url"].endswith("/en/news/2026/11/18/showcase-2026-invitation/")


def test_upcoming_events_on_home_and_news_until_the_event_is_over(example_site: Built):
    for path in ("index.html", "news/index.html"):
        html = text_of(example_site.out / ID / "zh-TW" / path)
        listed = 'class="al-section al-upcoming"' in html
        assert listed == (build_day() <= EVENT_DAY), path
        if listed:
            assert "國際會議廳" in html and "2026年12月11日 13:30" in html


def _project(tmp_path: Path, event: str) -> Path:
    (tmp_path / "alliances").mkdir()
    (tmp_path / "mkdocs.yml").write_text("theme: {name: material}\n")
    with chdir(tmp_path):
        assert main(["--lang", "en", "new", "demo"]) == 0
    post = tmp_path / "alliances" / "demo" / "news" / "2026-05-01-seminar.md"
    post.write_text("---\ntitle: 研討會\ndate: 2026-05-01\nevent:\n" + event + "---\n\n內容\n",
                    encoding="utf-8")
    return tmp_path


def _validate(tmp_path: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    with chdir(tmp_path):
        code = main(["--lang", "en", "validate", "demo"])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_event_written_wrong_gets_file_line_field_and_fix(tmp_path: Path, capsys):
    root = _project(tmp_path, "  start: 2026/05/20 下午兩點\n  venue: 會議室\n"
                              "  registration: 請來電\n")
    code, out = _validate(root, capsys)
    assert code == 1
    assert "2026-05-01-seminar.md:5: event.start: '2026/05/20 下午兩點' is not a date and time" \
        in out
    assert "YYYY-MM-DD HH:MM" in out
    assert "2026-05-01-seminar.md:7: event.registration:" in out
    assert "neither a web address nor an e-mail address" in out
    assert "Traceback" not in out


def test_event_ending_before_it_starts_is_refused(tmp_path: Path, capsys):
    root = _project(tmp_path, "  start: 2026-05-20 14:00\n  end: 2026-05-20 09:00\n"
                              "  venue: 會議室\n  registration: https://example.org/signup\n")
    code, out = _validate(root, capsys)
    assert code == 1
    assert "the event ends (2026-05-20 09:00) before it starts (2026-05-20 14:00)" in out
