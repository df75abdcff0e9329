"""manage.py exchange_reconcile [NAME] — full reconciliation of one peer or of every
enabled peer: read its whole feed again and apply only what was missed (receiving is
idempotent by (uri, version)). Cron, nightly: ``30 2 * * * … manage.py exchange_reconcile``.
"""

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.exchange.models import Peer

from .exchange_pull import peer_get, peers_pull


class Command(BaseCommand):
    help = (
        "Đối soát toàn bộ với một nút (NAME) hoặc mọi nút đang bật: đọc lại cả luồng thay "
        "đổi và chỉ áp dụng những gì còn thiếu. Mã thoát khác 0 nếu có nút bị lỗi."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", help="Tên nút (để trống: mọi nút đang bật).")

    def handle(self, *args, name, **options):
        if name:
            peers = [peer_get(name)]
        else:
            peers = list(Peer.objects.filter(enabled=True).order_by("name"))
            if not peers:
                self.stdout.write("Chưa có nút nào đang bật.")
                return
        failed = peers_pull(self, peers, full=True)
        if failed:
            raise CommandError(f"{failed}/{len(peers)} nút đối soát bị lỗi.")
