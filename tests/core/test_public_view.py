"""The one public view: records of non-consenting members only in the totals, no
per-record amounts, no patent numbers — in the public report and the site alike."""

from __future__ import annotations

from generator.kpi import compute
from generator.loader import load_alliance
from generator.model import Activity, Contract, Member
from generator.model.outcomes import (
    Income,
    MemberOutcome,
    MemberOutput,
    Patent,
    Project,
    TechnicalService,
    Transfer,
)
from generator.public import PUBLISHED, public_outputs, unlisted
from generator.report.content import build_view
from generator.report.html import render_html
from generator.site.privacy import public_view


def _split_amounts(d):
    """Two transfers and two projects whose amounts only add up to round totals."""
    out = d["outcomes.yml"]
    second = dict(out["transfers"][0], id="tr2", title="第二件技轉", amount=12.349)
    out["transfers"][0]["amount"] = 987.651
    out["transfers"].append(second)
    project = dict(out["projects"][0], id="pr2", title="第二件計畫", amount=123.457,
                   member="acme", funder="某基金會專案")
    out["projects"][0]["amount"] = 876.543
    out["projects"].append(project)


def test_report_and_site_show_totals_not_per_record_amounts(write_alliance):
    alliance = load_alliance(write_alliance(_split_amounts)).alliance
    assert alliance is not None
    sheet = compute(alliance, 2025)
    assert sheet.kpi["transfer_amount"] == 1000 and sheet.kpi["project_amount"] == 1000
    html = render_html(build_view(alliance, sheet, {}))
    for amount in ("987.651", "987.65", "12.349", "876.543", "876.54", "123.457"):
        assert amount not in html
    assert "TW 113100001" not in html and "113100001" not in html  # no patent number
    # acme consented: its records are listed by title; beta did not: only in the totals
    assert "第二件技轉" in html and "第二件計畫" in html
    assert "產學計畫" not in html.replace("產學計畫經費", "") and "經濟部SBIR" not in html
    assert "另有 1 件與未同意公開名稱之會員合作" in html
    site = public_view(alliance, {2025: sheet})
    assert [o.id for o in site.outputs["projects"]] == ["pr2"] and site.count("projects") == 2
    assert site.unlisted["projects"] == 1
    assert not hasattr(site.sheets[2025], "decisions")  # the site gets numbers, not records


def test_non_consenting_members_records_are_unlisted(write_alliance):
    alliance = load_alliance(write_alliance(
        lambda d: d["members.yml"][0].update(public=False))).alliance
    assert alliance is not None
    for kind in ("products", "technologies", "patents", "technical_services", "transfers"):
        assert public_outputs(alliance, kind) == []
        assert unlisted(alliance, kind) == 1


def test_the_policy_names_no_private_field_of_a_record():
    records = {Member, Contract, Activity, Income, MemberOutput, Patent, TechnicalService,
               Transfer, Project, MemberOutcome}
    assert records <= set(PUBLISHED)
    for model, fields in PUBLISHED.items():
        assert fields <= set(model.model_fields), model  # no stale name
        if model in records:
            assert not fields & {"evidence", "payer", "representative", "address", "phone",
                                 "amount", "number", "licensor", "signatory", "contracts",
                                 "note", "members"}, model
