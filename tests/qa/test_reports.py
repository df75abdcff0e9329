"""Reports of the Legal Q&A: counts, medians (odd and even), working days across a
holiday, on-time share and the overdue list, checked against numbers worked out by hand;
the XLSX export; and the report screens (who may see which communes)."""

import io
from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from pbgdpl.core.models import CalendarDay
from pbgdpl.people.permissions import filter_permitted
from pbgdpl.qa.models import Question
from pbgdpl.qa.reports import qa_report, qa_report_xlsx
from tests.factories import login_with_second_factor
from tests.qa.factories import qa_world, question_ask, question_to

pytestmark = pytest.mark.django_db

TODAY = date(2027, 6, 15)
YEAR = (date(2027, 1, 1), date(2027, 12, 31))
ASKER = {"name": "Lê Văn Kín Đáo", "email": "kin.dao@example.vn", "consent": True}


def at(day: str) -> datetime:
    """9 o'clock local time on ``day``."""
    return timezone.make_aware(datetime.combine(date.fromisoformat(day), time(9)))


def dated(question, *, received: str, due: str, answered: str | None = None, **fields):
    Question.objects.filter(pk=question.pk).update(
        received_at=at(received),
        due_on=date.fromisoformat(due),
        answered_at=at(answered) if answered else None,
        **fields,
    )
    return Question.objects.get(pk=question.pk)


@pytest.fixture
def world():
    return qa_world()


@pytest.fixture
def book(world):
    """Questions with known dates (2027 has no seeded holidays: we add two).

    ======  =========  ==========  ==========  ==========  ============  =========
    name    status     field       commune     received    answered      due
    ======  =========  ==========  ==========  ==========  ============  =========
    A       published  marriage    commune     Mon 01/03   Fri 05/03     15/03
    B       answered   marriage    commune     Mon 08/03   Fri 12/03     11/03 (late)
    C       answered   land        other       Thu 01/04   Thu 15/04     15/04
    D       assigned   marriage    commune     Mon 03/05   —             17/05 (overdue)
    E       declined   land        commune     Thu 20/05   —             03/06
    F       answered   marriage    commune     Sun 20/12/26  Tue 05/01   04/01 (late)
    G       received   marriage    other       Thu 10/06   —             24/06
    H       received   marriage    commune     Sun 15/11/26  —           15/11/26 (overdue)
    ======  =========  ==========  ==========  ==========  ============  =========

    Holidays: Fri 01/01/2027 and Wed 10/03/2027.
    """
    CalendarDay.objects.create(day=date(2027, 1, 1), kind="holiday", name="Tết Dương lịch")
    CalendarDay.objects.create(day=date(2027, 3, 10), kind="holiday", name="Ngày nghỉ thử")
    other = {"unit": world.other_commune}
    land = {"legal_field": world.other_field}
    return {
        "A": dated(
            question_to(world, "published", **ASKER),
            received="2027-03-01", answered="2027-03-05", due="2027-03-15",
        ),
        "B": dated(
            question_to(world, "answered"),
            received="2027-03-08", answered="2027-03-12", due="2027-03-11",
        ),
        "C": dated(
            question_to(world, "answered"),
            received="2027-04-01", answered="2027-04-15", due="2027-04-15", **other, **land,
        ),
        "D": dated(question_to(world, "assigned"), received="2027-05-03", due="2027-05-17"),
        "E": dated(question_to(world, "declined"), received="2027-05-20", due="2027-06-03", **land),
        "F": dated(
            question_to(world, "answered"),
            received="2026-12-20", answered="2027-01-05", due="2027-01-04",
        ),
        "G": dated(question_ask(world), received="2027-06-10", due="2027-06-24", **other),
        "H": dated(question_ask(world), received="2026-11-15", due="2026-11-15"),
    }  # fmt: skip


def report(**kwargs):
    values = {"questions": Question.objects.all(), "date_from": YEAR[0], "date_to": YEAR[1]}
    values.update(kwargs)
    return qa_report(today=TODAY, **values)


