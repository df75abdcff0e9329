"""Trainees as a reach source: ``training_reach_records`` (registry people with learning
activity in a period, by the unit they were in that day)."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from pbgdpl.people.reach import reach_keys
from pbgdpl.people.selectors import account_reach_records
from pbgdpl.people.services import user_active_day_record
from pbgdpl.training import services
from pbgdpl.training.models import Course, Enrolment, Module, ModuleProgress, QuizAttempt
from pbgdpl.training.selectors.reach import training_reach_records
from pbgdpl.training.services import SessionInput
from tests.factories import UserFactory
from tests.training.factories import person_add, training_world

pytestmark = pytest.mark.django_db

MAY = {"date_from": date(2026, 5, 1), "date_to": date(2026, 5, 31)}


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def world():
    return training_world()


def course(world, mode="online", slug="ky-nang-so") -> Course:
    return Course.objects.create(
        title="Kỹ năng số cho tuyên truyền viên",
        slug=slug,
        unit=world.province,
        mode=mode,
        audience=["propagandist", "reporter", "official"],
        published=True,
        hours=4,
    )


def enrolled(world, person, the_course, *, on: datetime) -> Enrolment:
    services.enrol_people(actor=world.province_admin, course=the_course, people=[person])
    enrolment = Enrolment.objects.get(course=the_course, person=person)
    Enrolment.objects.filter(pk=enrolment.pk).update(created_at=on)
    enrolment.refresh_from_db()
    return enrolment


def test_enrolment_in_the_period_and_keys(world):
    person = person_add(world, 1, since=date(2026, 1, 1))
    enrolled(world, person, course(world), on=local(2026, 5, 4, 10))
    (record,) = training_reach_records(**MAY)
    assert (record.on, record.unit_id, record.source) == (
        date(2026, 5, 4),
        world.commune.pk,
        "training",
    )
    assert record.keys == reach_keys(phone=person.phone, email=person.email)
    for secret in (person.phone, person.phone[1:], person.email, person.full_name):
        assert secret not in repr(record)


def test_each_kind_of_activity_and_the_last_day_counts(world):
    the_course = course(world)
    module = Module.objects.create(course=the_course, position=1, title="Bài 1", kind="lesson")
    quiz = Module.objects.create(course=the_course, position=2, title="Kiểm tra", kind="quiz")
    people = [person_add(world, n, since=date(2026, 1, 1)) for n in range(1, 5)]
    enrolments = [enrolled(world, p, the_course, on=local(2026, 3, 1, 9)) for p in people]
    # 1: a module finished; 2: a quiz started; 3: a course completed; 4: nothing in May.
    ModuleProgress.objects.create(
        enrolment=enrolments[0], module=module, completed_at=local(2026, 5, 2, 9)
    )
    ModuleProgress.objects.create(
        enrolment=enrolments[0], module=quiz, completed_at=local(2026, 5, 9, 9)
    )
    QuizAttempt.objects.create(
        enrolment=enrolments[1], module=quiz, number=1, started_at=local(2026, 5, 10, 9), draw=[]
    )
    Enrolment.objects.filter(pk=enrolments[2].pk).update(
        status="completed", completed_at=local(2026, 5, 31, 23, 30)
    )
    records = {r.keys: r.on for r in training_reach_records(**MAY)}
    assert records == {
        reach_keys(phone=people[0].phone, email=people[0].email): date(2026, 5, 9),
        reach_keys(phone=people[1].phone, email=people[1].email): date(2026, 5, 10),
        reach_keys(phone=people[2].phone, email=people[2].email): date(2026, 5, 31),
    }


def test_attendance_counts_on_the_sessions_day(world):
    person = person_add(world, 1, since=date(2026, 1, 1))
    the_course = course(world, mode="offline")
    enrolled(world, person, the_course, on=local(2026, 1, 10, 9))
    now = timezone.now()
    session = services.session_add(
        actor=world.province_admin,
        course=the_course,
        data=SessionInput(
            starts_at=now - timedelta(days=1, hours=3),
            ends_at=now - timedelta(days=1),
            place="Hội trường UBND xã Ia Hrú",
        ),
    )
    services.attendance_mark(actor=world.officer, session=session, person=person)
    day = timezone.localdate(session.starts_at)
    (record,) = training_reach_records(date_from=day, date_to=day)
    assert record.on == day
    # Absent: not reached by that session.
    services.attendance_mark(actor=world.officer, session=session, person=person, present=False)
    assert training_reach_records(date_from=day, date_to=day) == []


def test_period_bounds_are_inclusive(world):
    the_course = course(world)
    inside = [person_add(world, n, since=date(2026, 1, 1)) for n in (1, 2)]
    outside = [person_add(world, n, since=date(2026, 1, 1)) for n in (3, 4)]
    enrolled(world, inside[0], the_course, on=local(2026, 5, 1, 0, 0))
    enrolled(world, inside[1], the_course, on=local(2026, 5, 31, 23, 59))
    enrolled(world, outside[0], the_course, on=local(2026, 4, 30, 23, 59))
    enrolled(world, outside[1], the_course, on=local(2026, 6, 1, 0, 0))
    records = training_reach_records(**MAY)
    assert {r.keys for r in records} == {reach_keys(phone=p.phone, email=p.email) for p in inside}


def test_unit_is_where_the_person_was_that_day(world):
    person = person_add(world, 1, since=date(2026, 1, 1))
    services.person_move(
        actor=world.province_admin, person=person, unit=world.other_commune, on=date(2026, 6, 1)
    )
    the_course = course(world)
    enrolled(world, person, the_course, on=local(2026, 5, 20, 9))
    (may,) = training_reach_records(**MAY)
    assert may.unit_id == world.commune.pk
    Enrolment.objects.filter(person=person).update(
        status="completed", completed_at=local(2026, 6, 3, 9)
    )
    (june,) = training_reach_records(date_from=date(2026, 6, 1), date_to=date(2026, 6, 30))
    assert june.unit_id == world.other_commune.pk


def test_linked_account_key_matches_the_account_record(world):
    user = UserFactory(email="hoc.vien@example.vn")
    person = person_add(world, 1, since=date(2026, 1, 1), email="", phone="")
    person.user = user
    person.save(update_fields=["user"])
    enrolled(world, person, course(world), on=local(2026, 5, 4, 10))
    user_active_day_record(user=user, day=date(2026, 5, 4))
    (trainee,) = training_reach_records(**MAY)
    (account,) = account_reach_records(**MAY)
    assert trainee.keys == reach_keys(user_id=user.pk)
    assert set(trainee.keys) <= set(account.keys)


def test_person_without_identifiers_gives_no_record(world):
    person = person_add(world, 1, since=date(2026, 1, 1), email="", phone="")
    enrolled(world, person, course(world), on=local(2026, 5, 4, 10))
    assert training_reach_records(**MAY) == []
