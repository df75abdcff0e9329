from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "pbgdpl.outreach"
    label = "outreach"
    verbose_name = _("Kế hoạch và hoạt động phổ biến, giáo dục pháp luật")

    def ready(self) -> None:
        from pbgdpl.people.models import Role
        from pbgdpl.people.permissions import register_action

        register_action(
            "outreach.manage",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER],
            description="Lập kế hoạch, ghi nhận hoạt động phổ biến, giáo dục pháp luật của đơn vị",
        )
        register_action(
            "outreach.view",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER, Role.APPROVER],
            description="Xem kế hoạch, hoạt động và báo cáo phổ biến, giáo dục pháp luật",
        )
