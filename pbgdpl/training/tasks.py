"""Background work of training (django-tasks): the daily reminders. Schedule
``training_remind_task`` once a day, or run ``manage.py training_remind`` from cron."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def training_remind_task() -> dict[str, int]:
    """Send the reminders that are due (``services.reminder_send``); returns the counts."""
    from .services import reminder_send

    report = reminder_send()
    logger.info(
        "Training reminders: %s sent (%s idle, %s sessions), %s without e-mail, %s failed",
        report.sent,
        report.idle_sent,
        report.session_sent,
        report.skipped_no_email,
        report.failed,
    )
    return {
        "idle_sent": report.idle_sent,
        "session_sent": report.session_sent,
        "skipped_no_email": report.skipped_no_email,
        "failed": report.failed,
    }