def test_counts_by_status_field_commune_and_month(world, book):
    r = report()
    assert r.received == 6  # A B C D E G (F and H were received in 2026)
    assert {row.status: row.count for row in r.by_status} == {
        "received": 1,
        "assigned": 1,
        "review": 0,
        "answered": 2,
        "published": 1,
        "declined": 1,
        "merged": 0,
    }
    fields = {row.label: row for row in r.by_field}
    assert [row.label for row in r.by_field] == [world.field.name, world.other_field.name]
    marriage, land = fields[world.field.name], fields[world.other_field.name]
    assert (marriage.received, marriage.open, marriage.answered, marriage.overdue) == (4, 2, 2, 1)
    assert (land.received, land.open, land.answered, land.closed_unanswered) == (2, 0, 1, 1)
    units = {row.label: row for row in r.by_unit}
    here, there = units[world.commune.name], units[world.other_commune.name]
    assert (here.received, here.open, here.answered, here.closed_unanswered) == (4, 1, 2, 1)
    assert (there.received, there.open, there.answered, there.overdue) == (2, 1, 1, 0)
    months = {row.month.month: (row.received, row.answered) for row in r.by_month}
    assert len(r.by_month) == 12
    assert months[1] == (0, 1)  # F answered in January, received the year before
    assert months[3] == (2, 2) and months[4] == (1, 1) and months[5] == (2, 0)
    assert months[6] == (1, 0) and months[7] == (0, 0)


def test_time_to_answer_even_count(book):
    # Answered in 2027: A (4 days, 4 working), B (4, 3: the 10/03 holiday),
    # C (14, 10), F (16, 11: 21–25/12, 28–31/12, 04–05/01; 01/01 is a holiday).
    r = report()
    assert r.answered == 4
    assert r.median_days == (4 + 14) / 2
    assert r.median_working_days == (4 + 10) / 2
    assert (r.on_time, r.on_time_share) == (2, 0.5)  # A and C; B and F were late


def test_time_to_answer_odd_count(book):
    r = report(date_from=date(2027, 3, 1), date_to=date(2027, 4, 30))  # A, B, C
    assert r.answered == 3
    assert (r.median_days, r.median_working_days) == (4, 4)
    assert r.on_time == 2 and r.on_time_share == pytest.approx(2 / 3)


def test_the_working_day_median_skips_the_holiday(book):
    r = report(date_from=date(2027, 3, 1), date_to=date(2027, 3, 31))  # A and B
    assert r.median_days == 4
    assert r.median_working_days == 3.5  # (4 + 3) / 2: B lost the 10/03 holiday
    CalendarDay.objects.filter(day=date(2027, 3, 10)).delete()
    again = report(date_from=date(2027, 3, 1), date_to=date(2027, 3, 31))
    assert again.median_working_days == 4


def test_the_overdue_list(world, book):
    rows = report().overdue
    assert [row.code for row in rows] == [book["H"].code, book["D"].code]
    h, d = rows
    assert (d.due_on, d.days_late, d.working_days_late) == (date(2027, 5, 17), 29, 21)
    assert d.assignee == str(world.reporter) and d.unit == world.commune.name
    assert d.legal_field == world.field.name and d.status_label == "Đã phân công"
    assert h.days_late == (TODAY - date(2026, 11, 15)).days == 212
    # Working days late, counted independently: weekdays after the due date up to today,
    # minus the holidays on file (01/01/2027 and 10/03/2027 in this span).
    holidays = {date(2027, 1, 1), date(2027, 3, 10)}
    expected = sum(
        1
        for n in range(1, 213)
        if (day := date(2026, 11, 15) + timedelta(days=n)).weekday() < 5 and day not in holidays
    )
    assert h.working_days_late == expected == 150
    assert h.assignee == ""


def test_filters_narrow_the_report(world, book):
    r = report(questions=Question.objects.filter(unit=world.other_commune))
    assert r.received == 2 and r.answered == 1 and r.overdue == []
    r = report(questions=Question.objects.filter(legal_field=world.other_field))
    assert (r.received, r.answered, r.median_days) == (2, 1, 14)
    # What an officer may report on: their commune only.
    mine = filter_permitted(world.officer, "qa.report", Question.objects.all())
    assert report(questions=mine).received == 4


def test_an_empty_period(book):
    r = report(date_from=date(2030, 1, 1), date_to=date(2030, 1, 31))
    assert r.received == 0 and r.answered == 0
    assert r.median_days is None and r.on_time_share is None
    assert [m.month for m in r.by_month] == [date(2030, 1, 1)]
    with pytest.raises(ValueError):
        report(date_from=date(2027, 2, 1), date_to=date(2027, 1, 1))


