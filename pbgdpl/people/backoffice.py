"""Pieces every back-office view of the apps uses: a class-level permission check and
the message shown when a service refuses for lack of permission."""

import re
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .permissions import registered_actions


class PermissionCheckMixin:
    """A view mixin: ``permission_check(user) -> bool`` decides before anything else
    (PermissionDenied, i.e. 403, when it says no)."""

    permission_check: Any = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not type(self).permission_check(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def permission_denied_message(exc: PermissionDenied, *, default: str) -> str:
    """The service's own words when it gave some (e.g. "Người soạn không tự duyệt…"),
    else ``default`` — never an internal action name such as "qa.approve"."""
    text = str(exc)
    if text and text not in registered_actions() and not re.fullmatch(r"[\w.]+", text):
        return text
    return default
