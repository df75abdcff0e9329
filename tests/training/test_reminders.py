"""Reminders: an idle online learner and a session starting soon each get one e-mail, never
the same one twice; completed, withdrawn, inactive people and unpublished courses get
none; people without e-mail are skipped and counted; the command and the task report."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from pbgdpl.training import services
from pbgdpl.training.models import (
    Enrolment,
    EnrolmentStatus,
    Person,
    PersonStatus,
    ReminderKind,
    ReminderSent,
)
from pbgdpl.training.tasks import training_remind_task
from tests.training.learning_world import learning_world, link

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TRAINING_REMINDER_IDLE_DAYS = 7
    settings.TRAINING_REMINDER_SESSION_DAYS = 2
    w = learning_world()
    link(w)
    return w


def _age(enrolment, days):
    """Pretend the enrolment was made ``days`` ago."""
    Enrolment.objects.filter(pk=enrolment.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )


def _no_session_reminders(world):
    """Move the blended course's coming session out of the reminder window."""
    session = world.next_session
    session.starts_at += timedelta(days=10)
    session.ends_at += timedelta(days=10)
    session.save()


def test_an_idle_learner_is_reminded_once_per_idle_stretch(world):
    _no_session_reminders(world)
    _age(world.enrolment, 8)
    _age(world.other_enrolment, 3)  # enrolled three days ago: not idle yet
    report = services.reminder_send()
    assert (report.idle_sent, report.session_sent, report.skipped_no_email) == (1, 0, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [world.learner.email]
    assert "Kỹ năng số trong phổ biến pháp luật" in message.subject
    assert world.learner.full_name in message.body and "0/4 học phần" in message.body
    assert "/boi-duong/ky-nang-so/" in message.body

    # The same reminder is never sent twice.
    again = services.reminder_send()
    assert again.sent == 0 and len(mail.outbox) == 1
    assert ReminderSent.objects.filter(kind=ReminderKind.IDLE).count() == 1

    # They study (8 days ago), go quiet again: a new stretch, a new reminder.
    services.module_complete(
        actor=world.learner_user,
        enrolment=world.enrolment,
        module=world.modules[0],
        now=timezone.now() - timedelta(days=7, hours=1),
    )
    later = services.reminder_send()
    assert later.idle_sent == 1 and len(mail.outbox) == 2
    assert "1/4 học phần" in mail.outbox[1].body
    # Recent activity: nothing.
    services.module_complete(
        actor=world.learner_user, enrolment=world.enrolment, module=world.modules[1]
    )
    assert services.reminder_send().sent == 0


def test_no_reminder_for_completed_withdrawn_inactive_or_unpublished(world):
    _no_session_reminders(world)
    _age(world.enrolment, 30)
    _age(world.other_enrolment, 30)
    Enrolment.objects.filter(pk=world.enrolment.pk).update(status=EnrolmentStatus.COMPLETED)
    Enrolment.objects.filter(pk=world.other_enrolment.pk).update(status=EnrolmentStatus.WITHDRAWN)
    assert services.reminder_send().sent == 0
    Enrolment.objects.filter(pk=world.other_enrolment.pk).update(status=EnrolmentStatus.ENROLLED)
    Person.objects.filter(pk=world.other.pk).update(status=PersonStatus.SUSPENDED)
    assert services.reminder_send().sent == 0
    Person.objects.filter(pk=world.other.pk).update(status=PersonStatus.ACTIVE)
    world.course.published = False
    world.course.save()
    assert services.reminder_send().sent == 0
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_a_session_starting_soon_is_announced_once(world):
    # The learner is enrolled in the blended course, whose next session starts tomorrow.
    report = services.reminder_send()
    assert report.session_sent == 1 and report.idle_sent == 0
    message = mail.outbox[0]
    assert message.to == [world.learner.email]
    assert "Tập huấn trực tiếp" in message.subject and "trực tuyến" in message.body
    starts = timezone.localtime(world.next_session.starts_at)
    assert starts.strftime("%H:%M ngày %d/%m/%Y") in message.body
    assert services.reminder_send().sent == 0 and len(mail.outbox) == 1
    row = ReminderSent.objects.get()
    assert (row.kind, row.session, row.enrolment) == (
        ReminderKind.SESSION,
        world.next_session,
        world.blended_enrolment,
    )


def test_sessions_further_away_or_finished_courses_are_not_announced(world):
    world.next_session.starts_at += timedelta(days=2)  # in three days
    world.next_session.ends_at += timedelta(days=2)
    world.next_session.save()
    assert services.reminder_send().sent == 0
    world.next_session.starts_at -= timedelta(days=2)
    world.next_session.ends_at -= timedelta(days=2)
    world.next_session.save()
    services.attendance_mark(
        actor=world.base.officer, session=world.past_session, person=world.learner
    )
    services.completion_mark(actor=world.base.officer, enrolment=world.blended_enrolment)
    assert services.reminder_send().sent == 0 and mail.outbox == []


def test_people_without_email_are_skipped_and_counted(world):
    Person.objects.filter(pk=world.learner.pk).update(email="")
    report = services.reminder_send()
    assert (report.sent, report.skipped_no_email) == (0, 1)
    assert mail.outbox == [] and not ReminderSent.objects.exists()


def test_a_mail_server_failure_leaves_the_reminder_for_the_next_run(world, monkeypatch):
    from pbgdpl.training.services import reminders

    def refuse(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(reminders, "send_mail", refuse)
    report = services.reminder_send()
    assert (report.sent, report.failed) == (0, 1)
    assert not ReminderSent.objects.exists()
    monkeypatch.undo()
    assert services.reminder_send().session_sent == 1


def test_the_command_and_the_task_report_in_vietnamese(world):
    _age(world.enrolment, 8)
    Person.objects.filter(pk=world.other.pk).update(email="")
    _age(world.other_enrolment, 8)
    out = io.StringIO()
    call_command("training_remind", stdout=out)
    assert out.getvalue().strip() == (
        "Đã gửi 2 thư nhắc (1 nhắc học tiếp, 1 nhắc lịch học); bỏ qua 1 người chưa có thư "
        "điện tử; 0 thư gửi lỗi (sẽ gửi lại lần sau)."
    )
    result = training_remind_task.call()
    assert result == {"idle_sent": 0, "session_sent": 0, "skipped_no_email": 1, "failed": 0}
