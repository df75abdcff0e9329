"""Staff must have a verified second factor (TOTP) before using the back office; the
days an account is used are noted for the indicators."""

from collections.abc import Callable
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from .selectors import user_has_confirmed_totp
from .services import user_active_day_record


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


class AccountActivityMiddleware:
    """Record the days an account is used (``UserActiveDay``), for the indicators.

    At most one write per account and day: once written, a flag in the shared cache
    (until the end of the day) spares the look-up. Place it after
    ``AuthenticationMiddleware``. Only logged-in requests are looked at: anonymous readers
    (and page-cache hits, which never reach here with a session) cost nothing."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            _active_day_note(user)
        return self.get_response(request)


def _active_day_note(user) -> None:
    now = timezone.localtime()
    day = now.date()
    key = f"people:active-day:{user.pk}:{day.isoformat()}"
    if cache.get(key):
        return
    user_active_day_record(user=user, day=day)
    end_of_day = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    cache.set(key, 1, max(60, int((end_of_day - now).total_seconds()) + 60))
