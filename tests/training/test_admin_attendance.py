"""Attendance in the back office over HTTP (/admin/training/khoa/<id>/buoi/<id>/): the
tick list of a session shows the learners of the user's communes; saving writes every
row in one transaction (a session not started, or a learner not enrolled or of another
commune, and nothing is stored); the XLSX list downloads and imports back with a dry
run; the approver reads only; another commune's session is "not found"."""

import html
import io
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from pbgdpl.training import services
from pbgdpl.training.models import Attendance, Course, Enrolment
from pbgdpl.training.services import SessionInput
from pbgdpl.training.services.catalogue import enrolment_withdraw
from tests.factories import login_with_second_factor
from tests.training.factories import person_add, training_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world():
    world = training_world()
    now = timezone.now()
    world.course = Course.objects.create(
        title="Tập huấn kỹ năng số",
        slug="tap-huan",
        unit=world.province,
        mode="offline",
        hours=3,
        published=True,
    )
    world.past = services.session_add(
        actor=world.province_admin,
        course=world.course,
        data=SessionInput(
            starts_at=now - timedelta(hours=4), ends_at=now - timedelta(hours=1), place="Hội trường"
        ),
    )
    world.future = services.session_add(
        actor=world.province_admin,
        course=world.course,
        data=SessionInput(
            starts_at=now + timedelta(days=1),
            ends_at=now + timedelta(days=1, hours=2),
            place="Hội trường",
        ),
    )
    world.b_course = Course.objects.create(
        title="Khoá của phường", slug="khoa-phuong", unit=world.other_commune, mode="offline"
    )
    world.b_session = services.session_add(
        actor=world.other_officer,
        course=world.b_course,
        data=SessionInput(starts_at=now - timedelta(hours=3), ends_at=now, place="Phường"),
    )
    world.a1 = person_add(world, 1)
    world.a2 = person_add(world, 2)
    world.a3 = person_add(world, 3)  # not enrolled
    world.b1 = person_add(world, 4, unit=world.other_commune.code)
    services.enrol_people(
        actor=world.province_admin, course=world.course, people=[world.a1, world.a2, world.b1]
    )
    world.enrolment = {e.person_id: e for e in Enrolment.objects.filter(course=world.course)}
    return world


def client_for(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def session_url(session, tail: str = "") -> str:
    return f"/admin/training/khoa/{session.course_id}/buoi/{session.pk}/{tail}"


def eid(world, person) -> int:
    return world.enrolment[person.pk].pk


def marks():
    return sorted(Attendance.objects.values_list("enrolment__person__full_name", "present"))


def test_the_tick_list_shows_the_officers_commune_and_saves_every_row(world):
    client = client_for(world.officer)
    page = text_of(client.get(session_url(world.past)))
    assert world.a1.full_name in page and world.a2.full_name in page
    assert world.b1.full_name not in page and world.a3.full_name not in page
    response = client.post(
        session_url(world.past),
        {"hien": [eid(world, world.a1), eid(world, world.a2)], "co_mat": [eid(world, world.a1)]},
    )
    assert response.status_code == 302
    assert marks() == sorted([(world.a1.full_name, True), (world.a2.full_name, False)])
    page = text_of(client.get(session_url(world.past)))
    assert re.search(rf'value="{eid(world, world.a1)}" id="cm-\d+" checked', page)
    assert "1 có mặt, 1 vắng" in page


def test_another_communes_learner_or_a_stranger_is_refused_and_nothing_stored(world):
    client = client_for(world.officer)
    for forged in (eid(world, world.b1), 999999):
        response = client.post(
            session_url(world.past),
            {"hien": [eid(world, world.a1), forged], "co_mat": [eid(world, world.a1), forged]},
        )
        assert response.status_code == 400
        page = text_of(response)
        assert "không nằm trong danh sách ghi danh" in page
        # What was ticked stays ticked on the page shown again.
        assert re.search(rf'value="{eid(world, world.a1)}" id="cm-\d+" checked', page)
    assert not Attendance.objects.exists()


def test_a_withdrawn_learner_cannot_be_marked(world):
    enrolment = world.enrolment[world.a2.pk]
    enrolment_withdraw(actor=world.officer, enrolment=enrolment)
    client = client_for(world.officer)
    assert world.a2.full_name not in text_of(client.get(session_url(world.past)))
    response = client.post(
        session_url(world.past), {"hien": [enrolment.pk], "co_mat": [enrolment.pk]}
    )
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_a_session_not_started_stores_nothing(world):
    client = client_for(world.officer)
    page = text_of(client.get(session_url(world.future)))
    assert "Buổi học chưa diễn ra" in page and 'name="co_mat"' not in page
    response = client.post(
        session_url(world.future),
        {"hien": [eid(world, world.a1), eid(world, world.a2)], "co_mat": [eid(world, world.a1)]},
    )
    assert response.status_code == 409
    page = text_of(response)
    assert "không dòng nào được lưu" in page and "chưa điểm danh được" in page
    assert not Attendance.objects.exists()


def test_another_communes_session_is_not_found_and_the_approver_reads(world):
    client = client_for(world.officer)
    assert client.get(session_url(world.b_session)).status_code == 404
    assert client.get(session_url(world.b_session, "xlsx/")).status_code == 404
    response = client.post(session_url(world.b_session), {"hien": [1]})
    assert response.status_code == 404
    # A session id under the wrong course is not found either.
    wrong = f"/admin/training/khoa/{world.course.pk}/buoi/{world.b_session.pk}/"
    assert client.get(wrong).status_code == 404
    approver = client_for(world.approver)
    page = text_of(approver.get(session_url(world.past)))
    assert world.b1.full_name in page and 'name="co_mat"' not in page
    response = approver.post(
        session_url(world.past), {"hien": [eid(world, world.a1)], "co_mat": [eid(world, world.a1)]}
    )
    assert response.status_code in (302, 403)
    assert not Attendance.objects.exists()


def test_xlsx_download_then_import_with_a_dry_run(world):
    client = client_for(world.officer)
    response = client.get(session_url(world.past, "xlsx/"))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.worksheets[0]
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert sorted(names) == sorted([world.a1.full_name, world.a2.full_name])
    for row in sheet.iter_rows(min_row=2):
        row[5].value = "Có"
    buffer = io.BytesIO()
    workbook.save(buffer)

    def upload(action):
        data = io.BytesIO(buffer.getvalue())
        data.name = "diem-danh.xlsx"
        return client.post(session_url(world.past, "nhap/"), {"file": data, "thao_tac": action})

    page = text_of(upload("kiem-tra"))
    assert "Tệp hợp lệ: 2 có mặt, 0 vắng" in page and "Điểm danh sẽ được ghi" in page
    assert not Attendance.objects.exists()
    response = upload("nhap")
    assert response.status_code == 302
    assert marks() == sorted([(world.a1.full_name, True), (world.a2.full_name, True)])


def test_xlsx_import_lists_row_errors(world):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Số điện thoại", "Có mặt"])
    sheet.append(["0905000001", "Có"])
    sheet.append(["0905000003", "Có"])  # not enrolled
    sheet.append(["0905000001", "Không"])  # twice
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "diem-danh.xlsx"
    page = text_of(
        client_for(world.officer).post(
            session_url(world.past, "nhap/"), {"file": buffer, "thao_tac": "nhap"}
        )
    )
    assert "Tệp có 2 lỗi: chưa dòng nào được lưu" in page
    assert "chưa ghi danh khoá này" in page and "Trùng với dòng 2" in page
    assert not Attendance.objects.exists()
