"""Writes of the training app. The personnel registry: add a person in a PBGDPL role,
change their details, move them to another unit (history kept), change their status.

Identity: one row per person. A phone number or e-mail address (normalised) already in
the registry, or the same name and date of birth, is refused as a duplicate with the
unit that holds the existing record — whoever enters people confined to their own unit
must not create a second copy of someone another unit already registered.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold, normalize, plain_text_clean
from pbgdpl.laws.models import LegalField
from pbgdpl.people.identifiers import normalize_email, normalize_phone
from pbgdpl.people.permissions import require
from pbgdpl.units.models import Unit
from pbgdpl.units.selectors import unit_list_valid

from ..models import (
    Person,
    PersonMove,
    PersonRole,
    PersonStatus,
)
from .errors import TrainingInputError


@dataclass
class PersonInput:
    full_name: str
    role: str
    unit: str  # unit code
    birth_date: date | None = None
    phone: str = ""
    email: str = ""
    position: str = ""
    decision_number: str = ""
    decision_date: date | None = None
    term_from: date | None = None
    term_to: date | None = None
    legal_fields: list[str] = field(default_factory=list)  # codes or names
    since: date | None = None  # in the unit since (default: today)


def _legal_fields_find(values: list[str]) -> tuple[list[LegalField], list[str]]:
    found, unknown = [], []
    for value in values:
        value = (value or "").strip()
        if not value:
            continue
        match = LegalField.objects.filter(Q(code=value) | Q(name__iexact=value)).first()
        if match is None:
            folded = fold(value)
            match = next((f for f in LegalField.objects.all() if fold(f.name) == folded), None)
        if match is None:
            unknown.append(value)
        else:
            found.append(match)
    return found, unknown


def person_input_clean(data: PersonInput, *, existing: Person | None = None) -> dict[str, Any]:
    """Validate one person's details; returns clean values or raises TrainingInputError
    with every problem at once (the form and the XLSX import report them per row)."""
    errors: dict[str, str] = {}
    name = " ".join(plain_text_clean(data.full_name).split())
    if "<" in (data.full_name or "") or ">" in (data.full_name or ""):
        errors["full_name"] = _("Họ và tên không được có ký tự < hoặc >.")
    elif not 2 <= len(name) <= 120:
        errors["full_name"] = _("Vui lòng nhập họ và tên (tối đa 120 ký tự).")
    if data.role not in PersonRole.values:
        errors["role"] = _(
            "Vai trò phải là báo cáo viên, tuyên truyền viên hoặc cán bộ làm công tác phổ "
            "biến, giáo dục pháp luật."
        )
    unit = unit_list_valid().filter(code=(data.unit or "").strip()).first()
    if unit is None:
        errors["unit"] = _("Đơn vị không có trong danh mục đơn vị hành chính hiện hành.")
    phone = email = ""
    if (data.phone or "").strip():
        try:
            phone = normalize_phone(data.phone)
        except ValueError:
            errors["phone"] = _("Số điện thoại không hợp lệ (ví dụ 0905 123 456).")
    if (data.email or "").strip():
        try:
            validate_email(data.email.strip())
            email = normalize_email(data.email)
        except Exception:
            errors["email"] = _("Địa chỉ thư điện tử không hợp lệ.")
    today = timezone.localdate()
    if data.birth_date and not date(1930, 1, 1) <= data.birth_date <= today:
        errors["birth_date"] = _("Ngày sinh không hợp lệ.")
    if data.decision_date and data.decision_date > today:
        errors["decision_date"] = _("Ngày quyết định không được sau hôm nay.")
    if data.term_from and data.term_to and data.term_to <= data.term_from:
        errors["term_to"] = _("Nhiệm kỳ phải kết thúc sau khi bắt đầu.")
    if data.role == PersonRole.REPORTER and not (data.decision_number or "").strip():
        errors["decision_number"] = _("Báo cáo viên pháp luật cần số quyết định công nhận.")
    legal_fields, unknown = _legal_fields_find(list(data.legal_fields or []))
    if unknown:
        errors["legal_fields"] = _("Lĩnh vực không có trong danh mục: %(names)s.") % {
            "names": ", ".join(unknown[:5])
        }
    if not errors:
        duplicate = _person_duplicate(
            name=name, birth_date=data.birth_date, phone=phone, email=email, existing=existing
        )
        if duplicate is not None:
            errors["full_name"] = _(
                "Người này đã có trong danh sách (%(name)s, %(unit)s): không thêm lần nữa; "
                "nếu họ chuyển đơn vị, dùng chức năng chuyển đơn vị."
            ) % {"name": duplicate.full_name, "unit": duplicate.unit.name}
    if errors:
        raise TrainingInputError(errors)
    return {
        "full_name": name,
        "birth_date": data.birth_date,
        "phone": phone,
        "email": email,
        "role": data.role,
        "unit": unit,
        "position": plain_text_clean(data.position)[:200],
        "decision_number": plain_text_clean(data.decision_number)[:60],
        "decision_date": data.decision_date,
        "term_from": data.term_from,
        "term_to": data.term_to,
        "legal_fields": legal_fields,
    }


def _person_duplicate(
    *, name: str, birth_date: date | None, phone: str, email: str, existing: Person | None
) -> Person | None:
    people = Person.objects.select_related("unit")
    if existing is not None:
        people = people.exclude(pk=existing.pk)
    query = Q(pk__in=[])
    if phone:
        query |= Q(phone=phone)
    if email:
        query |= Q(email=email)
    match = people.filter(query).first()
    if match is not None or birth_date is None:
        return match
    # Names compare with their tone marks (Hoa, Hòa and Hóa are different names) but
    # without regard to case, spacing, NFC/NFD or the old/new tone placement.
    key = normalize(name).casefold()
    return next(
        (
            p
            for p in people.filter(birth_date=birth_date)
            if normalize(p.full_name).casefold() == key
        ),
        None,
    )


@transaction.atomic
def person_create(*, actor: Any, data: PersonInput) -> Person:
    """Add a person to the registry in ``data.unit`` (role "training.registry" on that
    unit); their history starts there on ``data.since`` (default today)."""
    clean = person_input_clean(data)
    require(actor, "training.registry", clean["unit"])
    legal_fields = clean.pop("legal_fields")
    try:
        with transaction.atomic():
            person = Person.objects.create(**clean)
    except IntegrityError:  # the same phone or e-mail entered at the same moment
        raise TrainingInputError(
            {"phone": _("Số điện thoại hoặc thư điện tử này đã có trong danh sách.")}
        ) from None
    person.legal_fields.set(legal_fields)
    PersonMove.objects.create(
        person=person, unit=person.unit, since=data.since or timezone.localdate()
    )
    audit_record(action="training.person.create", obj=person, actor=actor, data={})
    return person


@transaction.atomic
def person_update(*, actor: Any, person: Person, data: PersonInput) -> Person:
    """Change a person's details (not their unit: see ``person_move``)."""
    require(actor, "training.registry", person)
    clean = person_input_clean(data, existing=person)
    if clean["unit"] != person.unit:
        raise TrainingInputError(
            {"unit": _("Đổi đơn vị bằng chức năng chuyển đơn vị để giữ lịch sử công tác.")}
        )
    legal_fields = clean.pop("legal_fields")
    for name, value in clean.items():
        setattr(person, name, value)
    person.save()
    person.legal_fields.set(legal_fields)
    audit_record(action="training.person.update", obj=person, actor=actor, data={})
    return person


