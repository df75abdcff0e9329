from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "pbgdpl.exchange"
    label = "exchange"
    verbose_name = _("Trao đổi dữ liệu")

    def ready(self) -> None:
        from pbgdpl.people.models import Role
        from pbgdpl.people.permissions import register_action

        from . import oai_types, search_types

        register_action(
            "exchange.manage",
            roles=[Role.PROVINCE_ADMIN],
            description="Quản lý trao đổi dữ liệu: nút ngang hàng, kéo dữ liệu, mã truy cập",
        )
        search_types.register_all()
        oai_types.register_all()
