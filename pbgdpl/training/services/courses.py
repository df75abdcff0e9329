"""Writes of the training app for courses: sessions, enrolment of people and whole units
(audience, prerequisites, permissions), attendance and completion of offline and blended
courses."""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import plain_text_clean
from pbgdpl.people.permissions import require
from pbgdpl.units.models import Unit

from ..models import (
    Attendance,
    Course,
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    Person,
    PersonStatus,
    Session,
)
from .certificates import certificate_issue
from .errors import TrainingInputError


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
    first attended session; refused for a withdrawn enrolment. Issues the certificate.
    (Online courses complete through their modules.)"""
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
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise TrainingInputError(
            {"enrolment": _("Học viên đã rút khỏi khoá: không xác nhận hoàn thành được.")}
        )
    if enrolment.status != EnrolmentStatus.COMPLETED:
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.completed_at = on
        enrolment.save(update_fields=["status", "completed_at", "updated_at"])
        audit_record(action="training.complete", obj=enrolment, actor=actor, data={})
    # Every path to completion issues the certificate (idempotent).
    certificate_issue(enrolment=enrolment, actor=actor)
    return enrolment
