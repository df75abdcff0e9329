"""manage.py exchange_pull NAME [--full] [--max-batches N] | exchange_pull --all

Cron, every 5 minutes: ``*/5 * * * * cd /srv/pbgdpl && .venv/bin/python manage.py
exchange_pull --all``. Exit status 1 when a run failed.
"""

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.exchange.models import Peer, PeerRun
from pbgdpl.exchange.pull import PeerBusy, exchange_pull


def peer_get(name: str) -> Peer:
    """The peer called ``name`` (CommandError listing the peers when there is none)."""
    peer = Peer.objects.filter(name=name).first()
    if peer is None:
        names = ", ".join(Peer.objects.values_list("name", flat=True)) or "chưa có nút nào"
        raise CommandError(f"Không có nút tên {name!r} (các nút: {names}).")
    return peer


def run_summary(peer: Peer, run: PeerRun) -> str:
    kind = "Đối soát toàn bộ" if run.full else "Kéo"
    text = (
        f"{kind} nút {peer.name}: nhận {run.received}, áp dụng {run.applied}, "
        f"từ chối {run.rejected}, {run.batches} trang; con trỏ: {peer.cursor or '(đầu)'}."
    )
    if run.error:
        text += f"\nLỗi: {run.error}"
    return text


def peers_pull(command: BaseCommand, peers: list[Peer], *, full: bool, **kwargs) -> int:
    """Pull each peer in turn and print the outcome; returns how many failed."""
    failed = 0
    for peer in peers:
        try:
            run = exchange_pull(peer=peer, full=full, **kwargs)
        except PeerBusy as exc:
            command.stdout.write(str(exc))
            continue
        summary = run_summary(peer, run)
        if run.error:
            failed += 1
            command.stderr.write(summary)
        else:
            command.stdout.write(summary)
    return failed


class Command(BaseCommand):
    help = (
        "Kéo dữ liệu mới từ một nút ngang hàng (tên NAME) hoặc từ mọi nút đang bật (--all); "
        "--full: đối soát toàn bộ từ đầu luồng. Mã thoát khác 0 nếu lần kéo bị lỗi."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", help="Tên nút.")
        parser.add_argument("--all", action="store_true", help="Kéo mọi nút đang bật.")
        parser.add_argument("--full", action="store_true", help="Đối soát toàn bộ từ đầu.")
        parser.add_argument(
            "--max-batches", type=int, default=None, help="Dừng sau N trang (mặc định: hết)."
        )
        parser.add_argument("--limit", type=int, default=200, help="Số mục mỗi trang.")

    def handle(self, *args, name, all, full, max_batches, limit, **options):
        if bool(name) == bool(all):
            raise CommandError("Cần đúng một trong hai: tên nút hoặc --all.")
        if max_batches is not None and max_batches < 1:
            raise CommandError("--max-batches phải là số nguyên dương.")
        if not 1 <= limit <= 1000:
            raise CommandError("--limit phải từ 1 đến 1000.")
        if all:
            peers = list(Peer.objects.filter(enabled=True).order_by("name"))
            if not peers:
                self.stdout.write("Chưa có nút nào đang bật.")
                return
        else:
            peer = peer_get(name)
            try:
                run = exchange_pull(peer=peer, full=full, max_batches=max_batches, limit=limit)
            except PeerBusy as exc:
                raise CommandError(str(exc)) from None
            if run.error:
                raise CommandError(run_summary(peer, run))
            self.stdout.write(run_summary(peer, run))
            return
        failed = peers_pull(self, peers, full=full, max_batches=max_batches, limit=limit)
        if failed:
            raise CommandError(f"{failed}/{len(peers)} nút kéo bị lỗi.")
