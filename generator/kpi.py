"""The KPI sheet of a performance year: one decision per record, then the sums.

The rules (:mod:`generator.rules`) give verdicts; here each record dated in the year gets
exactly one :mod:`decision <generator.decisions>` — counted in item N, moved to item 9,
excluded, or invalid — and the sheet is the sum of what the counted decisions add. Every
record left out becomes a warning with its reason and rule, so the sheet never silently
disagrees with what the assistant believes was done.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .calendar import Window, performance_window, review_day
from .decisions import Counted, Decision, Excluded, Invalid, MovedToItem9
from .diagnostics import Finding
from .i18n import Msg
from .model import Alliance, Member
from .model.sheet_keys import KPI_ORDER
from .model.types import Record
from .rules import run
from .rules.outputs import project_day
from .rules.verdict import Verdict, record_key

Number = int | float | str


@dataclass
class Sheet:
    alliance: str
    year: int
    window: Window
    kpi: dict[str, Number]
    targets: dict[str, Number]
    decisions: list[Decision] = field(default_factory=list)

    @property
    def warnings(self) -> list[Finding]:
        """Every decision's findings: why a record is not counted, and cautions."""
        return list(dict.fromkeys(f for d in self.decisions for f in d.findings(self.year)))

    def counted(self, kind: str) -> list[Decision]:
        return [d for d in self.decisions if d.kind == kind and isinstance(d, Counted)]

    def counted_records(self, kind: str) -> list[Record]:
        return [d.record for d in self.counted(kind)]

    @property
    def counted_members(self) -> list[Member]:
        return [d.record for d in self.counted("members")]  # type: ignore[misc]

    def moved_to_item_9(self) -> list[MovedToItem9]:
        return [d for d in self.decisions if isinstance(d, MovedToItem9)]

    def excluded(self) -> list[Excluded]:
        return [d for d in self.decisions if isinstance(d, Excluded)]

    def as_json(self, lang: str = "en") -> dict[str, object]:
        return {
            "alliance": self.alliance,
            "year": self.year,
            "window": self.window.as_json(),
            "kpi": self.kpi,
            "targets": self.targets,
            "warnings": [w.as_json(lang) for w in self.warnings],  # type: ignore[arg-type]
            "decisions": [d.as_json() for d in self.decisions],
        }

    def rows(self) -> list[tuple[str, Number, Number | None]]:
        """``key, value, target`` in the ministry's order, as the platform wants them."""
        return [(key, self.kpi[key], self.targets.get(key)) for key in KPI_ORDER]


def tidy(value: float) -> Number:
    """Amounts are thousands of NTD: print 30, not 30.0, but keep 12.5."""
    return int(value) if float(value).is_integer() else round(value, 3)


_NAMES_ZH = {
    "member": "會員", "income": "收入", "promotion": "推廣活動", "seminar": "研討會",
    "consulting": "諮詢", "visit": "訪廠", "product": "新產品", "technology": "新技術",
    "patent": "專利", "technical service": "技術服務", "transfer": "技術轉移",
    "project": "產學合作計畫", "member outcome": "會員衍生成果",
}


def _label(what: str, ident: str) -> Msg:
    """How messages name a record: ``member acme`` / ``會員 acme``."""
    return Msg(f"{what} {ident}", f"{_NAMES_ZH[what]} {ident}")


@dataclass(frozen=True)
class _Candidate:
    """A record dated in the year, with what it would add if no rule stands against it."""

    record: Record
    kind: str
    label: Msg
    day: date | None
    item: int
    adds: dict[str, float]
    placeable: bool = True  # False: the sheet has nowhere to put it (a member without region)


