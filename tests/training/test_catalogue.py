"""The course catalogue: courses created, changed and opened for enrolment by the right
people only; modules (rich text sanitised, documents checked by size and content, quiz
items only approved ones) added, reordered and deleted; what completed enrolments mean
kept; withdrawal and reinstatement. Refusals store nothing."""

import io
import zipfile
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pbgdpl.core.models import AuditEvent
from pbgdpl.training import services
from pbgdpl.training.models import (
    Course,
    Enrolment,
    EnrolmentStatus,
    Module,
    ModuleProgress,
)
from pbgdpl.training.services import SessionInput, TrainingInputError
from pbgdpl.training.services.catalogue import (
    CourseInput,
    ModuleInput,
    course_create,
    course_publish,
    course_update,
    enrolment_reinstate,
    enrolment_withdraw,
    lesson_html_clean,
    module_add,
    module_delete,
    module_move,
    module_update,
)
from tests.training.factories import person_add, training_world
from tests.training.learning_world import item_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world():
    return training_world()


def course_input(world, **overrides) -> CourseInput:
    values = {
        "title": "Kỹ năng số cho tuyên truyền viên",
        "unit": world.commune.code,
        "mode": "online",
        "audience": ["propagandist"],
        "hours": "4",
        "pass_mark": 70,
    }
    values.update(overrides)
    return CourseInput(**values)


def lesson(n: int = 1, **overrides) -> ModuleInput:
    values = {"title": f"Bài {n}", "kind": "lesson", "body": f"<p>Nội dung bài {n}</p>"}
    values.update(overrides)
    return ModuleInput(**values)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def published_course(world, *, mode="online", unit=None, modules=1, **overrides) -> Course:
    course = course_create(
        actor=world.province_admin,
        data=course_input(world, mode=mode, unit=(unit or world.commune).code, **overrides),
    )
    for n in range(modules):
        module_add(actor=world.province_admin, course=course, data=lesson(n + 1))
    return course_publish(actor=world.province_admin, course=course)


# --------------------------------------------------------------------------- courses


def test_create_update_and_publish(world):
    first = published_course(world, mode="offline", modules=0, title="Khoá nền tảng cơ bản")
    course = course_create(
        actor=world.officer,
        data=course_input(world, title="  Kỹ năng   số  ", prerequisites=[first.pk]),
    )
    assert course.title == "Kỹ năng số" and course.slug == "ky-nang-so"
    assert not course.published and course.hours == Decimal("4.0")
    assert list(course.prerequisites.all()) == [first]
    # A second course of the same title gets its own slug; a taken slug typed is refused.
    again = course_create(actor=world.officer, data=course_input(world, title="Kỹ năng số"))
    assert again.slug == "ky-nang-so-2"
    with pytest.raises(TrainingInputError) as exc:
        course_create(actor=world.officer, data=course_input(world, slug="Kỹ năng số"))
    assert "đã được khoá khác dùng" in exc.value.errors["slug"]
    with pytest.raises(TrainingInputError) as exc:
        course_create(actor=world.officer, data=course_input(world, slug="chung-nhan"))
    assert "dành cho trang khác" in exc.value.errors["slug"]

    # An online course opens only with a module.
    with pytest.raises(TrainingInputError) as exc:
        course_publish(actor=world.officer, course=course)
    assert "ít nhất một học phần" in exc.value.errors["published"]
    module_add(actor=world.officer, course=course, data=lesson())
    assert course_publish(actor=world.officer, course=course).published
    assert AuditEvent.objects.filter(action="training.course.publish").count() == 2

    course = course_update(
        actor=world.officer,
        course=course,
        data=course_input(world, title="Kỹ năng số nâng cao", slug="ky-nang-so", hours="6.5"),
    )
    assert (course.title, course.slug, course.hours) == (
        "Kỹ năng số nâng cao",
        "ky-nang-so",
        Decimal("6.5"),
    )
    assert list(course.prerequisites.all()) == []


