"""Writes of the Legal Q&A settings: the answer deadline (service level) per legal field
and the calendar of public holidays and make-up working days that deadlines count with.

These are province-wide settings: only holders of "qa.configure" at province level (and
superusers) may change them. Each change is checked here, whatever screen or script calls
it, and leaves an event in the audit log. Deadlines already set on questions stay as they
are; new questions (and working-day counts in reports) use the new settings.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.models import CalendarDay
from pbgdpl.laws.models import LegalField
from pbgdpl.people.permissions import require

from .models import ServiceLevel
from .services import QaInputError

WORKING_DAYS_MIN = 1
WORKING_DAYS_MAX = 60
CALENDAR_NAME_MAX_CHARS = 200


class _QaSettingsScope:
    """The permission scope of the Q&A settings: they belong to no commune, so only roles
    held at province level reach them (``can`` treats an object without a unit that way;
    ``None`` would mean "anywhere at all", which a commune-level grant passes)."""

    unit = None


QA_SETTINGS = _QaSettingsScope()


@transaction.atomic
def service_level_set(
    *, actor: Any, legal_field: LegalField, working_days: int | None
) -> ServiceLevel | None:
    """Set how many working days officials have to answer questions of ``legal_field``
    (1–60). ``None`` removes the field's own setting, so the default
    (``settings.QA_ANSWER_WORKING_DAYS``) applies again; returns the row or None.

    Raises PermissionDenied or QaInputError (``errors["working_days"]``)."""
    require(actor, "qa.configure", QA_SETTINGS)
    level = ServiceLevel.objects.select_for_update().filter(legal_field=legal_field).first()
    before = level.working_days if level else None
    if working_days is None:
        if level is None:
            return None
        level.delete()
        audit_record(
            action="qa.config.service_level",
            obj=legal_field,
            actor=actor,
            data={"field": legal_field.code, "before": before, "after": None},
        )
        return None
    if (
        isinstance(working_days, bool)
        or not isinstance(working_days, int)
        or not WORKING_DAYS_MIN <= working_days <= WORKING_DAYS_MAX
    ):
        raise QaInputError(
            {
                "working_days": _("Thời hạn trả lời phải từ %(min)s đến %(max)s ngày làm việc.")
                % {"min": WORKING_DAYS_MIN, "max": WORKING_DAYS_MAX}
            }
        )
    if level is None:
        level = ServiceLevel.objects.create(legal_field=legal_field, working_days=working_days)
    elif level.working_days != working_days:
        level.working_days = working_days
        level.save(update_fields=["working_days"])
    else:
        return level
    audit_record(
        action="qa.config.service_level",
        obj=legal_field,
        actor=actor,
        data={"field": legal_field.code, "before": before, "after": working_days},
    )
    return level


@transaction.atomic
def calendar_day_add(*, actor: Any, day: date, kind: str, name: str) -> CalendarDay:
    """Add a public holiday / day off (``kind`` "holiday") or a Saturday worked in exchange
    ("workday") to the calendar of working days. One entry per day; a name is required.

    Raises PermissionDenied or QaInputError (``errors`` on "day", "kind", "name")."""
    require(actor, "qa.configure", QA_SETTINGS)
    errors: dict[str, str] = {}
    if not isinstance(day, date):
        errors["day"] = _("Vui lòng chọn ngày.")
    elif CalendarDay.objects.filter(day=day).exists():
        existing = CalendarDay.objects.get(day=day)
        errors["day"] = _("Ngày %(day)s đã có trong lịch (%(name)s).") % {
            "day": day.strftime("%d/%m/%Y"),
            "name": existing.name,
        }
    if kind not in CalendarDay.Kind.values:
        errors["kind"] = _("Vui lòng chọn loại ngày: nghỉ lễ, Tết hoặc làm bù.")
    name = " ".join((name or "").split())
    if not name:
        errors["name"] = _("Vui lòng ghi tên ngày (ví dụ: Tết Nguyên đán, Quốc khánh).")
    elif len(name) > CALENDAR_NAME_MAX_CHARS:
        errors["name"] = _("Tên ngày tối đa %(max)s ký tự.") % {"max": CALENDAR_NAME_MAX_CHARS}
    if errors:
        raise QaInputError(errors)
    entry = CalendarDay.objects.create(day=day, kind=kind, name=name)
    audit_record(
        action="qa.config.calendar_add",
        obj=entry,
        actor=actor,
        data={"day": day.isoformat(), "kind": kind, "name": name},
    )
    return entry


@transaction.atomic
def calendar_day_delete(*, actor: Any, day: date) -> None:
    """Remove ``day`` from the calendar (it becomes an ordinary day again).

    Raises PermissionDenied or QaInputError when the day is not in the calendar."""
    require(actor, "qa.configure", QA_SETTINGS)
    entry = CalendarDay.objects.select_for_update().filter(day=day).first()
    if entry is None:
        raise QaInputError(
            {"day": _("Ngày %(day)s không có trong lịch.") % {"day": day.strftime("%d/%m/%Y")}}
        )
    data = {"day": day.isoformat(), "kind": entry.kind, "name": entry.name}
    audit_record(action="qa.config.calendar_delete", obj=entry, actor=actor, data=data)
    entry.delete()
