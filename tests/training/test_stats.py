"""The training indicators, recomputed by hand from a small world: who is in the
registry (by unit history, the ended left out), who was trained (a qualifying course
completed in the period), and the online share by deliveries and by trainee-hours — for
the province (roll-up) and each commune; and the API's answers to bad input."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from pbgdpl.training import services
from pbgdpl.training.models import (
    Attendance,
    Course,
    Enrolment,
    EnrolmentStatus,
    Session,
)
from pbgdpl.training.selectors import training_stats
from pbgdpl.training.services import PersonInput
from tests.factories import UnitFactory
from tests.qa.factories import staff

pytestmark = pytest.mark.django_db

YEAR_FROM, YEAR_TO = date(2026, 1, 1), date(2026, 12, 31)


def at(day: date, hour: int = 8) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.fixture
def world():
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    a = UnitFactory(parent=province, name="Xã Ia Hrú", kind="xa")
    b = UnitFactory(parent=province, name="Phường Pleiku", kind="phuong")
    admin = staff("province_admin", province)

    def person(name: str, unit, phone: str):
        return services.person_create(
            actor=admin,
            data=PersonInput(
                full_name=name,
                role="propagandist",
                unit=unit.code,
                phone=phone,
                since=date(2026, 1, 1),
            ),
        )

    a1 = person("Rơ Châm A Một", a, "0905000001")
    a2 = person("Siu H'Hai", a, "0905000002")
    a3 = person("Nguyễn Văn Ba", a, "0905000003")
    services.person_set_status(actor=admin, person=a3, status="ended", since=date(2026, 1, 1))
    b1 = person("Trần Thị Bốn", b, "0905000004")
    p4 = person("Lê Văn Năm", a, "0905000005")
    services.person_move(actor=admin, person=p4, unit=b, on=date(2026, 6, 1), reason="Sắp xếp")

    def course(slug, mode, qualifying=True, hours=0):
        return Course.objects.create(
            title=slug, slug=slug, unit=province, mode=mode, qualifying=qualifying, hours=hours
        )

    c1 = course("c1-online", "online", hours=Decimal("4"))
    c2 = course("c2-offline", "offline")
    c3 = course("c3-other", "offline", qualifying=False)
    s1 = Session.objects.create(
        course=c2, starts_at=at(date(2026, 3, 10), 8), ends_at=at(date(2026, 3, 10), 11)
    )
    s2 = Session.objects.create(
        course=c2,
        online=True,
        starts_at=at(date(2026, 4, 10), 8),
        ends_at=at(date(2026, 4, 10), 10),
    )
    s3 = Session.objects.create(
        course=c3, starts_at=at(date(2026, 5, 1), 8), ends_at=at(date(2026, 5, 1), 10)
    )
    s4 = Session.objects.create(
        course=c2, starts_at=at(date(2025, 11, 1), 8), ends_at=at(date(2025, 11, 1), 12)
    )

    def enrol(person, course, completed=None):
        return Enrolment.objects.create(
            course=course,
            person=person,
            status=EnrolmentStatus.COMPLETED if completed else EnrolmentStatus.ENROLLED,
            completed_at=at(completed) if completed else None,
        )

    enrol(a1, c1, date(2026, 2, 1))
    e_a2 = enrol(a2, c2, date(2026, 4, 11))
    e_b1 = enrol(b1, c2)
    enrol(p4, c1, date(2026, 7, 1))
    e_a2_other = enrol(a2, c3, date(2026, 5, 1))
    e_a1_old = enrol(a1, c2)
    e_a3 = enrol(a3, c1, date(2026, 3, 1))  # ended: not in the registry
    for session, enrolment in [
        (s1, e_a2),
        (s2, e_a2),
        (s1, e_b1),
        (s3, e_a2_other),
        (s4, e_a1_old),
    ]:
        Attendance.objects.create(session=session, enrolment=enrolment)
    Attendance.objects.create(session=s2, enrolment=e_b1, present=False)
    assert e_a3.pk
    return {"province": province, "a": a, "b": b}


def test_province_rolls_up_every_commune(world):
    stats = training_stats(unit=world["province"], date_from=YEAR_FROM, date_to=YEAR_TO)
    # a1, a2, b1, p4 (a3 ended).
    assert stats.in_registry == 4
    # a1 and p4 finished the online course, a2 the offline one; c3 does not qualify.
    assert (stats.trained, stats.trained_share) == (3, 0.75)
    # S1 (offline), S2 (online) and the online course c1: 3 deliveries, 2 online.
    assert (stats.deliveries, stats.deliveries_online) == (3, 2)
    assert stats.online_share_deliveries == round(2 / 3, 4)
    # a2 3 h + 2 h online, b1 3 h, c1 4 h twice online: 16 h, 10 h online.
    assert (stats.trainee_hours, stats.trainee_hours_online) == (16.0, 10.0)
    assert stats.online_share_hours == 0.625
    assert set(stats.definitions) >= {"in_registry", "trained", "online_share_hours"}


def test_each_commune_counts_its_people_by_their_history(world):
    a = training_stats(unit=world["a"], date_from=YEAR_FROM, date_to=YEAR_TO)
    # p4 moved to B on 1 June: on 31 December they count in B.
    assert (a.in_registry, a.trained, a.trained_share) == (2, 2, 1.0)
    assert (a.deliveries, a.deliveries_online) == (3, 2)  # S1, S2 (a2); c1 (a1)
    assert (a.trainee_hours, a.trainee_hours_online) == (9.0, 6.0)
    b = training_stats(unit=world["b"], date_from=YEAR_FROM, date_to=YEAR_TO)
    assert (b.in_registry, b.trained, b.trained_share) == (2, 1, 0.5)
    assert (b.deliveries, b.deliveries_online) == (2, 1)  # S1 (b1); c1 (p4)
    assert (b.trainee_hours, b.trainee_hours_online) == (7.0, 4.0)
    assert b.online_share_hours == round(4 / 7, 4)
    # Before the move p4 was in A.
    spring = training_stats(unit=world["a"], date_from=YEAR_FROM, date_to=date(2026, 5, 31))
    assert spring.in_registry == 3


def test_an_empty_period_has_no_shares(world):
    stats = training_stats(unit=world["b"], date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    assert stats.in_registry == 0 and stats.trained_share is None
    assert stats.online_share_deliveries is None and stats.online_share_hours is None


def test_stats_api_and_its_bad_input(client, world):
    response = client.get(
        "/api/v1/training/stats", {"unit": "52", "from": "2026-01-01", "to": "2026-12-31"}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["in_registry"], body["trained"], body["trained_share"]) == (4, 3, 0.75)
    assert body["online_share_hours"] == 0.625 and body["from"] == "2026-01-01"
    assert "Theo giờ học" in body["definitions"]["online_share_hours"]
    assert client.get("/api/v1/training/stats", {"unit": "nope"}).status_code == 404
    bad = client.get(
        "/api/v1/training/stats", {"unit": "52", "from": "2026-12-31", "to": "2026-01-01"}
    )
    assert bad.status_code == 422 and "to" in bad.json()["errors"]
    assert (
        client.get("/api/v1/training/stats", {"unit": "52", "from": "31/12/2026"}).status_code
        == 422
    )
    assert client.get("/api/v1/training/stats").status_code == 422
