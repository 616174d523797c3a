"""One site's result, typed, from the verdict to the history and every report.

``assess`` builds it from the crawl's evidence; ``history`` stores it (:meth:`to_record`, both
languages kept) and gives it back (:meth:`from_record`); the reports format it — the JSON of
interfaces.md through :meth:`to_json`, the HTML and CSV from its fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from generator.i18n import Lang, Msg
from site_checks.evidence.freshness import Freshness
from site_checks.evidence.home import Reachability
from site_checks.evidence.links import LinkReport


@dataclass(frozen=True)
class Stats:
    """What the check of the site cost."""

    requests: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0


@dataclass(frozen=True)
class SiteResult:
    """The verdict on one site and the evidence it rests on."""

    id: str
    name: str
    url: str
    verdict: str
    reasons: list[Msg]
    warnings: list[Msg]
    home: Reachability
    links: LinkReport
    freshness: Freshness | None = None
    content: dict[str, list[str]] | None = None
    stats: Stats = field(default_factory=Stats)

    def to_json(self, lang: Lang = "en") -> dict:
        """The site's entry of ``spotcheck-<date>.json`` (keys of interfaces.md)."""
        return {
            "id": self.id, "name": self.name, "url": self.url, "verdict": self.verdict,
            "reasons": [m(lang) for m in self.reasons],
            "warnings": [m(lang) for m in self.warnings],
            "links": asdict(self.links),
            "freshness": asdict(self.freshness) if self.freshness else None,
            "content": self.content,
            "stats": asdict(self.stats),
        }

    def to_record(self) -> dict:
        """Everything, both languages included, for the history."""
        return dict(self.to_json(), reasons=[[m.en, m.zh] for m in self.reasons],
                    warnings=[[m.en, m.zh] for m in self.warnings], home=asdict(self.home))

    @classmethod
    def from_record(cls, data: dict) -> SiteResult:
        """The result as :meth:`to_record` stored it."""
        fresh = data.get("freshness")
        links = {"pages": 0, "checked": 0, "broken": [], "unverified": [], "blocked": [],
                 "robots_denied": 0, "not_checked": {}, **(data.get("links") or {})}
        return cls(
            id=data["id"], name=data["name"], url=data["url"], verdict=data["verdict"],
            reasons=[_msg(m) for m in data["reasons"]],
            warnings=[_msg(m) for m in data.get("warnings", [])],
            # rows written before results were typed carry neither (reported as they were)
            home=Reachability(**data.get("home", {"state": "ok"})),
            links=LinkReport(**links),
            freshness=Freshness(**fresh) if fresh else None,
            content=data.get("content"),
            stats=Stats(**data["stats"]),
        )


def _msg(stored: list[str] | str) -> Msg:
    """A stored message: ``[en, zh]``, or one string from before messages were bilingual."""
    return Msg(stored, stored) if isinstance(stored, str) else Msg(*stored)
