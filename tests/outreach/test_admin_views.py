"""The outreach back office over HTTP (/admin/hoat-dong-pbgdpl/): who sees the menu and
which activities, plans and reports (an officer of commune A never sees commune B's — 404
— and a reader cannot write — 403); recording and changing activities with bad input
that stores nothing; evidence upload (bad type, size, content) and download (staff
only, audited); plans with targets, approval and reopening; the report and the exports."""

import html
import io
from datetime import date

import openpyxl
import pytest
from django.test import Client

from pbgdpl.core.models import AuditEvent
from pbgdpl.outreach import services
from pbgdpl.outreach.models import Activity, ActivityEvidence, OutreachPlan, PlanStatus
from tests.factories import login_with_second_factor
from tests.outreach.factories import (
    activity_add,
    jpeg_bytes,
    outreach_world,
    pdf_bytes,
    plan_add,
    upload,
)

pytestmark = pytest.mark.django_db

HOME = "/admin/hoat-dong-pbgdpl/"
NEW = HOME + "moi/"
PLANS = HOME + "ke-hoach/"
REPORT = HOME + "bao-cao/"


@pytest.fixture
def world():
    world = outreach_world()
    world.a = activity_add(world, actor=world.officer, title="Tuyên truyền Luật Đất đai ở Ia Hrú")
    world.b = activity_add(
        world,
        actor=world.other_officer,
        unit=world.other_commune.code,
        title="Hội thi tìm hiểu pháp luật ở Pleiku",
        kind="contest",
    )
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


