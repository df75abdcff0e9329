"""Q&A askers as a reach source: ``qa_reach_records``."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from pbgdpl.people.reach import reach_keys
from pbgdpl.people.selectors import account_reach_records
from pbgdpl.people.services import user_active_day_record
from pbgdpl.qa import services
from pbgdpl.qa.models import Question
from pbgdpl.qa.selectors import qa_reach_records
from pbgdpl.qa.services import CONSENT_VERSION
from tests.factories import UserFactory
from tests.qa.factories import qa_world, question_ask, question_to

pytestmark = pytest.mark.django_db

MAY = {"date_from": date(2026, 5, 1), "date_to": date(2026, 5, 31)}


def asked(world, *, on: datetime | None = None, **personal):
    if personal:
        personal.setdefault("name", "Rơ Châm H'Linh")
        personal.update(consent=True, consent_version=CONSENT_VERSION)
    question = question_ask(world, **personal)
    if on is not None:
        Question.objects.filter(pk=question.pk).update(received_at=on)
        question.refresh_from_db()
    return question


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def test_one_record_per_question_by_the_askers_commune():
    world = qa_world()
    asked(world, on=local(2026, 5, 3, 9), phone="0905 123 456", email="Linh@Example.vn")
    asked(world, on=local(2026, 5, 20, 9), phone="0905123456", unit=world.other_commune.code)
    records = qa_reach_records(**MAY)
    assert [(r.on, r.unit_id, r.source) for r in records] == [
        (date(2026, 5, 3), world.commune.pk, "qa"),
        (date(2026, 5, 20), world.other_commune.pk, "qa"),
    ]
    assert records[0].keys == reach_keys(phone="0905123456", email="linh@example.vn")
    # The same phone, typed differently, gives the same key: one person for the indicators.
    assert set(records[0].keys) & set(records[1].keys)


def test_period_bounds_are_inclusive_in_local_time():
    world = qa_world()
    asked(world, on=local(2026, 5, 1, 0, 0), email="dau@example.vn")
    asked(world, on=local(2026, 5, 31, 23, 59), email="cuoi@example.vn")
    asked(world, on=local(2026, 4, 30, 23, 59), email="truoc@example.vn")
    asked(world, on=local(2026, 6, 1, 0, 0), email="sau@example.vn")
    records = qa_reach_records(**MAY)
    assert [r.keys for r in records] == [
        reach_keys(email="dau@example.vn"),
        reach_keys(email="cuoi@example.vn"),
    ]
    assert [r.on for r in records] == [date(2026, 5, 1), date(2026, 5, 31)]


def test_records_hold_hashed_keys_only():
    world = qa_world()
    asked(world, on=local(2026, 5, 3, 9), phone="0987654321", email="bi.mat@example.vn")
    (record,) = qa_reach_records(**MAY)
    text = repr(record)
    for secret in ("0987654321", "987654321", "bi.mat", "example.vn", "H'Linh"):
        assert secret not in text


def test_anonymous_and_erased_askers_give_no_record():
    world = qa_world()
    asked(world, on=local(2026, 5, 3, 9))  # asked without contact details
    erased = asked(world, on=local(2026, 5, 4, 9), email="xoa@example.vn")
    kept = asked(world, on=local(2026, 5, 5, 9), email="giu@example.vn")
    assert len(qa_reach_records(**MAY)) == 2
    services.qa_personal_data_erase(question=erased, reason="request")
    records = qa_reach_records(**MAY)
    assert [r.keys for r in records] == [reach_keys(email=kept.asker_email)]


def test_every_status_counts():
    world = qa_world()
    declined = question_to(world, "declined", email="tu-choi@example.vn", **_consent())
    published = question_to(world, "published", email="cong-khai@example.vn", **_consent())
    today = timezone.localdate()
    records = qa_reach_records(date_from=today, date_to=today)
    assert {r.keys for r in records} == {
        reach_keys(email=declined.asker_email),
        reach_keys(email=published.asker_email),
    }


def test_the_same_person_as_an_account_shares_a_key(commune_a):
    world = qa_world()
    user = UserFactory(email="an.nguyen@example.vn", unit=world.commune)
    user_active_day_record(user=user, day=date(2026, 5, 10))
    asked(world, on=local(2026, 5, 3, 9), email="AN.NGUYEN@example.vn ")
    (account,) = account_reach_records(**MAY)
    (asker,) = qa_reach_records(**MAY)
    assert set(account.keys) & set(asker.keys)


def _consent() -> dict:
    return {"name": "Nguyễn Văn A", "consent": True, "consent_version": CONSENT_VERSION}
