"""Where to send a user back to after a form: never to another site."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request: HttpRequest, target: str | None, *, default: str = "/") -> str:
    """``target`` when it is a URL on this site (same scheme rules), otherwise ``default``."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
