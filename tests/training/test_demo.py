"""The training demo: a registry with moves and status changes, six courses through the
catalogue, simulated learning through the learner services, indicators that differ
between communes, and a second load that creates nothing."""

import io
from datetime import date

import pytest
from django.utils import timezone

from pbgdpl.contests.demo import contests_demo_load
from pbgdpl.training.demo import training_demo_load
from pbgdpl.training.demo_data import COURSES
from pbgdpl.training.models import (
    Course,
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    ModuleKind,
    Person,
    PersonMove,
    PersonStatus,
    QuizAttempt,
    TrainingCertificate,
)
from pbgdpl.training.selectors import training_stats
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_loads_through_the_services_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    communes = [UnitFactory(parent=province, name=f"Xã Ia Demo {n}", kind="xa") for n in range(8)]
    communes += [
        UnitFactory(parent=province, name=f"Phường Demo {n}", kind="phuong", is_urban=True)
        for n in range(4)
    ]
    admin = UserFactory(is_superuser=True, is_staff=True)
    contests_demo_load(admin=admin, province=province, participants=0)  # the quiz items
    out = io.StringIO()

    counts = training_demo_load(admin=admin, province=province, stdout=out)

    people = Person.objects.all()
    assert counts == {"people_created": people.count(), "courses_created": 6}
    assert 80 <= people.count() <= 200
    assert {p.unit for p in people} <= {province, *communes}
    assert people.filter(status=PersonStatus.ENDED, status_since=date(2026, 5, 1)).count() == 5
    assert people.filter(status=PersonStatus.SUSPENDED).count() == 3
    moved = PersonMove.objects.filter(since=date(2026, 3, 1))
    assert moved.count() == 12 and all(m.reason for m in moved)
    assert PersonMove.objects.filter(until=date(2026, 3, 1)).count() == 12

    courses = Course.objects.all()
    assert courses.count() == len(COURSES) == 6
    assert courses.filter(mode=CourseMode.ONLINE).count() == 4
    assert not courses.filter(published=False).exists()
    assert courses.filter(qualifying=False).count() == 1
    quiz = courses.get(slug="ky-nang-so-co-ban-pbgdpl").modules.get(kind=ModuleKind.QUIZ)
    assert quiz.items.count() == 4
    document = courses.get(slug="an-toan-thong-tin-du-lieu-ca-nhan").modules.get(
        kind=ModuleKind.DOCUMENT
    )
    assert document.document.name.endswith(".pdf")

    completed = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED)
    assert completed.count() > 50
    assert TrainingCertificate.objects.count() == completed.count()
    assert not completed.filter(completed_at__gt=timezone.now()).exists()
    assert not completed.filter(completed_at__year__lt=2026).exists()
    assert QuizAttempt.objects.filter(passed=False).exists()  # some failed and retried
    assert Enrolment.objects.filter(status=EnrolmentStatus.ENROLLED).exists()  # in progress

    year = {"date_from": date(2026, 1, 1), "date_to": date(2026, 12, 31)}
    total = training_stats(unit=province, **year)
    assert 0 < total.trained < total.in_registry
    assert 0.5 < total.online_share_hours < 0.95
    assert 0 < total.online_share_deliveries < 1
    shares = [training_stats(unit=c, **year).trained_share for c in communes]
    assert max(s for s in shares if s is not None) >= 0.8
    assert min(s for s in shares if s is not None) < 0.6
    assert "Bồi dưỡng" in out.getvalue()

    snapshot = (
        Person.objects.count(),
        Enrolment.objects.count(),
        QuizAttempt.objects.count(),
        list(completed.order_by("pk").values_list("pk", "completed_at")),
    )
    again = io.StringIO()
    assert training_demo_load(
        admin=admin, province=province, stdout=again, password="Demo-mat-khau-1"
    ) == {
        "people_created": 0,
        "courses_created": 0,
    }
    learner = again.getvalue().split("(trang /boi-duong/): ")[1].split()[0]
    account = Person.objects.get(email=learner).user
    assert account.check_password("Demo-mat-khau-1")
    assert Enrolment.objects.filter(
        person__user=account, status=EnrolmentStatus.ENROLLED, course__mode=CourseMode.ONLINE
    ).exists()
    assert snapshot == (
        Person.objects.count(),
        Enrolment.objects.count(),
        QuizAttempt.objects.count(),
        list(completed.order_by("pk").values_list("pk", "completed_at")),
    )
