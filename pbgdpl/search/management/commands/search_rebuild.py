"""manage.py search_rebuild — build this node's index anew from the database."""

import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from pbgdpl.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm của máy chủ này từ cơ sở dữ liệu (không gián đoạn tìm kiếm)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, no_progress, **options):
        started = time.perf_counter()
        bar = tqdm(unit=" mục", disable=no_progress or not sys.stderr.isatty(), file=sys.stderr)
        count = search_index_rebuild(progress=bar.update)
        bar.close()
        self.stdout.write(
            f"Đã lập chỉ mục {count} mục trong {time.perf_counter() - started:.1f} giây."
        )