def test_bad_course_input_is_all_reported(world):
    with pytest.raises(TrainingInputError) as exc:
        course_create(
            actor=world.province_admin,
            data=CourseInput(
                title="Ab",
                unit="99999",
                mode="radio",
                audience=["citizen"],
                hours="-1",
                pass_mark=101,
                prerequisites=[987654],
            ),
        )
    assert set(exc.value.errors) == {
        "title",
        "unit",
        "mode",
        "audience",
        "hours",
        "pass_mark",
        "prerequisites",
    }
    with pytest.raises(TrainingInputError) as exc:
        course_create(actor=world.province_admin, data=course_input(world, hours=0))
    assert "số giờ" in exc.value.errors["hours"]
    assert not Course.objects.exists()


def test_prerequisites_cannot_loop(world):
    a = course_create(actor=world.officer, data=course_input(world, title="Khoá thứ nhất"))
    b = course_create(
        actor=world.officer, data=course_input(world, title="Khoá thứ hai", prerequisites=[a.pk])
    )
    with pytest.raises(TrainingInputError) as exc:
        course_update(
            actor=world.officer,
            course=a,
            data=course_input(world, title="Khoá thứ nhất", prerequisites=[b.pk]),
        )
    assert "vòng lặp" in exc.value.errors["prerequisites"]
    with pytest.raises(TrainingInputError) as exc:
        course_update(
            actor=world.officer,
            course=a,
            data=course_input(world, title="Khoá thứ nhất", prerequisites=[a.pk]),
        )
    assert "chính nó" in exc.value.errors["prerequisites"]
    assert not a.prerequisites.exists()


def test_only_the_organisers_unit_manages_a_course(world):
    with pytest.raises(PermissionDenied):
        course_create(actor=world.other_officer, data=course_input(world))
    with pytest.raises(PermissionDenied):
        course_create(actor=world.approver, data=course_input(world))
    course = course_create(actor=world.officer, data=course_input(world))
    for actor in (world.other_officer, world.approver):
        with pytest.raises(PermissionDenied):
            course_update(actor=actor, course=course, data=course_input(world, title="Đổi tên"))
        with pytest.raises(PermissionDenied):
            module_add(actor=actor, course=course, data=lesson())
        with pytest.raises(PermissionDenied):
            course_publish(actor=actor, course=course)
    # Moving the course to another commune needs the right there too.
    with pytest.raises(PermissionDenied):
        course_update(
            actor=world.officer,
            course=course,
            data=course_input(world, unit=world.other_commune.code),
        )
    course.refresh_from_db()
    assert course.unit == world.commune and not course.modules.exists()


# --------------------------------------------------------------------------- modules


def test_lesson_text_is_sanitised():
    html = (
        '<h2>Quyền</h2><p onclick="x()">Xin <b>chào</b><script>alert(1)</script>'
        '<a href="javascript:alert(1)">x</a> <a href="https://vbpl.vn/">vbpl</a>'
        '<img src=x onerror="alert(1)"></p><iframe src="https://evil.example"></iframe>'
        "<table><tr><td>ô</td></tr></table>"
    )
    clean = lesson_html_clean(html)
    for bad in ("<script", "onclick", "javascript:", "<img", "onerror", "<iframe", "<table"):
        assert bad not in clean
    assert "<h2" in clean and "<b>chào</b>" in clean and 'href="https://vbpl.vn/"' in clean
    assert lesson_html_clean("<p>   </p><br>") == ""


