"""The indicators in the Wagtail back office: the "Chỉ tiêu, số liệu" menu (for those who
see, enter or approve survey figures anywhere, or manage surveys) and its screens under
``/admin/chi-tieu/`` (namespace ``kpi_admin``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from pbgdpl.people.backoffice import PermittedMenuItem

from . import admin_views as v
from . import wagtail_hooks_dashboard  # noqa: F401 (the staff dashboard and reports)

admin_urlpatterns = [
    path("", v.EntryListView.as_view(), name="entries"),
    path("cho-duyet/", v.QueueView.as_view(), name="queue"),
    path("khoa-ky/", v.LockPeriodView.as_view(), name="lock_period"),
    path("so-lieu/<str:code>/<str:period>/", v.EntryView.as_view(), name="entry"),
    path("khao-sat/", v.SurveyListView.as_view(), name="surveys"),
    path("khao-sat/moi/", v.SurveyFormView.as_view(), name="survey_create"),
    path("khao-sat/<int:pk>/", v.SurveyFormView.as_view(), name="survey"),
]


@hooks.register("register_admin_urls")
def register_kpi_admin_urls():
    return [path("chi-tieu/", include((admin_urlpatterns, "kpi_admin"), namespace="kpi_admin"))]


@hooks.register("register_admin_menu_item")
def register_kpi_menu():
    menu = Menu(
        items=[
            PermittedMenuItem(
                _("Số liệu khảo sát"), reverse("kpi_admin:entries"),
                name="kpi-entries", icon_name="table", order=100, check=v.can_view,
            ),
            PermittedMenuItem(
                _("Chờ duyệt"), reverse("kpi_admin:queue"),
                name="kpi-queue", icon_name="tasks", order=200, check=v.can_approve,
            ),
            PermittedMenuItem(
                _("Khảo sát hài lòng"), reverse("kpi_admin:surveys"),
                name="kpi-surveys", icon_name="pick", order=300, check=v.can_manage_surveys,
            ),
            PermittedMenuItem(
                _("Định nghĩa chỉ tiêu"), reverse("kpi:indicators"),
                name="kpi-indicators", icon_name="help", order=400, check=v.can_see_kpi_menu,
            ),
        ]
    )  # fmt: skip
    return SubmenuMenuItem(_("Chỉ tiêu, số liệu"), menu, name="kpi", icon_name="table", order=290)
