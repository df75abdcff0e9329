"""The figures of outreach, recomputed by hand from a small world: totals by mode,
participants urban/rural/unclassified, online views, evidence, communes covered — for the
province (roll-up of its communes and its own activities) and each commune — the tables
by unit, kind, audience and month, plan targets against what was done, the list's
filters, and who sees which activities. A deleted activity and one outside the period
never count."""

from datetime import date

import pytest

from pbgdpl.outreach import services
from pbgdpl.outreach.selectors import (
    activities_visible,
    activity_filter,
    outreach_report,
    outreach_totals,
    outreach_totals_by_unit,
    plan_progress,
)
from pbgdpl.people.backoffice import units_for
from tests.factories import UnitFactory
from tests.outreach.factories import activity_add, jpeg_bytes, outreach_world, plan_add, upload

pytestmark = pytest.mark.django_db

H1 = (date(2026, 1, 1), date(2026, 6, 30))


@pytest.fixture
def world():
    world = outreach_world()
    world.quiet = UnitFactory(parent=world.province, code="52003", name="Xã Ia Dom", kind="xa")
    a, b, p = world.commune.code, world.other_commune.code, world.province.code
    world.a1 = activity_add(
        world, unit=a, start_date=date(2026, 2, 10), participants_total=120,
        title="Tuyên truyền Luật Đất đai năm 2024 tại thôn 3",
    )  # fmt: skip
    world.a2 = activity_add(
        world, unit=a, kind="conference", mode="both", start_date=date(2026, 3, 5),
        participants_total=80, participants_urban=10, participants_rural=60,
        participants_note="Có cán bộ phường đến dự.", online_views=200,
        url="https://example.vn/hoi-nghi", audiences=["officials"],
        title="Hội nghị phổ biến Luật Căn cước",
    )  # fmt: skip
    world.b1 = activity_add(
        world, unit=b, kind="social_media", mode="online", place="", participants_total=None,
        online_views=1500, url="https://example.vn/bai-viet", start_date=date(2026, 3, 20),
        audiences=["youth"], title="Bài viết hỏi đáp Luật Trẻ em",
    )  # fmt: skip
    world.b2 = activity_add(
        world, unit=b, kind="contest", start_date=date(2026, 4, 15), participants_total=200,
        audiences=["students"], title="Hội thi tìm hiểu Luật Giao thông",
    )  # fmt: skip
    world.p1 = activity_add(
        world, unit=p, kind="conference", start_date=date(2026, 6, 1), participants_total=300,
        participants_urban=100, participants_rural=150, audiences=["officials"],
        title="Hội nghị tập huấn hòa giải ở cơ sở",
    )  # fmt: skip
    world.late = activity_add(
        world, unit=a, start_date=date(2026, 7, 2), participants_total=50,
        title="Tuyên truyền Luật Hôn nhân và gia đình tại thôn 5",
    )  # fmt: skip
    gone = activity_add(world, unit=b, start_date=date(2026, 2, 1), participants_total=999)
    services.activity_delete(actor=world.province_admin, activity=gone, reason="Nhập trùng")
    for activity in (world.a1, world.b1):
        services.evidence_add(
            actor=world.province_admin, activity=activity, file=upload("a.jpg", jpeg_bytes())
        )
    # A second file on the same activity still counts the activity once.
    services.evidence_add(
        actor=world.province_admin,
        activity=world.a1,
        file=upload("b.jpg", jpeg_bytes((9, 9, 9))),
    )
    return world


def test_province_totals_roll_up_every_commune_and_its_own_activities(world):
    t = outreach_totals(unit=world.province, date_from=H1[0], date_to=H1[1])
    assert (t.activities, t.activities_offline, t.activities_online, t.activities_both) == (
        5,
        3,
        1,
        1,
    )
    assert t.participants == 120 + 80 + 0 + 200 + 300
    assert t.participants_urban == 0 + 10 + 0 + 200 + 100
    assert t.participants_rural == 120 + 60 + 0 + 0 + 150
    assert t.participants_unclassified == 700 - 310 - 330
    assert t.online_views == 200 + 1500
    assert t.with_evidence == 2
    assert t.online_share == 40.0 and t.evidence_share == 40.0


def test_commune_totals_hold_only_their_own_activities(world):
    a = outreach_totals(unit=world.commune, date_from=H1[0], date_to=H1[1])
    assert (a.activities, a.activities_offline, a.activities_both) == (2, 1, 1)
    assert (a.participants, a.participants_urban, a.participants_rural) == (200, 10, 180)
    assert (a.online_views, a.with_evidence) == (200, 1)
    b = outreach_totals(unit=world.other_commune, date_from=H1[0], date_to=H1[1])
    assert (b.activities, b.activities_online, b.participants_urban, b.online_views) == (
        2,
        1,
        200,
        1500,
    )
    quiet = outreach_totals(unit=world.quiet, date_from=H1[0], date_to=H1[1])
    assert quiet.activities == 0 and quiet.online_share is None
    assert outreach_totals(
        unit=world.province, date_from=H1[0], date_to=H1[1], mode="offline"
    ).participants == (120 + 200 + 300)
    assert (
        outreach_totals(
            unit=world.province, date_from=H1[0], date_to=H1[1], kind="conference"
        ).activities
        == 2
    )


def test_the_whole_year_includes_the_july_activity(world):
    t = outreach_totals(unit=world.commune, date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))
    assert (t.activities, t.participants_rural) == (3, 230)


