"""Training in the Wagtail back office: the "Bồi dưỡng" menu (for those who keep the
registry, organise training or read its numbers) and its screens under
``/admin/training/`` (namespace ``training_admin``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from pbgdpl.people.backoffice import PermittedMenuItem

from . import admin_views as v

COURSE = "khoa/<int:pk>/"
SESSION = COURSE + "buoi/<int:session>/"

admin_urlpatterns = [
    path("", v.PersonListView.as_view(), name="people"),
    path("nguoi/moi/", v.PersonCreateView.as_view(), name="person_create"),
    path("nguoi/xuat/", v.PersonExportView.as_view(), name="people_export"),
    path("nguoi/mau/", v.RegistryTemplateView.as_view(), name="people_template"),
    path("nguoi/nhap/", v.RegistryImportView.as_view(), name="people_import"),
    path("nguoi/<int:pk>/", v.PersonView.as_view(), name="person"),
    path("nguoi/<int:pk>/sua/", v.PersonEditView.as_view(), name="person_edit"),
    path("nguoi/<int:pk>/chuyen/", v.PersonMoveView.as_view(), name="person_move"),
    path("nguoi/<int:pk>/trang-thai/", v.PersonStatusView.as_view(), name="person_status"),
    path("khoa/", v.CourseListView.as_view(), name="courses"),
    path("khoa/moi/", v.CourseFormView.as_view(), name="course_create"),
    path(COURSE, v.CourseView.as_view(), name="course"),
    path(COURSE + "sua/", v.CourseFormView.as_view(), name="course_edit"),
    path(COURSE + "mo-dang-ky/", v.CoursePublishView.as_view(), name="course_publish"),
    path(COURSE + "hoc-phan/moi/", v.ModuleFormView.as_view(), name="module_create"),
    path(COURSE + "hoc-phan/<int:module>/", v.ModuleFormView.as_view(), name="module_edit"),
    path(COURSE + "hoc-phan/<int:module>/vi-tri/", v.ModuleMoveView.as_view(), name="module_move"),
    path(COURSE + "hoc-phan/<int:module>/xoa/", v.ModuleDeleteView.as_view(), name="module_delete"),
    path(COURSE + "buoi/moi/", v.SessionCreateView.as_view(), name="session_create"),
    path(SESSION, v.AttendanceView.as_view(), name="attendance"),
    path(SESSION + "xlsx/", v.AttendanceExportView.as_view(), name="attendance_export"),
    path(SESSION + "nhap/", v.AttendanceImportView.as_view(), name="attendance_import"),
    path(COURSE + "hoc-vien/", v.LearnersView.as_view(), name="learners"),
    path(COURSE + "hoc-vien/ghi-danh/", v.EnrolView.as_view(), name="enrol"),
    path(COURSE + "hoc-vien/hoan-thanh/", v.CompletionView.as_view(), name="completion"),
    path(COURSE + "hoc-vien/<int:enrolment>/rut-ten/", v.WithdrawView.as_view(), name="withdraw"),
    path(
        COURSE + "hoc-vien/<int:enrolment>/ghi-danh-lai/",
        v.ReinstateView.as_view(),
        name="reinstate",
    ),
    path("so-lieu/", v.StatsView.as_view(), name="stats"),
]


@hooks.register("register_admin_urls")
def register_training_admin_urls():
    return [
        path(
            "training/",
            include((admin_urlpatterns, "training_admin"), namespace="training_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_training_menu():
    menu = Menu(
        items=[
            PermittedMenuItem(
                _("Người làm công tác PBGDPL"), reverse("training_admin:people"),
                name="training-people", icon_name="group", order=100,
                check=v.can_view_registry,
            ),
            PermittedMenuItem(
                _("Khoá bồi dưỡng"), reverse("training_admin:courses"),
                name="training-courses", icon_name="clipboard-list", order=200,
                check=v.can_see_courses,
            ),
            PermittedMenuItem(
                _("Số liệu bồi dưỡng"), reverse("training_admin:stats"),
                name="training-stats", icon_name="table", order=300, check=v.can_see_stats,
            ),
        ]
    )  # fmt: skip
    # Shown when any of its items is: to whoever holds any "training.*" action.
    return SubmenuMenuItem(
        _("Bồi dưỡng"), menu, name="training", icon_name="clipboard-list", order=275
    )
