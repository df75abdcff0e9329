"""The attendance list of a session as a spreadsheet: export (the learners a user may
mark, with their marks so far) and import (who was there).

One row is one learner: identified by phone number, or e-mail address, or full name with
date of birth (any one is enough; those given must point to the same person), and
"Có mặt" — Có (present) or Không (absent). "Đơn vị" and the other columns of the export
are for the reader and are not needed.

The import is all or nothing. Before reading, a session that has not started yet is
refused (nobody can have attended it). Then every row is checked: a person not found in
the registry, one outside the units the user manages, one not enrolled in the course
(or withdrawn), the same person twice in the file, a "Có mặt" that is neither yes nor
no. If any row is wrong nothing is stored and the report lists every problem as
"Dòng 7 (Số điện thoại): …"; else every row is written in one transaction through
``services.attendance_mark`` and the import is audited once.

File handling and sheet conventions are the shared ones of :mod:`pbgdpl.core.xlsx`, and
the sheet is read like the registry's (:func:`pbgdpl.core.xlsx.sheet_rows_read`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold, normalize
from pbgdpl.core.xlsx import (
    GUIDE_SHEET_TITLE,
    SheetSpec,
    XlsxImportReport,
    XlsxRowError,
    cell_date,
    cell_set,
    cell_text,
    list_validation_add,
    sheet_add,
    sheet_rows_read,
    upload_bytes,
    workbook_bytes,
    workbook_new,
    xlsx_errors_as,
)
from pbgdpl.people.identifiers import normalize_email, normalize_phone
from pbgdpl.people.permissions import can

from . import services
from .models import Enrolment, EnrolmentStatus, Person, Session
from .registry_io import _phone_text
from .services import TrainingInputError

__all__ = [
    "ATTENDANCE_COLUMNS",
    "AttendanceImportReport",
    "AttendancePreviewRow",
    "attendance_export_xlsx",
    "attendance_import_xlsx",
]

IMPORT_MAX_ROWS = 2000

_COLUMNS: tuple[tuple[str, str], ...] = (
    ("full_name", gettext_noop("Họ và tên")),
    ("birth_date", gettext_noop("Ngày sinh")),
    ("phone", gettext_noop("Số điện thoại")),
    ("email", gettext_noop("Thư điện tử")),
    ("unit_name", gettext_noop("Đơn vị")),
    ("present", gettext_noop("Có mặt")),
)
ATTENDANCE_COLUMNS: tuple[str, ...] = tuple(header for _key, header in _COLUMNS)
_HEADER = dict(_COLUMNS)
_KEY_ORDER = [key for key, _header in _COLUMNS]
ATTENDANCE_SHEET_TITLE = gettext_noop("Điểm danh")
IDENTITY_KEYS = ("phone", "email", "full_name")

_SHEET = SheetSpec(
    columns=_COLUMNS,
    aliases={
        "ho ten": "full_name",
        "ho va ten": "full_name",
        "dien thoai": "phone",
        "so dt": "phone",
        "sdt": "phone",
        "email": "email",
        "e-mail": "email",
        "don vi cong tac": "unit_name",
        "diem danh": "present",
        "tham du": "present",
        "co mat?": "present",
    },
    required=("present",),
    required_any=(),
    ignored=frozenset(
        {"stt", "tt", "so tt", "so thu tu", "ghi chu", "ma don vi", "vai tro", "chuc vu"}
    ),
    max_rows=IMPORT_MAX_ROWS,
    too_many=gettext_noop("Tệp có hơn 2.000 dòng: hãy chia thành nhiều tệp."),
    no_header=gettext_noop(
        "Không thấy dòng tiêu đề cột (Họ và tên, Số điện thoại, Có mặt, …): hãy dùng tệp "
        "tải từ trang điểm danh."
    ),
    no_rows=gettext_noop("Tệp không có người nào (chỉ có dòng tiêu đề)."),
)

_YES = {"co", "x", "1", "yes", "y", "true", "co mat", "✓", "✔", "v"}
_NO = {"khong", "0", "no", "n", "false", "vang", "vang mat", "-"}
_PRESENT_LABELS = (gettext_noop("Có"), gettext_noop("Không"))

AttendanceRowError = XlsxRowError


@dataclass(frozen=True)
class AttendancePreviewRow:
    row: int
    full_name: str
    unit: str
    present: bool


@dataclass
class AttendanceImportReport(XlsxImportReport):
    """What an import did (or would do): ``present`` and ``absent`` count the marks
    (written, or to write once a dry run is fine); with any error nothing was stored."""

    present: int = 0
    absent: int = 0
    preview: list[AttendancePreviewRow] = field(default_factory=list)


# --------------------------------------------------------------------------- export


def _present_text(mark: bool | None) -> str:
    if mark is None:
        return ""
    return _(_PRESENT_LABELS[0]) if mark else _(_PRESENT_LABELS[1])


def attendance_export_xlsx(*, session: Session, rows: list[tuple[Enrolment, bool | None]]) -> bytes:
    """The attendance list of ``session`` as XLSX: one row per learner of ``rows``
    ((enrolment, mark) pairs, e.g. ``selectors.backoffice.session_attendance``, already
    narrowed to what the user may see), with a drop-down "Có mặt" column, and a "Hướng
    dẫn" sheet. The import reads it back."""
    workbook = workbook_new()
    sheet = sheet_add(
        workbook,
        _(ATTENDANCE_SHEET_TITLE),
        [_(h) for h in ATTENDANCE_COLUMNS],
        (
            [
                enrolment.person.full_name,
                enrolment.person.birth_date,
                enrolment.person.phone,
                enrolment.person.email,
                enrolment.person.unit.name,
                _present_text(mark),
            ]
            for enrolment, mark in rows
        ),
        widths={1: 28, 2: 12, 3: 14, 4: 28, 5: 24, 6: 10},
    )
    list_validation_add(
        sheet,
        column=_KEY_ORDER.index("present") + 1,
        values=[_(label) for label in _PRESENT_LABELS],
        last_row=max(len(rows) + 1, 2) + IMPORT_MAX_ROWS,
    )
    guide = sheet_add(
        workbook,
        _(GUIDE_SHEET_TITLE),
        [_("Nội dung")],
        [[line] for line in _guide_lines(session)],
        wrap=[1],
        widths={1: 110},
        autofilter=False,
    )
    cell_set(guide, 1, 1, _("Hướng dẫn điểm danh"))
    return workbook_bytes(workbook)


