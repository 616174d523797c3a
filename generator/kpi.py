"""The KPI sheet of a performance year, counted exactly as alliance-format.md defines it.

Every record left out of a count becomes a warning with its reason and rule, so that the
sheet never silently disagrees with what the assistant believes was done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .calendar import Window, performance_window, review_day
from .diagnostics import Finding, warning
from .i18n import Msg
from .model import Alliance, Member
from .model.activities import NEEDS_EVIDENCE, Activity
from .model.members import Contract
from .model.regions import REGIONS, region_of
from .model.sheet_keys import KPI_ORDER
from .model.types import Record

Number = int | float | str


@dataclass
class Sheet:
    alliance: str
    year: int
    window: Window
    kpi: dict[str, Number]
    targets: dict[str, Number]
    warnings: list[Finding] = field(default_factory=list)
    counted_members: list[Member] = field(default_factory=list)

    def as_json(self, lang: str = "en") -> dict[str, object]:
        return {
            "alliance": self.alliance,
            "year": self.year,
            "window": self.window.as_json(),
            "kpi": self.kpi,
            "targets": self.targets,
            "warnings": [w.as_json(lang) for w in self.warnings],  # type: ignore[arg-type]
        }

    def rows(self) -> list[tuple[str, Number, Number | None]]:
        """``key, value, target`` in the ministry's order, as the platform wants them."""
        return [(key, self.kpi[key], self.targets.get(key)) for key in KPI_ORDER]


def _tidy(value: float) -> Number:
    """Amounts are thousands of NTD: print 30, not 30.0, but keep 12.5."""
    return int(value) if float(value).is_integer() else round(value, 3)


# How a Chinese message names an activity's kind (the English one uses the key itself).
_KIND_ZH = {"promotion": "推廣活動", "seminar": "研討會", "consulting": "專業諮詢", "visit": "訪廠"}