def activity_post(world, **overrides) -> dict:
    data = {
        "unit": world.commune.code,
        "plan": "",
        "kind": "mobile_session",
        "title": "Tuyên truyền Luật Hôn nhân và gia đình tại thôn 5",
        "start_date": "2026-04-02",
        "end_date": "",
        "mode": "offline",
        "place": "Nhà rông thôn 5",
        "url": "",
        "audiences": ["citizens", "women"],
        "participants_total": "1.250",
        "participants_urban": "",
        "participants_rural": "",
        "participants_note": "",
        "online_views": "",
        "legal_documents": "52/2014/qh13",
        "speakers": "Báo cáo viên pháp luật của tỉnh",
        "description": "Giới thiệu quy định về kết hôn, ly hôn.",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def detail(activity) -> str:
    return f"{HOME}{activity.pk}/"


# --------------------------------------------------------------------------- access


def test_the_menu_shows_for_staff_with_outreach_rights_only(world):
    # The sidebar is drawn from a JSON description of the menu.
    assert HOME in text_of(client_for(world.officer).get("/admin/"))
    assert HOME not in text_of(client_for(world.editor_only()).get("/admin/"))
    assert_denied(client_for(world.citizen).get(HOME))
    anonymous = Client().get(HOME)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


def test_an_officer_sees_only_their_communes_activities(world):
    client = client_for(world.officer)
    page = text_of(client.get(HOME))
    assert "Ia Hrú" in page and "Pleiku" not in page
    assert client.get(detail(world.a)).status_code == 200
    for url in (detail(world.b), detail(world.b) + "sua/"):
        assert client.get(url).status_code == 404
    response = client.post(detail(world.b) + "xoa/", {"reason": "Không phải của tôi"})
    assert response.status_code == 404
    assert Activity.objects.live().filter(pk=world.b.pk).exists()


def test_a_reader_sees_everything_but_cannot_write(world):
    client = client_for(world.approver)
    page = text_of(client.get(HOME))
    assert "Ia Hrú" in page and "Pleiku" in page
    assert "Ghi nhận hoạt động" not in page  # no button for a reader
    assert_denied(client.get(NEW))
    assert_denied(client.get(detail(world.a) + "sua/"))
    assert_denied(client.post(detail(world.a) + "xoa/", {"reason": "Thử xoá"}))
    assert Activity.objects.live().filter(pk=world.a.pk).exists()
    assert_denied(
        client.post(detail(world.a) + "minh-chung/", {"file": upload("a.jpg", jpeg_bytes())})
    )
    assert not ActivityEvidence.objects.exists()


# --------------------------------------------------------------------------- activities


def test_recording_an_activity_through_the_form(world):
    client = client_for(world.officer)
    form = text_of(client.get(NEW))
    assert "Phường Pleiku" not in form  # only the officer's own unit is offered
    response = client.post(NEW, activity_post(world))
    activity = Activity.objects.get(title__contains="Hôn nhân")
    assert response.status_code == 302 and response["Location"] == detail(activity) + "#minh-chung"
    assert activity.participants_total == 1250 and activity.participants_rural == 1250
    assert activity.legal_documents == ["52/2014/QH13"]
    assert sorted(activity.audiences.values_list("group", flat=True)) == ["citizens", "women"]
    page = text_of(client.get(detail(activity)))
    assert "52/2014/QH13" in page and "Phụ nữ" in page


def test_bad_input_shows_the_services_messages_and_stores_nothing(world):
    client = client_for(world.officer)
    response = client.post(
        NEW,
        activity_post(
            world,
            title="",
            audiences=[],
            participants_total="100",
            participants_urban="70",
            participants_rural="50",
            legal_documents="Luật Đất đai",
        ),
    )
    page = text_of(response)
    assert response.status_code == 200
    assert "Chưa lưu được hoạt động" in page
    assert "Vui lòng nhập tên hoạt động" in page
    assert "Chọn ít nhất một đối tượng" in page
    assert "không được lớn hơn tổng số" in page
    assert "Không nhận ra số, ký hiệu văn bản" in page
    assert 'value="Nhà rông thôn 5"' in page  # what was typed is kept
    assert Activity.objects.count() == 2


def test_an_officer_cannot_record_for_another_commune(world):
    client = client_for(world.officer)
    response = client.post(NEW, activity_post(world, unit=world.other_commune.code))
    assert response.status_code == 200
    assert "Chỉ chọn được đơn vị bạn được giao" in text_of(response)
    assert not Activity.objects.filter(title__contains="Hôn nhân").exists()


def test_editing_and_deleting_an_activity(world):
    client = client_for(world.officer)
    form = text_of(client.get(detail(world.a) + "sua/"))
    assert 'value="Tuyên truyền Luật Đất đai ở Ia Hrú"' in form
    response = client.post(
        detail(world.a) + "sua/", activity_post(world, title="Tuyên truyền Luật Đất đai (sửa)")
    )
    assert response.status_code == 302
    world.a.refresh_from_db()
    assert world.a.title == "Tuyên truyền Luật Đất đai (sửa)"
    refused = client.post(detail(world.a) + "xoa/", {"reason": ""})
    assert "Ghi lý do xoá" in text_of(refused)
    assert Activity.objects.live().filter(pk=world.a.pk).exists()
    done = client.post(detail(world.a) + "xoa/", {"reason": "Nhập trùng với hoạt động khác"})
    assert done.status_code == 302 and done["Location"] == HOME
    assert not Activity.objects.live().filter(pk=world.a.pk).exists()
    assert client.get(detail(world.a)).status_code == 404


def test_list_filters_and_export(world):
    activity_add(
        world,
        actor=world.officer,
        kind="conference",
        title="Hội nghị về Luật Căn cước",
        start_date=date(2026, 5, 5),
        audiences=["officials"],
    )
    client = client_for(world.province_admin)
    page = text_of(client.get(HOME, {"q": "hoi nghi can cuoc"}))
    assert "Luật Căn cước" in page and "Luật Đất đai ở Ia Hrú" not in page
    page = text_of(client.get(HOME, {"unit": world.other_commune.code}))
    assert "pháp luật ở Pleiku" in page and "Luật Đất đai ở Ia Hrú" not in page
    page = text_of(client.get(HOME, {"date_from": "2026-12-31", "date_to": "2026-01-01"}))
    assert "bộ lọc không hợp lệ" in page
    export = client_for(world.officer).get(HOME + "xuat/", {"kind": "mobile_session"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(export.content))["Hoạt động"]
    titles = [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Tuyên truyền Luật Đất đai ở Ia Hrú"]  # B's and the conference left out


# --------------------------------------------------------------------------- evidence


def test_uploading_downloading_and_removing_evidence(world):
    client = client_for(world.officer)
    minutes = pdf_bytes()
    response = client.post(
        detail(world.a) + "minh-chung/",
        {"file": upload("bien-ban.pdf", minutes), "caption": "Biên bản"},
    )
    assert response.status_code == 302
    evidence = ActivityEvidence.objects.get()
    url = f"{detail(world.a)}minh-chung/{evidence.pk}/"
    assert url in text_of(client.get(detail(world.a)))
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == minutes
    assert download["Content-Disposition"].startswith('attachment; filename="bien-ban.pdf"')
    assert download["Content-Type"] == "application/pdf"
    assert "no-store" in download["Cache-Control"]
    assert AuditEvent.objects.filter(action="outreach.evidence.download").count() == 1
    # Readers may download; another commune's officer, a citizen, anonymous may not.
    assert client_for(world.approver).get(url).status_code == 200
    assert client_for(world.other_officer).get(url).status_code == 404
    assert_denied(client_for(world.citizen).get(url))
    assert Client().get(url).status_code == 302
    assert client_for(world.other_officer).post(url + "xoa/").status_code == 404
    removed = client.post(url + "xoa/")
    assert removed.status_code == 302
    assert not ActivityEvidence.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("chay.exe", b"MZ" + b"\0" * 200, "Chỉ nhận ảnh, tệp PDF hoặc văn bản Word"),
        ("anh.jpg", b"day khong phai la anh", "Nội dung tệp không phải tệp .jpg"),
        ("to.pdf", b"%PDF-1.4\n" + b"0" * 2048, "Tệp lớn hơn"),
    ],
)
def test_bad_evidence_is_refused_with_a_message(world, settings, name, data, message):
    settings.OUTREACH_EVIDENCE_MAX_BYTES = 1024
    client = client_for(world.officer)
    response = client.post(detail(world.a) + "minh-chung/", {"file": upload(name, data)})
    assert response.status_code == 200
    assert message in text_of(response)
    assert not ActivityEvidence.objects.exists()


def test_no_file_chosen(world):
    response = client_for(world.officer).post(detail(world.a) + "minh-chung/", {"caption": "x"})
    assert "Chưa chọn tệp minh chứng" in text_of(response)


# --------------------------------------------------------------------------- plans


def plan_post(**overrides) -> dict:
    data = {
        "year": "2026",
        "title": "Kế hoạch phổ biến, giáo dục pháp luật năm 2026",
        "note": "",
        "target_kind_1": "activities",
        "target_value_1": "6",
        "target_kind_2": "activities_of_kind",
        "target_activity_kind_2": "law_day",
        "target_value_2": "1",
    }
    data.update(overrides)
    return data


def test_drawing_up_approving_and_reopening_a_plan(world):
    client = client_for(world.officer)
    response = client.post(PLANS + "moi/", plan_post(unit=world.commune.code))
    plan = OutreachPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{PLANS}{plan.pk}/"
    assert plan.targets.count() == 2
    page = text_of(client.get(f"{PLANS}{plan.pk}/"))
    assert "Số hoạt động: Hưởng ứng Ngày Pháp luật Việt Nam (9/11)" in page
    bad = client.post(
        f"{PLANS}{plan.pk}/phe-duyet/", {"decision_number": "abc", "decision_date": "2026-01-15"}
    )
    assert "Ghi một số, ký hiệu văn bản" in text_of(bad)
    good = client.post(
        f"{PLANS}{plan.pk}/phe-duyet/",
        {"decision_number": "15/KH-UBND", "decision_date": "15/01/2026"},
    )
    assert good.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED
    locked = client.post(f"{PLANS}{plan.pk}/sua/", plan_post(target_value_1="9"))
    assert "Kế hoạch đã phê duyệt không sửa được" in text_of(locked)
    assert plan.targets.get(kind="activities").value == 6
    client.post(f"{PLANS}{plan.pk}/du-thao/", {"reason": "Điều chỉnh chỉ tiêu giữa năm"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    client.post(f"{PLANS}{plan.pk}/sua/", plan_post(target_value_1="9"))
    assert plan.targets.get(kind="activities").value == 9


def test_target_errors_show_on_their_row_and_store_nothing(world):
    client = client_for(world.officer)
    response = client.post(
        PLANS + "moi/",
        plan_post(unit=world.commune.code, target_kind_3="online_share", target_value_3="150"),
    )
    page = text_of(response)
    assert "Chỉ tiêu 3: Giá trị quá lớn (tối đa 100)" in page
    assert not OutreachPlan.objects.exists()


def test_plans_of_another_commune_are_not_found(world):
    plan = plan_add(world, unit=world.other_commune, actor=world.other_officer)
    client = client_for(world.officer)
    assert client.get(f"{PLANS}{plan.pk}/").status_code == 404
    assert client.get(f"{PLANS}{plan.pk}/sua/").status_code == 404
    assert client.post(f"{PLANS}{plan.pk}/xoa/").status_code == 404
    assert "Pleiku" not in text_of(client.get(PLANS))
    assert_denied(client_for(world.approver).post(f"{PLANS}{plan.pk}/xoa/"))
    assert OutreachPlan.objects.filter(pk=plan.pk).exists()
    response = client.post(PLANS + "moi/", plan_post(unit=world.other_commune.code))
    assert "Chỉ chọn được đơn vị bạn được giao" in text_of(response)


# --------------------------------------------------------------------------- report


def test_the_report_page_and_its_workbook(world):
    client = client_for(world.province_admin)
    page = text_of(client.get(REPORT, {"unit": "52", "date_from": "2026-01-01"}))
    assert "Theo đơn vị" in page and "Xã Ia Hrú" in page and "Phường Pleiku" in page
    assert "Định nghĩa các số liệu" in page
    workbook = client.get(REPORT + "xlsx/", {"unit": "52", "date_from": "2026-01-01"})
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "bao-cao-pbgdpl-52-20260101-20261231.xlsx" in workbook["Content-Disposition"]
    summary = openpyxl.load_workbook(io.BytesIO(workbook.content))["Tổng hợp"]
    assert summary["A2"].value == "Số hoạt động" and summary["B2"].value == 2


def test_an_officer_reports_on_their_commune_only(world):
    client = client_for(world.officer)
    page = text_of(client.get(REPORT))
    assert "Xã Ia Hrú và các đơn vị trực thuộc" in page
    refused = client.get(REPORT, {"unit": world.other_commune.code})
    assert refused.status_code == 400
    assert "Hội thi tìm hiểu pháp luật ở Pleiku" not in text_of(refused)
    xlsx = client.get(REPORT + "xlsx/", {"unit": "52"})
    assert xlsx.status_code == 400 and not xlsx["Content-Type"].startswith("application/vnd")


def test_a_bad_period_is_explained(world):
    response = client_for(world.province_admin).get(
        REPORT, {"unit": "52", "date_from": "2026-06-01", "date_to": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "“Đến ngày” phải sau “Từ ngày”" in text_of(response)


def test_import_page_and_template(world):
    client = client_for(world.officer)
    assert "Tải tệp mẫu" in text_of(client.get(HOME + "nhap/"))
    template = client.get(HOME + "nhap/mau/")
    book = openpyxl.load_workbook(io.BytesIO(template.content))
    assert book.sheetnames == ["Hoạt động", "Hướng dẫn"]
    assert_denied(client_for(world.approver).get(HOME + "nhap/"))


def test_deleted_activities_leave_the_report(world):
    services.activity_delete(actor=world.officer, activity=world.a, reason="Nhập trùng")
    response = client_for(world.province_admin).get(
        REPORT + "xlsx/", {"unit": "52", "date_from": "2026-01-01"}
    )
    summary = openpyxl.load_workbook(io.BytesIO(response.content))["Tổng hợp"]
    assert summary["B2"].value == 1
