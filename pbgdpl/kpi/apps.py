from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpiConfig(AppConfig):
    name = "pbgdpl.kpi"
    label = "kpi"
    verbose_name = _("Theo dõi, đánh giá: chỉ tiêu của kế hoạch")

    def ready(self) -> None:
        from pbgdpl.core.slots import slot_register
        from pbgdpl.people.models import Role
        from pbgdpl.people.permissions import register_action

        from .templatetags.kpi_tags import survey_invite_html

        slot_register("survey_invite", survey_invite_html)

        register_action(
            "kpi.view",
            roles=[Role.PROVINCE_ADMIN, Role.APPROVER, Role.UNIT_OFFICER],
            description="Xem số liệu, giá trị chỉ tiêu của đơn vị",
        )
        register_action(
            "kpi.enter",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER],
            description="Nhập, gửi duyệt số liệu khảo sát của xã, phường",
        )
        register_action(
            "kpi.approve",
            roles=[Role.PROVINCE_ADMIN, Role.APPROVER],
            description="Duyệt, trả lại, khoá số liệu khảo sát",
        )
        register_action(
            "kpi.unlock",
            roles=[Role.PROVINCE_ADMIN],
            description="Mở khoá số liệu đã duyệt hoặc đã khoá (ghi lý do)",
        )
        register_action(
            "kpi.surveys",
            roles=[Role.PROVINCE_ADMIN],
            description="Quản lý khảo sát mức độ hài lòng",
        )
