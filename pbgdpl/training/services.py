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

from .models import (
    Attendance,
    Course,
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    Person,
    PersonMove,
    PersonRole,
    PersonStatus,
    Session,
)


class TrainingInputError(ValueError):
    """Input refused; ``errors`` maps each bad field to a Vietnamese message. Nothing
    was stored."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


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
def person_set_status(*, actor: Any, person: Person, status: str) -> Person:
    """Mark a person active, suspended or ended (they stay in the registry's history)."""
    require(actor, "training.registry", person)
    if status not in PersonStatus.values:
        raise TrainingInputError({"status": _("Trạng thái không hợp lệ.")})
    person.status = status
    person.save(update_fields=["status", "updated_at"])
    audit_record(action="training.person.status", obj=person, actor=actor, data={"status": status})
    return person


# --------------------------------------------------------------------------- courses


@dataclass
class SessionInput:
    starts_at: Any  # aware datetime
    ends_at: Any
    online: bool = False
    place: str = ""
    capacity: int | None = None
    trainer: str = ""


@transaction.atomic
def session_add(*, actor: Any, course: Course, data: SessionInput) -> Session:
    """Schedule a session of ``course`` (role "training.manage" on the course's unit)."""
    require(actor, "training.manage", course.unit)
    errors: dict[str, str] = {}
    if not data.starts_at or not data.ends_at:
        errors["starts_at"] = _("Cần thời gian bắt đầu và kết thúc.")
    elif data.ends_at <= data.starts_at:
        errors["ends_at"] = _("Buổi học phải kết thúc sau khi bắt đầu.")
    elif (data.ends_at - data.starts_at).total_seconds() > 12 * 3600:
        errors["ends_at"] = _("Một buổi học dài tối đa 12 giờ.")
    if course.mode == CourseMode.ONLINE and not data.online:
        errors["online"] = _("Khoá trực tuyến chỉ có buổi học trực tuyến.")
    if course.mode == CourseMode.OFFLINE and data.online:
        errors["online"] = _("Khoá học trực tiếp không có buổi học trực tuyến.")
    if not data.online and not plain_text_clean(data.place):
        errors["place"] = _("Buổi học trực tiếp cần địa điểm.")
    if data.capacity is not None and not 1 <= int(data.capacity) <= 10_000:
        errors["capacity"] = _("Số chỗ từ 1 đến 10.000.")
    if errors:
        raise TrainingInputError(errors)
    session = Session.objects.create(
        course=course,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        online=bool(data.online),
        place=plain_text_clean(data.place)[:255],
        capacity=data.capacity,
        trainer=plain_text_clean(data.trainer)[:200],
    )
    audit_record(action="training.session.add", obj=session, actor=actor, data={})
    return session


def _enrol_problem(course: Course, person: Person) -> str:
    if person.status != PersonStatus.ACTIVE:
        return _("%(name)s không còn hoạt động.") % {"name": person.full_name}
    if course.audience and person.role not in course.audience:
        return _("%(name)s không thuộc đối tượng của khoá.") % {"name": person.full_name}
    completed = Enrolment.objects.filter(person=person, status=EnrolmentStatus.COMPLETED).values(
        "course_id"
    )
    missing = course.prerequisites.exclude(pk__in=completed)
    if missing.exists():
        return _("%(name)s chưa hoàn thành khoá “%(course)s”.") % {
            "name": person.full_name,
            "course": missing.first().title,
        }
    return ""


@dataclass
class EnrolReport:
    enrolled: list[Enrolment] = field(default_factory=list)
    already: list[Person] = field(default_factory=list)
    refused: list[tuple[Person, str]] = field(default_factory=list)


@transaction.atomic
def enrol_people(*, actor: Any, course: Course, people: list[Person]) -> EnrolReport:
    """Enrol people in a published course. Each needs "training.manage" on their unit
    (else PermissionDenied and nothing stored); people already enrolled are listed, and
    those who are not active, outside the course's audience or missing a prerequisite
    are refused with the reason — the others are enrolled."""
    if not course.published:
        raise TrainingInputError({"course": _("Khoá bồi dưỡng chưa mở đăng ký.")})
    for person in people:
        require(actor, "training.manage", person)
    report = EnrolReport()
    existing = set(
        Enrolment.objects.filter(course=course, person__in=people).values_list(
            "person_id", flat=True
        )
    )
    for person in people:
        if person.pk in existing:
            report.already.append(person)
            continue
        problem = _enrol_problem(course, person)
        if problem:
            report.refused.append((person, problem))
            continue
        report.enrolled.append(
            Enrolment.objects.create(
                course=course,
                person=person,
                enrolled_by=actor if getattr(actor, "pk", None) else None,
            )
        )
        existing.add(person.pk)
    audit_record(
        action="training.enrol",
        obj=course,
        actor=actor,
        data={"enrolled": len(report.enrolled), "refused": len(report.refused)},
    )
    return report


def enrol_unit(*, actor: Any, course: Course, unit: Unit) -> EnrolReport:
    """Enrol every active person of ``unit``'s subtree (see ``enrol_people``)."""
    people = list(
        Person.objects.filter(unit__path__startswith=unit.path, status=PersonStatus.ACTIVE)
    )
    return enrol_people(actor=actor, course=course, people=people)


@transaction.atomic
def attendance_mark(
    *, actor: Any, session: Session, person: Person, present: bool = True
) -> Attendance:
    """Record whether ``person`` attended ``session`` ("training.manage" on their unit).
    Refused for a person not enrolled in the course and for a session that has not
    started yet."""
    require(actor, "training.manage", person)
    enrolment = Enrolment.objects.filter(course_id=session.course_id, person=person).first()
    if enrolment is None or enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise TrainingInputError(
            {
                "person": _("%(name)s chưa ghi danh khoá này: không điểm danh được.")
                % {"name": person.full_name}
            }
        )
    if session.starts_at > timezone.now():
        raise TrainingInputError({"session": _("Buổi học chưa diễn ra: chưa điểm danh được.")})
    attendance, _created = Attendance.objects.update_or_create(
        session=session, enrolment=enrolment, defaults={"present": bool(present)}
    )
    audit_record(
        action="training.attendance",
        obj=enrolment,
        actor=actor,
        data={"session": session.pk, "present": bool(present)},
    )
    return attendance


@transaction.atomic
def completion_mark(*, actor: Any, enrolment: Enrolment, on: Any = None) -> Enrolment:
    """Mark an offline or blended course completed for one attendee at ``on`` (default
    now): refused before they attended a session, or dated before the end of their
    first attended session. (Online courses complete through their modules.)"""
    require(actor, "training.manage", enrolment)
    on = on or timezone.now()
    course = enrolment.course
    if course.mode == CourseMode.ONLINE:
        raise TrainingInputError(
            {"course": _("Khoá trực tuyến hoàn thành khi học xong các học phần.")}
        )
    attended = Session.objects.filter(
        attendance__enrolment=enrolment, attendance__present=True
    ).order_by("ends_at")
    first = attended.first()
    if first is None:
        raise TrainingInputError(
            {"enrolment": _("Học viên chưa dự buổi học nào: chưa xác nhận hoàn thành được.")}
        )
    if on < first.ends_at:
        raise TrainingInputError(
            {"on": _("Ngày hoàn thành không được trước khi buổi học kết thúc.")}
        )
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return enrolment
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_at = on
    enrolment.save(update_fields=["status", "completed_at", "updated_at"])
    audit_record(action="training.complete", obj=enrolment, actor=actor, data={})
    return enrolment