def test_the_xlsx_holds_the_same_numbers_and_no_personal_data(world, book):
    r = report()
    workbook = load_workbook(io.BytesIO(qa_report_xlsx(r)))
    assert workbook.sheetnames == [
        "Tổng hợp",
        "Theo trạng thái",
        "Theo lĩnh vực",
        "Theo xã, phường",
        "Theo tháng",
        "Quá hạn",
    ]
    summary = {
        row[0]: row[1] for row in workbook["Tổng hợp"].iter_rows(min_row=2, values_only=True)
    }
    assert summary["Từ ngày"] == datetime(2027, 1, 1)
    assert summary["Số câu hỏi tiếp nhận trong kỳ"] == 6
    assert summary["Số câu hỏi được trả lời trong kỳ"] == 4
    assert summary["Thời gian trả lời, trung vị (ngày)"] == 9
    assert summary["Thời gian trả lời, trung vị (ngày làm việc)"] == 7
    assert summary["Tỷ lệ trả lời đúng hạn"] == 0.5
    assert summary["Số câu hỏi đang quá hạn"] == 2
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["A"].width >= 10
    status = dict(workbook["Theo trạng thái"].iter_rows(min_row=2, values_only=True))
    assert status["Đã trả lời"] == 2 and status["Đã công khai"] == 1
    assert [c.value for c in workbook["Theo lĩnh vực"][1]] == [
        "Lĩnh vực", "Tiếp nhận", "Đang xử lý", "Đã trả lời", "Từ chối, gộp", "Quá hạn",
    ]  # fmt: skip
    months = list(workbook["Theo tháng"].iter_rows(min_row=2, values_only=True))
    assert months[2] == ("03/2027", 2, 2)
    overdue = workbook["Quá hạn"]
    assert overdue["A1"].value == "Mã theo dõi" and overdue["E1"].value == "Hạn trả lời"
    assert overdue["A3"].value == book["D"].code
    assert overdue["E3"].value == datetime(2027, 5, 17) and overdue["E3"].number_format == (
        "dd/mm/yyyy"
    )
    assert (overdue["F3"].value, overdue["G3"].value) == (29, 21)
    cells = " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
    for secret in (ASKER["name"], ASKER["email"], "đăng ký kết hôn với người ở xã bên cạnh"):
        assert secret not in cells


# --------------------------------------------------------------------------- screens


def client_for(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def test_the_report_screen_shows_only_the_readers_communes(world):
    here = question_to(world, "answered", **ASKER)
    there = question_ask(world, unit=world.other_commune.code)
    Question.objects.filter(pk=there.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    officer = client_for(world.officer)
    response = officer.get("/admin/hoi-dap/bao-cao/")
    assert response.status_code == 200
    page = response.content.decode()
    assert world.commune.name in page and world.other_commune.name not in page
    assert there.code not in page
    for secret in (ASKER["name"], ASKER["email"], here.text[:30]):
        assert secret not in page
    approver = client_for(world.approver).get("/admin/hoi-dap/bao-cao/").content.decode()
    assert world.other_commune.name in approver and there.code in approver
    for user in (world.reporter, world.editor):  # no "qa.report"
        response = client_for(user).get("/admin/hoi-dap/bao-cao/")
        assert response.status_code == 302 and response["Location"] == "/admin/"
        response = client_for(user).get("/admin/hoi-dap/bao-cao/xlsx/")
        assert response.status_code == 302


def test_the_report_screen_checks_its_period_and_exports_xlsx(world):
    question_to(world, "answered")
    officer = client_for(world.officer)
    response = officer.get(
        "/admin/hoi-dap/bao-cao/", {"date_from": "2027-02-01", "date_to": "2027-01-01"}
    )
    assert response.status_code == 200
    assert "“Đến ngày” phải sau “Từ ngày”." in response.content.decode()
    response = officer.get("/admin/hoi-dap/bao-cao/", {"date_from": "31/02/2026"})
    assert "Ngày không hợp lệ" in response.content.decode()
    year = timezone.localdate().year
    response = officer.get("/admin/hoi-dap/bao-cao/xlsx/", {"field": world.field.code})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == (
        f'attachment; filename="bao-cao-hoi-dap-{year}0101-{year}1231.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))
    summary = {
        row[0]: row[1] for row in workbook["Tổng hợp"].iter_rows(min_row=2, values_only=True)
    }
    assert summary["Số câu hỏi tiếp nhận trong kỳ"] == 1
    assert summary["Số câu hỏi được trả lời trong kỳ"] == 1
    response = officer.get("/admin/hoi-dap/bao-cao/xlsx/", {"date_from": "x"})
    assert response.status_code == 302 and response["Location"].startswith(
        "/admin/hoi-dap/bao-cao/?"
    )