def _guide_lines(session: Session) -> list[str]:
    starts = timezone.localtime(session.starts_at)
    return [
        _("Khoá: %(course)s — buổi học %(when)s.")
        % {"course": session.course.title, "when": starts.strftime("%d/%m/%Y %H:%M")},
        _(
            "Mỗi dòng một học viên. Cột “Có mặt” ghi Có hoặc Không (không để trống). Người "
            "được xác định bằng số điện thoại, hoặc thư điện tử, hoặc họ tên cùng ngày sinh."
        ),
        _(
            "Chỉ điểm danh được người đã ghi danh khoá học, thuộc đơn vị bạn quản lý, và chỉ "
            "sau khi buổi học đã bắt đầu. Mỗi người chỉ một dòng."
        ),
        _(
            "Nếu có dòng lỗi, không dòng nào được lưu: hệ thống liệt kê mọi lỗi theo số dòng "
            "để sửa rồi nhập lại."
        ),
    ]


# --------------------------------------------------------------------------- import


def _name_key(name: str) -> str:
    # As the registry compares names: tone marks count, case and spacing do not.
    return normalize(" ".join((name or "").split())).casefold()


@dataclass
class _People:
    """The registry people the file's rows may point to, by phone, e-mail and name with
    date of birth."""

    by_phone: dict[str, Person]
    by_email: dict[str, Person]
    by_name: dict[tuple[str, date], list[Person]]

    @classmethod
    def load(cls, phones: set[str], emails: set[str], births: set[date]) -> _People:
        query = Q(pk__in=[])
        if phones:
            query |= Q(phone__in=phones)
        if emails:
            query |= Q(email__in=emails)
        if births:
            query |= Q(birth_date__in=births)
        people = list(Person.objects.filter(query).select_related("unit"))
        by_name: dict[tuple[str, date], list[Person]] = {}
        for person in people:
            if person.birth_date:
                by_name.setdefault((_name_key(person.full_name), person.birth_date), []).append(
                    person
                )
        return cls(
            by_phone={p.phone: p for p in people if p.phone},
            by_email={p.email: p for p in people if p.email},
            by_name=by_name,
        )


