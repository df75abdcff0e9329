"""The Legal Q&A in the Wagtail back office: the "Hỏi đáp pháp luật" menu (for those who
triage, answer, approve or report on questions anywhere) and its screens under
``/admin/hoi-dap/`` (namespace ``qa_admin``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from pbgdpl.people.backoffice import PermittedMenuItem

from . import admin_views

admin_urlpatterns = [
    path("", admin_views.QueueView.as_view(), name="queue"),
    path("<int:pk>/", admin_views.QuestionView.as_view(), name="detail"),
    path("<int:pk>/phan-loai/", admin_views.ClassifyView.as_view(), name="classify"),
    path("<int:pk>/phan-cong/", admin_views.AssignView.as_view(), name="assign"),
    path("<int:pk>/tu-choi/", admin_views.DeclineView.as_view(), name="decline"),
    path("<int:pk>/gop/", admin_views.MergeView.as_view(), name="merge"),
    path("<int:pk>/tra-loi/", admin_views.AnswerView.as_view(), name="answer"),
    path("<int:pk>/tra-lai/", admin_views.ReturnView.as_view(), name="return"),
    path("<int:pk>/duyet/", admin_views.ApproveView.as_view(), name="approve"),
    path("<int:pk>/cong-khai/", admin_views.PublishView.as_view(), name="publish"),
    path("<int:pk>/go-cong-khai/", admin_views.UnpublishView.as_view(), name="unpublish"),
    path("<int:pk>/lien-he/", admin_views.ContactView.as_view(), name="contact"),
    path("cau-hinh/", admin_views.SettingsView.as_view(), name="settings"),
    path("cau-hinh/thoi-han/", admin_views.ServiceLevelView.as_view(), name="service_level"),
    path("cau-hinh/ngay/", admin_views.CalendarDayAddView.as_view(), name="calendar_add"),
    path("cau-hinh/ngay/xoa/", admin_views.CalendarDayDeleteView.as_view(), name="calendar_delete"),
    path("bao-cao/", admin_views.ReportView.as_view(), name="report"),
    path("bao-cao/xlsx/", admin_views.ReportXlsxView.as_view(), name="report_xlsx"),
]


@hooks.register("register_admin_urls")
def register_qa_admin_urls():
    return [path("hoi-dap/", include((admin_urlpatterns, "qa_admin"), namespace="qa_admin"))]


@hooks.register("register_admin_menu_item")
def register_qa_menu():
    menu = Menu(
        items=[
            PermittedMenuItem(
                _("Câu hỏi"), reverse("qa_admin:queue"), name="qa-queue", icon_name="help",
                order=100, check=admin_views.can_work_on_questions,
            ),
            PermittedMenuItem(
                _("Báo cáo"), reverse("qa_admin:report"), name="qa-report", icon_name="table",
                order=200, check=admin_views.can_report,
            ),
            PermittedMenuItem(
                _("Cấu hình"), reverse("qa_admin:settings"), name="qa-settings", icon_name="cog",
                order=300, check=admin_views.can_configure,
            ),
        ]
    )  # fmt: skip
    return SubmenuMenuItem(_("Hỏi đáp pháp luật"), menu, name="qa", icon_name="help", order=260)
