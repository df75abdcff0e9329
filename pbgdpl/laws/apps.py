from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LawsConfig(AppConfig):
    name = "pbgdpl.laws"
    label = "laws"
    verbose_name = _("Thư viện pháp luật")

    def ready(self) -> None:
        from pbgdpl.people.models import Role
        from pbgdpl.people.permissions import register_action

        from . import exchange_types, search_types

        register_action(
            "laws.edit",
            roles=[Role.PROVINCE_ADMIN, Role.EDITOR],
            description="Nhập, sửa văn bản pháp luật và quan hệ giữa văn bản",
        )
        search_types.register_all()
        exchange_types.register_all()