def test_modules_of_every_kind(world):
    course = course_create(actor=world.officer, data=course_input(world))
    items = [item_make(world, n) for n in range(3)]
    draft = item_make(world, 9, status="draft")
    first = module_add(actor=world.officer, course=course, data=lesson(body="<p>Bài</p>"))
    video = module_add(
        actor=world.officer,
        course=course,
        data=ModuleInput(title="Video", kind="video", video_url="https://video.example/v/1"),
    )
    upload = SimpleUploadedFile("Tài liệu hướng dẫn.docx", docx_bytes())
    document = module_add(
        actor=world.officer,
        course=course,
        data=ModuleInput(title="Tài liệu", kind="document", document=upload),
    )
    assert document.document.name.startswith("training/tai-lieu-huong-dan")
    assert document.document.name.endswith(".docx")
    quiz = module_add(
        actor=world.officer,
        course=course,
        data=ModuleInput(title="Kiểm tra", kind="quiz", items=[i.pk for i in items]),
    )
    assert [m.position for m in (first, video, document, quiz)] == [1, 2, 3, 4]
    assert set(quiz.items.all()) == set(items)

    # Each kind needs its own content; a draft question is never a quiz item.
    cases = [
        (lesson(body="<p> </p>"), "body"),
        (ModuleInput(title="Video", kind="video", video_url="javascript:alert(1)"), "video_url"),
        (ModuleInput(title="Tài liệu", kind="document"), "document"),
        (ModuleInput(title="Kiểm tra", kind="quiz"), "items"),
        (ModuleInput(title="Kiểm tra", kind="quiz", items=[draft.pk]), "items"),
        (ModuleInput(title="X", kind="podcast"), "kind"),
    ]
    for data, key in cases:
        with pytest.raises(TrainingInputError) as exc:
            module_add(actor=world.officer, course=course, data=data)
        assert key in exc.value.errors
    assert course.modules.count() == 4

    # Reorder: the quiz first, the others follow in their order.
    module_move(actor=world.officer, module=quiz, position=1)
    assert list(course.modules.order_by("position").values_list("title", flat=True)) == [
        "Kiểm tra",
        "Bài 1",
        "Video",
        "Tài liệu",
    ]
    module_delete(actor=world.officer, module=video)
    assert list(course.modules.order_by("position").values_list("position", "title")) == [
        (1, "Kiểm tra"),
        (2, "Bài 1"),
        (3, "Tài liệu"),
    ]


def test_documents_are_checked_by_size_type_and_content(world, settings):
    course = course_create(actor=world.officer, data=course_input(world))
    settings.TRAINING_DOCUMENT_MAX_BYTES = 1024
    cases = [
        (SimpleUploadedFile("bai.exe", b"MZ..."), "Chỉ nhận tài liệu"),
        (SimpleUploadedFile("bai.pdf", b"<html>not a pdf</html>"), "không phải tệp .pdf"),
        (SimpleUploadedFile("bai.docx", b"%PDF-1.4 renamed"), "không phải tệp .docx"),
        (SimpleUploadedFile("bai.pdf", b"%PDF-" + b"0" * 2000), "lớn hơn"),
        (SimpleUploadedFile("bai.pdf", b""), "rỗng"),
    ]
    for upload, message in cases:
        with pytest.raises(TrainingInputError) as exc:
            module_add(
                actor=world.officer,
                course=course,
                data=ModuleInput(title="Tài liệu", kind="document", document=upload),
            )
        assert message in exc.value.errors["document"]
    assert not course.modules.exists()
    ok = module_add(
        actor=world.officer,
        course=course,
        data=ModuleInput(
            title="Tài liệu",
            kind="document",
            document=SimpleUploadedFile("bai.pdf", b"%PDF-1.7 tiny"),
        ),
    )
    assert ok.document.read().startswith(b"%PDF-")


def test_a_quiz_needs_approved_items_to_open(world):
    course = course_create(actor=world.officer, data=course_input(world))
    item = item_make(world, 1)
    module_add(
        actor=world.officer,
        course=course,
        data=ModuleInput(title="Kiểm tra cuối khoá", kind="quiz", items=[item.pk]),
    )
    item.status = "retired"  # retired in the bank since
    item.save()
    with pytest.raises(TrainingInputError) as exc:
        course_publish(actor=world.officer, course=course)
    assert "chưa có câu hỏi đã duyệt" in exc.value.errors["published"]
    course.refresh_from_db()
    assert not course.published


