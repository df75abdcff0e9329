"""manage.py search_sync — apply pending changes of the change log to this node's index."""

from django.core.management.base import BaseCommand

from pbgdpl.search.services import search_index_sync


class Command(BaseCommand):
    help = "Cập nhật chỉ mục tìm kiếm của máy chủ này theo nhật ký thay đổi."

    def handle(self, *args, **options):
        self.stdout.write(f"Đã áp dụng {search_index_sync()} thay đổi.")
