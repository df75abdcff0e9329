"""Training certificates (giấy chứng nhận hoàn thành khoá bồi dưỡng): one per completed
enrolment, with a public code ("BD-7K4M2-QXR0Z", ``core.codes``) that anyone can check at
``/boi-duong/chung-nhan/<code>/``, and the certificate as a PDF (``core.certificate_pdf``,
the same renderer as the contests' certificates).

Every path to completion issues the certificate: the online path
(``learning.enrolment_complete_if_done``) and the offline/blended one
(``courses.completion_mark``)."""

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.core.certificate_pdf import CertificateContent, certificate_pdf_render
from pbgdpl.core.codes import public_code_new

from ..models import CourseMode, Enrolment, EnrolmentStatus, TrainingCertificate
from .errors import TrainingInputError

CERTIFICATE_PREFIX = "BD"


@transaction.atomic
def certificate_issue(*, enrolment: Enrolment, actor: Any = None) -> TrainingCertificate:
    """The certificate of a completed enrolment, created on the first call (idempotent:
    the person keeps their code). Refused for an enrolment that is not completed."""
    existing = TrainingCertificate.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    status = Enrolment.objects.filter(pk=enrolment.pk).values_list("status", flat=True).first()
    if status != EnrolmentStatus.COMPLETED:
        raise TrainingInputError(
            {"enrolment": _("Học viên chưa hoàn thành khoá: chưa cấp giấy chứng nhận được.")}
        )
    for _try in range(5):
        try:
            with transaction.atomic():
                certificate = TrainingCertificate.objects.create(
                    code=public_code_new(CERTIFICATE_PREFIX), enrolment=enrolment
                )
            break
        except IntegrityError:
            # A code collision (50 random bits), or the same enrolment issued at the same
            # moment by another request: that one's certificate is the certificate.
            existing = TrainingCertificate.objects.filter(enrolment=enrolment).first()
            if existing is not None:
                return existing
    else:  # pragma: no cover - five collisions of 50-bit codes
        raise RuntimeError("could not draw a unique certificate code")
    audit_record(
        action="training.certificate.issue",
        obj=enrolment,
        actor=actor,
        data={"code": certificate.code},
    )
    return certificate


def certificate_path(certificate: TrainingCertificate) -> str:
    """The public verification page of ``certificate`` (a path on this site)."""
    return reverse("training:certificate", args=[certificate.code])


def certificate_url(certificate: TrainingCertificate) -> str:
    """The absolute verification URL printed on the certificate."""
    return settings.SITE_BASE_URL + certificate_path(certificate)


def hours_label(hours: Any) -> str:
    """Course hours as Vietnamese write them: "8", "2,5"."""
    text = f"{hours:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def certificate_pdf(*, certificate: TrainingCertificate) -> bytes:
    """The certificate as a one-page A4 landscape PDF: the person and their unit, the
    course, its mode and hours, the completion date, the organising unit, and the
    verification code, URL and QR code."""
    from pbgdpl.portal.seo import ORGANIZATION_NAME

    enrolment = certificate.enrolment
    person = enrolment.person
    course = enrolment.course
    completed = timezone.localtime(enrolment.completed_at or certificate.issued_at)
    details = [
        _("Hình thức: %(mode)s · Thời lượng: %(hours)s giờ")
        % {"mode": CourseMode(course.mode).label, "hours": hours_label(course.hours)},
        _("Hoàn thành ngày %(date)s") % {"date": completed.strftime("%d/%m/%Y")},
    ]
    content = CertificateContent(
        code=certificate.code,
        url=certificate_url(certificate),
        issuer=ORGANIZATION_NAME,
        recipient=person.full_name,
        recipient_line=person.unit.name,
        statement=_("đã hoàn thành khoá bồi dưỡng “%(course)s”") % {"course": course.title},
        details=details,
        issued_at=certificate.issued_at,
        signer=[_("ĐƠN VỊ TỔ CHỨC"), course.unit.name],
        subject=course.title,
    )
    return certificate_pdf_render(content)
