"""Answers shared by the apps' API routers."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


def api_too_many_requests(request: HttpRequest, *, retry_after: int) -> HttpResponse:
    """429 in the API's JSON shape (``{"detail": …}``) with ``Retry-After``, for a client
    over a rate limit (see ``pbgdpl.core.ratelimit``)."""
    from pbgdpl.api.main import api  # the routers are imported by api.main

    response = api.create_response(
        request,
        {
            "detail": _("Bạn gửi quá nhiều lần. Vui lòng thử lại sau %(n)s giây.")
            % {"n": retry_after}
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response
