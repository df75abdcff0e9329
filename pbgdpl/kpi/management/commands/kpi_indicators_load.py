from django.core.management.base import BaseCommand

from pbgdpl.kpi.definitions import indicators_load


class Command(BaseCommand):
    help = (
        "Nạp (hoặc đưa về giá trị của kế hoạch) các chỉ tiêu, phần tử dữ liệu, giai đoạn và "
        "mục tiêu. Chạy lại không tạo trùng."
    )

    def handle(self, *args, **options) -> None:
        created = indicators_load()
        self.stdout.write(
            self.style.SUCCESS(
                "Đã nạp chỉ tiêu: mới {indicators} chỉ tiêu, {elements} phần tử dữ liệu, "
                "{phases} giai đoạn, {targets} mục tiêu.".format(**created)
            )
        )