class _Counter:
    """Counts one year; ``skip`` records why a record is left out."""

    def __init__(self, alliance: Alliance, year: int, window: Window) -> None:
        self.alliance = alliance
        self.year = year
        self.window = window
        self.warnings: list[Finding] = []

    def skip(self, record: Record, fields: tuple[str | int, ...], label: Msg,
             why: Msg, fix: Msg | None, rule: str) -> None:
        self.warnings.append(warning(
            record.at(*fields),
            Msg(f"{label.en} not counted in {self.year}: ",
                f"{label.zh} 不列入 {self.year} 年：") + why,
            fix, rule=rule, record=self._record_name(record),
        ))

    def caution(self, record: Record, fields: tuple[str | int, ...], why: Msg, fix: Msg | None,
                rule: str) -> None:
        """Counted, but the ministry's check of the evidence will fail without it."""
        self.warnings.append(warning(record.at(*fields), why, fix, rule=rule,
                                     record=self._record_name(record)))

    @staticmethod
    def _record_name(record: Record) -> str:
        where = record.where
        ident = getattr(record, "id", None) or getattr(record, "member", None) or where.line
        return f"{where.file.name}:{ident}"

    def evidence_missing(self, paths: Iterable[str]) -> list[str]:
        return [p for p in paths if not self.alliance.evidence_exists(p)]

    # ---- item 2: members ------------------------------------------------------------
    def members(self) -> tuple[dict[str, Number], list[Member]]:
        oct31 = review_day(self.year)
        counted: list[Member] = []
        paying = free = 0
        regions = dict.fromkeys(REGIONS, 0)
        for member in self.alliance.members:
            active = [c for c in member.contracts if c.start <= self.window.end
                      and c.end >= self.window.start]
            if not active:
                continue
            label = Msg(f"member {member.id}", f"會員 {member.id}")
            if member.kind != "company":
                kind_zh = {"legal_entity": "法人", "individual": "個人"}[member.kind]
                self.skip(member, ("kind",), label,
                          Msg(f"{member.kind.replace('_', '-')} members are not counted",
                              f"{kind_zh}會員不列入會員數"),
                          Msg("mention them in the free text of item 2",
                              "可在第 2 項的文字說明中填報"), "R9")
                continue
            contract = member.contract_on(oct31)
            if contract is None:
                self._not_spanning(member, active, oct31)
                continue
            missing = self._incomplete(contract)
            if missing:
                index = member.contracts.index(contract)
                self.skip(member, ("contracts", index), label,
                          Msg(f"the contract lacks {', '.join(m[0] for m in missing)}",
                              f"契約缺少{'、'.join(m[1] for m in missing)}"),
                          Msg("complete the contract and its record in members.yml",
                              "請補齊契約並更新 members.yml"), "R10")
                continue
            region = region_of(member.city, self.alliance.info.regions)
            if region is None:
                continue  # an error of validation already; the sheet cannot place it
            counted.append(member)
            if self.fee_of(member, contract) > 0:
                paying += 1
            else:
                free += 1
            regions[region] += 1
        kpi: dict[str, Number] = {
            "members_total": len(counted), "members_paying": paying, "members_free": free,
        }
        kpi.update({f"members_{r}": n for r, n in regions.items()})
        return kpi, counted

    def fee_of(self, member: Member, contract: Contract) -> float:
        if contract.fee is not None:
            return contract.fee
        tier = self.alliance.info.tier(member.tier)
        return tier.fee if tier is not None else 0

    def _not_spanning(self, member: Member, active: list[Contract], oct31: date) -> None:
        contract = max(active, key=lambda c: c.end)
        index = member.contracts.index(contract)
        if contract.end < oct31:
            why = Msg(f"contract ends {contract.end}, before Oct 31",
                      f"契約於 {contract.end} 結束，未跨越 10 月 31 日")
            fields: tuple[str | int, ...] = ("contracts", index, "end")
        else:
            why = Msg(f"contract starts {contract.start}, after Oct 31",
                      f"契約於 {contract.start} 開始，晚於 10 月 31 日")
            fields = ("contracts", index, "start")
        self.skip(member, fields, Msg(f"member {member.id}", f"會員 {member.id}"), why,
                  Msg(f"a counted contract must span {oct31}", f"列入計算的契約須跨越 {oct31}"),
                  "R10")

    def _incomplete(self, contract: Contract) -> list[tuple[str, str]]:
        missing = []
        for attr, en, zh in (("representative", "the representative", "負責人"),
                             ("address", "the member's address", "會員地址"),
                             ("phone", "the member's phone", "會員電話")):
            if not getattr(contract, attr):
                missing.append((en, zh))
        if not contract.signed.pi:
            missing.append(("the PI's signature", "主持人簽章"))
        if not contract.signed.school_seal:
            missing.append(("the school seal", "學校印章"))
        if not contract.signed.member:
            missing.append(("the member's seal or signature", "會員用印或簽名"))
        if not contract.evidence:
            missing.append(("the signed copy in evidence/", "evidence/ 中的契約掃描檔"))
        elif self.evidence_missing([contract.evidence]):
            missing.append((f"the file {contract.evidence}", f"檔案 {contract.evidence}"))
        return missing

    # ---- item 3: income -------------------------------------------------------------
    def income(self) -> dict[str, Number]:
        sums = {"membership": 0.0, "technical_service": 0.0, "other": 0.0}
        for record in self.alliance.outcomes.income:
            if record.date not in self.window:
                continue
            sums[record.kind] += record.amount
            if not record.evidence or self.evidence_missing([record.evidence]):
                self.caution(record, ("evidence",),
                             Msg(f"income {record.id} has no sealed receipt in evidence/",
                                 f"收入「{record.id}」在 evidence/ 中沒有主計核章的單據"),
                             Msg("add the receipt sealed by the accounting office",
                                 "請補上主計單位核章的收據"), "R11")
        total = sum(sums.values())
        return {
            "income_membership": _tidy(sums["membership"]),
            "income_technical_service": _tidy(sums["technical_service"]),
            "income_other": _tidy(sums["other"]),
            "income_total": _tidy(total),
        }

    # ---- items 4 and 5: activities ----------------------------------------------------
    def activities(self) -> dict[str, Number]:
        counts = {"promotion": 0, "seminar": 0, "consulting": 0, "visit": 0}
        persons = {"seminar": 0, "consulting": 0, "visit": 0}
        for activity in self.alliance.activities:
            if activity.date not in self.window:
                continue
            if NEEDS_EVIDENCE[activity.kind] and not self._has_evidence(activity):
                continue
            counts[activity.kind] += 1
            if activity.kind in persons:
                persons[activity.kind] += activity.participants
        return {
            "promotion_events": counts["promotion"],
            "seminars": counts["seminar"], "seminar_participants": persons["seminar"],
            "consulting": counts["consulting"], "consulting_persons": persons["consulting"],
            "visits": counts["visit"], "visit_persons": persons["visit"],
        }

    def _has_evidence(self, activity: Activity) -> bool:
        label = Msg(f"{activity.kind} {activity.id}",
                    f"{_KIND_ZH[activity.kind]} {activity.id}")
        rule = {"promotion": "R14", "seminar": "R15", "visit": "R15"}[activity.kind]
        if not activity.evidence:
            what = ("a visit form or photos" if activity.kind == "visit"
                    else "a poster or sign-in sheet")
            what_zh = "訪視單或照片" if activity.kind == "visit" else "海報或簽到表"
            self.skip(activity, ("evidence",), label,
                      Msg("it has no evidence", "沒有佐證資料"),
                      Msg(f"add {what} under evidence: (at least one)",
                          f"請在 evidence: 至少附上一項{what_zh}"), rule)
            return False
        missing = self.evidence_missing(activity.evidence)
        if len(missing) == len(activity.evidence):
            self.skip(activity, ("evidence",), label,
                      Msg(f"its evidence file {missing[0]} does not exist",
                          f"佐證檔案 {missing[0]} 不存在"),
                      Msg("put the file in evidence/ or correct the path",
                          "請把檔案放進 evidence/ 或更正路徑"), rule)
            return False
        return True

    # ---- item 6: products, technologies, patents -----------------------------------------
    def outputs(self) -> dict[str, Number]:
        outcomes = self.alliance.outcomes
        products = 0
        for product in outcomes.products:
            if product.date not in self.window:
                continue
            if not product.photos and not product.evidence:
                self.skip(product, ("evidence",),
                          Msg(f"product {product.id}", f"新產品 {product.id}"),
                          Msg("it has no photo or document", "沒有產品照片或文件"),
                          Msg("add a photo or a document (evidence:)",
                              "請附上產品照片或相關文件（evidence:）"), "R16")
                continue
            products += 1
        return {
            "products": products,
            "technologies": sum(t.date in self.window for t in outcomes.technologies),
            "patents": sum(p.date in self.window for p in outcomes.patents),
        }

    # ---- item 7: technical services, transfers, projects ---------------------------------
    def derived(self) -> dict[str, Number]:
        outcomes = self.alliance.outcomes
        signatories = self.alliance.info.signatories()
        transfers: list[float] = []
        for transfer in outcomes.transfers:
            if transfer.date not in self.window:
                continue
            label = Msg(f"transfer {transfer.id}", f"技術移轉 {transfer.id}")
            if self._eligible(transfer, label, transfer.date,
                              "licensor", transfer.licensor, signatories, transfer.evidence):
                transfers.append(transfer.amount)
        projects: list[float] = []
        for project in outcomes.projects:
            if project.signed is None or project.signed not in self.window:
                continue
            label = Msg(f"project {project.id}", f"計畫 {project.id}")
            if project.status != "signed":
                self.skip(project, ("status",), label,
                          Msg("it is still under application", "計畫仍在申請中"),
                          Msg("report it once the contract is signed", "請於簽約後再填報"),
                          "R19")
                continue
            if self._eligible(project, label, project.signed, "signatory", project.signatory,
                              signatories, project.evidence):
                projects.append(project.amount)
        return {
            "technical_services": sum(s.date in self.window
                                      for s in outcomes.technical_services),
            "transfers": len(transfers), "transfer_amount": _tidy(sum(transfers)),
            "projects": len(projects), "project_amount": _tidy(sum(projects)),
        }

    def _eligible(self, record: Record, label: Msg, day: date, signer_field: str,
                  signer: str, signatories: set[str], evidence: str | None) -> bool:
        """R18: a member as partner, the PI or a co-PI as signer, and a valid contract."""
        if signer.strip() not in signatories:
            self.skip(record, (signer_field,), label,
                      Msg(f"{signer} is not the PI or a co-PI", f"{signer} 不是主持人或共同主持人"),
                      Msg("report it under other_results (item 9) instead",
                          "請改填在 other_results（第 9 項其它重要成果）"), "R18")
            return False
        member = self.alliance.member(getattr(record, "member", ""))
        if member is None:
            return False  # an unknown member is a validation error already
        if member.kind != "company" or member.contract_on(day) is None:
            self.skip(record, ("member",), label,
                      Msg(f"{member.id} was not a member on {day}",
                          f"{member.id} 在 {day} 不是聯盟會員"),
                      Msg("a partner must be an alliance member; report it under "
                          "other_results (item 9)",
                          "合作廠商須為聯盟會員；請改填在 other_results（第 9 項）"), "R18")
            return False
        if not evidence or self.evidence_missing([evidence]):
            self.skip(record, ("evidence",), label,
                      Msg("it has no contract, receipt or approval letter in evidence/",
                          "evidence/ 中沒有合約、單據或核定公文"),
                      Msg("add one showing the period, the signatory and the company",
                          "請附上載明期間、立約人與廠商的文件"), "R18")
            return False
        return True

    # ---- items 8 and 10 ------------------------------------------------------------------
    def member_outcomes(self) -> dict[str, Number]:
        rows = [o for o in self.alliance.outcomes.member_outcomes if o.year == self.year]
        return {
            "new_hires": sum(o.new_hires for o in rows),
            "output_value": _tidy(sum(o.output_value for o in rows)),
        }

    def staffing(self) -> dict[str, Number]:
        staff = self.alliance.info.staffing.get(self.year)
        names = ("undergraduate", "master", "phd", "postdoc", "assistant")
        return {f"staff_{n}": getattr(staff, n) if staff else 0 for n in names}


def compute(alliance: Alliance, year: int, until: tuple[int, int] | None = None) -> Sheet:
    """The sheet of performance year ``year``; ``until`` (month, day) cuts the window."""
    window = performance_window(year, until)
    counter = _Counter(alliance, year, window)
    members, counted = counter.members()
    kpi: dict[str, Number] = {
        **members,
        **counter.income(),
        "website_established": alliance.info.website.established.replace("-", ""),
        **counter.activities(),
        **counter.outputs(),
        **counter.derived(),
        **counter.member_outcomes(),
        **counter.staffing(),
    }
    ordered = {key: kpi[key] for key in KPI_ORDER}
    targets = {k: _tidy(v) for k, v in alliance.info.targets.get(year, {}).items()}
    return Sheet(alliance.id, year, window, ordered, targets, counter.warnings, counted)