def _candidates(alliance: Alliance, year: int, window: Window) -> Iterator[_Candidate]:
    oct31 = review_day(year)
    for member in alliance.members:
        if not any(c.start <= window.end and c.end >= window.start for c in member.contracts):
            continue
        contract = member.contract_on(oct31)
        adds: dict[str, float] = {"members_total": 1}
        if contract is not None:
            fee = alliance.fee_of(member, contract) or 0
            adds["members_paying" if fee > 0 else "members_free"] = 1
        region = alliance.region(member)
        if region is not None:
            adds[f"members_{region}"] = 1
        yield _Candidate(member, "members", _label("member", member.id), None, 2, adds,
                         placeable=region is not None)
    for income in alliance.outcomes.income:
        if income.date in window:
            yield _Candidate(income, "income", _label("income", income.id), income.date, 3,
                             {f"income_{income.kind}": income.amount,
                              "income_total": income.amount})
    activity_adds = {
        "promotion": (4, lambda a: {"promotion_events": 1}),
        "seminar": (5, lambda a: {"seminars": 1, "seminar_participants": a.participants}),
        "consulting": (5, lambda a: {"consulting": 1, "consulting_persons": a.participants}),
        "visit": (5, lambda a: {"visits": 1, "visit_persons": a.participants}),
    }
    for activity in alliance.activities:
        if activity.date in window:
            item, adds_of = activity_adds[activity.kind]
            yield _Candidate(activity, "activities", _label(activity.kind, activity.id),
                             activity.date, item, adds_of(activity))
    out = alliance.outcomes
    for kind, singular, records, item in (
            ("products", "product", out.products, 6),
            ("technologies", "technology", out.technologies, 6),
            ("patents", "patent", out.patents, 6),
            ("technical_services", "technical service", out.technical_services, 7)):
        for record in records:
            if record.date in window:
                yield _Candidate(record, kind, _label(singular, record.id), record.date, item,
                                 {kind: 1})
    for transfer in out.transfers:
        if transfer.date in window:
            yield _Candidate(transfer, "transfers", _label("transfer", transfer.id),
                             transfer.date, 7,
                             {"transfers": 1, "transfer_amount": transfer.amount})
    for project in out.projects:
        day = project_day(project)
        if (day is None and project.status == "pending") or (day is not None and day in window):
            yield _Candidate(project, "projects", _label("project", project.id), day, 7,
                             {"projects": 1, "project_amount": project.amount})
    for outcome in out.member_outcomes:
        if outcome.year == year:
            yield _Candidate(outcome, "member_outcomes", _label("member outcome", outcome.member),
                             None, 8, {"new_hires": outcome.new_hires,
                                       "output_value": outcome.output_value})


def _decide(candidate: _Candidate, verdicts: list[Verdict]) -> Decision:
    """The record's one decision: an error wins, then the first rule that excludes it."""
    common = {"record": candidate.record, "kind": candidate.kind, "label": candidate.label,
              "key": record_key(candidate.record), "day": candidate.day,
              "cautions": tuple(v for v in verdicts if v.effect == "caution")}
    errors = tuple(v for v in verdicts if v.effect == "error")
    if errors:
        return Invalid(errors=errors, **common)
    for verdict in verdicts:
        if verdict.effect in ("exclude", "item9"):
            kind = MovedToItem9 if verdict.effect == "item9" else Excluded
            extra = {"attach": verdict.attach} if kind is Excluded else {}
            return kind(rule=verdict.rule or "", where=verdict.where, reason=verdict.message,
                        fix=verdict.fix, undated=verdict.undated, **extra, **common)
    if not candidate.placeable:
        return Invalid(errors=(), **common)  # e.g. no region: validation says so
    return Counted(item=candidate.item, adds=candidate.adds, **common)


def compute(alliance: Alliance, year: int, until: tuple[int, int] | None = None,
            verdicts: list[Verdict] | None = None) -> Sheet:
    """The sheet of performance year ``year``; ``until`` (month, day) cuts the window.

    ``verdicts`` are the rules' (``generator.rules.run``); pass them when counting several
    years of one alliance to run the rules once.
    """
    window = performance_window(year, until)
    by_record: dict[int, list[Verdict]] = {}
    for verdict in run(alliance) if verdicts is None else verdicts:
        if verdict.record is not None and verdict.year in (None, year):
            by_record.setdefault(id(verdict.record), []).append(verdict)
    decisions = [_decide(c, by_record.get(id(c.record), []))
                 for c in _candidates(alliance, year, window)]
    sums: dict[str, float] = dict.fromkeys(KPI_ORDER, 0)
    for decision in decisions:
        if isinstance(decision, Counted):
            for key, value in decision.adds.items():
                sums[key] += value
    staff = alliance.info.staffing.get(year)
    for name in ("undergraduate", "master", "phd", "postdoc", "assistant"):
        sums[f"staff_{name}"] = getattr(staff, name) if staff else 0
    kpi: dict[str, Number] = {key: tidy(value) for key, value in sums.items()}
    kpi["website_established"] = alliance.info.website.established.replace("-", "")
    targets = {k: tidy(v) for k, v in alliance.info.targets.get(year, {}).items()}
    return Sheet(alliance.id, year, window, {k: kpi[k] for k in KPI_ORDER}, targets, decisions)


def compute_years(alliance: Alliance, years: Iterable[int]) -> dict[int, Sheet]:
    """Full-year sheets of ``years``, the rules run once for all of them."""
    verdicts = run(alliance)
    return {year: compute(alliance, year, verdicts=verdicts) for year in years}
