"""Staff must have a verified second factor (TOTP) before using the back office."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from .selectors import user_has_confirmed_totp


class StaffTwoFactorMiddleware:
    """Send a logged-in user who reaches /admin/ without a verified device to enrol or verify."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        user = getattr(request, "user", None)
        if (
            path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and not path.startswith(tuple(settings.STAFF_2FA_EXEMPT_PREFIXES))
            and not user.is_verified()
        ):
            name = "people:2fa_verify" if user_has_confirmed_totp(user=user) else "people:2fa_enrol"
            return HttpResponseRedirect(
                f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)
