from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "pbgdpl.contests"
    label = "contests"
    verbose_name = _("Cuộc thi tìm hiểu pháp luật")

    def ready(self) -> None:
        from pbgdpl.people.models import Role
        from pbgdpl.people.permissions import register_action

        register_action(
            "contests.manage",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER, Role.EDITOR],
            description="Tạo, sửa cuộc thi và đợt thi của đơn vị; chọn bộ câu hỏi",
        )
        register_action(
            "contests.bank",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER, Role.EDITOR, Role.REPORTER],
            description="Soạn, nhập câu hỏi thi của đơn vị",
        )
        register_action(
            "contests.bank_approve",
            roles=[Role.PROVINCE_ADMIN, Role.APPROVER],
            description="Duyệt câu hỏi thi trước khi dùng",
        )
        register_action(
            "contests.results",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER, Role.APPROVER],
            description="Xem kết quả có thông tin người dự thi, xét giải, xuất báo cáo",
        )
