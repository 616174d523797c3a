"""Income (item 3) and technical services (item 7) must match, and never overlap (R12, R13)."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Finding, error, warning
from ..i18n import Msg
from ..model import Alliance
from . import rule
from .common import duplicate_ids, member_reference, unknown_reference


@rule
def income_matches_services(alliance: Alliance) -> Iterator[Finding]:
    outcomes = alliance.outcomes
    yield from duplicate_ids(outcomes.income, "income", "收入")
    yield from duplicate_ids(outcomes.technical_services, "technical service", "技術服務")
    income = {i.id: i for i in outcomes.income}
    claimed: dict[str, str] = {}
    for service in outcomes.technical_services:
        yield from member_reference(alliance, service, "member", service.member)
        record = income.get(service.income)
        if record is None:
            yield unknown_reference(service, "income", service.income, list(income),
                                    "income record", "收入紀錄", rule_id="R13")
            continue
        if record.kind != "technical_service":
            yield error(
                service.at("income"),
                Msg(f"income '{record.id}' is {record.kind} income, not technical_service",
                    f"收入「{record.id}」的類別是 {record.kind}，不是 technical_service"),
                Msg("name the technical-service receipt of this service, or correct the "
                    "income's kind", "請指向這項技術服務的收入紀錄，或更正該收入的類別"),
                rule="R13",
            )
        if service.income in claimed:
            yield error(
                service.at("income"),
                Msg(f"income '{service.income}' is already claimed by "
                    f"'{claimed[service.income]}'",
                    f"收入「{service.income}」已由「{claimed[service.income]}」使用"),
                Msg("each technical service has its own receipt", "每項技術服務各有其收據"),
                rule="R13",
            )
        claimed.setdefault(service.income, service.id)
    for record in outcomes.income:
        if record.kind == "technical_service" and record.id not in claimed:
            yield warning(
                record.at("kind"),
                Msg(f"technical-service income '{record.id}' has no technical service "
                    "record in item 7", f"技術服務收入「{record.id}」沒有對應的技術服務紀錄"),
                Msg("add it under technical_services: with income: " + record.id,
                    "請在 technical_services: 新增一筆 income: " + record.id),
                rule="R13",
            )
