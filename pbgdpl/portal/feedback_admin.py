"""Back office: the readers' answers to "Thông tin này có hữu ích không?" (read only).

A Wagtail report under "Báo cáo", with CSV/XLSX export, for staff whose content role is
province-wide (the answers are about the whole portal). Registered by importing this
module from ``wagtail_hooks``.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.reports import ReportView

from pbgdpl.people.permissions import can

from .models import PageFeedback


def feedback_report_allowed(user: Any) -> bool:
    """Province-wide editors and approvers (and superusers) read the answers."""
    # An answer is owned by no unit: only grants on the province itself reach it.
    return any(can(user, action, PageFeedback()) for action in ("content.edit", "content.approve"))


class PageFeedbackReportView(ReportView):
    page_title = _("Ý kiến về trang")
    header_icon = "comment"
    index_url_name = "portal_feedback_report"
    index_results_url_name = "portal_feedback_report_results"
    paginate_by = 50
    columns = [
        DateColumn("created_at", label=_("Lúc")),
        Column("path", label=_("Trang")),
        BooleanColumn("helpful", label=_("Hữu ích")),
        Column("comment", label=_("Góp ý")),
        Column("language", label=_("Ngôn ngữ")),
    ]
    list_export = ["created_at", "path", "helpful", "comment", "language"]
    export_headings = {
        "created_at": _("Lúc"),
        "path": _("Trang"),
        "helpful": _("Hữu ích"),
        "comment": _("Góp ý"),
        "language": _("Ngôn ngữ"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not feedback_report_allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return PageFeedback.objects.order_by("-created_at", "-pk")


class PageFeedbackMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return feedback_report_allowed(request.user)


@hooks.register("register_admin_urls")
def portal_feedback_urls() -> list:
    return [
        path(
            "reports/y-kien-ve-trang/",
            PageFeedbackReportView.as_view(),
            name="portal_feedback_report",
        ),
        path(
            "reports/y-kien-ve-trang/results/",
            PageFeedbackReportView.as_view(results_only=True),
            name="portal_feedback_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def portal_feedback_menu_item() -> MenuItem:
    return PageFeedbackMenuItem(
        _("Ý kiến về trang"),
        reverse("portal_feedback_report"),
        name="y-kien-ve-trang",
        icon_name="comment",
        order=900,
    )
