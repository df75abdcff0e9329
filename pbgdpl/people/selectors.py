"""Reads over users and roles."""

from typing import Any

from django.db.models import QuerySet

from pbgdpl.units.models import Unit

from .models import RoleAssignment


def role_assignments_in_unit(
    *, unit: Unit, include_subtree: bool = False
) -> QuerySet[RoleAssignment]:
    """Grants in force on ``unit`` (and below it when asked), with user and unit loaded."""
    qs = RoleAssignment.objects.active().select_related("user", "unit")
    if include_subtree:
        return qs.filter(unit__path__startswith=unit.path)
    return qs.filter(unit=unit)


def user_has_confirmed_totp(*, user: Any) -> bool:
    """Whether the user has finished enrolling an authenticator app."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
