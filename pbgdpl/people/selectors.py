"""Reads over users and roles; the accounts' reach records for the indicators."""

from datetime import date
from typing import Any

from django.db.models import Max, QuerySet

from pbgdpl.units.models import Unit

from .models import RoleAssignment, UserActiveDay
from .reach import ReachRecord, reach_keys


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


def account_reach_records(*, date_from: date, date_to: date) -> list[ReachRecord]:
    """Accounts used in the days ``date_from``..``date_to`` (both included), for the
    "persons reached digitally" indicators (source "account").

    One record per account: ``on`` is the last day in the period the account was used
    (``UserActiveDay``), ``unit_id`` the commune the account holder gave (None if none),
    ``keys`` the hashed phone, e-mail and account id. One record per account rather than
    per day: the indicators count a person once per period, by their latest record, so the
    other days would change nothing. Staff accounts (back-office users) and deactivated
    accounts are left out: officials at work are not the residents the plan counts."""
    rows = (
        UserActiveDay.objects.filter(
            day__gte=date_from,
            day__lte=date_to,
            user__is_active=True,
            user__is_staff=False,
            user__is_superuser=False,
        )
        .values("user_id", "user__phone", "user__email", "user__unit_id")
        .annotate(last_day=Max("day"))
        .order_by("user_id")
    )
    return [
        ReachRecord(
            keys=reach_keys(
                phone=row["user__phone"] or "",
                email=row["user__email"] or "",
                user_id=row["user_id"],
            ),
            unit_id=row["user__unit_id"],
            on=row["last_day"],
            source="account",
        )
        for row in rows.iterator(chunk_size=2000)
    ]
