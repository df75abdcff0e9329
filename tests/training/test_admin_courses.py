"""Courses in the back office over HTTP (/admin/training/khoa/): who sees and organises
which course (a commune officer: their commune's courses, and their own people in the
province's published ones; another commune's course is "not found"; the approver reads),
course and module forms with the services' messages, rich text sanitised, documents
checked, the quiz questions picked among approved items, publication refused while
incomplete, sessions, enrolment of people and of a unit with its report, withdrawal,
completion at a date (never before the session; all or nothing) with the certificate,
and the training indicators with their definitions."""

import html
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from pbgdpl.training import services
from pbgdpl.training.models import (
    Course,
    Enrolment,
    EnrolmentStatus,
    Module,
    ModuleProgress,
    Session,
    TrainingCertificate,
)
from pbgdpl.training.services import SessionInput
from pbgdpl.training.services.catalogue import CourseInput, ModuleInput, course_create, module_add
from tests.factories import RoleAssignmentFactory, UserFactory, login_with_second_factor
from tests.training.factories import person_add, training_world
from tests.training.learning_world import item_make

pytestmark = pytest.mark.django_db

HOME = "/admin/training/khoa/"
NEW = HOME + "moi/"


@pytest.fixture(autouse=True)
def _fast_passwords_and_media(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world():
    world = training_world()
    now = timezone.now()
    # The province's blended course, open, with a past and a coming session.
    world.course = course_create(
        actor=world.province_admin,
        data=CourseInput(
            title="Kỹ năng số cho tuyên truyền viên",
            unit=world.province.code,
            mode="blended",
            audience=["propagandist", "reporter"],
            hours="6",
        ),
    )
    module_add(
        actor=world.province_admin,
        course=world.course,
        data=ModuleInput(title="Bài mở đầu", kind="lesson", body="<p>Giới thiệu</p>"),
    )
    world.course.published = True
    world.course.save()
    world.past = services.session_add(
        actor=world.province_admin,
        course=world.course,
        data=SessionInput(
            starts_at=now - timedelta(days=2, hours=3),
            ends_at=now - timedelta(days=2),
            place="Hội trường UBND tỉnh",
            capacity=2,
            trainer="ThS. Lê Minh",
        ),
    )
    world.future = services.session_add(
        actor=world.province_admin,
        course=world.course,
        data=SessionInput(
            starts_at=now + timedelta(days=3),
            ends_at=now + timedelta(days=3, hours=2),
            online=True,
        ),
    )
    # Commune B's own course.
    world.b_course = course_create(
        actor=world.other_officer,
        data=CourseInput(
            title="Tập huấn tại phường", unit=world.other_commune.code, mode="offline"
        ),
    )
    world.b_session = services.session_add(
        actor=world.other_officer,
        course=world.b_course,
        data=SessionInput(
            starts_at=now - timedelta(hours=5), ends_at=now - timedelta(hours=3), place="Phường"
        ),
    )
    world.a1 = person_add(world, 1)
    world.a2 = person_add(world, 2)
    world.a3 = person_add(world, 3, role="official")  # outside the audience
    world.b1 = person_add(world, 4, unit=world.other_commune.code)
    return world


def client_for(user) -> Client:
    client = Client()
    login_with_second_factor(client, user)
    return client


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def assert_denied(response) -> None:
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")


def url(course, tail: str = "") -> str:
    return f"{HOME}{course.pk}/{tail}"


def course_post(world, **overrides) -> dict:
    data = {
        "title": "Kỹ năng số cho báo cáo viên",
        "slug": "",
        "unit": world.commune.pk,
        "mode": "online",
        "audience": ["reporter"],
        "hours": "4",
        "qualifying": "on",
        "pass_mark": "80",
        "description": "Khoá tự học trực tuyến.",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def enrol(world, *people):
    services.enrol_people(actor=world.province_admin, course=world.course, people=list(people))


# --------------------------------------------------------------------------- who sees what


def test_anonymous_and_citizens_are_refused(world):
    pages = [HOME, NEW, url(world.course), url(world.course, "hoc-vien/")]
    citizen = UserFactory()
    RoleAssignmentFactory(user=citizen, role="citizen", unit=world.commune)
    for client in (Client(), client_for(citizen)):
        for page in pages:
            assert_denied(client.get(page))
        assert_denied(client.post(NEW, course_post(world)))
    assert Course.objects.count() == 2


def test_a_commune_officer_sees_their_courses_and_the_provinces_open_ones(world):
    client = client_for(world.officer)
    page = text_of(client.get(HOME))
    assert "Kỹ năng số cho tuyên truyền viên" in page and "Tập huấn tại phường" not in page
    # Commune B's course, its session, its learners: not found.
    for tail in ("", "sua/", "hoc-vien/", f"buoi/{world.b_session.pk}/", "hoc-phan/moi/"):
        assert client.get(url(world.b_course, tail)).status_code == 404, tail
    assert client.post(url(world.b_course, "mo-dang-ky/"), {"published": "1"}).status_code == 404
    # The province's course: seen, but neither edited nor given modules or sessions.
    page = text_of(client.get(url(world.course)))
    assert "Sửa khoá" not in page and "Thêm học phần" not in page
    assert_denied(client.get(url(world.course, "sua/")))
    assert_denied(client.post(url(world.course, "sua/"), course_post(world)))
    assert_denied(client.post(url(world.course, "buoi/moi/"), {"place": "X"}))
    response = client.post(url(world.course, "mo-dang-ky/"), {"published": "0"})
    assert_denied(response)
    world.course.refresh_from_db()
    assert world.course.published and world.course.sessions.count() == 2


def test_the_approver_reads_courses_but_changes_nothing(world):
    enrol(world, world.a1, world.b1)
    client = client_for(world.approver)
    page = text_of(client.get(HOME))
    assert "Tập huấn tại phường" in page and "Tạo khoá bồi dưỡng" not in page
    learners = text_of(client.get(url(world.course, "hoc-vien/")))
    assert world.a1.full_name in learners and world.b1.full_name in learners
    assert "Ghi danh người đã chọn" not in learners and "Rút tên" not in learners
    assert_denied(client.post(NEW, course_post(world)))
    assert_denied(client.post(url(world.course, "hoc-vien/ghi-danh/"), {"nguoi": [world.a2.pk]}))
    enrolment = Enrolment.objects.get(person=world.a1)
    response = client.post(url(world.course, f"hoc-vien/{enrolment.pk}/rut-ten/"))
    assert response.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED and Enrolment.objects.count() == 2


# --------------------------------------------------------------------------- course form


def test_create_a_course_then_publish_it(world):
    client = client_for(world.officer)
    response = client.post(NEW, course_post(world))
    course = Course.objects.get(title="Kỹ năng số cho báo cáo viên")
    assert response.status_code == 302 and response["Location"] == url(course)
    assert (course.unit, course.mode, course.audience, course.pass_mark) == (
        world.commune,
        "online",
        ["reporter"],
        80,
    )
    # Publishing without a module is refused with the reason.
    response = client.post(url(course, "mo-dang-ky/"), {"published": "1"})
    assert response.status_code == 409
    assert "Khoá trực tuyến cần ít nhất một học phần" in text_of(response)
    course.refresh_from_db()
    assert not course.published


def test_course_form_errors_are_shown_by_their_fields(world):
    client = client_for(world.officer)
    response = client.post(
        NEW, course_post(world, title="Ab", hours="0", pass_mark="150", unit=world.other_commune.pk)
    )
    page = text_of(response)
    assert response.status_code == 200
    assert "Chỉ chọn được đơn vị bạn được tổ chức bồi dưỡng" in page
    response = client.post(NEW, course_post(world, title="Ab", hours="0", pass_mark="150"))
    page = text_of(response)
    for message in ("Tên khoá bồi dưỡng từ 5 đến 255 ký tự", "Điểm đạt từ 1 đến 100", "số giờ"):
        assert message in page
    assert Course.objects.count() == 2


# --------------------------------------------------------------------------- modules


def test_modules_lesson_sanitised_document_checked_reordered_deleted(world):
    client = client_for(world.officer)
    course = course_create(
        actor=world.officer,
        data=CourseInput(title="Khoá của xã", unit=world.commune.code, mode="online", hours=2),
    )
    new_module = url(course, "hoc-phan/moi/")
    assert client.get(new_module).status_code == 200
    response = client.post(
        new_module,
        {
            "title": "Bài 1",
            "kind": "lesson",
            "body": '<p>Nội dung <b>chính</b><script>alert(1)</script></p><img src=x onerror="y">',
        },
    )
    assert response.status_code == 302
    lesson = Module.objects.get(course=course, title="Bài 1")
    assert "<b>chính</b>" in lesson.body and "<script" not in lesson.body
    assert "onerror" not in lesson.body

    bad = SimpleUploadedFile("tai-lieu.pdf", b"MZ not a pdf")
    response = client.post(new_module, {"title": "Tài liệu", "kind": "document", "document": bad})
    assert "Nội dung tệp không phải tệp .pdf" in text_of(response)
    good = SimpleUploadedFile("tai-lieu.pdf", b"%PDF-1.7 tiny")
    response = client.post(new_module, {"title": "Tài liệu", "kind": "document", "document": good})
    assert response.status_code == 302
    assert list(course.modules.order_by("position").values_list("title", flat=True)) == [
        "Bài 1",
        "Tài liệu",
    ]
    document = course.modules.get(title="Tài liệu")
    response = client.post(url(course, f"hoc-phan/{document.pk}/vi-tri/"), {"vi_tri": "1"})
    assert response.status_code == 302
    assert list(course.modules.order_by("position").values_list("title", flat=True)) == [
        "Tài liệu",
        "Bài 1",
    ]
    response = client.post(url(course, f"hoc-phan/{lesson.pk}/xoa/"))
    assert response.status_code == 302
    assert list(course.modules.values_list("title", flat=True)) == ["Tài liệu"]


def test_quiz_items_are_picked_among_approved_ones(world):
    client = client_for(world.officer)
    course = course_create(
        actor=world.officer,
        data=CourseInput(title="Khoá có kiểm tra", unit=world.commune.code, mode="online", hours=2),
    )
    approved = [item_make(world, n) for n in range(1, 4)]
    draft = item_make(world, 9, status="draft")
    new_module = url(course, "hoc-phan/moi/")
    page = text_of(client.get(new_module))
    assert f'value="{approved[0].pk}"' in page and f'value="{draft.pk}"' not in page
    # "Tìm câu hỏi" keeps what was typed and ticked, and stores nothing.
    response = client.post(
        new_module,
        {
            "title": "Kiểm tra cuối khoá",
            "kind": "quiz",
            "items": [approved[0].pk],
            "tim_cau_hoi": f"#{approved[1].pk}",
            "thao_tac": "tim",
        },
    )
    page = text_of(response)
    assert 'value="Kiểm tra cuối khoá"' in page
    assert re.search(rf'value="{approved[0].pk}"[^>]*checked', page)
    assert f'id="them-{approved[1].pk}"' in page and f'id="them-{approved[2].pk}"' not in page
    assert not course.modules.exists()
    # A draft item posted by hand is refused.
    response = client.post(
        new_module, {"title": "Kiểm tra", "kind": "quiz", "items": [draft.pk], "thao_tac": "luu"}
    )
    assert "Chỉ chọn được câu hỏi đã duyệt" in text_of(response)
    response = client.post(
        new_module,
        {"title": "Kiểm tra", "kind": "quiz", "items": [a.pk for a in approved[:2]]},
    )
    assert response.status_code == 302
    quiz = course.modules.get()
    assert set(quiz.items.all()) == set(approved[:2])
    # Now it opens.
    response = client.post(url(course, "mo-dang-ky/"), {"published": "1"})
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.published


def test_a_module_with_progress_is_not_deleted(world):
    enrol(world, world.a1)
    module = world.course.modules.get()
    ModuleProgress.objects.create(
        enrolment=Enrolment.objects.get(), module=module, completed_at=timezone.now()
    )
    client = client_for(world.province_admin)
    response = client.post(url(world.course, f"hoc-phan/{module.pk}/xoa/"))
    assert response.status_code == 409
    assert "Đã có học viên học xong học phần này" in text_of(response)
    assert Module.objects.filter(pk=module.pk).exists()


# --------------------------------------------------------------------------- sessions


def test_sessions_with_capacity_enrolled_and_attended(world):
    enrol(world, world.a1, world.a2, world.b1)
    services.attendance_mark(actor=world.province_admin, session=world.past, person=world.a1)
    services.attendance_mark(
        actor=world.province_admin, session=world.past, person=world.a2, present=False
    )
    page = text_of(client_for(world.province_admin).get(url(world.course)))
    row = re.search(r"Hội trường UBND tỉnh.*?</tr>", page, re.S).group(0)
    numbers = re.findall(r'<td class="ct-admin-numbers">(\d+)', row)
    assert numbers == ["2", "3", "1", "1"]  # places, enrolled, present, absent
    assert "quá số chỗ" in row
    # The commune officer counts their commune only.
    page = text_of(client_for(world.officer).get(url(world.course)))
    row = re.search(r"Hội trường UBND tỉnh.*?</tr>", page, re.S).group(0)
    assert re.findall(r'<td class="ct-admin-numbers">(\d+)', row) == ["2", "2", "1", "1"]


def test_schedule_a_session_with_errors_first(world):
    client = client_for(world.province_admin)
    start = timezone.localtime() + timedelta(days=10)
    response = client.post(
        url(world.course, "buoi/moi/"),
        {
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "place": "",
        },
    )
    page = text_of(response)
    assert "Buổi học phải kết thúc sau khi bắt đầu" in page and "cần địa điểm" in page
    assert world.course.sessions.count() == 2
    response = client.post(
        url(world.course, "buoi/moi/"),
        {
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "place": "Nhà văn hoá xã",
            "capacity": "30",
        },
    )
    assert response.status_code == 302
    assert Session.objects.filter(course=world.course, place="Nhà văn hoá xã").exists()


# --------------------------------------------------------------------------- enrolment


def test_enrol_people_and_a_unit_with_the_report(world):
    client = client_for(world.officer)
    page = text_of(client.get(url(world.course, "hoc-vien/")))
    # The officer is offered their commune's people only.
    assert world.a1.full_name in page and world.b1.full_name not in page
    response = client.post(
        url(world.course, "hoc-vien/ghi-danh/"), {"nguoi": [world.a1.pk], "thao_tac": "nguoi"}
    )
    assert response.status_code == 200
    assert Enrolment.objects.filter(course=world.course).count() == 1
    response = client.post(
        url(world.course, "hoc-vien/ghi-danh/"),
        {"don_vi": world.commune.code, "thao_tac": "don-vi"},
    )
    page = text_of(response)
    assert "Kết quả ghi danh" in page
    assert f"{world.a3.full_name} không thuộc đối tượng của khoá" in page
    assert re.search(r"Đã ghi danh\s*<strong>1</strong>", page)  # a2
    assert re.search(r"Đã có trong khoá\s*<strong>1</strong>", page)  # a1
    assert set(Enrolment.objects.values_list("person_id", flat=True)) == {
        world.a1.pk,
        world.a2.pk,
    }
    # Commune B's person, or commune B as a unit: refused, nothing stored.
    response = client.post(url(world.course, "hoc-vien/ghi-danh/"), {"nguoi": [world.b1.pk]})
    assert response.status_code == 400 and "Người được chọn không hợp lệ" in text_of(response)
    response = client.post(
        url(world.course, "hoc-vien/ghi-danh/"),
        {"don_vi": world.other_commune.code, "thao_tac": "don-vi"},
    )
    assert response.status_code == 400 and "Chỉ chọn được đơn vị bạn quản lý" in text_of(response)
    assert Enrolment.objects.count() == 2


def test_a_closed_course_takes_no_enrolment(world):
    world.course.published = False
    world.course.save()
    # A closed course stays with its organisers: the communes no longer see it.
    assert client_for(world.officer).get(url(world.course, "hoc-vien/")).status_code == 404
    client = client_for(world.province_admin)
    page = text_of(client.get(url(world.course, "hoc-vien/")))
    assert "Khoá chưa mở đăng ký" in page
    response = client.post(url(world.course, "hoc-vien/ghi-danh/"), {"nguoi": [world.a1.pk]})
    assert response.status_code == 409 and "chưa mở đăng ký" in text_of(response)
    assert not Enrolment.objects.exists()


def test_withdraw_and_enrol_again(world):
    enrol(world, world.a1, world.b1)
    client = client_for(world.officer)
    mine = Enrolment.objects.get(person=world.a1)
    theirs = Enrolment.objects.get(person=world.b1)
    assert client.post(url(world.course, f"hoc-vien/{theirs.pk}/rut-ten/")).status_code == 404
    response = client.post(url(world.course, f"hoc-vien/{mine.pk}/rut-ten/"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == EnrolmentStatus.WITHDRAWN
    page = text_of(client.get(url(world.course, "hoc-vien/")))
    assert "Đã rút tên" in page and "Ghi danh lại" in page
    client.post(url(world.course, f"hoc-vien/{mine.pk}/ghi-danh-lai/"))
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == theirs.status == EnrolmentStatus.ENROLLED


# --------------------------------------------------------------------------- completion


def test_completion_at_a_date_with_the_certificate(world):
    enrol(world, world.a1, world.a2, world.b1)
    for person in (world.a1, world.a2, world.b1):
        services.attendance_mark(actor=world.province_admin, session=world.past, person=person)
    client = client_for(world.officer)
    page = text_of(client.get(url(world.course, "hoc-vien/")))
    ids = {e.person_id: e.pk for e in Enrolment.objects.all()}
    assert f'id="ht-{ids[world.a1.pk]}"' in page and f'id="ht-{ids[world.b1.pk]}"' not in page

    # Dated before the session ended: refused for everyone, nothing stored.
    too_early = (timezone.localdate() - timedelta(days=5)).isoformat()
    response = client.post(
        url(world.course, "hoc-vien/hoan-thanh/"),
        {"hoc_vien": [ids[world.a1.pk], ids[world.a2.pk]], "on": too_early},
    )
    assert response.status_code == 409
    assert "Ngày hoàn thành không được trước khi buổi học kết thúc" in text_of(response)
    assert not Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED).exists()
    # Commune B's learner cannot be slipped in.
    response = client.post(
        url(world.course, "hoc-vien/hoan-thanh/"),
        {"hoc_vien": [ids[world.a1.pk], ids[world.b1.pk]], "on": timezone.localdate().isoformat()},
    )
    assert "Chỉ xác nhận được học viên đã dự buổi học" in text_of(response)
    assert not Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED).exists()

    response = client.post(
        url(world.course, "hoc-vien/hoan-thanh/"),
        {"hoc_vien": [ids[world.a1.pk]], "on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    done = Enrolment.objects.get(person=world.a1)
    assert done.status == EnrolmentStatus.COMPLETED
    certificate = TrainingCertificate.objects.get(enrolment=done)
    page = text_of(client.get(url(world.course, "hoc-vien/")))
    assert f"/boi-duong/chung-nhan/{certificate.code}/" in page


def test_completion_needs_attendance(world):
    enrol(world, world.a1)
    enrolment = Enrolment.objects.get()
    client = client_for(world.province_admin)
    response = client.post(
        url(world.course, "hoc-vien/hoan-thanh/"),
        {"hoc_vien": [enrolment.pk], "on": timezone.localdate().isoformat()},
    )
    assert "Chỉ xác nhận được học viên đã dự buổi học" in text_of(response)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ENROLLED


def test_learners_progress(world):
    course = course_create(
        actor=world.province_admin,
        data=CourseInput(title="Khoá trực tuyến", unit=world.province.code, mode="online", hours=3),
    )
    item = item_make(world, 1)
    lesson = module_add(
        actor=world.province_admin,
        course=course,
        data=ModuleInput(title="Bài", kind="lesson", body="<p>Bài</p>"),
    )
    quiz = module_add(
        actor=world.province_admin,
        course=course,
        data=ModuleInput(title="Kiểm tra", kind="quiz", items=[item.pk]),
    )
    course.published = True
    course.save()
    services.enrol_people(actor=world.province_admin, course=course, people=[world.a1])
    enrolment = Enrolment.objects.get(course=course)
    now = timezone.now()
    ModuleProgress.objects.create(enrolment=enrolment, module=lesson, completed_at=now)
    ModuleProgress.objects.create(
        enrolment=enrolment, module=quiz, completed_at=now, score_percent=85
    )
    page = text_of(client_for(world.officer).get(url(course, "hoc-vien/")))
    assert "2/2" in page and "85%" in page and "đạt" in page


# --------------------------------------------------------------------------- stats


def test_stats_with_definitions(world):
    enrol(world, world.a1)
    services.attendance_mark(actor=world.province_admin, session=world.past, person=world.a1)
    services.completion_mark(
        actor=world.province_admin, enrolment=Enrolment.objects.get(), on=timezone.now()
    )
    client = client_for(world.officer)
    today = timezone.localdate()
    page = text_of(
        client.get(
            "/admin/training/so-lieu/",
            {
                "unit": world.commune.code,
                "date_from": (today - timedelta(days=30)).isoformat(),
                "date_to": today.isoformat(),
            },
        )
    )
    assert "Người trong danh sách" in page and "vào ngày cuối kỳ" in page  # its definition
    values = re.findall(r'<span class="tr-admin-stat-value">([^<]+)</span>', page)
    assert values[:3] == ["3", "1", "33.3%"] or values[:3] == ["3", "1", "33,3%"]
    # Another commune is not offered to the officer.
    page = text_of(client.get("/admin/training/so-lieu/", {"unit": world.other_commune.code}))
    assert "Chỉ chọn được đơn vị bạn được xem số liệu" in page
    bad = text_of(
        client.get(
            "/admin/training/so-lieu/",
            {"unit": world.commune.code, "date_from": "2026-05-01", "date_to": "2026-01-01"},
        )
    )
    assert "Ngày cuối kỳ phải sau ngày đầu kỳ" in bad
