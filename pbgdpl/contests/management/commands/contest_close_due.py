"""manage.py contest_close_due — close attempts past their deadline and grade submissions
left ungraded (run every minute while a round is open; cheap when there is nothing)."""

from django.core.management.base import BaseCommand

from pbgdpl.contests.services import attempts_close_due


class Command(BaseCommand):
    help = "Đóng các bài thi đã hết giờ và chấm các bài đã nộp nhưng chưa chấm."

    def handle(self, *args, **options) -> None:
        count = attempts_close_due()
        self.stdout.write(f"Đã đóng hoặc chấm {count} bài thi.")
