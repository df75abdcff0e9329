"""Outreach in the Wagtail back office: the "Hoạt động PBGDPL" menu (for those who record
or read outreach plans and activities) and its screens under ``/admin/hoat-dong-pbgdpl/``
(namespace ``outreach_admin``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from pbgdpl.people.backoffice import PermittedMenuItem

from . import admin_views as v

ACTIVITY = "<int:pk>/"
EVIDENCE = ACTIVITY + "minh-chung/<int:evidence>/"
PLAN = "ke-hoach/<int:pk>/"

admin_urlpatterns = [
    path("", v.ActivityListView.as_view(), name="activities"),
    path("xuat/", v.ActivityExportView.as_view(), name="activities_xlsx"),
    path("moi/", v.ActivityFormView.as_view(), name="activity_create"),
    path("nhap/", v.ActivityImportView.as_view(), name="activity_import"),
    path("nhap/mau/", v.ImportTemplateView.as_view(), name="import_template"),
    path(ACTIVITY, v.ActivityView.as_view(), name="activity"),
    path(ACTIVITY + "sua/", v.ActivityFormView.as_view(), name="activity_edit"),
    path(ACTIVITY + "xoa/", v.ActivityDeleteView.as_view(), name="activity_delete"),
    path(ACTIVITY + "minh-chung/", v.EvidenceAddView.as_view(), name="evidence_add"),
    path(EVIDENCE, v.EvidenceDownloadView.as_view(), name="evidence"),
    path(EVIDENCE + "xoa/", v.EvidenceRemoveView.as_view(), name="evidence_remove"),
    path("ke-hoach/", v.PlanListView.as_view(), name="plans"),
    path("ke-hoach/moi/", v.PlanFormView.as_view(), name="plan_create"),
    path(PLAN, v.PlanView.as_view(), name="plan"),
    path(PLAN + "sua/", v.PlanFormView.as_view(), name="plan_edit"),
    path(PLAN + "phe-duyet/", v.PlanApproveView.as_view(), name="plan_approve"),
    path(PLAN + "du-thao/", v.PlanReopenView.as_view(), name="plan_reopen"),
    path(PLAN + "xoa/", v.PlanDeleteView.as_view(), name="plan_delete"),
    path("bao-cao/", v.ReportView.as_view(), name="report"),
    path("bao-cao/xlsx/", v.ReportXlsxView.as_view(), name="report_xlsx"),
]


@hooks.register("register_admin_urls")
def register_outreach_admin_urls():
    return [
        path(
            "hoat-dong-pbgdpl/",
            include((admin_urlpatterns, "outreach_admin"), namespace="outreach_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_outreach_menu():
    menu = Menu(
        items=[
            PermittedMenuItem(
                _("Hoạt động"), reverse("outreach_admin:activities"),
                name="outreach-activities", icon_name="calendar", order=100, check=v.can_view,
            ),
            PermittedMenuItem(
                _("Ghi nhận hoạt động"), reverse("outreach_admin:activity_create"),
                name="outreach-activity-create", icon_name="plus", order=200, check=v.can_manage,
            ),
            PermittedMenuItem(
                _("Kế hoạch năm"), reverse("outreach_admin:plans"),
                name="outreach-plans", icon_name="list-ol", order=300, check=v.can_view,
            ),
            PermittedMenuItem(
                _("Báo cáo"), reverse("outreach_admin:report"),
                name="outreach-report", icon_name="table", order=400, check=v.can_view,
            ),
        ]
    )  # fmt: skip
    # Shown when any of its items is: to whoever holds "outreach.view" somewhere.
    return SubmenuMenuItem(
        _("Hoạt động PBGDPL"), menu, name="outreach", icon_name="calendar", order=280
    )
