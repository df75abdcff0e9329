"""Make the audio versions of live articles: all of them, the missing ones, or one page."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from pbgdpl.portal.audio import (
    article_audio_enqueue,
    article_audio_generate,
    article_audio_schedule,
)
from pbgdpl.portal.models import ArticlePage, AudioStatus


class Command(BaseCommand):
    help = (
        "Tạo bản đọc (MP3) cho các bài viết đang đăng. Mặc định tạo lại tất cả; "
        "--missing chỉ tạo cho bài chưa có bản đọc của nội dung hiện tại; "
        "--now chạy ngay thay vì xếp hàng cho tiến trình nền."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Chỉ các bài chưa có bản đọc sẵn sàng cho nội dung hiện tại.",
        )
        parser.add_argument(
            "--page",
            type=int,
            action="append",
            dest="pages",
            metavar="ID",
            help="Chỉ bài viết có mã trang này (có thể lặp lại).",
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Tạo ngay trong lệnh này (không qua hàng đợi tác vụ nền).",
        )

    def handle(self, *args, missing: bool, pages: list[int] | None, now: bool, **options) -> None:
        qs = ArticlePage.objects.live().order_by("pk")
        if pages:
            qs = qs.filter(pk__in=pages)
            absent = sorted(set(pages) - set(qs.values_list("pk", flat=True)))
            if absent:
                raise CommandError(
                    _("Không có bài viết đang đăng với mã trang: %(ids)s.")
                    % {"ids": ", ".join(map(str, absent))}
                )
        counts = {"pages": 0, "ready": 0, "queued": 0, "made": 0, "failed": 0, "no_voice": 0}
        for page in qs.specific().iterator(chunk_size=100):
            counts["pages"] += 1
            audio = article_audio_schedule(page=page, enqueue=False)
            if audio is None:
                counts["no_voice"] += 1
                continue
            was_ready = audio.status == AudioStatus.READY
            if was_ready and missing:
                counts["ready"] += 1
                continue
            if not now:
                article_audio_enqueue(audio_id=audio.pk, force=was_ready)
                counts["queued"] += 1
                continue
            audio = article_audio_generate(audio_id=audio.pk, force=was_ready)
            if audio.status == AudioStatus.READY:
                counts["made"] += 1
            else:
                counts["failed"] += 1
                self.stderr.write(
                    _("Trang %(page)s: %(error)s") % {"page": page.pk, "error": audio.error}
                )
        self.stdout.write(
            _(
                "Bài viết: %(pages)d; đã có bản đọc: %(ready)d; đã xếp hàng: %(queued)d; "
                "đã tạo: %(made)d; lỗi: %(failed)d; không có giọng đọc: %(no_voice)d."
            )
            % counts
        )
        if counts["failed"]:
            raise CommandError(_("%(n)d bản đọc tạo không thành công.") % {"n": counts["failed"]})