def test_completions_keep_their_meaning(world):
    course = published_course(world, mode="blended", modules=2, title="Khoá kết hợp")
    learner = person_add(world, 1)
    services.enrol_people(actor=world.officer, course=course, people=[learner])
    enrolment = Enrolment.objects.get()
    now = timezone.now()
    session = services.session_add(
        actor=world.officer,
        course=course,
        data=SessionInput(
            starts_at=now - timedelta(hours=3),
            ends_at=now - timedelta(hours=1),
            place="Hội trường xã",
        ),
    )
    first, second = course.modules.order_by("position")
    ModuleProgress.objects.create(enrolment=enrolment, module=second, completed_at=now)

    # Progress alone keeps the module: no delete, no change of kind.
    with pytest.raises(TrainingInputError) as exc:
        module_delete(actor=world.officer, module=second)
    assert "không xoá được" in exc.value.errors["module"]
    with pytest.raises(TrainingInputError):
        module_update(
            actor=world.officer,
            module=second,
            data=ModuleInput(title="Bài 2", kind="video", video_url="https://v.example/2"),
        )
    # Enrolled: the mode and the organiser stay.
    with pytest.raises(TrainingInputError) as exc:
        course_update(actor=world.officer, course=course, data=course_input(world, mode="online"))
    assert "hình thức" in exc.value.errors["mode"]

    services.attendance_mark(actor=world.officer, session=session, person=learner)
    services.completion_mark(actor=world.officer, enrolment=enrolment)
    # Completed: no new, deleted or re-kinded module, and the terms stay ...
    with pytest.raises(TrainingInputError) as exc:
        module_add(actor=world.officer, course=course, data=lesson(3))
    assert "hoàn thành" in exc.value.errors["course"]
    with pytest.raises(TrainingInputError):
        module_delete(actor=world.officer, module=first)
    with pytest.raises(TrainingInputError) as exc:
        course_update(
            actor=world.officer,
            course=course,
            data=course_input(world, mode="blended", title="Khoá kết hợp", hours="8"),
        )
    assert "hours" in exc.value.errors
    # ... but texts and the order may be corrected.
    module_update(
        actor=world.officer, module=first, data=lesson(1, title="Bài 1 (sửa lỗi chính tả)")
    )
    module_move(actor=world.officer, module=first, position=2)
    course = course_update(
        actor=world.officer,
        course=course,
        data=course_input(world, mode="blended", title="Khoá kết hợp (đã sửa)"),
    )
    assert course.title == "Khoá kết hợp (đã sửa)" and course.hours == Decimal("4.0")
    assert course.modules.count() == 2
    assert list(course.modules.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]


# --------------------------------------------------------------------------- enrolments


def test_withdraw_and_reinstate(world):
    course = published_course(world)
    a = person_add(world, 1)
    b = person_add(world, 2, unit=world.other_commune.code)
    services.enrol_people(actor=world.province_admin, course=course, people=[a, b])
    ea, eb = Enrolment.objects.get(person=a), Enrolment.objects.get(person=b)
    with pytest.raises(PermissionDenied):
        enrolment_withdraw(actor=world.officer, enrolment=eb)
    eb.refresh_from_db()
    assert eb.status == EnrolmentStatus.ENROLLED

    enrolment_withdraw(actor=world.officer, enrolment=ea)
    ea.refresh_from_db()
    assert ea.status == EnrolmentStatus.WITHDRAWN
    with pytest.raises(TrainingInputError):
        enrolment_withdraw(actor=world.officer, enrolment=ea)
    # Not reinstated once they stopped being active.
    services.person_set_status(actor=world.officer, person=a, status="suspended")
    with pytest.raises(TrainingInputError) as exc:
        enrolment_reinstate(actor=world.officer, enrolment=ea)
    assert "không còn hoạt động" in exc.value.errors["enrolment"]
    services.person_set_status(actor=world.officer, person=a, status="active")
    enrolment_reinstate(actor=world.officer, enrolment=ea)
    ea.refresh_from_db()
    assert ea.status == EnrolmentStatus.ENROLLED
    assert AuditEvent.objects.filter(action="training.withdraw").count() == 1


def test_a_move_stays_within_the_course(world):
    course = published_course(world, modules=2)
    other = published_course(world, modules=1, title="Khoá khác hẳn")
    module = other.modules.get()
    moved = module_move(actor=world.officer, module=module, position=5)
    assert moved.course_id == other.pk and moved.position == 1
    assert list(course.modules.values_list("position", flat=True).order_by("position")) == [1, 2]
    assert Module.objects.count() == 3
