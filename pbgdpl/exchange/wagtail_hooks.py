"""The exchange in the Wagtail back office: the "Trao đổi dữ liệu" menu (province admins
only) and its screens under ``/admin/trao-doi/`` (peers, runs, "Kéo ngay", tokens)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

admin_urlpatterns = [
    path("", admin_views.PeerListView.as_view(), name="peers"),
    path("them/", admin_views.PeerFormView.as_view(), name="peer_add"),
    path("nut/<int:pk>/", admin_views.PeerDetailView.as_view(), name="peer"),
    path("nut/<int:pk>/sua/", admin_views.PeerFormView.as_view(), name="peer_edit"),
    path("nut/<int:pk>/keo-ngay/", admin_views.PeerPullView.as_view(), name="peer_pull"),
    path("ma-truy-cap/", admin_views.AccessTokenView.as_view(), name="tokens"),
    path(
        "ma-truy-cap/<int:pk>/thu-hoi/",
        admin_views.AccessTokenRevokeView.as_view(),
        name="token_revoke",
    ),
]


@hooks.register("register_admin_urls")
def register_exchange_admin_urls():
    return [
        path(
            "trao-doi/",
            include((admin_urlpatterns, "exchange_admin"), namespace="exchange_admin"),
        )
    ]


class ExchangeMenuItem(MenuItem):
    """Shown only to those who manage the exchange (province admins)."""

    def is_shown(self, request) -> bool:
        return admin_views.can_manage_exchange(request.user)


@hooks.register("register_admin_menu_item")
def register_exchange_menu():
    return ExchangeMenuItem(
        _("Trao đổi dữ liệu"),
        reverse("exchange_admin:peers"),
        name="exchange",
        icon_name="resubmit",
        order=900,
    )