@transaction.atomic
def person_move(
    *, actor: Any, person: Person, unit: Unit, on: date | None = None, reason: str = ""
) -> Person:
    """Move a person to ``unit`` from ``on`` (default today): closes their current
    history row and opens one in the new unit. Needs "training.registry" on both units
    (the province moves people between communes)."""
    on = on or timezone.localdate()
    require(actor, "training.registry", person)
    require(actor, "training.registry", unit)
    person = Person.objects.select_for_update().get(pk=person.pk)
    current = person.moves.filter(until__isnull=True).first()
    errors = {}
    if unit.pk == person.unit_id:
        errors["unit"] = _("Người này đang ở đơn vị đó.")
    elif not unit_list_valid(on=on).filter(pk=unit.pk).exists():
        errors["unit"] = _("Đơn vị không còn hiệu lực vào ngày chuyển.")
    if current is not None and on <= current.since:
        errors["on"] = _("Ngày chuyển phải sau ngày %(since)s (ngày về đơn vị hiện tại).") % {
            "since": current.since.strftime("%d/%m/%Y")
        }
    if errors:
        raise TrainingInputError(errors)
    if current is not None:
        current.until = on
        current.save(update_fields=["until"])
    PersonMove.objects.create(
        person=person, unit=unit, since=on, reason=plain_text_clean(reason)[:200]
    )
    old_unit = person.unit
    person.unit = unit
    person.save(update_fields=["unit", "updated_at"])
    audit_record(
        action="training.person.move",
        obj=person,
        actor=actor,
        data={"from": old_unit.code, "to": unit.code, "on": on.isoformat()},
    )
    return person


@transaction.atomic
def person_set_status(
    *, actor: Any, person: Person, status: str, since: date | None = None
) -> Person:
    """Mark a person active, suspended or ended from ``since`` (default today); they stay
    in the registry's history. An ended person is counted in the registry up to the day
    before ``since``. ``since`` may not be in the future nor before they joined."""
    require(actor, "training.registry", person)
    if status not in PersonStatus.values:
        raise TrainingInputError({"status": _("Trạng thái không hợp lệ.")})
    day = since or timezone.localdate()
    if day > timezone.localdate():
        raise TrainingInputError({"status_since": _("Ngày không được sau hôm nay.")})
    first = person.moves.order_by("since").values_list("since", flat=True).first()
    if first and day < first:
        raise TrainingInputError(
            {"status_since": _("Ngày không được trước ngày người này vào danh sách.")}
        )
    person.status = status
    person.status_since = day
    person.save(update_fields=["status", "status_since", "updated_at"])
    audit_record(
        action="training.person.status",
        obj=person,
        actor=actor,
        data={"status": status, "since": day.isoformat()},
    )
    return person
