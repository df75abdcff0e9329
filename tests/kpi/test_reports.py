"""The review reports: the XLSX holds numbers as numbers with Vietnamese display formats,
a sheet per table and the method notes; the PDF has its title, tables, charts, method
notes, Vietnamese numbers and dates, and page numbers."""

import io
import re
import zipfile
from datetime import datetime

import pytest
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from pbgdpl.kpi.compute import indicators_compute
from pbgdpl.kpi.periods import period_get
from pbgdpl.kpi.reports import (
    KIND_FINAL,
    KIND_INTERIM,
    ReportInputError,
    report_data,
    report_kind_choose,
    report_pdf,
    report_xlsx,
)

from .factories import TODAY, entry_approved

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def data(world, fake_sources):
    """Q1 figures: ward A reaches 90 %, ward B 75 %, commune X 30 %, commune Y 64 %."""
    for unit, sample, reached, satisfied in (
        (world.ward_a, 200, 180, 190),
        (world.ward_b, 200, 150, 170),
        (world.commune_x, 100, 30, 50),
        (world.commune_y, 100, 64, 92),
    ):
        entry_approved(world, unit, "2026Q1", sample, reached, satisfied)
    for code in ("2026Q1", "2026"):
        indicators_compute(period=period_get(code), today=TODAY)
    return world


def _rows(sheet) -> list[list]:
    return [[c.value for c in row] for row in sheet.iter_rows()]


def _row(sheet, first: str):
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == first:
            return row
    raise AssertionError(f"no row {first!r} in {sheet.title}")


# --------------------------------------------------------------------------- kind


def test_report_kind_is_final_for_a_year_ending_a_phase(db):
    assert report_kind_choose("", period_get("2026")) == KIND_INTERIM
    assert report_kind_choose("", period_get("2027")) == KIND_FINAL
    assert report_kind_choose("", period_get("2027Q4")) == KIND_INTERIM
    assert report_kind_choose("tong-ket", period_get("2026")) == KIND_FINAL
    with pytest.raises(ReportInputError, match="Loại báo cáo “nam” không hợp lệ"):
        report_kind_choose("nam", period_get("2026"))


# --------------------------------------------------------------------------- XLSX


def test_xlsx_has_a_sheet_per_table_with_numbers_as_numbers(data):
    report = report_data(unit=data.province, period=period_get("2026"))
    content = report_xlsx(report)
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == [
        "Tổng hợp",
        "Biểu đồ",
        "Thành thị – nông thôn",
        "Diễn biến theo kỳ",
        "Theo xã, phường",
        "Số liệu khảo sát",
        "Phương pháp",
    ]
    summary = workbook["Tổng hợp"]
    assert summary["A1"].value == "Mã chỉ tiêu" and summary["A1"].font.bold
    assert summary.freeze_panes == "A2"
    rural = _row(summary, "reach_rural")
    # (20,000 × 30 % + 5,000 × 64 %) / 25,000 = 36,8 % → 0.368 shown "36,8%".
    value, unit, target, band, gap = rural[2], rural[3], rural[4], rural[5], rural[6]
    assert value.value == pytest.approx(0.368) and value.number_format == "0.0%"
    assert unit.value == "%"
    assert target.value == pytest.approx(0.6) and target.number_format == "0.0%"
    assert band.value == "Chưa đạt"
    assert gap.value == pytest.approx(23.2) and gap.number_format == "0.0"
    assert rural[9].value == 2 and rural[9].number_format == "#,##0"  # communes with data
    assert rural[11].value == pytest.approx(1.0) and rural[11].number_format == "0.0%"
    # The chart sheet: rate indicators only, and a native Excel chart over them.
    chart_rows = _rows(workbook["Biểu đồ"])
    assert chart_rows[0] == ["Chỉ tiêu", "Giá trị", "Mục tiêu"]
    assert "Người được định danh" not in [r[0] for r in chart_rows]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "xl/charts/chart1.xml" in archive.namelist()
    counted = _row(summary, "reach_identified")
    assert counted[2].value == 0 and counted[2].number_format == "#,##0"
    assert counted[4].value is None  # no target


