"""manage.py exchange_publish [--type T …]: publish every local object of the registered
types into the change feed (after an upgrade that added a type, or a bulk load that
bypassed the services). Idempotent: unchanged objects get no new version."""

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.exchange.registry import registered_types
from pbgdpl.exchange.services import exchange_publish_all


class Command(BaseCommand):
    help = (
        "Đưa toàn bộ dữ liệu chia sẻ của nút này vào luồng thay đổi "
        "(chạy lại không tạo phiên bản mới)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--type", action="append", dest="types", default=[], help="loại dữ liệu (lặp lại được)"
        )

    def handle(self, *args, types: list[str], **options):
        known = registered_types()
        unknown = sorted(set(types) - set(known))
        if unknown:
            raise CommandError(
                f"Loại dữ liệu không có: {', '.join(unknown)}. "
                f"Các loại: {', '.join(sorted(known))}."
            )
        for name in types or sorted(known):
            changed = exchange_publish_all(type=name)
            self.stdout.write(f"{name}: {changed} mục có phiên bản mới.")
