"""Courses: sessions, enrolment of people and of whole units (audience, prerequisites,
permissions), attendance only for the enrolled and after the session started, and
completion never before the session — refusals store nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pbgdpl.training import services
from pbgdpl.training.models import Attendance, Course, Enrolment, EnrolmentStatus
from pbgdpl.training.services import PersonInput, SessionInput, TrainingInputError
from tests.factories import UnitFactory
from tests.qa.factories import staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    a = UnitFactory(parent=province, name="Xã Ia Hrú", kind="xa")
    b = UnitFactory(parent=province, name="Phường Pleiku", kind="phuong")
    admin = staff("province_admin", province)
    officer_a = staff("unit_officer", a)

    def person(n, unit, role="propagandist"):
        return services.person_create(
            actor=admin,
            data=PersonInput(
                full_name=f"Người Học Số {n}",
                role=role,
                unit=unit.code,
                phone=f"09060000{n:02d}",
                decision_number="12/QĐ-UBND" if role == "reporter" else "",
            ),
        )

    course = Course.objects.create(
        title="Kỹ năng số cho tuyên truyền viên",
        slug="ky-nang-so",
        unit=province,
        mode="blended",
        audience=["propagandist", "reporter"],
        published=True,
    )
    now = timezone.now()
    past = services.session_add(
        actor=admin,
        course=course,
        data=SessionInput(
            starts_at=now - timedelta(days=2, hours=3),
            ends_at=now - timedelta(days=2),
            place="Hội trường UBND xã Ia Hrú",
        ),
    )
    future = services.session_add(
        actor=admin,
        course=course,
        data=SessionInput(
            starts_at=now + timedelta(days=3), ends_at=now + timedelta(days=3, hours=2), online=True
        ),
    )
    return {
        "province": province,
        "a": a,
        "b": b,
        "admin": admin,
        "officer_a": officer_a,
        "a1": person(1, a),
        "a2": person(2, a, role="official"),
        "b1": person(3, b),
        "course": course,
        "past": past,
        "future": future,
    }


def test_enrol_attend_complete(world):
    report = services.enrol_unit(actor=world["officer_a"], course=world["course"], unit=world["a"])
    assert [e.person for e in report.enrolled] == [world["a1"]]
    assert [p for p, _reason in report.refused] == [world["a2"]]  # not in the audience
    again = services.enrol_people(
        actor=world["officer_a"], course=world["course"], people=[world["a1"]]
    )
    assert again.already == [world["a1"]] and not again.enrolled
    services.attendance_mark(actor=world["officer_a"], session=world["past"], person=world["a1"])
    enrolment = Enrolment.objects.get(person=world["a1"])
    done = services.completion_mark(actor=world["officer_a"], enrolment=enrolment)
    assert done.status == EnrolmentStatus.COMPLETED


def test_a_commune_officer_stays_in_their_commune(world):
    with pytest.raises(PermissionDenied):
        services.enrol_people(
            actor=world["officer_a"], course=world["course"], people=[world["a1"], world["b1"]]
        )
    assert not Enrolment.objects.exists()  # nothing partial
    services.enrol_people(actor=world["admin"], course=world["course"], people=[world["b1"]])
    with pytest.raises(PermissionDenied):
        services.attendance_mark(
            actor=world["officer_a"], session=world["past"], person=world["b1"]
        )


def test_attendance_needs_enrolment_and_a_session_that_happened(world):
    with pytest.raises(TrainingInputError) as exc:
        services.attendance_mark(actor=world["admin"], session=world["past"], person=world["a1"])
    assert "chưa ghi danh" in exc.value.errors["person"]
    services.enrol_people(actor=world["admin"], course=world["course"], people=[world["a1"]])
    with pytest.raises(TrainingInputError) as exc:
        services.attendance_mark(actor=world["admin"], session=world["future"], person=world["a1"])
    assert "chưa diễn ra" in exc.value.errors["session"]
    assert not Attendance.objects.exists()


def test_completion_is_never_before_the_session(world):
    services.enrol_people(actor=world["admin"], course=world["course"], people=[world["a1"]])
    enrolment = Enrolment.objects.get(person=world["a1"])
    with pytest.raises(TrainingInputError) as exc:
        services.completion_mark(actor=world["admin"], enrolment=enrolment)
    assert "chưa dự buổi học nào" in exc.value.errors["enrolment"]
    services.attendance_mark(actor=world["admin"], session=world["past"], person=world["a1"])
    with pytest.raises(TrainingInputError) as exc:
        services.completion_mark(
            actor=world["admin"], enrolment=enrolment, on=world["past"].starts_at
        )
    assert "trước khi buổi học kết thúc" in exc.value.errors["on"]
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED and enrolment.completed_at is None


def test_prerequisites_and_unpublished_courses(world):
    advanced = Course.objects.create(
        title="Nâng cao", slug="nang-cao", unit=world["province"], mode="online", published=True
    )
    advanced.prerequisites.add(world["course"])
    report = services.enrol_people(actor=world["admin"], course=advanced, people=[world["a1"]])
    assert report.refused and "chưa hoàn thành" in report.refused[0][1]
    draft = Course.objects.create(title="Nháp", slug="nhap", unit=world["province"], mode="online")
    with pytest.raises(TrainingInputError):
        services.enrol_people(actor=world["admin"], course=draft, people=[world["a1"]])


def test_session_bad_input(world):
    now = timezone.now()
    for data, field in [
        (SessionInput(starts_at=now, ends_at=now - timedelta(hours=1), place="X"), "ends_at"),
        (SessionInput(starts_at=now, ends_at=now + timedelta(hours=13), place="X"), "ends_at"),
        (SessionInput(starts_at=now, ends_at=now + timedelta(hours=1)), "place"),
        (
            SessionInput(starts_at=now, ends_at=now + timedelta(hours=1), place="X", capacity=0),
            "capacity",
        ),
    ]:
        with pytest.raises(TrainingInputError) as exc:
            services.session_add(actor=world["admin"], course=world["course"], data=data)
        assert field in exc.value.errors
    with pytest.raises(PermissionDenied):
        services.session_add(
            actor=world["officer_a"],
            course=world["course"],
            data=SessionInput(starts_at=now, ends_at=now + timedelta(hours=1), place="X"),
        )
    assert world["course"].sessions.count() == 2
