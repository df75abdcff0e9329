"""The shared XLSX helpers of pbgdpl.core.xlsx: malformed uploads are refused with a
clear message, text that looks like a formula stays text, cells read back as tidy text,
the guide sheet is skipped, and a row error reads "Dòng N (Cột): …"."""

import io
import zipfile
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook, load_workbook

from pbgdpl.core.xlsx import (
    UPLOAD_MAX_BYTES,
    XlsxInputError,
    XlsxRowError,
    cell_set,
    cell_text,
    data_sheet,
    header_aliases,
    sheet_add,
    upload_bytes,
    workbook_bytes,
    workbook_new,
    workbook_open,
    xlsx_errors_as,
)


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def saved(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0" + bytes(100), "Tệp .xls (Excel 97–2003) không được hỗ trợ"),
        (b"Ho ten,So dien thoai\nAn,0905123456\n", "Tệp không phải bảng tính Excel .xlsx"),
        (b"PK\x03\x04 not really a zip", "Tệp không phải bảng tính Excel .xlsx"),
        (zipped({"word/document.xml": b"<w/>"}), "Tệp không phải bảng tính Excel .xlsx"),
        (zipped({"xl/workbook.xml": b"<broken"}), "Tệp không phải bảng tính Excel .xlsx"),
    ],
)
def test_workbook_open_refuses_malformed_bytes(data, message):
    with pytest.raises(XlsxInputError) as caught:
        workbook_open(data)
    assert list(caught.value.errors) == ["file"]
    assert caught.value.errors["file"].startswith(message)


def test_workbook_open_refuses_a_zip_bomb():
    data = zipped({"xl/workbook.xml": b"<w/>", "xl/big.bin": bytes(61 * 1024 * 1024)})
    with pytest.raises(XlsxInputError) as caught:
        workbook_open(data)
    assert caught.value.errors["file"] == "Tệp quá lớn khi giải nén: hãy chia thành nhiều tệp."


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (None, "Chưa chọn tệp để nhập."),
        (b"", "Tệp rỗng."),
        (bytes(UPLOAD_MAX_BYTES + 1), "Tệp lớn hơn 5 MB: hãy chia thành nhiều tệp."),
        (SimpleUploadedFile("ds.xls", b"x"), "Tệp .xls (Excel 97–2003) không được hỗ trợ"),
        (SimpleUploadedFile("ds.csv", b"x"), "Chỉ nhận bảng tính Excel .xlsx"),
        (io.StringIO("text"), "Tệp không phải bảng tính Excel .xlsx."),
    ],
)
def test_upload_bytes_refuses(file, message):
    with pytest.raises(XlsxInputError) as caught:
        upload_bytes(file)
    assert caught.value.errors["file"].startswith(message)


def test_upload_bytes_reads_an_uploaded_file_from_its_start():
    upload = SimpleUploadedFile("ds.xlsx", b"PK content")
    upload.read(3)
    assert upload_bytes(upload) == b"PK content"
    assert upload_bytes(memoryview(b"PK")) == b"PK"


def test_errors_become_the_app_error():
    class AppInputError(ValueError):
        def __init__(self, errors):
            self.errors = errors
            super().__init__(errors)

    with pytest.raises(AppInputError) as caught, xlsx_errors_as(AppInputError):
        upload_bytes(b"")
    assert caught.value.errors == {"file": "Tệp rỗng."}


def test_formula_looking_text_stays_text():
    workbook = workbook_new()
    sheet = sheet_add(
        workbook,
        "Danh sách",
        ["Họ và tên", "Ghi chú"],
        [['=HYPERLINK("http://x","bấm")', "+1+2"], ["@SUM(A1)", "-3"]],
    )
    cell_set(sheet, 4, 1, "=1+1\x07")  # a control character is dropped too
    cell_set(sheet, 4, 2, 1234)
    cell_set(sheet, 4, 3, date(2026, 3, 10))
    cell_set(sheet, 4, 4, datetime(2026, 3, 10, 9, 30, 15, 999))
    reopened = load_workbook(io.BytesIO(workbook_bytes(workbook)))["Danh sách"]
    assert reopened["A2"].value == '=HYPERLINK("http://x","bấm")'
    assert reopened["A2"].data_type == "s"
    assert reopened["B2"].value == "+1+2"
    assert reopened["A3"].value == "@SUM(A1)"
    assert reopened["A4"].value == "=1+1"
    assert reopened["A4"].data_type == "s"
    assert (reopened["B4"].value, reopened["B4"].number_format) == (1234, "#,##0")
    assert reopened["C4"].number_format == "dd/mm/yyyy"
    assert reopened["D4"].value == datetime(2026, 3, 10, 9, 30, 15)
    assert reopened["A1"].font.b and reopened.freeze_panes == "A2"
    assert reopened.auto_filter.ref == "A1:B3"


def test_cell_text():
    assert cell_text(None) == ""
    assert cell_text(12.0) == "12"
    assert cell_text(12.5) == "12.5"
    assert cell_text(True) == "1"
    assert cell_text("  Ho\u0300a  ") == "Hòa"


def test_data_sheet_skips_the_guide_in_any_language():
    workbook = Workbook()
    workbook.active.title = "Hướng dẫn"
    with translation.override("en"):
        workbook.create_sheet(translation.gettext("Hướng dẫn"))  # "Guides"
    workbook.create_sheet("Danh sách")
    opened = workbook_open(saved(workbook))
    try:
        assert data_sheet(opened).title == "Danh sách"
    finally:
        opened.close()
    assert data_sheet(workbook_new()) is None


def test_header_aliases():
    aliases = header_aliases([("full_name", "Họ và tên")], extra={"ho ten": "full_name"})
    assert aliases["ho va ten"] == "full_name"
    assert aliases["ho ten"] == "full_name"


def test_row_error_text():
    assert str(XlsxRowError(7, "Số điện thoại", "Sai số.")) == "Dòng 7 (Số điện thoại): Sai số."
    assert str(XlsxRowError(3, "", "Trùng với dòng 2.")) == "Dòng 3: Trùng với dòng 2."
