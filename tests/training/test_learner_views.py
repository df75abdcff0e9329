"""The learner's pages over HTTP: login required, an account without a registry row gets
an explanation, the first visit links the account, only the enrolled person sees their
enrolment (others 404), modules (sanitised lesson, video without external embeds),
"Đánh dấu đã học xong", the quiz (one submit, bad answers refused with a message and
nothing stored, retry, explanations after submit), completion with the certificate, the
offline course page, and the public certificate check and PDF."""

import re

import pytest
from django.core.files.base import ContentFile

from pbgdpl.training.models import (
    Attendance,
    Enrolment,
    EnrolmentStatus,
    ModuleProgress,
    QuizAttempt,
    TrainingCertificate,
)
from pbgdpl.training.services import attendance_mark
from tests.factories import UserFactory
from tests.training.learning_world import answers_for, learning_world

pytestmark = pytest.mark.django_db

COURSE = "/boi-duong/ky-nang-so/"


@pytest.fixture
def world():
    return learning_world()


@pytest.fixture
def learner(client, world):
    client.force_login(world.learner_user)
    return client


def _quiz_post(client, attempt, answers, **extra):
    data = {"luot": str(attempt.pk), **extra}
    for item_id, choices in answers.items():
        data[f"cau-{item_id}"] = [str(c) for c in choices]
    return client.post(f"{COURSE}kiem-tra/4/", data)


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    for path in ("/boi-duong/", COURSE, f"{COURSE}hoc-phan/1/", f"{COURSE}kiem-tra/4/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/tai-khoan/dang-nhap/?next=")
        assert path in response["Location"].replace("%2F", "/")
    response = client.post(f"{COURSE}hoc-phan/1/xong/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
    assert not ModuleProgress.objects.exists()


def test_an_account_without_a_registry_row_gets_an_explanation(client, world):
    client.force_login(UserFactory())
    response = client.get("/boi-duong/")
    assert response.status_code == 403
    text = response.content.decode()
    assert "chưa gắn với danh sách" in text and "cán bộ phụ trách" in text
    assert client.get(COURSE).status_code == 403


def test_the_first_visit_links_the_account_and_lists_the_courses(learner, world):
    response = learner.get("/boi-duong/")
    assert response.status_code == 200
    world.learner.refresh_from_db()
    assert world.learner.user_id == world.learner_user.pk
    text = response.content.decode()
    assert "Kỹ năng số trong phổ biến pháp luật" in text and "Tập huấn trực tiếp" in text
    assert re.search(r'<progress id="tien-do-\d+" max="4" value="0">0%</progress>', text)
    assert "0/4 học phần (0%)" in text
    assert response["Cache-Control"].startswith("private, no-store")


def test_another_persons_enrolment_answers_404(client, world):
    client.force_login(world.other_user)
    assert client.get(COURSE).status_code == 200  # their own enrolment in the same course
    # The blended course is the learner's only: for the other person it does not exist.
    for path in (
        "/boi-duong/tap-huan/",
        "/boi-duong/tap-huan/hoc-phan/1/",
        "/boi-duong/khong-co-khoa-nay/",
        f"{COURSE}hoc-phan/9/",
        f"{COURSE}kiem-tra/1/",  # a lesson, not a quiz
    ):
        assert client.get(path).status_code == 404, path
    assert client.post("/boi-duong/tap-huan/hoc-phan/1/xong/").status_code == 404
    assert not ModuleProgress.objects.exists()


def test_an_officer_of_the_commune_sees_no_learner_page_of_others(client, world):
    client.force_login(world.base.officer)
    assert client.get(COURSE).status_code == 403  # not in the registry: explanation only
    assert client.post(f"{COURSE}hoc-phan/1/xong/").status_code == 403
    assert not ModuleProgress.objects.exists()


def test_a_lesson_is_sanitised_and_marked_learned(learner, world):
    response = learner.get(f"{COURSE}hoc-phan/1/")
    assert response.status_code == 200
    text = response.content.decode()
    # Wagtail's stored rich text: block keys on blocks, <b> for bold.
    assert re.search(r"<h2[^>]*>Quyền và nghĩa vụ</h2>", text)
    assert re.search(r"<(b|strong)>Luật Phổ biến", text)
    assert "<script>alert" not in text and "javascript:" not in text
    assert "evil.example" not in text
    assert '<a href="https://vbpl.vn/">vbpl.vn</a>' in text
    assert "Đánh dấu đã học xong" in text and 'name="csrfmiddlewaretoken"' in text
    assert learner.get(f"{COURSE}hoc-phan/1/xong/").status_code == 405
    response = learner.post(f"{COURSE}hoc-phan/1/xong/")
    assert response.status_code == 302 and response["Location"] == f"{COURSE}hoc-phan/2/"
    assert ModuleProgress.objects.filter(enrolment=world.enrolment).count() == 1
    text = learner.get(f"{COURSE}hoc-phan/1/").content.decode()
    assert "Bạn đã học xong học phần này" in text and "Đánh dấu đã học xong" not in text
    course = learner.get(COURSE).content.decode()
    assert "1/4 học phần (25%)" in course and "Đã học xong" in course


def test_videos_play_from_our_media_and_link_elsewhere(learner, world, settings, tmp_path):
    video = world.modules[1]
    text = learner.get(f"{COURSE}hoc-phan/2/").content.decode()
    assert '<a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer external">' in (
        text
    )
    assert "<iframe" not in text and "<video" not in text
    video.video_url = settings.SITE_BASE_URL + "/media/training/bai-2.mp4"
    video.save()
    text = learner.get(f"{COURSE}hoc-phan/2/").content.decode()
    player = '<video class="ln-video" controls preload="metadata" src="/media/training/bai-2.mp4">'
    assert player in text


def test_a_document_is_offered_for_download(learner, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = world.modules[2]
    document.document.save("huong-dan.pdf", ContentFile(b"%PDF-1.4 tai lieu"), save=True)
    text = learner.get(f"{COURSE}hoc-phan/3/").content.decode()
    assert f'href="{document.document.url}" download' in text and "Tải tài liệu" in text


def test_the_whole_path_through_the_pages(learner, client, world):
    for position in (1, 2, 3):
        assert learner.post(f"{COURSE}hoc-phan/{position}/xong/").status_code == 302
    # The quiz: the approved items only, each choice in this attempt's order.
    response = learner.get(f"{COURSE}kiem-tra/4/")
    assert response.status_code == 200
    attempt = QuizAttempt.objects.get()
    text = response.content.decode()
    assert "Nộp bài" in text and world.draft_item.stem not in text
    shown = [int(v) for v in re.findall(r'id="pa-(\d+)"', text)]
    assert shown == [c for entry in attempt.draw for c in entry["choices"]]
    assert 'type="checkbox"' in text  # item 3 has two correct choices

    # Failed, then the same attempt posted again (double click): the result, not a regrade.
    response = _quiz_post(learner, attempt, answers_for(attempt, right=1))
    result_url = f"{COURSE}kiem-tra/4/ket-qua/{attempt.pk}/"
    assert response.status_code == 302 and response["Location"] == result_url
    text = learner.get(result_url).content.decode()
    assert "Chưa đạt" in text and "33%" in text and "Giải thích số 1" in text
    assert "14/2012/QH13" in text and "đáp án đúng" in text and "Làm lại bài kiểm tra" in text
    response = _quiz_post(learner, attempt, answers_for(attempt, right=3))
    assert response["Location"] == result_url
    attempt.refresh_from_db()
    assert attempt.score_percent == 33

    # A retry passes: completed, the certificate shown.
    learner.get(f"{COURSE}kiem-tra/4/")
    second = QuizAttempt.objects.get(submitted_at__isnull=True)
    response = _quiz_post(learner, second, answers_for(second, right=3))
    text = learner.get(response["Location"]).content.decode()
    assert "Đạt" in text and "100%" in text and "Chúc mừng" in text
    world.enrolment.refresh_from_db()
    assert world.enrolment.status == EnrolmentStatus.COMPLETED
    certificate = TrainingCertificate.objects.get()
    course = learner.get(COURSE).content.decode()
    assert certificate.code in course and "4/4 học phần (100%)" in course

    # Anyone can check it: full name, unit, course, completion date, hours; and the PDF.
    client.logout()
    response = client.get(f"/boi-duong/chung-nhan/{certificate.code}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert world.learner.full_name in text and "Xã Ia Hrú" in text
    assert "Kỹ năng số trong phổ biến pháp luật" in text and "8 giờ" in text
    assert world.enrolment.completed_at.strftime("%d/%m/%Y") in text
    pdf = client.get(f"/boi-duong/chung-nhan/{certificate.code}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    lower = client.get(f"/boi-duong/chung-nhan/{certificate.code.lower()}/")
    assert lower.status_code == 301 and lower["Location"].endswith(f"/{certificate.code}/")


@pytest.mark.parametrize("bad", ["stranger", "unanswered", "foreign_attempt"])
def test_bad_quiz_posts_are_refused_and_store_nothing(learner, client, world, bad):
    learner.get(f"{COURSE}kiem-tra/4/")
    attempt = QuizAttempt.objects.get()
    answers = answers_for(attempt, right=3)
    first = next(iter(answers))
    if bad == "stranger":
        answers[str(world.draft_item.pk)] = [world.draft_item.choices.first().pk]
        response = _quiz_post(learner, attempt, answers)
        assert response.status_code == 400
        assert "không có trong bài kiểm tra này" in response.content.decode()
    elif bad == "unanswered":
        del answers[first]
        response = _quiz_post(learner, attempt, answers)
        assert response.status_code == 400
        text = response.content.decode()
        assert "Còn 1 câu chưa trả lời" in text and 'href="#cau-so-1"' in text
        # What was chosen is kept on the page.
        kept = answers[next(iter(answers))][0]
        assert re.search(rf'value="{kept}" checked', text)
    else:
        # Another learner posts the learner's attempt to their own quiz page: not theirs.
        client.force_login(world.other_user)
        response = _quiz_post(client, attempt, answers)
        assert response.status_code == 302 and response["Location"] == f"{COURSE}kiem-tra/4/"
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score_percent is None
    assert not ModuleProgress.objects.exists()


def test_a_withdrawn_learner_is_refused_with_a_message(learner, world):
    Enrolment.objects.filter(pk=world.enrolment.pk).update(status=EnrolmentStatus.WITHDRAWN)
    for path in (f"{COURSE}hoc-phan/1/", f"{COURSE}kiem-tra/4/"):
        response = learner.get(path)
        assert response.status_code == 302 and response["Location"] == COURSE
    response = learner.post(f"{COURSE}hoc-phan/1/xong/", follow=True)
    assert "rút khỏi khoá" in response.content.decode()
    text = learner.get(COURSE).content.decode()
    assert "Bạn đã rút khỏi khoá học này" in text and 'href="/boi-duong/ky-nang-so/hoc-' not in text
    assert not ModuleProgress.objects.exists() and not QuizAttempt.objects.exists()


def test_an_unpublished_course_is_refused_with_a_message(learner, world):
    world.course.published = False
    world.course.save()
    response = learner.get(f"{COURSE}kiem-tra/4/", follow=True)
    assert "Khoá học đang tạm đóng" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_the_offline_course_page_shows_sessions_and_attendance(learner, world):
    attendance_mark(actor=world.base.officer, session=world.past_session, person=world.learner)
    text = learner.get("/boi-duong/tap-huan/").content.decode()
    assert "Lịch học và điểm danh" in text
    assert "Hội trường UBND xã Ia Hrú" in text and "Nguyễn Văn Giảng" in text
    assert "Có mặt" in text and "Chưa điểm danh" in text and "Trực tuyến" in text
    assert "không tự đánh dấu hoàn thành khoá" in text
    assert Attendance.objects.count() == 1


def test_certificate_search_and_unknown_codes(client, world):
    response = client.get("/boi-duong/chung-nhan/")
    assert response.status_code == 200 and 'name="ma"' in response.content.decode()
    response = client.get("/boi-duong/chung-nhan/", {"ma": "bd 7k4m2 qxr0z"})
    assert response.status_code == 302
    assert response["Location"] == "/boi-duong/chung-nhan/BD-7K4M2-QXR0Z/"
    response = client.get("/boi-duong/chung-nhan/", {"ma": "xyz"})
    assert response.status_code == 400 and "không đúng dạng" in response.content.decode()
    response = client.get("/boi-duong/chung-nhan/", {"ma": " "})
    assert response.status_code == 400 and "Vui lòng nhập mã" in response.content.decode()
    response = client.get("/boi-duong/chung-nhan/BD-7K4M2-QXR0Z/")
    assert response.status_code == 404
    assert "Không có giấy chứng nhận bồi dưỡng nào mang mã" in response.content.decode()
    assert client.get("/boi-duong/chung-nhan/BD-7K4M2-QXR0Z/pdf/").status_code == 404


def test_certificate_lookups_are_rate_limited(client, world, settings):
    from pbgdpl.training import views

    views.CERTIFICATE_RATE = (2, 600)
    try:
        codes = [client.get("/boi-duong/chung-nhan/BD-7K4M2-QXR0Z/").status_code for _ in "abc"]
    finally:
        views.CERTIFICATE_RATE = (30, 600)
    assert codes == [404, 404, 429]
