"""manage.py qa_purge — erase askers' personal data past the retention period (daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from pbgdpl.qa.services import qa_personal_data_purge_expired


class Command(BaseCommand):
    help = "Xoá dữ liệu cá nhân của người hỏi khi đã quá thời hạn lưu giữ."

    def handle(self, *args, **options) -> None:
        count = qa_personal_data_purge_expired()
        self.stdout.write(
            f"Đã xoá dữ liệu cá nhân của {count} câu hỏi "
            f"(lưu giữ {settings.QA_PERSONAL_DATA_RETENTION_DAYS} ngày sau khi kết thúc)."
        )
