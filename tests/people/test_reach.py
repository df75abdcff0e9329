"""Accounts as a reach source: the commune an account holder gives (account page, back-office
user forms), the days an account is used, and ``account_reach_records``."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pbgdpl.core.models import AuditEvent
from pbgdpl.people import middleware as people_middleware
from pbgdpl.people.forms import StaffUserEditForm
from pbgdpl.people.models import UserActiveDay
from pbgdpl.people.reach import reach_keys
from pbgdpl.people.selectors import account_reach_records
from pbgdpl.people.services import PeopleError, user_active_day_record, user_commune_set
from tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem-1"


@pytest.fixture
def expired_commune(province):
    """A commune merged away on 1 July 2025 (in force before, not now)."""
    return UnitFactory(
        code="24999",
        name="Xã Đã Sáp Nhập",
        kind="xa",
        parent=province,
        valid_from=date(2008, 1, 1),
        valid_to=date(2025, 7, 1),
    )


def days(user, *values):
    for value in values:
        user_active_day_record(user=user, day=value)


# ----------------------------------------------------------------------------- selector
def test_one_record_per_account_with_its_last_day_in_the_period(commune_a):
    user = UserFactory(phone="0905123456", unit=commune_a)
    days(user, date(2026, 3, 1), date(2026, 3, 15), date(2026, 4, 2))
    records = account_reach_records(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))
    assert len(records) == 1
    record = records[0]
    assert record.source == "account"
    assert record.on == date(2026, 3, 15)
    assert record.unit_id == commune_a.pk
    assert set(record.keys) == set(
        reach_keys(phone="0905123456", email=user.email, user_id=user.pk)
    )
    assert len(record.keys) == 3


def test_period_bounds_are_inclusive(commune_a):
    first, last, before, after = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    days(first, date(2026, 5, 1))
    days(last, date(2026, 5, 31))
    days(before, date(2026, 4, 30))
    days(after, date(2026, 6, 1))
    records = account_reach_records(date_from=date(2026, 5, 1), date_to=date(2026, 5, 31))
    assert {r.on for r in records} == {date(2026, 5, 1), date(2026, 5, 31)}
    expected = {reach_keys(email=u.email, user_id=u.pk) for u in (first, last)}
    assert {r.keys for r in records} == expected


def test_records_hold_hashed_keys_only(commune_a):
    user = UserFactory(email="Chi.Nguyen@Example.vn", phone="0912345678", unit=commune_a)
    days(user, date(2026, 5, 2))
    (record,) = account_reach_records(date_from=date(2026, 5, 1), date_to=date(2026, 5, 31))
    text = repr(record).lower()
    for secret in ("chi.nguyen", "example.vn", "0912345678", "912345678"):
        assert secret not in text
    assert all(len(key) == 32 and int(key, 16) >= 0 for key in record.keys)


def test_staff_inactive_and_communeless_accounts(commune_a):
    staff = UserFactory(is_staff=True)
    closed = UserFactory(is_active=False)
    nowhere = UserFactory()
    for user in (staff, closed, nowhere):
        days(user, date(2026, 5, 2))
    records = account_reach_records(date_from=date(2026, 5, 1), date_to=date(2026, 5, 31))
    assert [r.keys for r in records] == [reach_keys(email=nowhere.email, user_id=nowhere.pk)]
    assert records[0].unit_id is None


def test_active_day_is_recorded_once(commune_a):
    user = UserFactory()
    days(user, date(2026, 5, 2), date(2026, 5, 2), date(2026, 5, 3))
    assert list(UserActiveDay.objects.filter(user=user).order_by("day").values_list("day")) == [
        (date(2026, 5, 2),),
        (date(2026, 5, 3),),
    ]


# ----------------------------------------------------------------------------- middleware
def test_logged_in_requests_note_the_day_once(client, monkeypatch):
    user = UserFactory()
    client.force_login(user)
    queries = []
    real = people_middleware.user_active_day_record

    def spy(**kwargs):
        queries.append(kwargs["day"])
        real(**kwargs)

    monkeypatch.setattr(people_middleware, "user_active_day_record", spy)
    for _ in range(3):
        client.get("/khong-co-trang-nay/")
    today = timezone.localdate()
    assert queries == [today]  # written once, then the cached flag spares the database
    assert list(UserActiveDay.objects.filter(user=user).values_list("day", flat=True)) == [today]
    # The next day (the flag is per day) is noted too.
    tomorrow = timezone.make_aware(datetime(2099, 1, 2, 9, 0))
    monkeypatch.setattr(people_middleware.timezone, "localtime", lambda *a: tomorrow)
    client.get("/khong-co-trang-nay/")
    assert set(UserActiveDay.objects.filter(user=user).values_list("day", flat=True)) == {
        today,
        date(2099, 1, 2),
    }


def test_anonymous_requests_note_nothing(client):
    client.get("/khong-co-trang-nay/")
    assert not UserActiveDay.objects.exists()


# ----------------------------------------------------------------------------- the commune
def test_commune_set_and_cleared(commune_a):
    user = UserFactory()
    user_commune_set(user=user, unit_code=f" {commune_a.code} ")
    user.refresh_from_db()
    assert user.unit_id == commune_a.pk
    event = AuditEvent.objects.filter(action="people.user_commune_set").latest("seq")
    assert event.data == {"unit": commune_a.code}
    user_commune_set(user=user, unit_code="")
    user.refresh_from_db()
    assert user.unit_id is None


@pytest.mark.parametrize("code", ["99999", "52", "24999", "<script>", "x" * 300])
def test_commune_refused_unless_a_commune_in_force(commune_a, expired_commune, code):
    user = UserFactory(unit=commune_a)
    with pytest.raises(PeopleError) as exc:
        user_commune_set(user=user, unit_code=code)
    assert "Không có xã, phường, đặc khu đang có hiệu lực" in str(exc.value)
    user.refresh_from_db()
    assert user.unit_id == commune_a.pk
    assert not AuditEvent.objects.filter(action="people.user_commune_set").exists()


def test_account_page_needs_login(client):
    response = client.get(reverse("people:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))
    response = client.post(reverse("people:profile"), {"unit": "21583"})
    assert response.status_code == 302


def test_account_page_sets_the_commune(client, commune_a, commune_b):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("people:profile"))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'<option value="{commune_b.code}">{commune_b.name}</option>' in html
    assert 'name="csrfmiddlewaretoken"' in html  # a plain form: works without JavaScript
    response = client.post(reverse("people:profile"), {"unit": commune_b.code})
    assert response.status_code == 303
    user.refresh_from_db()
    assert user.unit_id == commune_b.pk
    follow = client.get(response["Location"])
    assert "Đã lưu xã, phường nơi bạn sinh sống." in follow.content.decode()
    assert f'value="{commune_b.code}" selected' in follow.content.decode()


def test_account_page_refuses_a_bad_commune(client, commune_a, expired_commune):
    user = UserFactory(unit=commune_a)
    client.force_login(user)
    response = client.post(reverse("people:profile"), {"unit": expired_commune.code})
    assert response.status_code == 400
    assert "Không có xã, phường, đặc khu đang có hiệu lực" in response.content.decode()
    user.refresh_from_db()
    assert user.unit_id == commune_a.pk


def test_account_page_is_only_about_oneself(client, commune_a, commune_b):
    """The form has no user parameter: posting changes the logged-in account only."""
    me, other = UserFactory(), UserFactory(unit=commune_a)
    client.force_login(me)
    client.post(reverse("people:profile"), {"unit": commune_b.code, "user": other.pk})
    other.refresh_from_db()
    me.refresh_from_db()
    assert (me.unit_id, other.unit_id) == (commune_b.pk, commune_a.pk)


# ----------------------------------------------------------------------------- log in / out
def test_public_login_by_phone_then_logout(client, commune_a):
    user = UserFactory(phone="0905111222")
    response = client.post(
        reverse("people:login"), {"username": "+84 905 111 222", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("people:profile")
    assert client.get(reverse("people:profile")).context["account"] == user
    assert client.get(reverse("people:logout")).status_code == 405  # POST only
    response = client.post(reverse("people:logout"))
    assert response.status_code == 303
    assert client.get(reverse("people:profile")).status_code == 302


def test_public_login_wrong_password(client):
    UserFactory(email="an@example.vn")
    response = client.post(
        reverse("people:login"), {"username": "an@example.vn", "password": "sai-mat-khau"}
    )
    assert response.status_code == 200
    assert "mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_next_stays_on_this_site(client):
    UserFactory(email="an@example.vn")
    response = client.post(
        reverse("people:login") + "?next=https://evil.example/",
        {"username": "an@example.vn", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("people:profile")


# ----------------------------------------------------------------------------- back office form
def test_staff_user_form_offers_communes_in_force_and_keeps_an_old_one(commune_a, expired_commune):
    user = UserFactory(unit=expired_commune)
    form = StaffUserEditForm(instance=user)
    offered = set(form.fields["unit"].queryset.values_list("code", flat=True))
    assert offered == {commune_a.code, expired_commune.code}
    fresh = StaffUserEditForm(instance=UserFactory())
    assert set(fresh.fields["unit"].queryset.values_list("code", flat=True)) == {commune_a.code}
