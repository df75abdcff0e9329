"""manage.py training_remind — e-mail the training reminders that are due (learners idle
in an online course, sessions starting soon); run once a day. Each reminder is sent once."""

from django.core.management.base import BaseCommand

from pbgdpl.training.services import reminder_send


class Command(BaseCommand):
    help = "Gửi thư nhắc học viên: khoá trực tuyến lâu chưa học tiếp, buổi học sắp diễn ra."

    def handle(self, *args, **options) -> None:
        report = reminder_send()
        self.stdout.write(
            f"Đã gửi {report.sent} thư nhắc ({report.idle_sent} nhắc học tiếp, "
            f"{report.session_sent} nhắc lịch học); bỏ qua {report.skipped_no_email} "
            f"người chưa có thư điện tử; {report.failed} thư gửi lỗi (sẽ gửi lại lần sau)."
        )
