from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pbgdpl.kpi.compute import dirty_recompute, indicators_compute
from pbgdpl.kpi.periods import PeriodError, period_codes_containing, period_get


class Command(BaseCommand):
    help = (
        "Tính lại giá trị chỉ tiêu: các kỳ được đánh dấu cần tính lại, các kỳ đang diễn ra "
        "(--current, đọc lại dữ liệu từ các phân hệ) hoặc các kỳ chỉ định (--period 2026Q3)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--period", action="append", default=[], help="Mã kỳ: 2026, 2026Q3, 2026-05"
        )
        parser.add_argument("--current", action="store_true", help="Năm, quý, tháng đang diễn ra")

    def handle(self, *args, **options) -> None:
        codes = list(options["period"])
        if options["current"]:
            codes += period_codes_containing(timezone.localdate())
        try:
            periods = [period_get(code) for code in dict.fromkeys(codes)]
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        reports = [indicators_compute(period=p, refresh_sources=True) for p in periods]
        reports += dirty_recompute()
        for report in reports:
            self.stdout.write(
                f"{report.period}: ghi {report.written}, không đổi {report.unchanged}, "
                f"xoá {report.removed}"
                + (" (đọc lại dữ liệu các phân hệ)" if report.refreshed_sources else "")
            )
        self.stdout.write(self.style.SUCCESS(f"Đã tính {len(reports)} kỳ."))