def test_xlsx_units_sheet_lists_furthest_from_target_first(data):
    report = report_data(unit=data.province, period=period_get("2026"))
    sheet = load_workbook(io.BytesIO(report_xlsx(report)))["Theo xã, phường"]
    rows = [r for r in _rows(sheet)[1:] if r[0] == "Tiếp cận số – nông thôn"]
    assert [(r[1], r[3]) for r in rows] == [(1, "Xã Ia Hrú"), (2, "Xã Kông Chro")]
    assert rows[0][5] == pytest.approx(0.30) and rows[0][7] == "Chưa đạt"
    assert rows[1][7] == "Đạt"
    urban = [r for r in _rows(sheet)[1:] if r[0] == "Tiếp cận số – đô thị"]
    assert [r[3] for r in urban] == ["Phường Pleiku", "Phường Quy Nhơn"]


def test_xlsx_entries_trend_and_method_sheets(data):
    report = report_data(unit=data.province, period=period_get("2026"))
    workbook = load_workbook(io.BytesIO(report_xlsx(report)))
    entries = workbook["Số liệu khảo sát"]
    assert _rows(entries)[0][3] == "Trạng thái Quý I/2026"
    ia_hru = _row(entries, data.commune_x.code)
    assert [c.value for c in ia_hru[1:7]] == ["Xã Ia Hrú", "Nông thôn", "Đã duyệt", 100, 30, 50]
    assert ia_hru[4].number_format == "#,##0"
    trend = [
        r for r in _rows(workbook["Diễn biến theo kỳ"])[1:] if r[0] == "Tiếp cận số – nông thôn"
    ]
    assert [r[1] for r in trend] == ["Q1/2026", "Q2/2026", "Q3/2026", "Q4/2026"]
    assert trend[0][2] == pytest.approx(0.368) and trend[1][2] is None
    method = workbook["Phương pháp"]
    made = method["B3"]
    assert method["A3"].value == "Thời điểm lập"
    assert isinstance(made.value, datetime) and made.number_format == "dd/mm/yyyy hh:mm:ss"
    notes = "\n".join(str(r[1]) for r in _rows(method))
    assert "gia quyền theo dân số" in notes and "“Gần đạt”" in notes
    assert "Công thức: 100 × (" in notes
    assert "1.234,5" in notes  # the number convention is explained


# --------------------------------------------------------------------------- PDF


def test_pdf_has_title_tables_charts_method_and_page_numbers(data):
    report = report_data(unit=data.province, period=period_get("2026"))
    pdf = PdfReader(io.BytesIO(report_pdf(report)))
    pages = len(pdf.pages)
    assert pages >= 3
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "BÁO CÁO SƠ KẾT" in text
    assert "Kết quả thực hiện các chỉ tiêu chuyển đổi số" in text
    assert "Năm 2026 – Tỉnh Gia Lai" in text
    assert "I. KẾT QUẢ CHUNG" in text and "VI. PHƯƠNG PHÁP TÍNH VÀ NGUỒN SỐ LIỆU" in text
    assert "36,8" in text and "Chưa đạt" in text  # the rural value, Vietnamese decimals
    assert "Xã Ia Hrú" in text  # the units furthest from the target
    assert f"Trang 1/{pages}" in text and f"Trang {pages}/{pages}" in text
    assert re.search(r"Gia Lai, ngày \d{2} tháng \d{2} năm \d{4}", text)
    assert re.search(r"báo cáo lập lúc \d{2}:\d{2} \d{2}/\d{2}/\d{4}", text)
    assert pdf.metadata.title == "Báo cáo sơ kết – Năm 2026 – Tỉnh Gia Lai"
    # The charts are drawn (vector paths) on the first page.
    assert b" re" in pdf.pages[0].get_contents().get_data()


def test_pdf_of_a_commune_and_a_final_review(data):
    report = report_data(unit=data.commune_x, period=period_get("2026Q1"), kind="tong-ket")
    assert report.children == {}
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(report_pdf(report))).pages)
    assert "BÁO CÁO TỔNG KẾT" in text and "Quý I/2026 – Xã Ia Hrú" in text
    assert "30,0" in text
    assert "IV. CÁC ĐƠN VỊ XA MỤC TIÊU NHẤT" not in text
