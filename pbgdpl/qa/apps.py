from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "pbgdpl.qa"
    label = "qa"
    verbose_name = _("Hỏi đáp pháp luật")

    def ready(self) -> None:
        from pbgdpl.people.models import Role
        from pbgdpl.people.permissions import register_action

        from . import exchange_types, search_types

        register_action(
            "qa.triage",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER, Role.EDITOR],
            description="Tiếp nhận, phân loại, phân công, gộp, từ chối câu hỏi pháp luật",
        )
        register_action(
            "qa.answer",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER, Role.EDITOR, Role.REPORTER],
            description="Soạn câu trả lời cho câu hỏi được giao",
        )
        register_action(
            "qa.approve",
            roles=[Role.PROVINCE_ADMIN, Role.APPROVER],
            description="Duyệt, công khai câu trả lời",
        )
        register_action(
            "qa.personal_data",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER],
            description="Xem thông tin liên hệ của người hỏi (có ghi nhật ký)",
        )
        register_action(
            "qa.report",
            roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER, Role.APPROVER],
            description="Xem, xuất báo cáo hỏi đáp",
        )
        register_action(
            "qa.configure",
            roles=[Role.PROVINCE_ADMIN],
            description="Đặt thời hạn trả lời, ngày nghỉ lễ",
        )
        search_types.register_all()
        exchange_types.register_all()

        from pbgdpl.portal.sitemaps import sitemap_section_register

        from .sitemaps import QaSitemap

        sitemap_section_register("hoi-dap", QaSitemap)
