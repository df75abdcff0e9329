"""The personnel registry in the back office over HTTP (/admin/training/): who sees and
changes whom (a commune officer only their commune; the approver reads; anonymous users
and citizens are refused), the filters (unit, role, status, text without diacritics),
add/edit with errors per field, duplicates refused, moves with their history, status
with its date, XLSX export of the filtered list and import (dry run, then import; row
errors listed and nothing stored)."""

import html
import io
import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from pbgdpl.core.models import AuditEvent
from pbgdpl.training.models import Person, PersonMove
from pbgdpl.training.registry_io import REGISTRY_COLUMNS
from tests.factories import RoleAssignmentFactory, UserFactory, login_with_second_factor
from tests.training.factories import person_add, training_world

pytestmark = pytest.mark.django_db

HOME = "/admin/training/"
NEW = HOME + "nguoi/moi/"
EXPORT = HOME + "nguoi/xuat/"
IMPORT = HOME + "nguoi/nhap/"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world():
    world = training_world()
    world.a = person_add(world, 1, full_name="Nguyễn Thị Hoà", since=date(2025, 7, 1))
    world.b = person_add(world, 2, unit=world.other_commune.code, full_name="Siu H'Bia")
    return world


def client_for(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def assert_denied(response) -> None:
    """Wagtail answers a refused back-office screen with a redirect to the dashboard (or
    the login page); a plain 403 is fine too."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")


def person_url(person, tail: str = "") -> str:
    return f"{HOME}nguoi/{person.pk}/{tail}"


def person_post(world, **overrides) -> dict:
    data = {
        "full_name": "Rơ Châm Thị Lan",
        "role": "reporter",
        "unit": world.commune.pk,
        "since": "2025-07-01",
        "birth_date": "1988-03-15",
        "phone": "0912 345 678",
        "email": "lan.rc@example.vn",
        "position": "Phó Chủ tịch Hội Phụ nữ xã",
        "decision_number": "15/QĐ-UBND",
        "decision_date": "2025-07-15",
        "term_from": "2025-07-15",
        "term_to": "2030-07-15",
        "legal_fields": [world.field.code],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def xlsx(rows, headers=REGISTRY_COLUMNS) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "danh-sach.xlsx"
    return buffer


# --------------------------------------------------------------------------- who sees what


def test_anonymous_and_citizens_are_refused(world):
    assert_denied(Client().get(HOME))
    citizen = UserFactory()
    RoleAssignmentFactory(user=citizen, role="citizen", unit=world.commune)
    client = client_for(citizen)
    for url in (HOME, NEW, person_url(world.a), EXPORT, HOME + "khoa/", HOME + "so-lieu/"):
        assert_denied(client.get(url))
    assert_denied(client.post(NEW, person_post(world)))
    assert Person.objects.count() == 2


def test_menu_shown_by_permission(world):
    def menu_urls(user) -> set[str]:
        page = text_of(client_for(user).get("/admin/"))  # the sidebar is JSON
        return set(re.findall(r'"url": "(/admin/training/[^"]*)"', page))

    everything = {HOME, HOME + "khoa/", HOME + "so-lieu/"}
    for user in (world.officer, world.approver, world.province_admin):
        assert menu_urls(user) == everything, user
    editor = UserFactory()
    RoleAssignmentFactory(user=editor, role="editor", unit=world.province)
    assert menu_urls(editor) == set()
    assert_denied(client_for(editor).get(HOME))


def test_a_commune_officer_sees_and_edits_only_their_commune(world):
    client = client_for(world.officer)
    page = text_of(client.get(HOME))
    assert "Nguyễn Thị Hoà" in page and "Siu H'Bia" not in page
    # B's person is "not found", on every screen and every change.
    for url in ("", "sua/"):
        assert client.get(person_url(world.b, url)).status_code == 404
    for url, data in (
        ("sua/", person_post(world, full_name="Đổi tên")),
        ("chuyen/", {"unit": world.commune.pk, "on": "2026-01-01"}),
        ("trang-thai/", {"status": "ended", "since": "2026-01-01"}),
    ):
        assert client.post(person_url(world.b, url), data).status_code == 404
    world.b.refresh_from_db()
    assert (world.b.full_name, world.b.status, world.b.unit) == (
        "Siu H'Bia",
        "active",
        world.other_commune,
    )
    # Adding a person to commune B is refused on the field (not a choice offered).
    response = client.post(NEW, person_post(world, unit=world.other_commune.pk))
    assert response.status_code == 200
    assert "Chỉ chọn được đơn vị bạn được quản lý danh sách" in text_of(response)
    assert Person.objects.count() == 2
    # The export holds only commune A.
    workbook = load_workbook(io.BytesIO(client.get(EXPORT).content))
    names = [r[0] for r in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert names == ["Nguyễn Thị Hoà"]


def test_the_approver_reads_but_does_not_change(world):
    client = client_for(world.approver)
    page = text_of(client.get(HOME))
    assert "Nguyễn Thị Hoà" in page and "Siu H'Bia" in page
    assert "Thêm người" not in page
    detail = client.get(person_url(world.b))
    assert detail.status_code == 200 and "Chuyển đơn vị" not in text_of(detail)
    assert_denied(client.get(NEW))
    assert_denied(client.post(NEW, person_post(world)))
    assert_denied(client.get(person_url(world.b, "sua/")))
    response = client.post(person_url(world.b, "trang-thai/"), {"status": "ended"})
    assert_denied(response)
    assert_denied(client.post(IMPORT, {"file": xlsx([]), "thao_tac": "nhap"}))
    world.b.refresh_from_db()
    assert world.b.status == "active" and Person.objects.count() == 2


# --------------------------------------------------------------------------- list


def test_filters_and_text_search_without_diacritics(world):
    person_add(world, 3, full_name="Trần Văn Hùng", role="official")
    client = client_for(world.province_admin)
    page = text_of(client.get(HOME, {"q": "nguyen thi hoa"}))
    assert "Nguyễn Thị Hoà" in page and "Trần Văn Hùng" not in page
    page = text_of(client.get(HOME, {"role": "official"}))
    assert "Trần Văn Hùng" in page and "Nguyễn Thị Hoà" not in page
    page = text_of(client.get(HOME, {"unit": world.other_commune.code}))
    assert "Siu H'Bia" in page and "Nguyễn Thị Hoà" not in page
    # The phone typed without spaces finds the person; contacts are masked in the list.
    page = text_of(client.get(HOME, {"q": "905 000 001"}))
    assert "Nguyễn Thị Hoà" in page and "0905***001" in page and "0905000001" not in page
    # A unit outside the user's units is ignored with a message, not obeyed.
    officer_page = text_of(client_for(world.officer).get(HOME, {"unit": "52002"}))
    assert "không hợp lệ" in officer_page and "Siu H'Bia" not in officer_page


def test_pagination(world):
    for n in range(10, 62):
        person_add(world, n)
    client = client_for(world.province_admin)
    first = text_of(client.get(HOME))
    assert "Trang 1 / 2" in first
    second = text_of(client.get(HOME, {"p": 2}))
    assert "Trang 2 / 2" in second


def test_export_of_the_filtered_list_is_audited(world):
    client = client_for(world.province_admin)
    response = client.get(EXPORT, {"unit": world.other_commune.code})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["Siu H'Bia"]
    event = AuditEvent.objects.get(action="training.registry.export")
    assert event.data["count"] == 1


# --------------------------------------------------------------------------- add, edit


def test_add_a_person_then_edit(world):
    client = client_for(world.officer)
    response = client.post(NEW, person_post(world))
    person = Person.objects.get(phone="0912345678")
    assert response.status_code == 302 and response["Location"] == person_url(person)
    assert person.role == "reporter" and person.unit == world.commune
    assert list(person.moves.values_list("since", flat=True)) == [date(2025, 7, 1)]
    assert [f.code for f in person.legal_fields.all()] == [world.field.code]
    page = text_of(client.get(person_url(person)))
    assert "15/QĐ-UBND" in page and "01/07/2025" in page
    assert AuditEvent.objects.filter(action="training.person.view", object_id=str(person.pk))

    response = client.post(
        person_url(person, "sua/"),
        person_post(world, full_name="Rơ Châm Thị Lan Anh", unit=None, since=None),
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Rơ Châm Thị Lan Anh"


def test_errors_are_shown_per_field_and_nothing_is_stored(world):
    client = client_for(world.officer)
    response = client.post(
        NEW,
        person_post(
            world,
            full_name="",
            decision_number="",
            phone="12345",
            email="khong-phai-email",
            term_to="2020-01-01",
        ),
    )
    page = text_of(response)
    assert response.status_code == 200
    # Each message sits by its own field (between its label and the next field).
    for message, field, next_field in (
        ("Vui lòng nhập họ và tên", "full_name", "birth_date"),
        ("Số điện thoại không hợp lệ", "phone", "email"),
        ("Địa chỉ thư điện tử không hợp lệ", "email", "position"),
        ("Báo cáo viên pháp luật cần số quyết định công nhận", "decision_number", "decision_date"),
        ("Nhiệm kỳ phải kết thúc sau khi bắt đầu", "term_to", "legal_fields"),
    ):
        at = page.rindex(message)
        assert page.index(f'for="id_{field}"') < at < page.index(f'name="{next_field}"'), message
    response = client.post(NEW, person_post(world, birth_date="31/02/1990"))
    assert "Ngày không hợp lệ" in text_of(response)
    assert Person.objects.count() == 2


def test_a_duplicate_person_is_refused_with_the_unit_holding_them(world):
    client = client_for(world.officer)
    # Same name and birth date as commune B's person, typed differently.
    response = client.post(
        NEW,
        person_post(
            world,
            full_name="siu  h'bia",
            birth_date=world.b.birth_date.isoformat(),
            phone="",
            email="",
        ),
    )
    page = text_of(response)
    assert "đã có trong danh sách" in page and "Phường Pleiku" in page
    response = client.post(NEW, person_post(world, phone="0905 000 002"))
    assert "đã có trong danh sách" in text_of(response)
    assert Person.objects.count() == 2


# --------------------------------------------------------------------------- move, status


def test_move_to_another_unit_keeps_the_history(world):
    client = client_for(world.province_admin)
    today = timezone.localdate()
    response = client.post(
        person_url(world.a, "chuyen/"),
        {"unit": world.other_commune.pk, "on": today.isoformat(), "reason": "Điều động"},
    )
    assert response.status_code == 302
    world.a.refresh_from_db()
    assert world.a.unit == world.other_commune
    moves = list(PersonMove.objects.filter(person=world.a).order_by("since"))
    assert [(m.unit, m.until) for m in moves] == [
        (world.commune, today),
        (world.other_commune, None),
    ]
    page = text_of(client.get(person_url(world.a)))
    assert "Quá trình công tác" in page and "Điều động" in page and "Xã Ia Hrú" in page
    # A commune officer cannot move their person to commune B.
    person = person_add(world, 5)
    officer = client_for(world.officer)
    response = officer.post(
        person_url(person, "chuyen/"), {"unit": world.other_commune.pk, "on": today.isoformat()}
    )
    assert "Chỉ chuyển được đến đơn vị bạn được quản lý" in text_of(response)
    person.refresh_from_db()
    assert person.unit == world.commune and person.moves.count() == 1


def test_a_move_dated_before_the_current_unit_is_refused(world):
    client = client_for(world.province_admin)
    response = client.post(
        person_url(world.a, "chuyen/"),
        {"unit": world.other_commune.pk, "on": "2000-01-01"},
    )
    assert response.status_code == 200 and "Ngày chuyển phải sau ngày" in text_of(response)
    world.a.refresh_from_db()
    assert world.a.unit == world.commune and world.a.moves.count() == 1


def test_status_with_its_date(world):
    client = client_for(world.officer)
    today = timezone.localdate()
    response = client.post(
        person_url(world.a, "trang-thai/"), {"status": "ended", "since": today.isoformat()}
    )
    assert response.status_code == 302
    world.a.refresh_from_db()
    assert (world.a.status, world.a.status_since) == ("ended", today)
    # A date in the future, or before they joined, is refused.
    for day in (today + timedelta(days=3), date(2000, 1, 1)):
        response = client.post(
            person_url(world.a, "trang-thai/"), {"status": "suspended", "since": day.isoformat()}
        )
        assert response.status_code == 200 and "Ngày không được" in text_of(response)
    world.a.refresh_from_db()
    assert world.a.status == "ended"


# --------------------------------------------------------------------------- import


def report_errors(page: str) -> list[tuple[str, str, str]]:
    """(row, column, message) of the import report's error table."""
    return [
        tuple(html.unescape(cell).strip() for cell in row)
        for row in re.findall(
            r"<tr><td class=\"ct-admin-numbers\">(\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>",
            page,
        )
    ]


def new_row(n: int, **overrides) -> dict:
    row = {
        "Họ và tên": f"Ksor H'Bia {n}",
        "Ngày sinh": f"{n % 28 + 1:02d}/03/1988",
        "Số điện thoại": f"0912 {n:06d}",
        "Vai trò": "Tuyên truyền viên",
        "Mã đơn vị": "52001",
    }
    row.update(overrides)
    return row


def test_import_dry_run_then_import(world):
    client = client_for(world.officer)
    rows = [new_row(1), new_row(2, **{"Trạng thái": "Tạm ngừng", "Ngày thôi/tạm ngừng": None})]
    response = client.post(IMPORT, {"file": xlsx(rows), "thao_tac": "kiem-tra"})
    page = text_of(response)
    assert report_errors(page) == [
        ("3", "Ngày thôi/tạm ngừng", "Ghi ngày bắt đầu tạm ngừng hoặc ngày thôi (dd/mm/yyyy).")
    ]
    assert "chưa người nào được lưu" in page
    assert Person.objects.count() == 2

    today = timezone.localdate().strftime("%d/%m/%Y")
    rows[1]["Ngày thôi/tạm ngừng"] = today
    response = client.post(IMPORT, {"file": xlsx(rows), "thao_tac": "kiem-tra"})
    page = text_of(response)
    assert "Tệp hợp lệ: sẽ thêm 2 người" in page and "Ksor H'Bia 2" in page
    assert f"Tạm ngừng ({today})" in page
    assert Person.objects.count() == 2

    response = client.post(IMPORT, {"file": xlsx(rows), "thao_tac": "nhap"})
    assert response.status_code == 302
    imported = Person.objects.get(full_name="Ksor H'Bia 2")
    assert imported.status == "suspended" and imported.unit == world.commune


def test_import_of_another_communes_people_is_refused_row_by_row(world):
    client = client_for(world.officer)
    rows = [new_row(1), new_row(2, **{"Mã đơn vị": "52002"})]
    page = text_of(client.post(IMPORT, {"file": xlsx(rows), "thao_tac": "nhap"}))
    assert report_errors(page) == [
        ("3", "Mã đơn vị", "Bạn không được quản lý danh sách của đơn vị Phường Pleiku.")
    ]
    assert Person.objects.count() == 2


def test_import_of_a_malformed_file_shows_its_message(world):
    client = client_for(world.officer)
    bad = io.BytesIO(b"ho ten,so dien thoai\n")
    bad.name = "danh-sach.xlsx"
    page = text_of(client.post(IMPORT, {"file": bad, "thao_tac": "kiem-tra"}))
    assert "không phải bảng tính Excel" in page
    csv = io.BytesIO(b"a,b")
    csv.name = "danh-sach.csv"
    page = text_of(client.post(IMPORT, {"file": csv, "thao_tac": "kiem-tra"}))
    assert "Chỉ nhận tệp Excel dạng .xlsx" in page
    assert Person.objects.count() == 2


def test_blank_template(world):
    response = client_for(world.officer).get(HOME + "nguoi/mau/")
    workbook = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in workbook.worksheets[0][1]] == list(REGISTRY_COLUMNS)
    assert workbook.worksheets[0].max_row == 1
