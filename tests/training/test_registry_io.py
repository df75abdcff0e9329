"""The personnel registry as a spreadsheet: an export imports back (dry run first),
every malformed file is refused with a clear message, bad rows are all listed by row
number and nothing is stored, and a commune officer cannot import another commune's
people."""

import io
import os
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from pbgdpl.core.models import AuditEvent
from pbgdpl.training.models import Person, PersonMove, PersonRole
from pbgdpl.training.registry_io import (
    IMPORT_MAX_ROWS,
    REGISTRY_COLUMNS,
    registry_export_xlsx,
    registry_import_xlsx,
)
from pbgdpl.training.services import TrainingInputError
from tests.training.factories import person_add, training_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return training_world()


def xlsx(rows, headers=REGISTRY_COLUMNS) -> bytes:
    """A workbook whose first sheet has ``headers`` and ``rows`` (dicts by header)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers] if isinstance(row, dict) else list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def new_row(n: int, **overrides) -> dict:
    row = {
        "Họ và tên": f"Ksor H'Bia {n}",
        "Ngày sinh": f"{n % 28 + 1:02d}/03/1988",
        "Số điện thoại": f"0912 {n:06d}",
        "Thư điện tử": f"tuyentruyen{n}@example.vn",
        "Vai trò": "Tuyên truyền viên",
        "Mã đơn vị": "52001",
        "Chức vụ, nơi công tác": "Chi hội trưởng Chi hội Phụ nữ thôn",
        "Lĩnh vực phụ trách": "Hôn nhân và gia đình",
    }
    row.update(overrides)
    return row


def people() -> list[tuple]:
    return list(
        Person.objects.order_by("pk").values_list("pk", "full_name", "phone", "unit_id", "role")
    )


# --------------------------------------------------------------------------- round trip


def test_export_then_import_round_trip(world):
    a = person_add(
        world,
        1,
        full_name='=HYPERLINK("x") Nguyễn Thị Hoa',
        role=PersonRole.REPORTER,
        decision_number="125/QĐ-UBND",
        decision_date=date(2025, 8, 1),
        term_from=date(2025, 8, 1),
        term_to=date(2030, 8, 1),
        legal_fields=["dat-dai", "hon-nhan-va-gia-dinh"],
    )
    b = person_add(world, 2, unit=world.other_commune.code, role=PersonRole.OFFICIAL)
    c = person_add(world, 3, birth_date=None, email="", position="")
    data = registry_export_xlsx(people=Person.objects.filter(pk__in=[a.pk, b.pk, c.pk]))

    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Danh sách PBGDPL", "Hướng dẫn"]
    sheet = workbook.worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == list(REGISTRY_COLUMNS)
    by_phone = {row[2]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_phone[a.phone] == (
        a.full_name,
        datetime.combine(a.birth_date, datetime.min.time()),
        "0905000001",
        "nguoi1@example.vn",
        "Báo cáo viên",
        "52001",
        "Xã Ia Hrú",
        "Công chức Tư pháp - Hộ tịch",
        "125/QĐ-UBND",
        datetime(2025, 8, 1),
        datetime(2025, 8, 1),
        datetime(2030, 8, 1),
        "Đất đai, Hôn nhân và gia đình",
        datetime.combine(a.moves.get().since, datetime.min.time()),
        "Đang hoạt động",
        None,
    )
    assert by_phone[b.phone][4:7] == ("Cán bộ", "52002", "Phường Pleiku")
    row_a = next(r for r in range(2, 5) if sheet.cell(r, 3).value == a.phone)
    assert sheet.cell(row_a, 1).data_type == "s"  # a name is never a formula
    assert sheet.cell(row_a, 3).data_type == "s"  # the leading zero stays
    assert sheet.cell(row_a, 2).number_format == "dd/mm/yyyy"
    guide = [row[0] for row in workbook["Hướng dẫn"].iter_rows(values_only=True)]
    assert "Lĩnh vực phụ trách" in guide and "dat-dai" in guide

    # The same people in the registry already: every row is a duplicate.
    report = registry_import_xlsx(actor=world.province_admin, file=data, dry_run=True)
    assert not report.ok and len(report.errors) == 3
    assert all("đã có trong danh sách" in m for m in report.messages())

    # Into an empty registry: a dry run says all is fine and stores nothing ...
    expected = sorted(
        (p.full_name, p.phone, p.email, p.unit_id, p.role, p.birth_date, p.decision_date)
        for p in (a, b, c)
    )
    Person.objects.all().delete()
    report = registry_import_xlsx(actor=world.province_admin, file=data, dry_run=True)
    assert report.ok and not report.stored and (report.rows, report.created) == (3, 3)
    assert report.person_ids == []
    assert Person.objects.count() == 0
    assert not AuditEvent.objects.filter(action="training.registry.import").exists()

    # ... and the real import creates them, with history and legal fields.
    report = registry_import_xlsx(actor=world.province_admin, file=data)
    assert report.ok and report.stored and len(report.person_ids) == 3
    created = Person.objects.filter(pk__in=report.person_ids)
    assert (
        sorted(
            (p.full_name, p.phone, p.email, p.unit_id, p.role, p.birth_date, p.decision_date)
            for p in created
        )
        == expected
    )
    reporter = created.get(role="reporter")
    assert {f.code for f in reporter.legal_fields.all()} == {"dat-dai", "hon-nhan-va-gia-dinh"}
    assert (reporter.term_from, reporter.term_to) == (date(2025, 8, 1), date(2030, 8, 1))
    assert PersonMove.objects.filter(person__in=created, until__isnull=True).count() == 3
    event = AuditEvent.objects.get(action="training.registry.import")
    assert event.data == {"rows": 3, "created": 3}
    # Exported again, the people look the same.
    again = registry_export_xlsx(people=Person.objects.all())
    rows = sorted(
        load_workbook(io.BytesIO(again)).worksheets[0].iter_rows(min_row=2, values_only=True)
    )
    assert rows == sorted(sheet.iter_rows(min_row=2, values_only=True))


def test_blank_template_and_simple_rows(world):
    template = registry_export_xlsx(people=Person.objects.none())
    sheet = load_workbook(io.BytesIO(template)).worksheets[0]
    assert [c.value for c in sheet[1]] == list(REGISTRY_COLUMNS) and sheet.max_row == 1
    upload = SimpleUploadedFile("danh-sach.xlsx", xlsx([new_row(1), new_row(2)]))
    report = registry_import_xlsx(actor=world.officer, file=upload)
    assert report.ok and len(report.person_ids) == 2
    person = Person.objects.get(full_name="Ksor H'Bia 1")
    assert (person.phone, person.birth_date, person.unit) == (
        "0912000001",
        date(1988, 3, 2),
        world.commune,
    )


def test_values_are_read_flexibly(world):
    headers = ["STT", "Ho va ten", "Ngay sinh", "SĐT", "Email", "Vai tro", "Don vi", "Ghi chú"]
    rows = [
        # Unit by name without diacritics, role in English, date cell, phone as a number.
        [
            1,
            "Rơ Châm Phiang",
            datetime(1979, 4, 30),
            912345678,
            "",
            "propagandist",
            "xa ia hru",
            "",
        ],
        # Unit by name without "Phường", role in full, ISO date, +84 phone.
        [
            2,
            "Đinh Văn Hùng",
            "1990-12-01",
            "+84 912 345 679",
            "",
            "Cán bộ làm công tác phổ biến, giáo dục pháp luật",
            "Pleiku",
            "x",
        ],
        [3, "", "", "", "", "", "", "chỉ có ghi chú"],  # ignored: nothing but a note
    ]
    report = registry_import_xlsx(actor=world.province_admin, file=xlsx(rows, headers))
    assert report.messages() == []
    assert report.rows == 2
    first = Person.objects.get(full_name="Rơ Châm Phiang")
    assert (first.phone, first.birth_date, first.unit, first.role) == (
        "0912345678",
        date(1979, 4, 30),
        world.commune,
        "propagandist",
    )
    second = Person.objects.get(full_name="Đinh Văn Hùng")
    assert (second.phone, second.unit, second.role) == (
        "0912345679",
        world.other_commune,
        "official",
    )


def test_legal_fields_with_a_comma_in_their_name(world):
    from pbgdpl.laws.models import LegalField

    complaints, _created = LegalField.objects.get_or_create(
        name="Khiếu nại, tố cáo", defaults={"code": "khieu-nai-to-cao"}
    )
    row = new_row(1, **{"Lĩnh vực phụ trách": "dat-dai, Khiếu nại, tố cáo; hôn nhân và gia đình"})
    report = registry_import_xlsx(actor=world.officer, file=xlsx([row]))
    assert report.ok, report.messages()
    person = Person.objects.get()
    assert {f.code for f in person.legal_fields.all()} == {
        "dat-dai",
        complaints.code,
        "hon-nhan-va-gia-dinh",
    }


# --------------------------------------------------------------------------- bad rows


def test_bad_rows_are_all_listed_and_nothing_is_stored(world):
    earlier = person_add(world, 7, phone="0987 654 321", email="da.co@example.vn")
    before = people()
    moves_before = PersonMove.objects.count()
    rows = [
        new_row(1),  # row 2: good
        new_row(2, **{"Họ và tên": "", "Vai trò": "Chủ tịch"}),  # row 3
        new_row(3, **{"Ngày sinh": "31/02/1990", "Số điện thoại": "12345"}),  # row 4
        {},  # row 5: an empty line is skipped but keeps the numbering
        new_row(4, **{"Mã đơn vị": "99999"}),  # row 6
        new_row(5, **{"Vai trò": "Báo cáo viên", "Ngày quyết định": "01/01/2099"}),  # row 7
        new_row(6, **{"Nhiệm kỳ từ": "01/01/2026", "Nhiệm kỳ đến": "01/01/2025"}),  # row 8
        new_row(8, **{"Số điện thoại": "+84 987.654.321"}),  # row 9: already registered
        new_row(9, **{"Lĩnh vực phụ trách": "Thiên văn học", "Thư điện tử": "sai@"}),  # 10
        new_row(10, **{"Họ và tên": "<b>Hoa</b>"}),  # row 11
        new_row(11, **{"Mã đơn vị": None, "Đơn vị": "Xã Không Có"}),  # row 12
        new_row(12, **{"Mã đơn vị": "52001", "Đơn vị": "Phường Pleiku"}),  # row 13
    ]
    report = registry_import_xlsx(actor=world.province_admin, file=xlsx(rows))
    assert not report.ok and not report.stored and report.person_ids == []
    assert report.messages() == [
        "Dòng 3 (Họ và tên): Vui lòng nhập họ và tên (tối đa 120 ký tự).",
        "Dòng 3 (Vai trò): Vai trò phải là báo cáo viên, tuyên truyền viên hoặc cán bộ làm "
        "công tác phổ biến, giáo dục pháp luật.",
        "Dòng 4 (Ngày sinh): Ngày không đúng dạng dd/mm/yyyy (ví dụ 05/09/1985).",
        "Dòng 4 (Số điện thoại): Số điện thoại không hợp lệ (ví dụ 0905 123 456).",
        "Dòng 6 (Mã đơn vị): Đơn vị không có trong danh mục đơn vị hành chính hiện hành.",
        "Dòng 7 (Số quyết định công nhận): Báo cáo viên pháp luật cần số quyết định công nhận.",
        "Dòng 7 (Ngày quyết định): Ngày quyết định không được sau hôm nay.",
        "Dòng 8 (Nhiệm kỳ đến): Nhiệm kỳ phải kết thúc sau khi bắt đầu.",
        f"Dòng 9 (Họ và tên): Người này đã có trong danh sách ({earlier.full_name}, Xã Ia "
        "Hrú): không thêm lần nữa; nếu họ chuyển đơn vị, dùng chức năng chuyển đơn vị.",
        "Dòng 10 (Thư điện tử): Địa chỉ thư điện tử không hợp lệ.",
        "Dòng 10 (Lĩnh vực phụ trách): Lĩnh vực không có trong danh mục: Thiên văn học.",
        "Dòng 11 (Họ và tên): Họ và tên không được có ký tự < hoặc >.",
        "Dòng 12 (Đơn vị): Không tìm thấy đơn vị “Xã Không Có” trong danh mục đơn vị hành "
        "chính hiện hành.",
        "Dòng 13 (Đơn vị): Tên đơn vị không khớp với mã 52001 (Xã Ia Hrú).",
    ]
    assert report.errors[0].row == 3 and report.errors[0].column == "Họ và tên"
    assert people() == before
    assert PersonMove.objects.count() == moves_before
    earlier.refresh_from_db()
    assert (earlier.phone, earlier.email, earlier.unit) == (
        "0987654321",
        "da.co@example.vn",
        world.commune,
    )
    assert not AuditEvent.objects.filter(action="training.registry.import").exists()


def test_same_person_twice_in_the_file(world):
    rows = [
        new_row(1),  # row 2
        new_row(2, **{"Số điện thoại": "+84 912 000 001"}),  # row 3: phone of row 2
        new_row(3, **{"Thư điện tử": "TuyenTruyen1@Example.vn"}),  # row 4: e-mail of row 2
        # row 5: name and birth date of row 2 (other case and spacing)
        new_row(4, **{"Họ và tên": "  ksor  h'bia 1 ", "Ngày sinh": "02/03/1988"}),
        new_row(5, **{"Họ và tên": "Ksor H'Bia 1", "Ngày sinh": "03/03/1988"}),  # row 6: fine
    ]
    report = registry_import_xlsx(actor=world.officer, file=xlsx(rows))
    assert report.messages() == [
        "Dòng 3 (Số điện thoại): Trùng với dòng 2 (cùng số điện thoại).",
        "Dòng 4 (Thư điện tử): Trùng với dòng 2 (cùng thư điện tử).",
        "Dòng 5 (Họ và tên): Trùng với dòng 2 (cùng họ tên và ngày sinh).",
    ]
    assert Person.objects.count() == 0


def test_commune_officer_cannot_import_another_communes_people(world):
    rows = [
        new_row(1),  # row 2: own commune
        new_row(2, **{"Mã đơn vị": "52002"}),  # row 3: commune B
        new_row(3, **{"Mã đơn vị": None, "Đơn vị": "Phường Pleiku"}),  # row 4: by name
    ]
    report = registry_import_xlsx(actor=world.officer, file=xlsx(rows))
    assert report.messages() == [
        "Dòng 3 (Mã đơn vị): Bạn không được quản lý danh sách của đơn vị Phường Pleiku.",
        "Dòng 4 (Đơn vị): Bạn không được quản lý danh sách của đơn vị Phường Pleiku.",
    ]
    assert Person.objects.count() == 0
    # The province admin may import the same file.
    report = registry_import_xlsx(actor=world.province_admin, file=xlsx(rows))
    assert report.ok and len(report.person_ids) == 3


def test_only_registry_keepers_may_import(world):
    # Refused before the file is even read.
    with pytest.raises(PermissionDenied):
        registry_import_xlsx(actor=world.approver, file=b"garbage")
    with pytest.raises(PermissionDenied):
        registry_import_xlsx(actor=None, file=xlsx([new_row(1)]))
    assert Person.objects.count() == 0


# --------------------------------------------------------------------------- malformed files


def too_many_rows() -> bytes:
    return xlsx([new_row(i) for i in range(IMPORT_MAX_ROWS + 1)])


def legacy_xls() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: b"", "Tệp rỗng"),
        (lambda: SimpleUploadedFile("a.xlsx", b""), "Tệp rỗng"),
        (lambda: None, "Chưa chọn tệp"),
        (lambda: b"Ho va ten,Vai tro\nA,B\n", "không phải bảng tính Excel"),
        (lambda: SimpleUploadedFile("danh-sach.csv", b"a,b"), "Chỉ nhận bảng tính Excel .xlsx"),
        (legacy_xls, "Excel 97–2003"),
        (lambda: b"PK\x03\x04" + os.urandom(200), "không phải bảng tính Excel"),
        (lambda: xlsx([]), "không có người nào"),
        (
            lambda: xlsx([["a", "b", "c"]], headers=["Tên", "Tuổi", "Địa chỉ"]),
            "thiếu cột bắt buộc Họ và tên, Vai trò, Mã đơn vị hoặc Đơn vị",
        ),
        (lambda: xlsx([new_row(1)], headers=[*REGISTRY_COLUMNS, "Quê quán"]), "“Quê quán”"),
        (lambda: xlsx([new_row(1)], headers=[*REGISTRY_COLUMNS, "Ho va ten"]), "cột bị lặp"),
        (too_many_rows, "hơn 5.000 người"),
        (
            lambda: SimpleUploadedFile("lon.xlsx", b"PK" + b"\x00" * (5 * 1024 * 1024 + 1)),
            "lớn hơn 5 MB",
        ),
    ],
    ids=[
        "empty-bytes",
        "empty-upload",
        "no-file",
        "csv-bytes",
        "csv-name",
        "xls",
        "broken-zip",
        "header-only",
        "wrong-headers",
        "unknown-column",
        "repeated-column",
        "too-many-rows",
        "oversize",
    ],
)
def test_malformed_files_are_refused_clearly(world, make, expected):
    with pytest.raises(TrainingInputError) as exc:
        registry_import_xlsx(actor=world.province_admin, file=make())
    assert set(exc.value.errors) == {"file"}
    assert expected in exc.value.errors["file"]
    assert Person.objects.count() == 0


def test_five_thousand_rows_pass_a_dry_run(world):
    report = registry_import_xlsx(
        actor=world.province_admin,
        file=xlsx([new_row(i) for i in range(IMPORT_MAX_ROWS)]),
        dry_run=True,
    )
    assert report.ok, report.messages()[:3]
    assert report.rows == IMPORT_MAX_ROWS and Person.objects.count() == 0


# --------------------------------------------------------------------------- history, status


SINCE, STATUS, STATUS_SINCE = "Từ ngày", "Trạng thái", "Ngày thôi/tạm ngừng"


def test_since_and_status_columns_are_imported(world):
    today = timezone.localdate().strftime("%d/%m/%Y")
    rows = [
        new_row(1, **{"Từ ngày": "01/07/2025"}),
        new_row(2, **{SINCE: "01/07/2025", STATUS: "Đã thôi", STATUS_SINCE: "15/03/2026"}),
        new_row(3, **{STATUS: "tam ngung", STATUS_SINCE: today}),
    ]  # fmt: skip
    report = registry_import_xlsx(actor=world.officer, file=xlsx(rows))
    assert report.stored, report.messages()
    first = Person.objects.get(full_name="Ksor H'Bia 1")
    assert list(first.moves.values_list("since", flat=True)) == [date(2025, 7, 1)]
    assert first.status == "active"
    ended = Person.objects.get(full_name="Ksor H'Bia 2")
    assert (ended.status, ended.status_since) == ("ended", date(2026, 3, 15))
    assert list(ended.moves.values_list("since", flat=True)) == [date(2025, 7, 1)]
    assert Person.objects.get(full_name="Ksor H'Bia 3").status == "suspended"

    # The export writes them back.
    data = registry_export_xlsx(people=Person.objects.filter(pk=ended.pk))
    row = next(load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert row[-3:] == (datetime(2025, 7, 1), "Đã thôi", datetime(2026, 3, 15))


def test_bad_since_and_status_are_listed(world):
    future = (timezone.localdate().replace(day=1) + timedelta(days=62)).strftime("%d/%m/%Y")
    rows = [
        new_row(1, **{"Trạng thái": "Đang hoạt động", "Ngày thôi/tạm ngừng": "01/01/2026"}),
        new_row(2, **{"Trạng thái": "Tạm ngừng"}),
        new_row(3, **{SINCE: "01/07/2025", STATUS: "Đã thôi", STATUS_SINCE: "01/01/2025"}),
        new_row(4, **{"Từ ngày": future}),
        new_row(5, **{"Trạng thái": "Nghỉ hưu"}),
        new_row(6, **{"Trạng thái": "Đã thôi", "Ngày thôi/tạm ngừng": "32/01/2026"}),
    ]  # fmt: skip
    report = registry_import_xlsx(actor=world.officer, file=xlsx(rows), dry_run=True)
    messages = report.messages()
    expected = [
        "Dòng 2 (Ngày thôi/tạm ngừng): Chỉ ghi ngày này khi trạng thái là Tạm ngừng hoặc Đã thôi.",
        "Dòng 3 (Ngày thôi/tạm ngừng): Ghi ngày bắt đầu tạm ngừng hoặc ngày thôi (dd/mm/yyyy).",
        "Dòng 4 (Ngày thôi/tạm ngừng): Ngày thôi/tạm ngừng không được trước ngày bắt đầu",
        "Dòng 5 (Từ ngày): Ngày không được sau hôm nay.",
        "Dòng 6 (Trạng thái): Trạng thái phải là Đang hoạt động, Tạm ngừng hoặc Đã thôi.",
        "Dòng 7 (Ngày thôi/tạm ngừng): Ngày không đúng dạng dd/mm/yyyy",
    ]
    for text in expected:
        assert any(m.startswith(text) for m in messages), (text, messages)
    assert len(messages) == len(expected)
    assert not report.preview
    report = registry_import_xlsx(actor=world.officer, file=xlsx(rows))
    assert not report.stored and Person.objects.count() == 0
