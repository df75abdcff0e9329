"""The personnel registry's services: people are added, changed, moved and marked only
by those who manage their unit; moves keep the history the indicators count from;
duplicates and bad input are refused with clear messages and nothing is stored."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pbgdpl.core.models import AuditEvent
from pbgdpl.training import services
from pbgdpl.training.models import Person, PersonMove, PersonRole, PersonStatus
from pbgdpl.training.selectors import people_in_registry, people_visible, person_history
from pbgdpl.training.services import TrainingInputError
from tests.factories import UnitFactory
from tests.training.factories import person_add, person_input, training_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return training_world()


def stored() -> list[tuple]:
    return list(Person.objects.order_by("pk").values_list("pk", "full_name", "unit_id", "phone"))


# --------------------------------------------------------------------------- create


def test_officer_adds_a_person_to_their_commune_with_history(world):
    person = person_add(
        world,
        1,
        actor=world.officer,
        phone="+84 905 123 456",
        email="  Hoa.Nguyen@Example.VN ",
        full_name="  Nguyễn   Thị  Hoa ",
        legal_fields=["Đất đai", world.field.code],
        since=date(2025, 7, 1),
    )
    person.refresh_from_db()
    assert person.full_name == "Nguyễn Thị Hoa"
    assert person.phone == "0905123456"
    assert person.email == "hoa.nguyen@example.vn"
    assert person.unit == world.commune
    assert person.status == PersonStatus.ACTIVE
    assert set(person.legal_fields.all()) == {world.field, world.other_field}
    assert [(m.unit, m.since, m.until) for m in person_history(person)] == [
        (world.commune, date(2025, 7, 1), None)
    ]
    event = AuditEvent.objects.get(action="training.person.create")
    assert event.object_id == str(person.pk)


def test_history_starts_today_by_default(world):
    person = person_add(world, 1)
    assert person.moves.get().since == timezone.localdate()


def test_officer_cannot_add_to_another_commune(world):
    with pytest.raises(PermissionDenied):
        person_add(world, 1, actor=world.other_officer)
    with pytest.raises(PermissionDenied):
        person_add(world, 2, actor=world.approver)
    assert Person.objects.count() == 0 and PersonMove.objects.count() == 0
    # Their own commune is fine.
    person = person_add(world, 3, actor=world.other_officer, unit=world.other_commune.code)
    assert person.unit == world.other_commune


def test_reporter_with_decision_and_term(world):
    person = person_add(
        world,
        1,
        role=PersonRole.REPORTER,
        decision_number="125/QĐ-UBND",
        decision_date=date(2025, 8, 1),
        term_from=date(2025, 8, 1),
        term_to=date(2030, 8, 1),
    )
    assert (person.role, person.decision_number) == ("reporter", "125/QĐ-UBND")


# --------------------------------------------------------------------------- duplicates


@pytest.mark.parametrize(
    "overrides",
    [
        # The same phone written another way (+84, spaces, dots).
        {"phone": "+84 905.000.001", "email": "", "full_name": "Người Khác", "birth_date": None},
        # The same e-mail in other case and with spaces.
        {"phone": "", "email": " NGUOI1@Example.VN ", "full_name": "Người Khác"},
        # The same name (other spacing, decomposed diacritics) and date of birth.
        {
            "phone": "",
            "email": "",
            "full_name": "  TRẦN   thị  hoà  1",
            "birth_date": date(1985, 5, 1),
        },
    ],
    ids=["phone", "email", "name-and-birth-date"],
)
def test_duplicates_are_refused_naming_the_unit(world, overrides):
    import unicodedata

    first = person_add(world, 1, full_name="Trần Thị Hòa 1", birth_date=date(1985, 5, 1))
    if "full_name" in overrides and "tran" in overrides["full_name"]:
        overrides["full_name"] = unicodedata.normalize("NFD", overrides["full_name"])
    before = stored()
    # Another commune's officer entering the same person is told where they already are.
    with pytest.raises(TrainingInputError) as exc:
        person_add(world, 2, actor=world.other_officer, unit=world.other_commune.code, **overrides)
    message = exc.value.errors["full_name"]
    assert "đã có trong danh sách" in message
    assert first.full_name in message and "Xã Ia Hrú" in message
    assert "chuyển đơn vị" in message
    assert stored() == before
    assert PersonMove.objects.count() == 1


def test_different_people_are_fine(world):
    person_add(world, 1, full_name="Trần Thị Hoa", birth_date=date(1990, 1, 1))
    # Same name, other date of birth; same date of birth, other name; no phone/e-mail.
    person_add(world, 2, full_name="Trần Thị Hoa", birth_date=date(1991, 1, 1))
    person_add(world, 3, full_name="Trần Thị Lan", birth_date=date(1990, 1, 1))
    person_add(world, 4, full_name="Trần Thị Hoa", birth_date=None, phone="", email="")
    assert Person.objects.count() == 4


def test_names_differing_only_in_tone_marks_are_different_people(world):
    person_add(world, 1, full_name="Trần Thị Hoa", birth_date=date(1990, 1, 1))
    person_add(world, 2, full_name="Trần Thị Hòa", birth_date=date(1990, 1, 1))
    assert Person.objects.count() == 2


def test_update_keeps_own_phone_but_not_someone_elses(world):
    person = person_add(world, 1)
    other = person_add(world, 2)
    updated = services.person_update(
        actor=world.officer,
        person=person,
        data=person_input(world, 1, position="Phó Chủ tịch UBND xã"),
    )
    assert updated.position == "Phó Chủ tịch UBND xã"
    with pytest.raises(TrainingInputError) as exc:
        services.person_update(
            actor=world.officer, person=person, data=person_input(world, 1, phone=other.phone)
        )
    assert other.full_name in exc.value.errors["full_name"]
    person.refresh_from_db()
    assert person.phone == "0905000001"


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"full_name": "  "}, "full_name", "họ và tên"),
        ({"full_name": "<script>alert(1)</script>"}, "full_name", "< hoặc >"),
        ({"role": "chairman"}, "role", "báo cáo viên"),
        ({"unit": "99999"}, "unit", "danh mục đơn vị"),
        ({"phone": "12345"}, "phone", "Số điện thoại không hợp lệ"),
        ({"email": "hoa@"}, "email", "thư điện tử"),
        ({"decision_date": date.today() + timedelta(days=2)}, "decision_date", "hôm nay"),
        (
            {"term_from": date(2025, 1, 1), "term_to": date(2024, 12, 31)},
            "term_to",
            "kết thúc sau",
        ),
        (
            {"role": PersonRole.REPORTER, "decision_number": ""},
            "decision_number",
            "quyết định công nhận",
        ),
        ({"legal_fields": ["Thiên văn học"]}, "legal_fields", "Thiên văn học"),
        ({"birth_date": date(1900, 1, 1)}, "birth_date", "Ngày sinh"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(world, overrides, field, fragment):
    with pytest.raises(TrainingInputError) as exc:
        person_add(world, 1, actor=world.officer, **overrides)
    assert fragment in exc.value.errors[field]
    assert Person.objects.count() == 0 and PersonMove.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="training.").exists()


def test_every_problem_is_reported_at_once(world):
    with pytest.raises(TrainingInputError) as exc:
        person_add(world, 1, full_name="", role="x", phone="1", email="x", unit="0")
    assert set(exc.value.errors) == {"full_name", "role", "phone", "email", "unit"}


def test_unit_no_longer_in_force_is_unknown(world):
    old = UnitFactory(
        parent=world.province,
        code="52099",
        name="Xã Cũ",
        valid_from=date(2020, 1, 1),
        valid_to=date(2025, 7, 1),
    )
    with pytest.raises(TrainingInputError) as exc:
        person_add(world, 1, unit=old.code)
    assert "unit" in exc.value.errors


# --------------------------------------------------------------------------- update


def test_other_commune_officer_cannot_update_move_or_mark(world):
    person = person_add(world, 1)
    with pytest.raises(PermissionDenied):
        services.person_update(
            actor=world.other_officer,
            person=person,
            data=person_input(world, 1, position="Khác"),
        )
    with pytest.raises(PermissionDenied):
        services.person_move(actor=world.other_officer, person=person, unit=world.other_commune)
    with pytest.raises(PermissionDenied):
        services.person_set_status(
            actor=world.other_officer, person=person, status=PersonStatus.ENDED
        )
    # Commune A's officer may not push their person into commune B either.
    with pytest.raises(PermissionDenied):
        services.person_move(actor=world.officer, person=person, unit=world.other_commune)
    # The approver only reads.
    with pytest.raises(PermissionDenied):
        services.person_set_status(actor=world.approver, person=person, status="ended")
    person.refresh_from_db()
    assert (person.unit, person.position, person.status) == (
        world.commune,
        "Công chức Tư pháp - Hộ tịch",
        "active",
    )
    assert person.moves.count() == 1


def test_update_cannot_change_the_unit(world):
    person = person_add(world, 1)
    with pytest.raises(TrainingInputError) as exc:
        services.person_update(
            actor=world.province_admin,
            person=person,
            data=person_input(world, 1, unit=world.other_commune.code),
        )
    assert "chuyển đơn vị" in exc.value.errors["unit"]
    person.refresh_from_db()
    assert person.unit == world.commune


def test_status_changes_and_unknown_status(world):
    person = person_add(world, 1)
    services.person_set_status(actor=world.officer, person=person, status=PersonStatus.SUSPENDED)
    person.refresh_from_db()
    assert person.status == "suspended"
    with pytest.raises(TrainingInputError):
        services.person_set_status(actor=world.officer, person=person, status="retired")
    person.refresh_from_db()
    assert person.status == "suspended"
    assert AuditEvent.objects.filter(action="training.person.status").count() == 1


# --------------------------------------------------------------------------- moves


def test_province_admin_moves_a_person_and_history_is_kept(world):
    person = person_add(world, 1, since=date(2025, 7, 1))
    moved = services.person_move(
        actor=world.province_admin,
        person=person,
        unit=world.other_commune,
        on=date(2025, 9, 1),
        reason="Điều động theo <b>Quyết định</b> 12/QĐ-UBND",
    )
    assert moved.unit == world.other_commune
    person.refresh_from_db()
    assert person.unit == world.other_commune
    history = person_history(person)
    assert [(m.unit, m.since, m.until) for m in history] == [
        (world.commune, date(2025, 7, 1), date(2025, 9, 1)),
        (world.other_commune, date(2025, 9, 1), None),
    ]
    assert history[1].reason == "Điều động theo Quyết định 12/QĐ-UBND"
    event = AuditEvent.objects.get(action="training.person.move")
    assert event.data == {"from": "52001", "to": "52002", "on": "2025-09-01"}

    a, b = world.commune.path, world.other_commune.path
    before, on_day, after = date(2025, 8, 31), date(2025, 9, 1), date(2025, 10, 1)
    assert list(people_in_registry(unit_path=a, on=before)) == [person]
    assert list(people_in_registry(unit_path=b, on=before)) == []
    for day in (on_day, after):
        assert list(people_in_registry(unit_path=a, on=day)) == []
        assert list(people_in_registry(unit_path=b, on=day)) == [person]
    # The province counts them once, whichever commune they are in.
    for day in (before, on_day, after):
        assert list(people_in_registry(unit_path=world.province.path, on=day)) == [person]
    assert list(people_in_registry(unit_path=a, on=date(2025, 6, 30))) == []
    # People marked ended drop out of the count from the day they ended, not before.
    services.person_set_status(
        actor=world.province_admin, person=person, status="ended", since=date(2025, 10, 1)
    )
    assert list(people_in_registry(unit_path=b, on=date(2025, 9, 30))) == [person]
    assert not people_in_registry(unit_path=b, on=after).exists()


def test_end_date_must_be_between_joining_and_today(world):
    person = person_add(world, 1, since=date(2025, 7, 1))
    for since in (date(2025, 6, 30), timezone.localdate() + timedelta(days=1)):
        with pytest.raises(TrainingInputError) as caught:
            services.person_set_status(
                actor=world.officer, person=person, status="ended", since=since
            )
        assert "status_since" in caught.value.errors
    person.refresh_from_db()
    assert (person.status, person.status_since) == ("active", None)
    services.person_set_status(actor=world.officer, person=person, status="ended")
    person.refresh_from_db()
    assert person.status_since == timezone.localdate()


def test_bad_moves_are_refused(world):
    person = person_add(world, 1, since=date(2025, 8, 1))
    with pytest.raises(TrainingInputError) as exc:
        services.person_move(actor=world.province_admin, person=person, unit=world.commune)
    assert "đang ở đơn vị đó" in exc.value.errors["unit"]
    with pytest.raises(TrainingInputError) as exc:
        services.person_move(
            actor=world.province_admin,
            person=person,
            unit=world.other_commune,
            on=date(2025, 8, 1),
        )
    assert "01/08/2025" in exc.value.errors["on"]
    closed = UnitFactory(
        parent=world.province, code="52098", name="Xã Đã Nhập", valid_to=date(2025, 9, 1)
    )
    with pytest.raises(TrainingInputError) as exc:
        services.person_move(
            actor=world.province_admin, person=person, unit=closed, on=date(2025, 10, 1)
        )
    assert "hiệu lực" in exc.value.errors["unit"]
    person.refresh_from_db()
    assert person.unit == world.commune
    assert [(m.unit_id, m.until) for m in person.moves.all()] == [(world.commune.pk, None)]


# --------------------------------------------------------------------------- visibility


def test_people_visible_is_scoped_to_the_users_units(world):
    a = person_add(world, 1, since=date(2025, 7, 1))
    b = person_add(world, 2, unit=world.other_commune.code)
    assert set(people_visible(world.officer)) == {a}
    assert set(people_visible(world.other_officer)) == {b}
    assert set(people_visible(world.province_admin)) == {a, b}
    assert set(people_visible(world.approver)) == {a, b}
    outsider = UnitFactory(code="64", name="Tỉnh Khác", kind="tinh")
    from tests.qa.factories import staff

    assert list(people_visible(staff("unit_officer", outsider))) == []
    assert list(people_visible(staff("citizen", world.commune))) == []
    # After a move the person is seen by the new commune, not the old one.
    services.person_move(
        actor=world.province_admin, person=a, unit=world.other_commune, on=date(2025, 9, 1)
    )
    assert set(people_visible(world.officer)) == set()
    assert set(people_visible(world.other_officer)) == {a, b}
