"""Item statistics: exposures, answers, difficulty p, discrimination D (upper and lower
27 %), point-biserial and choice counts, checked against numbers worked out by hand on
ten attempts made through the real services; the advice strings; and the cost."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from pbgdpl.contests import services
from pbgdpl.contests.models import Attempt, AttemptStatus, Choice
from pbgdpl.contests.stats import item_flags, item_statistics
from tests.contests.factories import contest_world, participant_join

pytestmark = pytest.mark.django_db

# What each of ten attempts (a0 … a9, started in this order) answered for items I1 … I5.
# Every item has four choices A–D and B is the correct one; None leaves the item blank.
#
#        I1   I2   I3   I4   I5   total  rank group
MATRIX = [
    ("B", "B", "B", "B", "C"),  # 4      upper
    ("B", "B", "B", "B", "C"),  # 4      upper
    ("B", "B", "B", "B", "C"),  # 4      upper
    ("B", "B", "A", "B", "C"),  # 3
    ("B", "A", "B", "B", "C"),  # 3
    ("A", "B", "B", "B", "C"),  # 3
    ("B", "B", "A", "B", "C"),  # 3
    ("B", "C", "A", "B", "C"),  # 2      lower
    ("A", "D", "A", "B", "B"),  # 2      lower
    ("A", "A", None, "B", "C"),  # 1      lower
]
# Upper group: a0–a2; lower group: a7–a9 (round(0.27 × 10) = 3 each).
#   I1: p = 7/10; D = 3/3 − 1/3 = 0.667        I2: p = 6/10; D = 1 − 0 = 1
#   I3: p = 5/10 (one blank); D = 1            I4: p = 10/10; D = 1 − 1 = 0
#   I5: p = 1/10; D = 0 − 1/3 = −0.333
# Point-biserial of I2 with the rest score (total − I2): x = 1111011000,
#   rest = 3,3,3,2,3,2,2,2,2,1; Σxy-dev = 1.2, Σx-dev² = 2.4, Σrest-dev² = 4.1,
#   r = 1.2 / √(2.4 × 4.1) = 0.38254.


@pytest.fixture
def graded():
    world = contest_world(items=5, draw=5)
    items = world.items  # I1 … I5
    letters = {
        item.pk: dict(
            zip("ABCD", item.choices.order_by("position").values_list("id", flat=True), strict=True)
        )
        for item in items
    }
    base = world.round.opens_at + timedelta(minutes=5)
    for n, row in enumerate(MATRIX):
        participant, _ = participant_join(world, n)
        start = base + timedelta(seconds=n)
        attempt = services.attempt_start(round=world.round, participant=participant, now=start)
        answers = {
            str(item.pk): [letters[item.pk][letter]]
            for item, letter in zip(items, row, strict=True)
            if letter is not None
        }
        services.attempt_submit(
            attempt=attempt,
            participant=participant,
            answers=answers,
            now=start + timedelta(seconds=90),
        )
    # An attempt in progress does not count.
    waiting, _ = participant_join(world, 99)
    services.attempt_start(round=world.round, participant=waiting, now=base)
    return world


def test_numbers_match_the_hand_computation(graded):
    world = graded
    i1, i2, i3, i4, i5 = (item.pk for item in world.items)
    assert sorted(Attempt.objects.values_list("correct", flat=True), key=lambda c: c or 0) == [
        None, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4
    ]  # fmt: skip
    stats = item_statistics(rounds=[world.round])
    assert set(stats) == {i1, i2, i3, i4, i5}

    s1, s2, s3, s4, s5 = (stats[pk] for pk in (i1, i2, i3, i4, i5))
    assert (s1.exposures, s1.answered, s1.correct) == (10, 10, 7)
    assert s1.difficulty == pytest.approx(0.7)
    assert s1.discrimination == pytest.approx(2 / 3)
    assert s1.group_size == 3
    assert [(c.letter, c.is_correct, c.picked) for c in s1.choices] == [
        ("A", False, 3),
        ("B", True, 7),
        ("C", False, 0),
        ("D", False, 0),
    ]

    assert s2.difficulty == pytest.approx(0.6) and s2.discrimination == pytest.approx(1.0)
    assert s2.point_biserial == pytest.approx(0.38254, abs=1e-5)
    assert [c.picked for c in s2.choices] == [2, 6, 1, 1]

    assert (s3.exposures, s3.answered, s3.correct, s3.blank) == (10, 9, 5, 1)
    assert s3.difficulty == pytest.approx(0.5) and s3.discrimination == pytest.approx(1.0)

    assert s4.difficulty == pytest.approx(1.0) and s4.discrimination == pytest.approx(0.0)
    assert s4.point_biserial is None  # everyone right: nothing to correlate

    assert s5.difficulty == pytest.approx(0.1)
    assert s5.discrimination == pytest.approx(-1 / 3)
    assert s5.point_biserial < 0
    assert [c.picked for c in s5.choices] == [0, 1, 9, 0]


def test_flags_give_advice_in_vietnamese(graded):
    world = graded
    stats = item_statistics(rounds=[world.round])
    i1, i2, i3, i4, i5 = (stats[item.pk] for item in world.items)
    assert item_flags(i2) == []
    assert item_flags(i3) == item_flags(i1)  # one blank of ten is not "many"
    assert item_flags(i1) == [
        "Phương án C, D hầu như không ai chọn (dưới 5%): phương án nhiễu không có tác dụng, "
        "nên thay bằng phương án hợp lý hơn."
    ]
    easy = item_flags(i4)
    assert easy[0].startswith("Quá dễ (p = 1,00)")
    assert easy[1].startswith("Độ phân biệt thấp (D = 0,00)")
    hard = item_flags(i5)
    assert hard[0].startswith("Quá khó (p = 0,10)")
    assert hard[1].startswith("Độ phân biệt âm (D = -0,33)")
    assert hard[2] == (
        "Phương án sai C được chọn nhiều hơn đáp án đúng: kiểm tra lại đáp án hoặc cách diễn đạt."
    )
    assert "Phương án A, D hầu như không ai chọn" in hard[3]


def test_filters_by_items_and_rounds(graded):
    world = graded
    first = world.items[0]
    only = item_statistics(items=[first], rounds=world.contest.rounds.all())
    assert list(only) == [first.pk] and only[first.pk].correct == 7
    # A round without attempts: an item asked for gets zeros, nothing else appears.
    empty = item_statistics(items=[first.pk], rounds=[world.next_round.pk])
    assert list(empty) == [first.pk]
    assert (empty[first.pk].exposures, empty[first.pk].difficulty) == (0, None)
    assert empty[first.pk].discrimination is None
    assert item_flags(empty[first.pk]) == [
        "Chưa có bài thi đã chấm nào ra câu này: chưa có số liệu."
    ]
    assert item_statistics(rounds=[world.next_round]) == {}


def test_discrimination_needs_ten_exposures():
    world = contest_world(items=2, draw=2)
    participant, _ = participant_join(world, 1)
    attempt = services.attempt_start(round=world.round, participant=participant)
    services.attempt_submit(attempt=attempt, participant=participant, answers={})
    stats = item_statistics()
    first = stats[world.items[0].pk]
    assert (first.exposures, first.answered, first.correct, first.difficulty) == (1, 0, 0, 0.0)
    assert first.discrimination is None and first.point_biserial is None
    assert "Chưa đủ 10 lượt làm bài để tính độ phân biệt (mới có 1)." in item_flags(first)


def test_one_pass_over_ten_thousand_attempts(graded, django_assert_num_queries):
    world = graded
    template = Attempt.objects.filter(status=AttemptStatus.SUBMITTED).order_by("started_at")[0]
    participant = template.participant
    now = timezone.now()
    Attempt.objects.bulk_create(
        Attempt(
            round=world.round,
            participant=participant,
            number=100 + n,
            started_at=now,
            deadline=now,
            draw=template.draw,
            answers=template.answers,
            status=AttemptStatus.SUBMITTED,
            submitted_at=now,
            graded_at=now,
            correct=template.correct,
            total=template.total,
        )
        for n in range(10_000)
    )
    started = time.perf_counter()
    with django_assert_num_queries(2):  # the attempts, then the choices
        stats = item_statistics(rounds=[world.round])
    elapsed = time.perf_counter() - started
    assert stats[world.items[0].pk].exposures == 10_010
    assert stats[world.items[0].pk].correct == 7 + 10_000
    assert Choice.objects.filter(item__in=world.items).count() == 20
    assert elapsed < 10, f"{elapsed:.1f} s for 10,000 attempts"
