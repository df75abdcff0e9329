"""The workbooks: the activity list (one row per activity, numbers and dates as real
cells, text never a formula), the report (every sheet, figures matching the selectors,
the definitions), and the import (template, all-or-nothing with per-row errors,
duplicates, permissions, files that are not spreadsheets)."""

import io
from datetime import date, datetime

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied

from pbgdpl.core.xlsx import sheet_add, workbook_bytes, workbook_new
from pbgdpl.outreach import activity_io, exports, selectors, services
from pbgdpl.outreach.activity_io import IMPORT_COLUMNS, activities_import_xlsx
from pbgdpl.outreach.models import Activity
from tests.outreach.factories import activity_add, jpeg_bytes, outreach_world, plan_add, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return outreach_world()


def book(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))


def rows_of(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


# --------------------------------------------------------------------------- list


def test_the_activity_list_workbook(world):
    first = activity_add(
        world,
        title='=HYPERLINK("http://x") Tuyên truyền',
        start_date=date(2026, 2, 3),
        end_date=date(2026, 2, 4),
        participants_total=1200,
        participants_urban=100,
        participants_rural=1000,
        participants_note="Có người dân phường đến dự.",
        legal_documents="31/2024/QH15, 52/2014/QH13",
    )
    services.evidence_add(actor=world.officer, activity=first, file=upload("a.jpg", jpeg_bytes()))
    activity_add(world, unit=world.other_commune.code, start_date=date(2026, 1, 5), title="Hội thi")
    content = exports.activities_xlsx(
        activities=Activity.objects.live(), filters="Đơn vị: Tỉnh Gia Lai"
    )
    workbook = book(content)
    assert workbook.sheetnames == ["Hoạt động", "Thông tin"]
    sheet = workbook["Hoạt động"]
    header = [c.value for c in sheet[1]]
    assert header[:7] == [
        "Mã",
        "Ngày",
        "Đến ngày",
        "Mã đơn vị",
        "Đơn vị",
        "Loại hoạt động",
        "Tên hoạt động",
    ]
    assert sheet.freeze_panes == "A2"
    second = sheet[3]  # ordered by day: the ward's January contest comes first
    values = {h: c.value for h, c in zip(header, second, strict=True)}
    assert values["Ngày"] == datetime(2026, 2, 3) and second[1].number_format == "dd/mm/yyyy"
    assert values["Tên hoạt động"] == '=HYPERLINK("http://x") Tuyên truyền'
    assert second[6].data_type == "s"  # text, never a formula
    assert values["Đối tượng"] == "Nhân dân; Người dân tộc thiểu số"
    assert (values["Tổng số lượt người tham dự"], values["Thành thị"], values["Nông thôn"]) == (
        1200,
        100,
        1000,
    )
    assert values["Chưa phân loại"] == 100
    assert values["Văn bản pháp luật"] == "31/2024/QH15, 52/2014/QH13"
    assert values["Số tệp minh chứng"] == 1
    assert sheet["D2"].value == world.other_commune.code
    info = dict(rows_of(workbook["Thông tin"])[1:])
    assert info["Bộ lọc"] == "Đơn vị: Tỉnh Gia Lai" and info["Số hoạt động"] == 2


# --------------------------------------------------------------------------- report


def test_the_report_workbook_matches_the_selectors(world):
    activity_add(world, start_date=date(2026, 2, 3), participants_total=120)
    activity_add(
        world,
        unit=world.other_commune.code,
        kind="social_media",
        mode="online",
        place="",
        participants_total=None,
        online_views=500,
        url="https://example.vn/a",
        start_date=date(2026, 3, 3),
        title="Bài viết về Luật Trẻ em",
    )
    plan_add(world, unit=world.province, targets=[("activities", "", 4), ("online_share", "", 50)])
    report = selectors.outreach_report(
        unit=world.province, date_from=date(2026, 1, 1), date_to=date(2026, 3, 31)
    )
    workbook = book(exports.report_xlsx(report=report))
    assert workbook.sheetnames == [
        "Tổng hợp",
        "Theo loại hoạt động",
        "Theo hình thức",
        "Theo đơn vị",
        "Theo đối tượng",
        "Theo tháng",
        "Kế hoạch",
        "Thông tin",
    ]
    summary = {row[0]: (row[1], row[2]) for row in rows_of(workbook["Tổng hợp"])[1:]}
    assert summary["Số hoạt động"][0] == 2
    assert summary["Ở nông thôn"][0] == 120
    assert summary["Lượt xem, tiếp cận trực tuyến"][0] == 500
    assert summary["Tỷ lệ hoạt động có phần trực tuyến (%)"][0] == 50.0
    assert "ngày bắt đầu" in summary["Số hoạt động"][1]  # each figure carries its definition
    units = rows_of(workbook["Theo đơn vị"])
    assert units[-1][1] == "Tổng cộng" and units[-1][2] == 2
    by_unit = {row[1]: row[2] for row in units[1:-1]}
    assert by_unit == {"Xã Ia Hrú": 1, "Phường Pleiku": 1}
    months = [row[0] for row in rows_of(workbook["Theo tháng"])[1:]]
    assert months == ["01/2026", "02/2026", "03/2026"]
    plan_rows = rows_of(workbook["Kế hoạch"])[1:]
    assert [(r[3], r[4], r[5], r[6]) for r in plan_rows] == [
        ("Tổng số hoạt động", 4, 2, 50.0),
        ("Tỷ lệ hoạt động có hình thức trực tuyến (%)", 50, 50.0, 100.0),
    ]


# --------------------------------------------------------------------------- import


def import_file(rows: list[list], headers: list[str] | None = None) -> bytes:
    workbook = workbook_new()
    sheet_add(workbook, "Hoạt động", headers or list(IMPORT_COLUMNS), rows)
    return workbook_bytes(workbook)


def row(world, **overrides) -> list:
    values = {
        "Mã đơn vị": world.commune.code,
        "Đơn vị": "",
        "Ngày": "15/03/2026",
        "Đến ngày": "",
        "Loại hoạt động": "Tuyên truyền pháp luật lưu động",
        "Tên hoạt động": "Tuyên truyền Luật Đất đai tại thôn 2",
        "Hình thức": "Trực tiếp",
        "Địa điểm": "Nhà văn hóa thôn 2",
        "Đường dẫn": "",
        "Đối tượng": "Nhân dân; Người dân tộc thiểu số",
        "Tổng số lượt người tham dự": 90,
        "Thành thị": "",
        "Nông thôn": "",
        "Giải thích số người tham dự": "",
        "Lượt xem trực tuyến": "",
        "Văn bản pháp luật": "31/2024/QH15",
        "Báo cáo viên, người thực hiện": "",
        "Nội dung": "",
    }
    values.update(overrides)
    return [values[h] for h in IMPORT_COLUMNS]


def test_a_clean_file_is_checked_then_imported(world):
    data = import_file(
        [
            row(world),
            row(
                world,
                **{
                    "Mã đơn vị": "",
                    "Đơn vị": "phuong pleiku",
                    "Ngày": datetime(2026, 4, 1),
                    "Loại hoạt động": "conference",
                    "Tên hoạt động": "Hội nghị phổ biến Bộ luật Lao động",
                    "Hình thức": "Kết hợp trực tiếp và trực tuyến",
                    "Đường dẫn": "https://example.vn/hoi-nghi",
                    "Đối tượng": "Doanh nghiệp, người lao động",
                    "Lượt xem trực tuyến": 340,
                },
            ),
        ]
    )
    checked = activities_import_xlsx(actor=world.province_admin, file=data, dry_run=True)
    assert (checked.ok, checked.rows, checked.created, checked.dry_run) == (True, 2, 2, True)
    assert not Activity.objects.exists()
    done = activities_import_xlsx(actor=world.province_admin, file=data)
    assert done.stored and done.created == 2
    ward = Activity.objects.get(unit=world.other_commune)
    assert (ward.mode, ward.participants_urban, ward.online_views) == ("both", 90, 340)
    assert list(ward.audiences.values_list("group", flat=True)) == ["workers"]


def test_any_bad_row_stores_nothing_and_every_error_is_listed(world):
    data = import_file(
        [
            row(world),
            row(world, **{"Ngày": "31/02/2026", "Loại hoạt động": "Tiệc"}),
            row(world, **{"Mã đơn vị": "99999"}),
            row(world, **{"Đối tượng": "Người ngoài hành tinh"}),
            row(world, **{"Tổng số lượt người tham dự": "", "Tên hoạt động": "Buổi khác ở thôn 2"}),
            row(world),  # the same as row 2
        ]
    )
    report = activities_import_xlsx(actor=world.province_admin, file=data)
    messages = [str(e) for e in report.errors]
    assert not report.ok and not Activity.objects.exists()
    assert any(m.startswith("Dòng 3 (Ngày)") for m in messages)
    assert any(m.startswith("Dòng 3 (Loại hoạt động)") for m in messages)
    assert any(m.startswith("Dòng 4 (Mã đơn vị)") and "99999" in m for m in messages)
    assert any(m.startswith("Dòng 5 (Đối tượng)") for m in messages)
    assert any(m.startswith("Dòng 6 (Tổng số lượt người tham dự)") for m in messages)
    assert any(m.startswith("Dòng 7:") and "dòng 2" in m for m in messages)


def test_an_activity_already_recorded_is_not_imported_again(world):
    activity_add(world, title="Tuyên truyền Luật Đất đai tại thôn 2", start_date=date(2026, 3, 15))
    report = activities_import_xlsx(
        actor=world.province_admin,
        file=import_file([row(world, **{"Tên hoạt động": "tuyen truyen luat dat dai tai thon 2"})]),
    )
    assert "đã được ghi nhận" in report.messages()[0]
    assert Activity.objects.count() == 1


def test_an_officer_imports_for_their_commune_only(world):
    data = import_file([row(world), row(world, **{"Mã đơn vị": world.other_commune.code})])
    report = activities_import_xlsx(actor=world.officer, file=data)
    assert [e.row for e in report.errors] == [3]
    assert "Bạn không được ghi nhận hoạt động của Phường Pleiku" in report.messages()[0]
    assert not Activity.objects.exists()
    with pytest.raises(PermissionDenied):
        activities_import_xlsx(actor=world.approver, file=data)


def test_an_exported_list_is_read_back_and_caught_as_duplicates(world):
    activity_add(world)
    exported = exports.activities_xlsx(activities=Activity.objects.live())
    report = activities_import_xlsx(actor=world.province_admin, file=exported, dry_run=True)
    assert report.rows == 1 and "đã được ghi nhận" in report.messages()[0]


@pytest.mark.parametrize(
    ("file", "words"),
    [
        (upload("hoat-dong.csv", b"a,b\n1,2\n"), ".xlsx"),
        (b"not a workbook at all", ".xlsx"),
        (b"", "rỗng"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(world, file, words):
    with pytest.raises(services.OutreachInputError) as caught:
        activities_import_xlsx(actor=world.province_admin, file=file)
    assert words in caught.value.errors["file"]


def test_missing_columns_and_empty_sheets_are_explained(world):
    with pytest.raises(services.OutreachInputError) as caught:
        activities_import_xlsx(
            actor=world.province_admin, file=import_file([["x"]], headers=["Tên hoạt động"])
        )
    assert "thiếu cột bắt buộc" in caught.value.errors["file"]
    with pytest.raises(services.OutreachInputError) as caught:
        activities_import_xlsx(actor=world.province_admin, file=import_file([]))
    assert "không có hoạt động nào" in caught.value.errors["file"]


def test_the_import_template(world):
    workbook = book(activity_io.import_template_xlsx())
    assert [c.value for c in workbook["Hoạt động"][1]] == list(IMPORT_COLUMNS)
    guide = rows_of(workbook["Hướng dẫn"])
    assert ("Loại hoạt động", None, "Hưởng ứng Ngày Pháp luật Việt Nam (9/11)") in guide
    validations = workbook["Hoạt động"].data_validations.dataValidation
    assert len(validations) == 2
