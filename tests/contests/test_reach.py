"""Contest participants as a reach source: ``contest_reach_records``."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from pbgdpl.contests import services
from pbgdpl.contests.models import Attempt
from pbgdpl.contests.selectors import contest_reach_records
from pbgdpl.people.reach import reach_keys
from pbgdpl.qa.selectors import qa_reach_records
from pbgdpl.qa.services import CONSENT_VERSION, QuestionInput, qa_question_submit
from tests.contests.factories import contest_world, participant_join
from tests.factories import UserFactory
from tests.qa.factories import QUESTION_TEXT

pytestmark = pytest.mark.django_db


def started(world, participant, when: datetime) -> Attempt:
    attempt = services.attempt_start(round=world.round, participant=participant)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=when)
    return attempt


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def test_participants_with_an_attempt_started_in_the_period():
    world = contest_world(items=5)
    mine, _token = participant_join(world, 1, email="thi.sinh@example.vn")
    other, _token = participant_join(world, 2, unit=world.other_commune)
    participant_join(world, 3)  # registered, never started: not reached by the contest
    started(world, mine, local(2026, 5, 1, 0, 0))
    started(world, other, local(2026, 6, 1, 0, 0))
    records = contest_reach_records(date_from=date(2026, 5, 1), date_to=date(2026, 5, 31))
    assert len(records) == 1
    (record,) = records
    assert (record.on, record.unit_id, record.source) == (
        date(2026, 5, 1),
        world.commune.pk,
        "contest",
    )
    assert record.keys == reach_keys(phone="0905000001", email="thi.sinh@example.vn")
    for secret in ("0905000001", "905000001", "thi.sinh", "example.vn", "Thí Sinh"):
        assert secret not in repr(record)


def test_last_attempt_day_and_inclusive_end():
    world = contest_world(items=5)
    participant, _token = participant_join(world, 1)
    first = services.attempt_start(round=world.round, participant=participant)
    services.attempt_submit(attempt=first, participant=participant, answers={})
    Attempt.objects.filter(pk=first.pk).update(started_at=local(2026, 5, 2, 8))
    Attempt.objects.create(  # a second attempt, late on the last day of the period
        round=world.round,
        participant=participant,
        number=2,
        started_at=local(2026, 5, 31, 23, 59),
        deadline=local(2026, 6, 1, 0, 14),
        draw=[],
    )
    (record,) = contest_reach_records(date_from=date(2026, 5, 1), date_to=date(2026, 5, 31))
    assert record.on == date(2026, 5, 31)
    assert contest_reach_records(date_from=date(2026, 6, 1), date_to=date(2026, 6, 30)) == []


def test_erased_participant_gives_no_record():
    world = contest_world(items=5)
    participant, _token = participant_join(world, 1)
    started(world, participant, timezone.now() - timedelta(minutes=1))
    today = timezone.localdate()
    assert len(contest_reach_records(date_from=today, date_to=today)) == 1
    participant.__class__.objects.filter(pk=participant.pk).update(
        phone="", email="", user=None, personal_data_erased_at=timezone.now()
    )
    assert contest_reach_records(date_from=today, date_to=today) == []


def test_the_same_person_across_apps_shares_keys():
    """A participant with an account, who also asked a question: every record of the three
    apps shares a key with another, so the indicators count one person."""
    world = contest_world(items=5)
    user = UserFactory(phone="0905000001")
    participant, _token = services.participant_register(
        contest=world.contest,
        data=services.ParticipantInput(
            name="Nguyễn Văn Thí Sinh",
            unit=world.commune.code,
            phone="+84 905 000 001",
            consent=True,
        ),
        user=user,
    )
    started(world, participant, timezone.now() - timedelta(minutes=1))
    qa_question_submit(
        data=QuestionInput(
            legal_field=world.field.code,
            unit=world.commune.code,
            text=QUESTION_TEXT,
            phone="0905.000.001",
            name="Nguyễn Văn Thí Sinh",
            consent=True,
            consent_version=CONSENT_VERSION,
        )
    )
    today = timezone.localdate()
    (contest,) = contest_reach_records(date_from=today, date_to=today)
    (qa,) = qa_reach_records(date_from=today, date_to=today)
    assert set(reach_keys(phone="0905000001", user_id=user.pk)) <= set(contest.keys)
    assert set(contest.keys) & set(qa.keys)
    assert set(contest.keys) & set(reach_keys(user_id=user.pk))
