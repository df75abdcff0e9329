from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "pbgdpl.portal"
    label = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self) -> None:
        from . import exchange_types, permissions, receivers, search_types  # noqa: F401

        search_types.register_all()
        exchange_types.register_all()
