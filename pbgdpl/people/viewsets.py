"""The Wagtail back-office user screens with our phone-number field."""

from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import StaffUserCreationForm, StaffUserEditForm


class StaffUserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False) -> type:
        return StaffUserEditForm if for_update else StaffUserCreationForm
