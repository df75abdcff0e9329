"""The outreach demo: 2026 plans with targets and 50 activities over a province's
communes, through the services, consistent with each unit (a commune's participants
rural, a ward's urban unless explained), citing laws only by number, and safe to load
twice."""

import io
import re
from collections import Counter
from datetime import date

import pytest

from pbgdpl.core.text import normalize_document_number
from pbgdpl.outreach.demo import LAWS, SPECS, outreach_demo_load
from pbgdpl.outreach.models import (
    Activity,
    ActivityEvidence,
    ActivityKind,
    ActivityMode,
    OutreachPlan,
    PlanStatus,
)
from pbgdpl.outreach.selectors import plan_progress
from tests.factories import UnitFactory
from tests.qa.factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    names = [
        ("phuong", "Phường Quy Nhơn Bắc"),
        ("phuong", "Phường Quy Nhơn"),
        ("xa", "Xã Ia Hrú"),
        ("xa", "Xã An Lão"),
        ("xa", "Xã Kon Chiêng"),
        ("phuong", "Phường Pleiku"),
        ("xa", "Xã Nhơn Châu"),
        ("dac_khu", "Đặc khu Thử Nghiệm"),
    ]
    for number, (kind, name) in enumerate(names, start=1):
        UnitFactory(parent=province, code=f"52{number:03d}", name=name, kind=kind)
    return province


def test_the_demo_specs_are_well_formed():
    assert len(SPECS) == 45
    for spec in SPECS:
        assert spec.laws and set(spec.laws) <= set(LAWS), spec.title
    for title, number in LAWS.values():
        assert normalize_document_number(number) == number, title
        assert re.match(r"^(Luật|Bộ luật) ", title), title


def test_the_demo_loads_plans_and_fifty_activities_once(province):
    admin = staff("province_admin", province)
    out = io.StringIO()
    counts = outreach_demo_load(admin=admin, province=province, stdout=out)
    assert counts["activities"] + counts["skipped_future"] == 50
    assert Activity.objects.count() == counts["activities"]
    assert "kế hoạch" in out.getvalue()
    again = outreach_demo_load(admin=admin, province=province, stdout=io.StringIO())
    assert again == {"plans": 0, "activities": 0, "evidence": 0, "skipped_future": 0}
    assert Activity.objects.count() == counts["activities"]

    plans = OutreachPlan.objects.filter(year=2026)
    assert plans.count() == 7 and all(p.targets.exists() for p in plans)
    approved = plans.filter(status=PlanStatus.APPROVED)
    assert approved.count() == 3 and plans.get(unit=province).status == PlanStatus.APPROVED
    assert all(re.match(r"^\d+/KH-UBND$", p.decision_number) for p in approved)

    activities = list(Activity.objects.select_related("unit"))
    assert {a.kind for a in activities} == set(ActivityKind.values)
    assert {a.mode for a in activities} == set(ActivityMode.values)
    assert len({a.unit_id for a in activities}) >= 8  # every unit of this small province
    assert {a.start_date.month for a in activities} == set(range(1, 13))
    law_day = [a for a in activities if a.kind == ActivityKind.LAW_DAY]
    assert len(law_day) == 5 and {a.start_date for a in law_day} == {date(2026, 11, 9)}
    for activity in activities:
        assert activity.start_date.year == 2026
        assert "{" not in activity.title and "tổ dân phố tổ dân phố" not in activity.title
        assert activity.legal_documents
        for number in activity.legal_documents:
            assert normalize_document_number(number) == number
        assert activity.participants_urban + activity.participants_rural <= (
            activity.participants_total
        )
        if activity.unit.kind != "tinh" and not activity.unit.is_urban:
            assert activity.participants_urban == 0 or activity.participants_note
        if activity.unit.is_urban:
            assert activity.participants_rural == 0 or activity.participants_note
        assert activity.audiences.exists()
    evidence = ActivityEvidence.objects.count()
    assert 0.5 * len(activities) <= evidence <= 0.85 * len(activities)
    assert Counter(e.kind for e in ActivityEvidence.objects.all()) == {"photo": evidence}

    progress = plan_progress(plan=plans.get(unit=province))
    assert progress.totals.activities == len(activities)
    assert any(t.achieved for t in progress.targets)
    assert any(not t.achieved for t in progress.targets)


def test_the_demo_needs_units(db):
    lonely = UnitFactory(code="99", name="Tỉnh Trống", kind="tinh")
    with pytest.raises(RuntimeError):
        outreach_demo_load(admin=staff("province_admin", lonely), province=lonely)