def test_rows_by_unit_add_up_to_the_total(world):
    rows = outreach_totals_by_unit(unit=world.province, date_from=H1[0], date_to=H1[1])
    by_label = {row.label: row.totals for row in rows}
    assert rows[0].unit is None and rows[0].totals.participants == 300
    assert by_label["Xã Ia Hrú"].participants == 200
    assert by_label["Phường Pleiku"].online_views == 1500
    assert by_label["Xã Ia Dom"].activities == 0
    assert sum(r.totals.activities for r in rows) == 5
    assert sum(r.totals.participants_rural for r in rows) == 330
    assert sum(r.totals.with_evidence for r in rows) == 2


def test_the_report_tables(world):
    report = outreach_report(unit=world.province, date_from=H1[0], date_to=H1[1])
    kinds = {row.code: row.totals for row in report.by_kind}
    assert kinds["mobile_session"].activities == 1 and kinds["mobile_session"].participants == 120
    assert kinds["conference"].activities == 2 and kinds["conference"].participants == 380
    assert kinds["law_day"].activities == 0
    modes = {row.code: row.totals.activities for row in report.by_mode}
    assert modes == {"offline": 3, "online": 1, "both": 1}
    audiences = {code: count for code, _label, count in report.by_audience}
    assert audiences["officials"] == 2 and audiences["citizens"] == 1
    assert audiences["ethnic_minorities"] == 1 and audiences["elderly"] == 0
    months = [(m.month, t.activities, t.with_evidence) for m, t in report.by_month]
    assert months == [(1, 0, 0), (2, 1, 1), (3, 2, 1), (4, 1, 0), (5, 0, 0), (6, 1, 0)]
    assert report.units_covered == 2
    assert set(report.definitions) >= {"activities", "participants_urban", "progress"}


def test_plan_targets_against_what_was_done(world):
    plan = plan_add(
        world,
        unit=world.province,
        targets=[
            ("activities", "", 10),
            ("activities_of_kind", "conference", 2),
            ("participants", "", 1000),
            ("participants_urban", "", 300),
            ("participants_rural", "", 400),
            ("online_reach", "", 1000),
            ("online_share", "", 50),
            ("evidence_share", "", 25),
            ("units_covered", "", 3),
        ],
    )
    progress = plan_progress(plan=plan, on=H1[1])
    rows = {
        (r.target.kind, r.target.activity_kind): (r.actual, r.percent, r.achieved)
        for r in progress.targets
    }
    assert rows["activities", ""] == (5, 50.0, False)
    assert rows["activities_of_kind", "conference"] == (2, 100.0, True)
    assert rows["participants", ""] == (700, 70.0, False)
    assert rows["participants_urban", ""] == (310, 103.3, True)
    assert rows["participants_rural", ""] == (330, 82.5, False)
    assert rows["online_reach", ""] == (1700, 170.0, True)
    assert rows["online_share", ""] == (40.0, 80.0, False)
    assert rows["evidence_share", ""] == (40.0, 160.0, True)
    assert rows["units_covered", ""] == (2, 66.7, False)
    assert progress.achieved == 4
    whole_year = plan_progress(plan=plan)
    assert whole_year.date_to == date(2026, 12, 31)
    assert whole_year.totals.activities == 6
    report = outreach_report(unit=world.province, date_from=H1[0], date_to=H1[1])
    assert [p.plan for p in report.plans] == [plan]
    assert report.plans[0].totals.activities == 5


def test_a_communes_plan_counts_the_commune_and_its_linked_activities(world):
    plan = plan_add(world, unit=world.commune)
    services.activity_update(
        actor=world.officer,
        activity=world.a1,
        data=services.ActivityInput(
            unit=world.commune.code,
            kind="mobile_session",
            title=world.a1.title,
            start_date=world.a1.start_date,
            mode="offline",
            audiences=["citizens"],
            place="Nhà văn hóa thôn 3",
            participants_total=120,
            plan=plan.pk,
        ),
    )
    progress = plan_progress(plan=plan)
    assert progress.linked == 1
    assert progress.totals.activities == 3  # linked or not, every activity of the year


def test_who_sees_which_activities(world):
    titles = lambda qs: {a.pk for a in qs}  # noqa: E731
    a = {world.a1.pk, world.a2.pk, world.late.pk}
    b = {world.b1.pk, world.b2.pk}
    assert titles(activities_visible(world.officer)) == a
    assert titles(activities_visible(world.other_officer)) == b
    assert titles(activities_visible(world.approver)) == a | b | {world.p1.pk}
    assert not activities_visible(world.citizen).exists()
    units = set(units_for(world.officer, "outreach.manage"))
    assert units == {world.commune}
    assert not units_for(world.approver, "outreach.manage").exists()


def test_the_list_filters(world):
    everything = activities_visible(world.province_admin)
    pks = lambda **f: {a.pk for a in activity_filter(everything, **f)}  # noqa: E731
    assert pks(text="tuyen truyen DAT DAI") == {world.a1.pk}
    assert pks(text="hội nghị") == {world.a2.pk, world.p1.pk}
    assert pks(unit=world.commune) == {world.a1.pk, world.a2.pk, world.late.pk}
    assert pks(kind="conference", mode="offline") == {world.p1.pk}
    assert pks(audience="students") == {world.b2.pk}
    assert pks(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31)) == {
        world.a2.pk,
        world.b1.pk,
    }
