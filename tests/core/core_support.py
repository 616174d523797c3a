"""Shared by the core tests: the base alliance, running the command in-process, and
finding lines in the files it complains about."""

from __future__ import annotations

from contextlib import chdir
from pathlib import Path
from typing import Any

from generator.cli import main

EVIDENCE = ["c-acme.pdf", "c-beta.pdf", "c-kin.pdf", "r1.pdf", "poster.pdf", "visit.pdf",
            "tr.pdf", "proj.pdf", "r-ts.pdf", "signin.pdf"]


def base_data() -> dict[str, Any]:
    def contract(**extra: Any) -> dict[str, Any]:
        return {
            "start": "2025-03-01", "end": "2026-02-28", "fee": 30,
            "representative": "代表人", "address": "新竹縣竹北市一號", "phone": "03-555-0000",
            "signed": {"pi": True, "school_seal": True, "member": True}, **extra,
        }
    return {
        "alliance.yml": {
            "id": "demo",
            "name": {"zh": "示範產學小聯盟", "en": "Demo Alliance"},
            "project": {"number": "NSTC 114-2622-E-000-001-CC1", "first_year": 2025,
                        "years": 3, "phase": 1},
            "institution": "示範大學",
            "team": [
                {"name": {"zh": "王主持", "en": "Wang"}, "role": "pi"},
                {"name": "李共同", "role": "co_pi"},
                {"name": "張老師", "role": "member"},
            ],
            "website": {"url": "https://demo.example.edu.tw/", "established": "2025-03"},
            "membership": {"tiers": [
                {"id": "gold", "name": "金級", "fee": 30},
                {"id": "free", "name": "觀察", "fee": 0},
            ]},
            "targets": {2025: {"members_total": 3, "income_total": 100}},
            "highlights": {2025: {"points": ["協助會員開發新產品"]}},
            "staffing": {2025: {"master": 2, "assistant": 1}},
        },
        "members.yml": [
            {"id": "acme", "name": "艾克米公司", "kind": "company", "city": "新竹縣",
             "tier": "gold", "public": True,
             "contracts": [contract(evidence="evidence/c-acme.pdf")]},
            {"id": "beta", "name": "貝塔公司", "kind": "company", "city": "台中市",
             "tier": "free",
             "contracts": [contract(fee=0, evidence="evidence/c-beta.pdf")]},
            {"id": "kin", "name": "金門公司", "kind": "company", "city": "高雄縣",
             "tier": "gold",
             "contracts": [contract(evidence="evidence/c-kin.pdf")]},
        ],
        "activities.yml": [
            {"id": "open-house", "date": "2025-04-10", "kind": "promotion",
             "title": "說明會", "participants": 40, "evidence": ["evidence/poster.pdf"]},
            {"id": "seminar-1", "date": "2025-06-10", "kind": "seminar",
             "title": "研討會", "participants": 55, "evidence": ["evidence/signin.pdf"]},
            {"id": "call-1", "date": "2025-07-01", "kind": "consulting", "title": "電話諮詢",
             "participants": 2, "members": ["acme"]},
            {"id": "visit-1", "date": "2025-08-01", "kind": "visit", "title": "訪廠",
             "participants": 6, "members": ["beta"], "evidence": ["evidence/visit.pdf"]},
        ],
        "outcomes.yml": {
            "income": [
                {"id": "fee-acme", "date": "2025-03-05", "kind": "membership", "amount": 30,
                 "payer": "艾克米公司", "evidence": "evidence/r1.pdf"},
                {"id": "ts-acme", "date": "2025-05-05", "kind": "technical_service",
                 "amount": 50, "payer": "艾克米公司", "evidence": "evidence/r-ts.pdf"},
            ],
            "products": [{"id": "p1", "date": "2025-09-01", "member": "acme",
                          "title": "新感測器", "evidence": "evidence/poster.pdf"}],
            "technologies": [{"id": "t1", "date": "2025-09-02", "member": "acme",
                              "title": "新演算法"}],
            "patents": [{"id": "pat1", "date": "2025-10-01", "member": "acme",
                         "title": "量測裝置", "status": "filed", "number": "TW 113100001"}],
            "technical_services": [{"id": "ts1", "date": "2025-05-05", "member": "acme",
                                    "title": "檢測", "income": "ts-acme"}],
            "transfers": [{"id": "tr1", "date": "2025-11-01", "member": "acme",
                           "title": "技轉", "amount": 100, "licensor": "王主持",
                           "evidence": "evidence/tr.pdf"}],
            "projects": [{"id": "pr1", "signed": "2025-12-01", "member": "beta",
                          "title": "產學計畫", "funder": "經濟部SBIR", "amount": 600,
                          "signatory": "李共同", "status": "signed",
                          "evidence": "evidence/proj.pdf"}],
            "member_outcomes": [{"year": 2025, "member": "acme", "new_hires": 1,
                                 "output_value": 1200}],
        },
    }


def run(capsys, folder: Path, *args: str) -> tuple[int, str, str]:
    """``alliance --lang en ARGS`` from the project holding ``folder``; (code, out, err)."""
    if args and args[0] == "validate" and not any(a.startswith("--date") for a in args):
        args = (*args, "--date", "2025-12-15")  # the base data's first year, after Oct 31
    with chdir(folder.parent.parent):
        code = main(["--lang", "en", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_of(path: Path, needle: str, nth: int = 0) -> int:
    """The 1-based line of the ``nth`` occurrence of ``needle`` in ``path``."""
    hits = [i + 1 for i, line in enumerate(path.read_text(encoding="utf-8").splitlines())
            if needle in line]
    return hits[nth]
