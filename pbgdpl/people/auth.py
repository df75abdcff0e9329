"""API authentication: the Django session, with the staff second factor enforced."""

from typing import Any

from django.http import HttpRequest
from ninja.security import SessionAuth


class VerifiedSessionAuth(SessionAuth):
    """A logged-in session; staff sessions must also have passed TOTP verification.

    CSRF is checked on unsafe methods (django-ninja's cookie authentication does so).
    """

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None:
            return None
        if user.is_staff and not user.is_verified():
            return None
        return user


session_auth = VerifiedSessionAuth()
