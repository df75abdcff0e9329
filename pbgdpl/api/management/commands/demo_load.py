"""Load the demo: the Gia Lai units, a demo staff login, officers of two communes, the
portal's demo content (articles, translations), the Q&A's demo questions and the contest."""

import secrets

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from pbgdpl.contests.demo import contests_demo_load
from pbgdpl.kpi.demo import kpi_demo_load
from pbgdpl.outreach.demo import outreach_demo_load
from pbgdpl.people.models import Role, User
from pbgdpl.people.services import role_grant, user_create
from pbgdpl.portal.demo import portal_demo_load
from pbgdpl.portal.services import portal_site_tree_ensure
from pbgdpl.qa.demo import APPROVER_EMAIL, REPORTER_EMAIL, qa_demo_load
from pbgdpl.training.demo import training_demo_load
from pbgdpl.units.selectors import unit_children, unit_find_province

DEMO_ADMIN_EMAIL = "quantri@demo.pbgdpl.vn"
# Invented people (họ và tên đệm, tên) for the two demo commune officers.
DEMO_OFFICER_NAMES = [("Nguyễn Thị", "Lan"), ("Trần Văn", "Minh")]


class Command(BaseCommand):
    help = "Nạp dữ liệu trình diễn (chạy lại nhiều lần không tạo trùng) và in thông tin đăng nhập."

    def _password(self) -> str:
        path = settings.VAR_DIR / "demo_password"
        if path.exists():
            return path.read_text().strip()
        password = "Demo-" + secrets.token_urlsafe(9)
        path.write_text(password)
        path.chmod(0o600)
        return password

    def _user(self, *, email: str, password: str, first: str, last: str, superuser: bool) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = user_create(
                email=email,
                password=password,
                first_name=first,
                last_name=last,
                is_staff=True,
                is_superuser=superuser,
            )
        elif not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        return user

    def handle(self, *args, **options) -> None:
        call_command("units_load", province=settings.DEMO_PROVINCE, stdout=self.stdout)
        portal_site_tree_ensure()
        password = self._password()
        with transaction.atomic():
            province = unit_find_province(name_or_code=settings.DEMO_PROVINCE)
            admin = self._user(
                email=DEMO_ADMIN_EMAIL,
                password=password,
                first="Quản trị",
                last="Sở Tư pháp",
                superuser=True,
            )
            role_grant(actor=admin, user=admin, role=Role.PROVINCE_ADMIN, unit=province)
            communes = list(unit_children(parent=province).order_by("code")[:2])
            for index, (commune, (last, first)) in enumerate(
                zip(communes, DEMO_OFFICER_NAMES, strict=False), start=1
            ):
                officer = self._user(
                    email=f"canbo{index}@demo.pbgdpl.vn",
                    password=password,
                    first=first,
                    last=last,
                    superuser=False,
                )
                role_grant(actor=admin, user=officer, role=Role.UNIT_OFFICER, unit=commune)
        portal_demo_load(stdout=self.stdout)
        self._legal_library()
        qa_demo_load(admin=admin, province=province, password=password, stdout=self.stdout)
        contests_demo_load(admin=admin, province=province, password=password, stdout=self.stdout)
        training_demo_load(admin=admin, province=province, stdout=self.stdout, password=password)
        outreach_demo_load(admin=admin, province=province, stdout=self.stdout)
        # Last: it computes the indicators over what the other demos stored.
        kpi_demo_load(admin=admin, province=province, stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Dữ liệu trình diễn đã sẵn sàng."))
        self.stdout.write(f"  Trang quản trị : http://127.0.0.1:{settings_port()}/admin/")
        self.stdout.write(f"  Đăng nhập      : {DEMO_ADMIN_EMAIL}")
        self.stdout.write(f"  Mật khẩu       : {password}")
        self.stdout.write(
            "  Lần đầu đăng nhập, hệ thống yêu cầu bật xác thực hai bước: quét mã QR bằng "
            "ứng dụng xác thực (Google Authenticator, Aegis, FreeOTP…) rồi nhập mã 6 số."
        )
        for index, commune in enumerate(communes, start=1):
            self.stdout.write(
                f"  Cán bộ {commune.name}: canbo{index}@demo.pbgdpl.vn (cùng mật khẩu)"
            )
        self.stdout.write(f"  Báo cáo viên pháp luật (trả lời hỏi đáp): {REPORTER_EMAIL}")
        self.stdout.write(f"  Người duyệt câu trả lời: {APPROVER_EMAIL}")

    def _legal_library(self) -> None:
        """The 17 ALQAC laws when the shared data is here (seconds); the whole Bộ pháp
        điển takes minutes, so it is only suggested."""
        data = settings.BASE_DIR.parent / "shared" / "data"
        law = data / "alqac2024" / "law.json"
        if law.exists():
            call_command(
                "laws_import", str(law), format="alqac", no_progress=True, stdout=self.stdout
            )
        phapdien = data / "phapdien" / "demuc.tar.xz"
        if phapdien.exists():
            self.stdout.write(
                "  Nạp toàn bộ Bộ pháp điển (khoảng 5–10 phút): "
                f".venv/bin/python manage.py laws_import --format phapdien {phapdien}"
            )


def settings_port() -> str:
    import os

    return os.environ.get("PORT", "8000")