@dataclass
class _Row:
    number: int
    person: Person
    present: bool


def _present_value(raw: Any) -> bool | None:
    if isinstance(raw, bool):
        return raw
    folded = fold(cell_text(raw)).rstrip(".!")
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


def _identity(values: dict[str, Any]) -> tuple[str, str, str, date | None, dict[str, str]]:
    """(phone, e-mail, name key, birth date, problems) of a row, normalised."""
    problems: dict[str, str] = {}
    phone = email = ""
    raw_phone = _phone_text(values.get("phone"))
    if raw_phone:
        try:
            phone = normalize_phone(raw_phone)
        except ValueError:
            problems["phone"] = _("Số điện thoại không hợp lệ (ví dụ 0905 123 456).")
    raw_email = cell_text(values.get("email"))
    if raw_email:
        try:
            email = normalize_email(raw_email)
        except ValueError:
            problems["email"] = _("Địa chỉ thư điện tử không hợp lệ.")
    birth, readable = cell_date(values.get("birth_date"))
    if not readable:
        problems["birth_date"] = _("Ngày không đúng dạng dd/mm/yyyy (ví dụ 05/09/1985).")
    return phone, email, _name_key(cell_text(values.get("full_name"))), birth, problems


def _rows_check(
    *, actor: Any, session: Session, rows: list[tuple[int, dict[str, Any]]]
) -> tuple[list[_Row], list[AttendanceRowError]]:
    identities = {number: _identity(values) for number, values in rows}
    people = _People.load(
        phones={i[0] for i in identities.values() if i[0]},
        emails={i[1] for i in identities.values() if i[1]},
        births={i[3] for i in identities.values() if i[3]},
    )
    enrolments = {
        e.person_id: e
        for e in Enrolment.objects.filter(course_id=session.course_id).exclude(
            status=EnrolmentStatus.WITHDRAWN
        )
    }
    seen: dict[int, int] = {}
    checked: list[_Row] = []
    errors: list[AttendanceRowError] = []
    for number, values in rows:
        phone, email, name, birth, problems = identities[number]
        present = _present_value(values.get("present"))
        if present is None:
            problems["present"] = _("Ghi “Có” hoặc “Không”.")
        candidates: dict[str, Person | None] = {}
        if phone:
            candidates["phone"] = people.by_phone.get(phone)
        if email:
            candidates["email"] = people.by_email.get(email)
        if name and birth:
            found = people.by_name.get((name, birth), [])
            candidates["full_name"] = found[0] if len(found) == 1 else None
        person = None
        key = next(iter(candidates), "")
        if not candidates and not ({"phone", "email", "birth_date"} & set(problems)):
            problems[""] = _(
                "Cần số điện thoại, thư điện tử, hoặc họ tên cùng ngày sinh để xác định người."
            )
        elif candidates:
            matched = {p.pk: p for p in candidates.values() if p is not None}
            if not matched:
                problems.setdefault(
                    key, _("Không có người này trong danh sách người làm công tác PBGDPL.")
                )
            elif len(matched) > 1 or None in candidates.values():
                problems.setdefault(
                    key,
                    _("Số điện thoại, thư điện tử, họ tên và ngày sinh không cùng là một người."),
                )
            else:
                person = next(iter(matched.values()))
        if person is not None:
            if not can(actor, "training.manage", person):
                problems.setdefault(key, _("Người này không thuộc đơn vị bạn quản lý."))
                person = None
            elif name and name != _name_key(person.full_name):
                problems.setdefault(
                    "full_name",
                    _("Thông tin trên dòng là của %(name)s: họ tên không khớp.")
                    % {"name": person.full_name},
                )
                person = None
        if person is not None:
            if person.pk not in enrolments:
                problems.setdefault(
                    key,
                    _("%(name)s chưa ghi danh khoá này: không điểm danh được.")
                    % {"name": person.full_name},
                )
            elif person.pk in seen:
                problems.setdefault(
                    key,
                    _("Trùng với dòng %(row)s (cùng một người).") % {"row": seen[person.pk]},
                )
            else:
                seen[person.pk] = number
        order = [*_KEY_ORDER, ""]
        for column in sorted(problems, key=order.index):
            label = _(_HEADER[column]) if column else ""
            errors.append(AttendanceRowError(number, label, problems[column]))
        if not problems and person is not None and present is not None:
            checked.append(_Row(number=number, person=person, present=present))
    return checked, errors


