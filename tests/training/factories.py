"""Factories for the training tests: a province with two communes (a xã and a
phường), the staff who keep the personnel registry, and people added through the real
services."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pbgdpl.laws.models import LegalField
from pbgdpl.training import services
from pbgdpl.training.models import Person, PersonRole
from pbgdpl.training.services import PersonInput
from tests.factories import UnitFactory
from tests.qa.factories import staff

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Rơ Châm", "Siu", "Ksor", "Đinh")
GIVEN_NAMES = ("Thị Hoa", "Văn Hùng", "Thị Lan", "H'Bia", "Văn Đức", "Thị Hương", "Minh")


@dataclass
class TrainingWorld:
    """Province "52" with commune A (xã) and commune B (phường), two legal fields, and
    the staff: a province admin, an officer of each commune and a province approver."""

    province: Any
    commune: Any  # commune A, a xã
    other_commune: Any  # commune B, a phường
    field: LegalField
    other_field: LegalField
    province_admin: Any
    officer: Any  # unit_officer of ``commune``
    other_officer: Any  # unit_officer of ``other_commune``
    approver: Any  # approver for the whole province


def training_world() -> TrainingWorld:
    province = UnitFactory(code="52", name="Tỉnh Gia Lai", kind="tinh")
    commune = UnitFactory(parent=province, code="52001", name="Xã Ia Hrú", kind="xa")
    other = UnitFactory(parent=province, code="52002", name="Phường Pleiku", kind="phuong")
    field, _created = LegalField.objects.get_or_create(
        code="hon-nhan-va-gia-dinh", defaults={"name": "Hôn nhân và gia đình"}
    )
    other_field, _created = LegalField.objects.get_or_create(
        code="dat-dai", defaults={"name": "Đất đai"}
    )
    return TrainingWorld(
        province=province,
        commune=commune,
        other_commune=other,
        field=field,
        other_field=other_field,
        province_admin=staff("province_admin", province),
        officer=staff("unit_officer", commune),
        other_officer=staff("unit_officer", other),
        approver=staff("approver", province),
    )


def person_input(world: TrainingWorld, n: int, **overrides: Any) -> PersonInput:
    """Valid details of person number ``n`` (a propagandist of commune A, with a unique
    name, birth date, phone and e-mail), changed by ``overrides``."""
    values: dict[str, Any] = {
        "full_name": f"{SURNAMES[n % len(SURNAMES)]} {GIVEN_NAMES[n % len(GIVEN_NAMES)]} {n}",
        "role": PersonRole.PROPAGANDIST,
        "unit": world.commune.code,
        "birth_date": date(1980, 1, 1) + timedelta(days=n),
        "phone": f"0905{n:06d}",
        "email": f"nguoi{n}@example.vn",
        "position": "Công chức Tư pháp - Hộ tịch",
        "legal_fields": [world.field.code],
    }
    values.update(overrides)
    return PersonInput(**values)


def person_add(world: TrainingWorld, n: int, *, actor: Any = None, **overrides: Any) -> Person:
    """Person number ``n`` added through ``services.person_create`` (by the province
    admin unless ``actor`` is given)."""
    return services.person_create(
        actor=actor or world.province_admin, data=person_input(world, n, **overrides)
    )
