"""Training certificates: issued on every path to completion (online: the last module;
offline/blended: ``completion_mark``), idempotent, never for an enrolment that is not
completed, found by their code as typed, and printed as a one-page PDF with the
verification code and URL."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from pypdf import PdfReader

from pbgdpl.training import selectors, services
from pbgdpl.training.models import Enrolment, EnrolmentStatus, TrainingCertificate
from pbgdpl.training.services import TrainingInputError
from tests.training.learning_world import answers_for, learning_world, link

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    w = learning_world()
    link(w)
    return w


def _complete_online(world):
    for module in world.modules[:3]:
        services.module_complete(actor=world.learner_user, enrolment=world.enrolment, module=module)
    attempt = services.quiz_start(
        actor=world.learner_user, enrolment=world.enrolment, module=world.modules[3]
    )
    services.quiz_submit(
        actor=world.learner_user, attempt=attempt, answers=answers_for(attempt, right=3)
    )
    return TrainingCertificate.objects.get(enrolment=world.enrolment)


def test_the_offline_path_issues_the_certificate_at_completion_mark(world):
    enrolment = world.blended_enrolment
    services.attendance_mark(
        actor=world.base.officer, session=world.past_session, person=world.learner
    )
    assert not TrainingCertificate.objects.exists()
    services.completion_mark(actor=world.base.officer, enrolment=enrolment)
    certificate = TrainingCertificate.objects.get(enrolment=enrolment)
    assert certificate.code.startswith("BD-")
    # Idempotent: marking again, or issuing again, keeps the same certificate.
    services.completion_mark(actor=world.base.officer, enrolment=enrolment)
    assert services.certificate_issue(enrolment=enrolment) == certificate
    assert TrainingCertificate.objects.count() == 1


def test_an_officer_of_another_commune_cannot_mark_completion(world):
    services.attendance_mark(
        actor=world.base.officer, session=world.past_session, person=world.learner
    )
    with pytest.raises(PermissionDenied):
        services.completion_mark(actor=world.base.other_officer, enrolment=world.blended_enrolment)
    world.blended_enrolment.refresh_from_db()
    assert world.blended_enrolment.status == EnrolmentStatus.ENROLLED
    assert not TrainingCertificate.objects.exists()


def test_a_withdrawn_enrolment_is_not_completed_nor_certified(world):
    services.attendance_mark(
        actor=world.base.officer, session=world.past_session, person=world.learner
    )
    Enrolment.objects.filter(pk=world.blended_enrolment.pk).update(status=EnrolmentStatus.WITHDRAWN)
    world.blended_enrolment.refresh_from_db()
    with pytest.raises(TrainingInputError) as exc:
        services.completion_mark(actor=world.base.officer, enrolment=world.blended_enrolment)
    assert "đã rút khỏi khoá" in exc.value.errors["enrolment"]
    with pytest.raises(TrainingInputError) as exc:
        services.certificate_issue(enrolment=world.blended_enrolment)
    assert "chưa hoàn thành" in exc.value.errors["enrolment"]
    world.blended_enrolment.refresh_from_db()
    assert world.blended_enrolment.status == EnrolmentStatus.WITHDRAWN
    assert not TrainingCertificate.objects.exists()


def test_no_certificate_before_completion(world):
    with pytest.raises(TrainingInputError):
        services.certificate_issue(enrolment=world.enrolment)
    assert not TrainingCertificate.objects.exists()


def test_a_certificate_is_found_by_its_code_as_typed(world):
    certificate = _complete_online(world)
    code = certificate.code
    for typed in (code, code.lower(), code.replace("-", ""), f"  {code[3:]} "):
        assert selectors.certificate_by_code(typed) == certificate
    for typed in ("", "BD-00000-00000", "CN" + code[2:], "không phải mã"):
        assert selectors.certificate_by_code(typed) is None


def test_the_pdf_is_one_page_with_the_person_course_and_code(world):
    certificate = _complete_online(world)
    pdf = services.certificate_pdf(certificate=certificate)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "GIẤY CHỨNG NHẬN" in text
    assert world.learner.full_name in text and "Xã Ia Hrú" in text
    assert "Kỹ năng số trong phổ biến pháp luật" in text
    assert "Trực tuyến" in text and "8 giờ" in text
    assert "Hoàn thành ngày" in text and "ĐƠN VỊ TỔ CHỨC" in text and "Tỉnh Gia Lai" in text
    assert certificate.code in text
    assert f"/boi-duong/chung-nhan/{certificate.code}/" in text
    assert reader.metadata.title == f"Giấy chứng nhận {certificate.code}"


def test_a_long_course_title_wraps_and_stays_on_one_page(world):
    world.course.title = "Bồi dưỡng " + " ".join(["kỹ năng số cho báo cáo viên pháp luật"] * 6)
    world.course.hours = 2.5
    world.course.save()
    certificate = _complete_online(world)
    reader = PdfReader(io.BytesIO(services.certificate_pdf(certificate=certificate)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "2,5 giờ" in text
    # 255 characters wrap onto three lines: the whole title is there, then the details.
    lines = [" ".join(line.split()) for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("đã hoàn thành khoá"))
    assert lines[start + 2].endswith("báo cáo viên pháp luật”")
    assert lines[start + 3].startswith("Hình thức: Trực tuyến")
    assert certificate.code in text
