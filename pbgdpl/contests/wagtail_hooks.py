"""The contests in the Wagtail back office: the "Cuộc thi" menu (for those who organise
contests, write or approve questions, or read results anywhere) and its screens under
``/admin/cuoc-thi/`` (namespace ``contests_admin``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from pbgdpl.people.backoffice import PermittedMenuItem

from . import admin_views as v

ROUND = "<int:pk>/dot-<int:number>/"

admin_urlpatterns = [
    path("", v.ContestListView.as_view(), name="contests"),
    path("moi/", v.ContestFormView.as_view(), name="contest_create"),
    path("<int:pk>/", v.ContestView.as_view(), name="contest"),
    path("<int:pk>/sua/", v.ContestFormView.as_view(), name="contest_edit"),
    path("<int:pk>/cong-bo/", v.ContestPublishView.as_view(), name="contest_publish"),
    path("<int:pk>/dot-moi/", v.RoundFormView.as_view(), name="round_create"),
    path(ROUND, v.RoundFormView.as_view(), name="round_edit"),
    path(ROUND + "cau-hoi/", v.RoundPoolView.as_view(), name="round_pool"),
    path(ROUND + "ket-qua/", v.ResultsView.as_view(), name="results"),
    path(ROUND + "ket-qua/xlsx/", v.ResultsXlsxView.as_view(), name="results_xlsx"),
    path(ROUND + "ket-qua/tham-gia/", v.ParticipationXlsxView.as_view(), name="participation"),
    path(ROUND + "ket-qua/xet-giai/", v.PrizesSelectView.as_view(), name="prizes_select"),
    path(ROUND + "ket-qua/chung-nhan/", v.CertificatesIssueView.as_view(), name="certificates"),
    path(ROUND + "ket-qua/lien-he/<int:participant>/", v.ContactView.as_view(), name="contact"),
    path("cau-hoi/", v.ItemListView.as_view(), name="items"),
    path("cau-hoi/moi/", v.ItemCreateView.as_view(), name="item_create"),
    path("cau-hoi/nhap/", v.ItemImportView.as_view(), name="item_import"),
    path("cau-hoi/xuat/", v.ItemExportView.as_view(), name="item_export"),
    path("cau-hoi/<int:pk>/", v.ItemView.as_view(), name="item"),
    path("cau-hoi/<int:pk>/trang-thai/", v.ItemStatusView.as_view(), name="item_status"),
]


@hooks.register("register_admin_urls")
def register_contests_admin_urls():
    return [
        path(
            "cuoc-thi/",
            include((admin_urlpatterns, "contests_admin"), namespace="contests_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_contests_menu():
    menu = Menu(
        items=[
            PermittedMenuItem(
                _("Cuộc thi và đợt thi"), reverse("contests_admin:contests"),
                name="contests-list", icon_name="tasks", order=100,
                check=v.can_list_contests,
            ),
            PermittedMenuItem(
                _("Ngân hàng câu hỏi"), reverse("contests_admin:items"),
                name="contests-bank", icon_name="list-ul", order=200, check=v.can_use_bank,
            ),
            PermittedMenuItem(
                _("Thêm câu hỏi"), reverse("contests_admin:item_create"),
                name="contests-item-create", icon_name="plus", order=300,
                check=v.can_write_bank,
            ),
        ]
    )  # fmt: skip
    # Shown when any of its items is: to whoever holds any "contests.*" action.
    return SubmenuMenuItem(_("Cuộc thi"), menu, name="contests", icon_name="tasks", order=270)
