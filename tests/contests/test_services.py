"""Contest services: the question bank and its freeze, contests and rounds, participants
(one identity per contest, consent), and attempts owned by the server (idempotent start
and submit, deadline, grading after storing), through the public functions."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pbgdpl.contests import selectors, services
from pbgdpl.contests.models import Attempt, AttemptStatus, Item, ItemStatus
from pbgdpl.contests.services import ContestInputError, ContestStateError
from tests.contests.factories import (
    contest_world,
    correct_answers,
    item_approved,
    item_input,
    participant_join,
)

pytestmark = pytest.mark.django_db


def test_start_is_idempotent_and_hides_the_answers():
    world = contest_world()
    participant, _ = participant_join(world)
    first = services.attempt_start(round=world.round, participant=participant)
    again = services.attempt_start(round=world.round, participant=participant)
    assert first.pk == again.pk
    assert Attempt.objects.filter(participant=participant).count() == 1
    assert first.deadline <= first.started_at + timedelta(minutes=15)
    items = selectors.attempt_items(first)
    assert len(items) == 5
    assert all(not hasattr(i, "is_correct") for i in items)
    assert all("is_correct" not in c for i in items for c in i.choices)


def test_submit_stores_then_grades_and_is_idempotent():
    world = contest_world()
    participant, _ = participant_join(world)
    attempt = services.attempt_start(round=world.round, participant=participant)
    answers = correct_answers(attempt)
    first_key = next(iter(answers))
    services.attempt_answers_save(
        attempt=attempt, participant=participant, answers={first_key: answers[first_key]}
    )
    done = services.attempt_submit(
        attempt=attempt, participant=participant, answers=answers, prediction=3, key="k1"
    )
    assert done.status == AttemptStatus.SUBMITTED
    assert done.correct == 5 and done.total == 5 and done.graded_at is not None
    # The same submission again, even with other answers, changes nothing.
    again = services.attempt_submit(attempt=attempt, participant=participant, answers={}, key="k1")
    assert again.pk == done.pk and again.correct == 5 and again.submitted_at == done.submitted_at
    with pytest.raises(ContestStateError) as exc:
        services.attempt_answers_save(attempt=done, participant=participant, answers={})
    assert exc.value.code == "closed"


def test_answers_after_the_deadline_are_not_taken():
    world = contest_world()
    participant, _ = participant_join(world)
    attempt = services.attempt_start(round=world.round, participant=participant)
    answers = correct_answers(attempt)
    key = next(iter(answers))
    services.attempt_answers_save(
        attempt=attempt, participant=participant, answers={key: answers[key]}
    )
    late = attempt.deadline + timedelta(minutes=1)
    with pytest.raises(ContestStateError) as exc:
        services.attempt_answers_save(
            attempt=attempt, participant=participant, answers=answers, now=late
        )
    assert exc.value.code == "closed"
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.EXPIRED
    assert attempt.correct == 1  # only what was saved in time


def test_another_participants_attempt_is_not_found():
    world = contest_world()
    owner, _ = participant_join(world, 1)
    other, _ = participant_join(world, 2)
    attempt = services.attempt_start(round=world.round, participant=owner)
    assert selectors.attempt_for_participant(attempt_id=attempt.pk, participant=other) is None
    assert selectors.attempt_for_participant(attempt_id="not-a-uuid", participant=owner) is None
    with pytest.raises(ContestStateError):
        services.attempt_submit(attempt=attempt, participant=other, answers={})
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.ACTIVE


def test_one_identity_per_contest_by_normalised_phone():
    world = contest_world()
    participant_join(world, 1, phone="0905 000 001")
    with pytest.raises(ContestInputError) as exc:
        participant_join(world, 2, phone="+84905000001")
    assert "đã đăng ký" in exc.value.errors["phone"]


def test_registration_needs_consent_and_a_commune():
    world = contest_world()
    with pytest.raises(ContestInputError) as exc:
        participant_join(world, 1, consent=False, unit=world.province)
    assert set(exc.value.errors) >= {"consent", "unit"}


def test_live_round_freezes_its_items_and_rules():
    world = contest_world()
    item = world.items[0]
    with pytest.raises(ContestStateError) as exc:
        services.item_update(actor=world.reporter, item=item, data=item_input(world, 99))
    assert exc.value.code == "item_frozen"
    assert Item.objects.get(pk=item.pk).stem == item.stem
    with pytest.raises(ContestStateError):
        services.round_pool_set(actor=world.province_admin, round=world.round, items=[])


def test_bank_writes_are_confined_to_the_unit():
    world = contest_world(items=1, draw=1)
    with pytest.raises(PermissionDenied):
        services.item_create(actor=world.other_officer, unit=world.commune, data=item_input(world))
    item = services.item_create(actor=world.officer, unit=world.commune, data=item_input(world))
    assert item.status == ItemStatus.DRAFT
    services.item_set_status(actor=world.reporter, item=item, status="review")
    with pytest.raises(PermissionDenied):  # a writer does not approve
        services.item_set_status(actor=world.reporter, item=item, status="approved")
    assert Item.objects.get(pk=item.pk).status == ItemStatus.REVIEW


def test_leaderboard_ranks_by_correct_then_time_then_prediction():
    world = contest_world()
    now = timezone.now()
    results = []
    for n, (right, seconds, prediction) in enumerate([(5, 100, 9), (5, 60, 9), (4, 10, 1)]):
        participant, _ = participant_join(world, n)
        attempt = services.attempt_start(round=world.round, participant=participant, now=now)
        answers = correct_answers(attempt)
        keys = list(answers)[:right]
        services.attempt_submit(
            attempt=attempt,
            participant=participant,
            answers={k: answers[k] for k in keys},
            prediction=prediction,
            now=now + timedelta(seconds=seconds),
        )
        results.append(participant)
    rows, total = selectors.leaderboard(round=world.round)
    assert total == 3
    assert [r.participant_id for r in rows] == [results[1].pk, results[0].pk, results[2].pk]
    assert rows[0].name_public == "Nguyễn V. T. S. 1"
    assert rows[0].prediction_gap == 7  # two participants answered all correctly
    rows, total = selectors.leaderboard(round=world.round, unit=world.other_commune)
    assert rows == [] and total == 0


def test_item_input_refuses_bad_items_with_every_reason():
    world = contest_world(items=1, draw=1)
    with pytest.raises(ContestInputError) as exc:
        services.item_create(
            actor=world.reporter,
            unit=world.commune,
            data=item_input(world, stem="ngắn", choices=["A"], correct=[3], legal_field="x"),
        )
    assert set(exc.value.errors) == {"stem", "choices", "correct", "legal_field"}


def test_item_approved_factory_makes_approved_items():
    world = contest_world(items=1, draw=1)
    assert item_approved(world, 5).status == ItemStatus.APPROVED


def test_personal_data_is_erased_after_retention_and_results_stay():
    from pbgdpl.contests.models import Participant, Round

    world = contest_world()
    participant, token = participant_join(world, 1)
    attempt = services.attempt_start(round=world.round, participant=participant)
    services.attempt_submit(
        attempt=attempt, participant=participant, answers=correct_answers(attempt)
    )
    assert services.participants_purge_expired() == 0  # the contest has not ended
    long_ago = timezone.now() - timedelta(days=400)
    Round.objects.filter(contest=world.contest).update(
        opens_at=long_ago - timedelta(days=7), closes_at=long_ago
    )
    assert services.participants_purge_expired() == 1
    participant = Participant.objects.get(pk=participant.pk)
    assert (participant.name, participant.phone, participant.email) == ("", "", "")
    assert participant.personal_data_erased_at is not None
    assert selectors.participation_by_unit(contest=world.contest)[0].participants == 1
    assert selectors.leaderboard(round=world.round)[1] == 0
    assert services.participants_purge_expired() == 0
    # The token dies with the personal data.
    assert services.participant_for_token(contest=world.contest, token=token) is None


def test_a_writer_does_not_approve_their_own_item():
    world = contest_world(items=1, draw=1)
    item = services.item_create(
        actor=world.province_admin, unit=world.province, data=item_input(world, 7)
    )
    services.item_set_status(actor=world.province_admin, item=item, status="review")
    with pytest.raises(ContestStateError) as exc:
        services.item_set_status(actor=world.province_admin, item=item, status="approved")
    assert exc.value.code == "own_item"
    assert services.item_set_status(actor=world.approver, item=item, status="approved").status == (
        ItemStatus.APPROVED
    )
