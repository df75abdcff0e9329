"""manage.py laws_import --format phapdien|alqac PATH"""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from pbgdpl.laws.services import (
    LawsImportError,
    document_import_alqac,
    document_import_phapdien,
)
from pbgdpl.search.services import search_index_sync


class Command(BaseCommand):
    help = (
        "Nhập văn bản: --format phapdien (thư mục trang đề mục hoặc tệp .tar.xz của Bộ pháp "
        "điển) hoặc --format alqac (law.json). Chạy lại không tạo bản trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--format", required=True, choices=["phapdien", "alqac"])
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến độ.")
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Không cập nhật chỉ mục tìm kiếm của máy này ngay (sẽ cập nhật ở lần tìm sau).",
        )

    def handle(self, *args, path, format, no_progress, no_index, **options):
        started = time.perf_counter()
        total = 292 if format == "phapdien" else None
        bar = tqdm(
            total=total,
            unit=" trang" if format == "phapdien" else " luật",
            disable=no_progress or not sys.stderr.isatty(),
            file=sys.stderr,
        )
        try:
            if format == "phapdien":
                report = document_import_phapdien(path=path, progress=bar.update)
            else:
                report = document_import_alqac(path=path, progress=bar.update)
        except LawsImportError as exc:
            raise CommandError(str(exc)) from None
        finally:
            bar.close()
        imported = time.perf_counter() - started
        indexed = 0
        if not no_index:
            indexed = search_index_sync()
        for key, value in report.as_dict().items():
            if key != "errors":
                self.stdout.write(f"{key}: {value}")
        self.stdout.write(
            f"seconds: import {imported:.1f}, index {time.perf_counter() - started - imported:.1f} "
            f"({indexed} thay đổi chỉ mục)"
        )
        if report.errors:
            for error in report.errors:
                self.stderr.write(f"LỖI: {error}")
            raise CommandError(
                f"{len(report.errors)} trang không nhập được (xem danh sách ở trên)."
            )
