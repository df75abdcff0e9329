"""Pieces every back-office view of the apps uses: a class-level permission check, the
message shown when a service refuses for lack of permission, the Wagtail menu item shown
by permission, and the units a person may act in (what a "unit" select offers). The form
helpers are in :mod:`pbgdpl.people.backoffice_forms`."""

import re
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from wagtail.admin.menu import MenuItem

from pbgdpl.units.models import Unit
from pbgdpl.units.selectors import unit_list_valid

from .permissions import permitted_unit_paths, registered_actions


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


class PermittedMenuItem(MenuItem):
    """A Wagtail menu item shown only when ``check(user)`` says yes (a submenu made of
    them is shown when any of its items is)."""

    def __init__(self, *args: Any, check: Callable[[Any], bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request: HttpRequest) -> bool:
        return bool(self.check(request.user))


def units_for(
    user: Any, actions: str | Iterable[str], *, within: QuerySet[Unit] | None = None
) -> QuerySet[Unit]:
    """Units of ``within`` (every unit in force today by default) where ``user`` may do
    any of ``actions`` (the granted units and everything below them), the highest first:
    what a "unit" select offers."""
    if isinstance(actions, str):
        actions = (actions,)
    units = unit_list_valid() if within is None else within
    condition = Q()
    for action in actions:
        paths = permitted_unit_paths(user, action)
        if paths is None:
            return units.order_by("depth", "name")
        for path in paths:
            condition |= Q(path__startswith=path)
    if not condition:
        return Unit.objects.none()
    return units.filter(condition).order_by("depth", "name")
