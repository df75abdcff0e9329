"""Re-derive the back office's Wagtail groups and workflows from the roles held today.

Run daily from cron (roles that start or end on a date take effect), after a bulk import
of units or roles, or for one person with ``--user``.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils.translation import gettext as _

from pbgdpl.people.identifiers import looks_like_phone, normalize_email, normalize_phone


class Command(BaseCommand):
    help = "Đồng bộ nhóm quyền, quy trình duyệt tin bài của Wagtail với vai trò đang có hiệu lực."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--user",
            help="Chỉ đồng bộ một người (thư điện tử hoặc số điện thoại).",
        )

    def handle(self, *args, **options) -> None:
        from pbgdpl.portal.permissions import portal_permissions_sync

        login = options.get("user")
        user = None
        if login:
            condition = (
                Q(phone=normalize_phone(login))
                if looks_like_phone(login)
                else Q(email=normalize_email(login))
            )
            user = get_user_model().objects.filter(condition).first()
            if user is None:
                raise CommandError(_("Không tìm thấy người dùng “%(u)s”.") % {"u": login})
        changes = portal_permissions_sync(user=user)
        self.stdout.write(
            _("Đã đồng bộ quyền biên tập, duyệt tin: %(n)d thay đổi thành viên nhóm.")
            % {"n": changes}
        )
