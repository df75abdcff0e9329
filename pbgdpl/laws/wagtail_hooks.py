"""The legal library in the Wagtail back office: the "Thư viện pháp luật" menu and its
screens under ``/admin/phap-luat/`` (documents, relations, upload)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import admin_views

admin_urlpatterns = [
    path("van-ban/", admin_views.DocumentListView.as_view(), name="documents"),
    path(
        "van-ban/ket-qua/",
        admin_views.DocumentListView.as_view(results_only=True),
        name="documents_results",
    ),
    path("van-ban/<int:pk>/", admin_views.DocumentEditView.as_view(), name="document_edit"),
    path(
        "van-ban/<int:pk>/quan-he/",
        admin_views.RelationAddView.as_view(),
        name="relation_add",
    ),
    path("tai-len/", admin_views.UploadView.as_view(), name="upload"),
    path("tai-len/xem-lai/", admin_views.UploadReviewView.as_view(), name="upload_review"),
    path("tai-len/huy/", admin_views.UploadCancelView.as_view(), name="upload_cancel"),
]


@hooks.register("register_admin_urls")
def register_laws_admin_urls():
    return [path("phap-luat/", include((admin_urlpatterns, "laws_admin"), namespace="laws_admin"))]


class LawsMenuItem(MenuItem):
    """Shown only to those who may edit the legal library (province level)."""

    def is_shown(self, request) -> bool:
        return admin_views.can_edit_laws(request.user)


@hooks.register("register_admin_menu_item")
def register_laws_menu():
    menu = Menu(
        items=[
            LawsMenuItem(
                _("Văn bản"), reverse("laws_admin:documents"), name="laws-documents",
                icon_name="doc-full", order=100,
            ),
            LawsMenuItem(
                _("Tải lên văn bản"), reverse("laws_admin:upload"), name="laws-upload",
                icon_name="upload", order=200,
            ),
        ]
    )  # fmt: skip
    return SubmenuMenuItem(
        _("Thư viện pháp luật"), menu, name="laws", icon_name="folder-open-inverse", order=250
    )
