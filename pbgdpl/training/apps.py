from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "pbgdpl.training"
    label = "training"
    verbose_name = _("Bồi dưỡng, tập huấn và hoạt động phổ biến pháp luật")

    def ready(self) -> None:
        from pbgdpl.people.models import Role
        from pbgdpl.people.permissions import register_action

        register_action(
            "training.registry",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER],
            description="Quản lý danh sách báo cáo viên, tuyên truyền viên, cán bộ của đơn vị",
        )
        register_action(
            "training.manage",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER],
            description="Tổ chức khoá bồi dưỡng: buổi học, ghi danh, điểm danh, hoàn thành",
        )
        register_action(
            "training.view",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER, Role.APPROVER],
            description="Xem danh sách người làm công tác phổ biến pháp luật và số liệu bồi dưỡng",
        )
