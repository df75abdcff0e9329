"""The attendance list of a session as a spreadsheet: the export imports back, people
are found by phone, e-mail or name with birth date, and every bad row (unknown person,
not enrolled, outside the officer's commune, twice in the file, no yes/no) is listed
with nothing stored; a session that has not started is refused."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from pbgdpl.core.models import AuditEvent
from pbgdpl.training import services
from pbgdpl.training.attendance_io import (
    ATTENDANCE_COLUMNS,
    attendance_export_xlsx,
    attendance_import_xlsx,
)
from pbgdpl.training.models import Attendance, Course, Enrolment
from pbgdpl.training.selectors.backoffice import session_attendance
from pbgdpl.training.services import SessionInput, TrainingInputError
from tests.training.factories import person_add, training_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = training_world()
    course = Course.objects.create(
        title="Tập huấn kỹ năng số",
        slug="tap-huan",
        unit=world.province,
        mode="offline",
        audience=[],
        hours=3,
        published=True,
    )
    now = timezone.now()
    world.course = course
    world.past = services.session_add(
        actor=world.province_admin,
        course=course,
        data=SessionInput(
            starts_at=now - timedelta(days=1, hours=3),
            ends_at=now - timedelta(days=1),
            place="Hội trường UBND tỉnh",
            capacity=40,
        ),
    )
    world.future = services.session_add(
        actor=world.province_admin,
        course=course,
        data=SessionInput(
            starts_at=now + timedelta(days=2),
            ends_at=now + timedelta(days=2, hours=2),
            place="Hội trường UBND tỉnh",
        ),
    )
    world.a1 = person_add(world, 1)
    world.a2 = person_add(world, 2)
    world.a3 = person_add(world, 3)  # commune A, not enrolled
    world.b1 = person_add(world, 4, unit=world.other_commune.code)
    services.enrol_people(
        actor=world.province_admin, course=course, people=[world.a1, world.a2, world.b1]
    )
    return world


def xlsx(rows, headers=ATTENDANCE_COLUMNS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers] if isinstance(row, dict) else list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def marks():
    return sorted(Attendance.objects.values_list("enrolment__person__full_name", "present"))


def test_export_then_import_round_trip(world):
    scope = Enrolment.objects.filter(course=world.course, person__unit=world.commune)
    data = attendance_export_xlsx(session=world.past, rows=session_attendance(world.past, scope))
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Điểm danh", "Hướng dẫn"]
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == list(ATTENDANCE_COLUMNS)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in rows) == sorted([world.a1.full_name, world.a2.full_name])
    assert all(r[5] is None for r in rows)  # nobody marked yet
    # The officer fills in "Có mặt" and imports it: a dry run first.
    for row in sheet.iter_rows(min_row=2):
        row[5].value = "Có" if row[0].value == world.a1.full_name else "không"
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = attendance_import_xlsx(
        actor=world.officer, session=world.past, file=buffer.getvalue(), dry_run=True
    )
    assert report.ok and (report.present, report.absent) == (1, 1) and not report.stored
    assert [p.full_name for p in report.preview] == [r[0] for r in rows]
    assert not Attendance.objects.exists()
    report = attendance_import_xlsx(actor=world.officer, session=world.past, file=buffer.getvalue())
    assert report.stored
    assert marks() == sorted([(world.a1.full_name, True), (world.a2.full_name, False)])
    assert AuditEvent.objects.filter(action="training.attendance.import").count() == 1
    # The next export shows the marks.
    data = attendance_export_xlsx(session=world.past, rows=session_attendance(world.past, scope))
    rows = {r[0]: r[5] for r in load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(
        min_row=2, values_only=True
    )}  # fmt: skip
    assert rows == {world.a1.full_name: "Có", world.a2.full_name: "Không"}


def test_people_found_by_phone_email_or_name_and_birth_date(world):
    data = xlsx(
        [
            {"Số điện thoại": "+84 905 000 001", "Có mặt": "x"},
            {"Thư điện tử": "NGUOI2@example.vn", "Có mặt": "có"},
            {
                "Họ và tên": world.b1.full_name.upper(),
                "Ngày sinh": world.b1.birth_date.strftime("%d/%m/%Y"),
                "Có mặt": "Vắng",
            },
        ]
    )
    report = attendance_import_xlsx(actor=world.province_admin, session=world.past, file=data)
    assert report.ok, report.messages()
    assert marks() == sorted(
        [(world.a1.full_name, True), (world.a2.full_name, True), (world.b1.full_name, False)]
    )


def test_bad_rows_are_all_listed_and_nothing_is_stored(world):
    data = xlsx(
        [
            {"Số điện thoại": "0905000001", "Có mặt": "Có"},  # row 2: fine
            {"Số điện thoại": "0999 999 999", "Có mặt": "Có"},  # 3: unknown person
            {"Số điện thoại": "0905000003", "Có mặt": "Có"},  # 4: not enrolled
            {"Số điện thoại": "0905000004", "Có mặt": "Có"},  # 5: commune B
            {"Thư điện tử": "nguoi1@example.vn", "Có mặt": "Không"},  # 6: same as row 2
            {"Số điện thoại": "0905000002", "Có mặt": "có lẽ"},  # 7: neither yes nor no
            {"Số điện thoại": "12345", "Có mặt": "Có"},  # 8: not a phone number
            {"Họ và tên": "Người Lạ", "Có mặt": "Có"},  # 9: a name alone is not enough
            {  # 10: phone of one person, name of another
                "Họ và tên": world.a2.full_name,
                "Số điện thoại": "0905000001",
                "Có mặt": "Có",
            },
        ]
    )
    report = attendance_import_xlsx(actor=world.officer, session=world.past, file=data)
    messages = report.messages()
    assert not report.ok and not report.stored
    expected = {
        3: "Không có người này trong danh sách",
        4: "chưa ghi danh khoá này",
        5: "không thuộc đơn vị bạn quản lý",
        6: "Trùng với dòng 2",
        7: "Ghi “Có” hoặc “Không”",
        8: "Số điện thoại không hợp lệ",
        9: "Cần số điện thoại, thư điện tử, hoặc họ tên cùng ngày sinh",
        10: "họ tên không khớp",
    }
    for row, text in expected.items():
        assert any(m.startswith(f"Dòng {row}") and text in m for m in messages), (row, messages)
    assert not any(m.startswith("Dòng 2") for m in messages)
    assert not Attendance.objects.exists()


def test_a_session_that_has_not_started_is_refused(world):
    data = xlsx([{"Số điện thoại": "0905000001", "Có mặt": "Có"}])
    with pytest.raises(TrainingInputError) as exc:
        attendance_import_xlsx(actor=world.officer, session=world.future, file=data)
    assert "chưa diễn ra" in exc.value.errors["file"]
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: b"", "rỗng"),
        (lambda: b"not a spreadsheet", "không phải bảng tính Excel"),
        (lambda: xlsx([{"Họ và tên": "A"}], headers=["Họ và tên"]), "thiếu cột bắt buộc Có mặt"),
        (lambda: xlsx([{"Có mặt": "Có"}], headers=["Có mặt"]), "để xác định người"),
        (lambda: xlsx([], headers=list(ATTENDANCE_COLUMNS)), "không có người nào"),
        (
            lambda: xlsx([{"Có mặt": "Có"}], headers=["Có mặt", "Số điện thoại", "Lớp"]),
            "cột không nhận ra “Lớp”",
        ),
    ],
)
def test_malformed_files_are_refused_clearly(world, make, expected):
    with pytest.raises(TrainingInputError) as exc:
        attendance_import_xlsx(actor=world.officer, session=world.past, file=make())
    assert expected in exc.value.errors["file"]
    assert not Attendance.objects.exists()


def test_only_training_managers_may_import(world):
    data = xlsx([{"Số điện thoại": "0905000001", "Có mặt": "Có"}])
    with pytest.raises(PermissionDenied):
        attendance_import_xlsx(actor=world.approver, session=world.past, file=data)
    assert not Attendance.objects.exists()
