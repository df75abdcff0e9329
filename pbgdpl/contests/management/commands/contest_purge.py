"""manage.py contest_purge — erase participants' personal data past the retention period
(daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from pbgdpl.contests.services import participants_purge_expired


class Command(BaseCommand):
    help = "Xoá dữ liệu cá nhân của người dự thi khi cuộc thi đã kết thúc quá thời hạn lưu giữ."

    def handle(self, *args, **options) -> None:
        count = participants_purge_expired()
        self.stdout.write(
            f"Đã xoá dữ liệu cá nhân của {count} người dự thi "
            f"(lưu giữ {settings.CONTEST_PERSONAL_DATA_RETENTION_DAYS} ngày sau khi cuộc thi "
            "kết thúc)."
        )
