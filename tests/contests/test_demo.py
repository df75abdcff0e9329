"""The contests demo: a well-formed bank of 60 original items, and a load through the
services that is safe to run twice (one contest, two rounds, graded attempts, a
leaderboard, prizes)."""

import io
import re
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from pbgdpl.contests import selectors
from pbgdpl.contests.demo import CONTEST_SLUG, PRIZES, contests_demo_load
from pbgdpl.contests.demo_data import ITEMS
from pbgdpl.contests.models import (
    Attempt,
    AttemptStatus,
    Contest,
    Difficulty,
    Item,
    ItemStatus,
    Participant,
    Prize,
)
from pbgdpl.core.text import fold, normalize_document_number, plain_text_clean
from pbgdpl.laws.seeds import FIELDS
from tests.factories import UnitFactory, UserFactory

NUMBER_FORM = re.compile(r"^\d{1,3}/(19|20)\d{2}/QH1[0-5]$")


def test_the_demo_bank_is_well_formed():
    from django.utils.text import slugify

    field_codes = {slugify(fold(name)) for name in FIELDS}
    assert len(ITEMS) == 60
    stems = [plain_text_clean(i["stem"]).casefold() for i in ITEMS]
    assert len(set(stems)) == len(stems)
    several = 0
    for item in ITEMS:
        assert item["field"] in field_codes, item["stem"]
        assert item["difficulty"] in Difficulty.values
        choices = item["choices"]
        assert 2 <= len(choices) <= 6, item["stem"]
        assert len({c.casefold() for c in choices}) == len(choices), item["stem"]
        correct = set(item["correct"])
        assert correct and correct <= set(range(len(choices))), item["stem"]
        assert len(correct) < len(choices), item["stem"]
        several += len(correct) > 1
        # "Choose all that apply" is said exactly when several answers are right.
        assert ("Chọn tất cả" in item["stem"]) == (len(correct) > 1), item["stem"]
        assert NUMBER_FORM.match(item["number"]), item["number"]
        assert normalize_document_number(item["number"]) == item["number"]
        assert item["article"].isdigit(), item["stem"]
        assert len(item["explanation"]) >= 60, item["stem"]
    assert 1 <= several <= 10
    fields = Counter(i["field"] for i in ITEMS)
    assert 6 <= len(fields) <= 8 and min(fields.values()) >= 5
    assert set(Counter(i["difficulty"] for i in ITEMS)) == set(Difficulty.values)


@pytest.mark.django_db
def test_the_demo_loads_through_the_services_once():
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    for n in range(6):
        UnitFactory(parent=province, name=f"Xã Demo {n}", kind="xa")
    for n in range(3):
        UnitFactory(parent=province, name=f"Phường Demo {n}", kind="phuong")
    admin = UserFactory(is_superuser=True, is_staff=True)
    out = io.StringIO()

    counts = contests_demo_load(admin=admin, province=province, stdout=out, participants=24)

    assert counts["items_created"] == 60 and counts["contests_created"] == 1
    assert counts["participants_created"] == 24
    assert "Cuộc thi" in out.getvalue()
    assert Item.objects.filter(status=ItemStatus.APPROVED).count() == 60
    for item in Item.objects.prefetch_related("choices"):
        flags = [c.is_correct for c in item.choices.all()]
        assert 2 <= len(flags) <= 6 and any(flags) and not all(flags)
        assert NUMBER_FORM.match(item.citation_number) and item.citation_article
        assert item.explanation and item.approved_by is not None
    stems = list(Item.objects.values_list("stem", flat=True))
    assert len(set(stems)) == len(stems)

    contest = Contest.objects.get(slug=CONTEST_SLUG)
    assert contest.published and contest.unit == province
    assert "Gia Lai" in contest.title and contest.description and contest.rules
    round1, round2 = contest.rounds.order_by("number")
    assert selectors.round_state(round1) == "closed"
    assert selectors.round_state(round2) == "open"
    assert round2.closes_at - timezone.now() > timedelta(days=12)
    assert [list(p) for p in round1.prizes] == [list(p) for p in PRIZES]
    assert round1.pool.count() == 60 and round1.draw_rules.count() == 9

    attempts = Attempt.objects.filter(round=round1)
    assert attempts.exists()
    assert not attempts.filter(graded_at__isnull=True).exists()
    assert not attempts.filter(status=AttemptStatus.ACTIVE).exists()
    assert all(a.total == 20 for a in attempts)
    assert all(round1.opens_at <= a.started_at < round1.closes_at for a in attempts)
    assert len({a.correct for a in attempts}) > 3  # varied scores
    assert len({a.duration_ms for a in attempts}) > attempts.count() // 2  # varied times
    assert attempts.filter(prediction__isnull=False).exists()
    rows, total = selectors.leaderboard(round=round1, limit=None)
    assert total == attempts.count() and total >= 3
    assert [r.correct for r in rows] == sorted((r.correct for r in rows), reverse=True)
    winners = sum(1 for r in rows if r.correct > 0)
    assert Prize.objects.filter(round=round1).count() == min(sum(c for _, c in PRIZES), winners)
    assert {r.unit_code for r in selectors.participation_by_unit(round=round1)} <= {
        u.code for u in province.__class__.objects.filter(parent=province)
    }

    snapshot = (
        Item.objects.count(),
        Participant.objects.count(),
        Attempt.objects.count(),
        Prize.objects.count(),
        list(attempts.order_by("participant_id").values_list("correct", "duration_ms")),
    )
    again = contests_demo_load(admin=admin, province=province, participants=24)
    assert again == {
        "items_created": 0,
        "contests_created": 0,
        "participants_created": 0,
        "attempts_created": 0,
    }
    assert Contest.objects.count() == 1 and contest.rounds.count() == 2
    assert snapshot == (
        Item.objects.count(),
        Participant.objects.count(),
        Attempt.objects.count(),
        Prize.objects.count(),
        list(attempts.order_by("participant_id").values_list("correct", "duration_ms")),
    )
    emails = list(Participant.objects.values_list("email", flat=True))
    assert len(set(emails)) == len(emails) == 24
