"""manage.py exchange_peer_add NAME BASE_URL [--token T] [--types a,b] [--kind feed|oai|lgsp]"""

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.exchange.models import Peer
from pbgdpl.exchange.services import PeerInvalid, peer_create


class Command(BaseCommand):
    help = (
        "Thêm một nút ngang hàng để kéo dữ liệu: tên (chữ không dấu, số, gạch ngang) và "
        "địa chỉ gốc của nút, ví dụ: exchange_peer_add gia-lai https://pbgdpl.gialai.gov.vn"
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="Tên nút (duy nhất), ví dụ gia-lai.")
        parser.add_argument("base_url", help="Địa chỉ gốc của nút, ví dụ https://nut.gov.vn.")
        parser.add_argument("--token", default="", help="Mã truy cập nút kia đã cấp (nếu có).")
        parser.add_argument(
            "--types", default="", help="Các loại dữ liệu cần kéo, cách nhau bởi dấu phẩy."
        )
        parser.add_argument(
            "--kind",
            default=Peer.Kind.FEED,
            choices=Peer.Kind.values,
            help="Loại nút: feed (nút PBGDPL Số), oai (kho OAI-PMH), lgsp (API LGSP).",
        )

    def handle(self, *args, name, base_url, token, types, kind, **options):
        try:
            peer = peer_create(
                actor=None,
                name=name,
                base_url=base_url,
                token=token,
                types=types.split(","),
                kind=kind,
            )
        except PeerInvalid as exc:
            raise CommandError(str(exc)) from None
        wanted = ", ".join(peer.types) if peer.types else "tất cả"
        self.stdout.write(
            f"Đã thêm nút {peer.name} ({peer.kind}) {peer.base_url}; loại dữ liệu: {wanted}."
        )
