from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pbgdpl.units.services import PopulationImportError, units_population_import


class Command(BaseCommand):
    help = (
        "Nhập dân số theo đơn vị hành chính từ tệp CSV hoặc XLSX (cột: mã, dân số; tuỳ chọn: "
        "tên, dân số nam, dân số nữ, năm số liệu). Có dòng lỗi thì không lưu gì."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        try:
            count = units_population_import(path=path)
        except PopulationImportError as exc:
            raise CommandError(f"{path}: không lưu gì vì có lỗi:\n{exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Đã cập nhật dân số cho {count} đơn vị."))