def attendance_import_xlsx(
    *, actor: Any, session: Session, file: Any, dry_run: bool = False
) -> AttendanceImportReport:
    """Mark the attendance of ``session`` from an uploaded XLSX (bytes or a file-like
    object).

    Raises PermissionDenied unless ``actor`` holds "training.manage" somewhere; raises
    TrainingInputError (field "file") for a session that has not started, and for a file
    that is not a readable .xlsx, is empty or over 5 MB, has no header row with "Có mặt",
    no column to identify people, no rows or more than 2,000 rows. Otherwise returns a
    report: with any row error nothing is stored; else (unless ``dry_run``) every mark is
    written in one transaction and audited as "training.attendance.import".
    """
    if not can(actor, "training.manage"):
        raise PermissionDenied("training.manage")
    if session.starts_at > timezone.now():
        raise TrainingInputError(
            {"file": _("Buổi học chưa diễn ra: chưa điểm danh được, kể cả bằng tệp.")}
        )
    with xlsx_errors_as(TrainingInputError):
        data = upload_bytes(file)
        rows, present_columns = sheet_rows_read(data, _SHEET)
    if not set(IDENTITY_KEYS) & present_columns:
        raise TrainingInputError(
            {
                "file": _(
                    "Tệp cần cột Số điện thoại, Thư điện tử hoặc Họ và tên (cùng Ngày sinh) để "
                    "xác định người."
                )
            }
        )
    checked, errors = _rows_check(actor=actor, session=session, rows=rows)
    report = AttendanceImportReport(
        rows=len(rows),
        created=len(checked),
        errors=errors,
        dry_run=dry_run,
        present=sum(1 for row in checked if row.present),
        absent=sum(1 for row in checked if not row.present),
    )
    if not errors:
        report.preview = [
            AttendancePreviewRow(
                row=row.number,
                full_name=row.person.full_name,
                unit=row.person.unit.name,
                present=row.present,
            )
            for row in checked
        ]
    if errors or dry_run:
        return report
    current = checked[0]
    try:
        with transaction.atomic():
            for current in checked:
                services.attendance_mark(
                    actor=actor, session=session, person=current.person, present=current.present
                )
            audit_record(
                action="training.attendance.import",
                obj=session,
                actor=actor,
                unit_code=session.course.unit.code,
                data={"rows": report.rows, "present": report.present, "absent": report.absent},
            )
    except (TrainingInputError, PermissionDenied) as exc:  # changed since the check
        message = (
            " ".join(exc.errors.values())
            if isinstance(exc, TrainingInputError)
            else _("Người này không thuộc đơn vị bạn quản lý.")
        )
        report.errors = [AttendanceRowError(current.number, "", message)]
        report.preview = []
    return report
