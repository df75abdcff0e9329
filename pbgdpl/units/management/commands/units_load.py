from django.core.management.base import BaseCommand, CommandError

from pbgdpl.units.models import UnitKind
from pbgdpl.units.selectors import unit_children
from pbgdpl.units.services import UnitsError, package_province, package_wards, units_load_province


class Command(BaseCommand):
    help = (
        "Nạp một tỉnh/thành phố và toàn bộ xã, phường, đặc khu của nó từ gói "
        "vietnam-provinces (danh mục sau 01/07/2025). Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--province", required=True, help="Tên hoặc mã tỉnh, ví dụ “Gia Lai” hoặc 52"
        )
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--special-zone-urban",
            action="store_true",
            default=None,
            help="Tính đặc khu là thành thị",
        )
        group.add_argument(
            "--special-zone-rural",
            dest="special_zone_urban",
            action="store_false",
            help="Tính đặc khu là nông thôn",
        )

    def handle(self, *args, **options) -> None:
        try:
            province = package_province(name_or_code=options["province"])
            result = units_load_province(
                name_or_code=options["province"],
                special_zone_urban=options["special_zone_urban"],
            )
        except UnitsError as exc:
            raise CommandError(str(exc)) from exc
        expected = package_wards(province=province)
        stored = unit_children(parent=result.province)
        if stored.count() != len(expected):
            raise CommandError(
                f"Số đơn vị trong CSDL ({stored.count()}) khác số trong gói ({len(expected)})."
            )
        kinds = ", ".join(
            f"{count} {UnitKind(kind).label.lower()}"
            for kind, count in sorted(result.kinds.items())
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.province.name}: {len(expected)} đơn vị ({kinds}); "
                f"mới {result.created}, cập nhật {result.updated}, không đổi {result.unchanged}."
            )
        )
