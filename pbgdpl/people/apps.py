from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    name = "pbgdpl.people"
    label = "people"
    verbose_name = _("Người dùng và vai trò")


class StaffUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with our user screens (phone number; Vietnamese name order)."""

    user_viewset = "pbgdpl.people.viewsets.StaffUserViewSet"
