"""Reminders e-mailed to enrolled people who have not completed their course:

- ``idle``: an online course with no progress for ``TRAINING_REMINDER_IDLE_DAYS`` days
  (default 7) since the last thing they did (enrolled, finished a module, took a quiz) —
  once per such stretch: they get another only after doing something and going quiet
  again;
- ``session``: a session of their course starting within
  ``TRAINING_REMINDER_SESSION_DAYS`` days (default 2) — once per session.

Only enrolments in progress (not completed, not withdrawn) of published courses, for
people still active in the registry. A ``ReminderSent`` row keyed by enrolment and
session or stretch is written in the same transaction as the e-mail is handed over, so
the same reminder is never sent twice, even by two runs at once. People without an
e-mail address are skipped and counted. Run daily: ``manage.py training_remind`` or the
``training_remind_task``.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import (
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    ModuleProgress,
    PersonStatus,
    QuizAttempt,
    ReminderKind,
    ReminderSent,
    Session,
)

logger = logging.getLogger(__name__)


@dataclass
class ReminderReport:
    idle_sent: int = 0
    session_sent: int = 0
    skipped_no_email: int = 0
    failed: int = 0

    @property
    def sent(self) -> int:
        return self.idle_sent + self.session_sent


def _idle_days() -> int:
    return int(getattr(settings, "TRAINING_REMINDER_IDLE_DAYS", 7))


def _session_days() -> int:
    return int(getattr(settings, "TRAINING_REMINDER_SESSION_DAYS", 2))


def _open_enrolments():
    return Enrolment.objects.filter(
        status=EnrolmentStatus.ENROLLED,
        course__published=True,
        person__status=PersonStatus.ACTIVE,
    ).select_related("course", "person")


def _course_url(enrolment: Enrolment) -> str:
    return settings.SITE_BASE_URL + reverse("training:course", args=[enrolment.course.slug])


def _footer() -> str:
    return _(
        "Bạn nhận thư này vì được ghi danh khoá bồi dưỡng trên PBGDPL Số. Nếu không còn "
        "tham gia khoá này, vui lòng báo cán bộ phụ trách của đơn vị."
    )


def _idle_message(enrolment: Enrolment, since: datetime) -> tuple[str, str]:
    from ..selectors.learning import enrolment_progress

    progress = enrolment_progress(enrolment)
    subject = _("Nhắc học tiếp khoá “%(course)s”") % {"course": enrolment.course.title}
    body = _(
        "Kính gửi %(name)s,\n\nBạn đang học khoá bồi dưỡng “%(course)s” (đã xong "
        "%(done)s/%(total)s học phần) nhưng chưa học tiếp từ ngày %(date)s. Mời bạn học "
        "tiếp tại: %(url)s"
    ) % {
        "name": enrolment.person.full_name,
        "course": enrolment.course.title,
        "done": progress.done,
        "total": progress.total,
        "date": timezone.localtime(since).strftime("%d/%m/%Y"),
        "url": _course_url(enrolment),
    }
    return subject, body + "\n\n" + _footer()


def _session_message(enrolment: Enrolment, session: Session) -> tuple[str, str]:
    starts = timezone.localtime(session.starts_at)
    where = _("trực tuyến") if session.online else session.place
    subject = _("Lịch học ngày %(date)s – khoá “%(course)s”") % {
        "date": starts.strftime("%d/%m/%Y"),
        "course": enrolment.course.title,
    }
    body = _(
        "Kính gửi %(name)s,\n\nBuổi học của khoá bồi dưỡng “%(course)s” bắt đầu lúc "
        "%(time)s ngày %(date)s, hình thức: %(where)s. Xem lịch và nội dung khoá tại: %(url)s"
    ) % {
        "name": enrolment.person.full_name,
        "course": enrolment.course.title,
        "time": starts.strftime("%H:%M"),
        "date": starts.strftime("%d/%m/%Y"),
        "where": where,
        "url": _course_url(enrolment),
    }
    return subject, body + "\n\n" + _footer()


def _deliver(report: ReminderReport, enrolment: Enrolment, row: dict, message) -> bool:
    """Store the ReminderSent row and hand the e-mail over, together: a row already
    there (sent before, or by a run at the same moment) means no e-mail; a failed
    e-mail leaves no row, so the next run tries again."""
    email = enrolment.person.email
    if not email:
        report.skipped_no_email += 1
        return False
    try:
        with transaction.atomic():
            ReminderSent.objects.create(enrolment=enrolment, **row)
            with translation.override(settings.LANGUAGE_CODE):
                subject, body = message()
            send_mail(subject, body, None, [email])
    except IntegrityError:
        return False
    except Exception:  # the mail server refused or is down: try again next run
        logger.exception("training reminder to enrolment %s failed", enrolment.pk)
        report.failed += 1
        return False
    return True


def reminder_send(*, now: datetime | None = None) -> ReminderReport:
    """Send the reminders that are due at ``now`` (rules in the module docstring) and
    return the counts. Each reminder is its own transaction (see ``_deliver``)."""
    now = now or timezone.now()
    report = ReminderReport()
    already = ReminderSent.objects.filter(kind=ReminderKind.IDLE)
    idle_limit = now - timedelta(days=_idle_days())
    last_module = Subquery(
        ModuleProgress.objects.filter(enrolment=OuterRef("pk"))
        .order_by("-completed_at")
        .values("completed_at")[:1]
    )
    last_quiz = Subquery(
        QuizAttempt.objects.filter(enrolment=OuterRef("pk"))
        .order_by("-started_at")
        .values("started_at")[:1]
    )
    candidates = (
        _open_enrolments()
        .filter(course__mode=CourseMode.ONLINE, created_at__lte=idle_limit)
        .annotate(last_module=last_module, last_quiz=last_quiz)
        .order_by("pk")
    )
    for enrolment in candidates.iterator(chunk_size=500):
        since = max(
            moment
            for moment in (enrolment.created_at, enrolment.last_module, enrolment.last_quiz)
            if moment is not None
        )
        if since > idle_limit:
            continue
        if already.filter(enrolment=enrolment, idle_since=since).exists():
            continue
        if _deliver(
            report,
            enrolment,
            {"kind": ReminderKind.IDLE, "idle_since": since, "sent_at": now},
            lambda e=enrolment, s=since: _idle_message(e, s),
        ):
            report.idle_sent += 1
    sessions = Session.objects.filter(
        starts_at__gt=now,
        starts_at__lte=now + timedelta(days=_session_days()),
        course__published=True,
    ).order_by("starts_at")
    for session in sessions:
        sent = set(
            ReminderSent.objects.filter(kind=ReminderKind.SESSION, session=session).values_list(
                "enrolment_id", flat=True
            )
        )
        for enrolment in _open_enrolments().filter(course_id=session.course_id).order_by("pk"):
            if enrolment.pk in sent:
                continue
            if _deliver(
                report,
                enrolment,
                {"kind": ReminderKind.SESSION, "session": session, "sent_at": now},
                lambda e=enrolment, s=session: _session_message(e, s),
            ):
                report.session_sent += 1
    return report
