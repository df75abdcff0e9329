from django.core.management.base import BaseCommand, CommandError

from pbgdpl.core.audit import audit_verify_chain


class Command(BaseCommand):
    help = (
        "Kiểm tra toàn bộ chuỗi băm của nhật ký kiểm toán; thoát mã khác 0 nếu có dòng bị sửa/xoá."
    )

    def handle(self, *args, **options) -> None:
        checked, broken = audit_verify_chain()
        if broken is not None:
            raise CommandError(
                f"Nhật ký kiểm toán bị can thiệp: dòng #{broken.seq} không hợp lệ "
                f"({broken.reason}); {checked} dòng trước đó hợp lệ."
            )
        self.stdout.write(self.style.SUCCESS(f"Nhật ký kiểm toán hợp lệ: {checked} dòng."))
