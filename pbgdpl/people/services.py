"""Writes over users and roles. Every change is checked with ``can`` and audited."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pbgdpl.core.audit import audit_record
from pbgdpl.units.models import Unit

from .communes import commune_by_code
from .identifiers import normalize_email, normalize_phone
from .models import Role, RoleAssignment, User, UserActiveDay
from .permissions import forget_cached_grants, require, roles_changed_notify


class PeopleError(Exception):
    """A user/role operation that cannot go ahead; the message is for people (Vietnamese)."""


@transaction.atomic
def user_create(
    *,
    email: str | None = None,
    phone: str | None = None,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
    actor: Any = None,
) -> User:
    """Create a user identified by e-mail and/or phone (each unique once normalised)."""
    email_n = normalize_email(email) if email else None
    try:
        phone_n = normalize_phone(phone) if phone else None
    except ValueError as exc:
        raise PeopleError(_("Số điện thoại “%(p)s” không hợp lệ.") % {"p": phone}) from exc
    if not email_n and not phone_n:
        raise PeopleError(_("Cần có thư điện tử hoặc số điện thoại."))
    if email_n and User.objects.filter(email=email_n).exists():
        raise PeopleError(_("Thư điện tử này đã được dùng."))
    if phone_n and User.objects.filter(phone=phone_n).exists():
        raise PeopleError(_("Số điện thoại này đã được dùng."))
    user = User(
        email=email_n,
        phone=phone_n,
        first_name=first_name,
        last_name=last_name,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    user.set_password(password)
    user.save()
    audit_record(
        action="people.user_create",
        obj=user,
        actor=actor,
        data={"is_staff": is_staff, "is_superuser": is_superuser},
    )
    return user


@transaction.atomic
def role_grant(
    *,
    actor: Any,
    user: User,
    role: str,
    unit: Unit,
    valid_from: date | None = None,
    valid_to: date | None = None,
    note: str = "",
) -> RoleAssignment:
    """Grant ``role`` on ``unit`` (and its subtree). The actor needs people.grant_role there.

    Granting a role the user already holds there, in force, returns the existing grant.
    """
    require(actor, "people.grant_role", unit)
    if role not in Role.values:
        raise PeopleError(_("Vai trò “%(r)s” không tồn tại.") % {"r": role})
    if unit.valid_to is not None and unit.valid_to <= timezone.localdate():
        raise PeopleError(_("Đơn vị %(u)s đã hết hiệu lực.") % {"u": unit})
    start = valid_from or timezone.localdate()
    if valid_to is not None and valid_to <= start:
        raise PeopleError(_("Ngày hết hiệu lực phải sau ngày bắt đầu."))
    existing = (
        RoleAssignment.objects.active(on=start).filter(user=user, role=role, unit=unit).first()
    )
    if existing is not None:
        return existing
    assignment = RoleAssignment.objects.create(
        user=user,
        role=role,
        unit=unit,
        valid_from=start,
        valid_to=valid_to,
        granted_by=actor if getattr(actor, "pk", None) else None,
        note=note,
    )
    if role != Role.CITIZEN and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    forget_cached_grants(user)
    roles_changed_notify(user=user)
    audit_record(
        action="people.role_grant",
        obj=assignment,
        actor=actor,
        data={
            "user": user.pk,
            "role": role,
            "unit": unit.code,
            "valid_from": str(start),
            "valid_to": str(valid_to) if valid_to else None,
        },
    )
    return assignment


@transaction.atomic
def role_revoke(*, actor: Any, assignment: RoleAssignment) -> RoleAssignment:
    """Revoke a grant (kept for history, no longer in force)."""
    require(actor, "people.grant_role", assignment.unit)
    if assignment.revoked_at is not None:
        return assignment
    assignment.revoked_at = timezone.now()
    assignment.revoked_by = actor if getattr(actor, "pk", None) else None
    assignment.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
    forget_cached_grants(assignment.user)
    roles_changed_notify(user=assignment.user)
    audit_record(
        action="people.role_revoke",
        obj=assignment,
        actor=actor,
        data={"user": assignment.user_id, "role": assignment.role, "unit": assignment.unit.code},
    )
    return assignment


@transaction.atomic
def totp_device_pending(*, user: User):
    """The user's unconfirmed authenticator device, created on first call (one per user)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="default", confirmed=False)
    return device


@transaction.atomic
def user_commune_set(*, user: User, unit_code: str, actor: Any = None) -> User:
    """Set (or, with an empty code, clear) the commune the account holder lives in.

    Only a commune, ward or special zone in force today is accepted; anything else raises
    PeopleError and changes nothing. Audited (the code, not the person's other data)."""
    code = (unit_code or "").strip()
    unit = None
    if code:
        commune = commune_by_code(code)
        unit = Unit.objects.filter(pk=commune.id).first() if commune else None
        if unit is None:
            raise PeopleError(
                _("Không có xã, phường, đặc khu đang có hiệu lực với mã “%(code)s”.")
                % {"code": code[:20]}
            )
    if user.unit_id == (unit.pk if unit else None):
        return user
    user.unit = unit
    user.save(update_fields=["unit"])
    audit_record(
        action="people.user_commune_set",
        obj=user,
        actor=actor if actor is not None else user,
        unit_code=unit.code if unit else "",
        data={"unit": unit.code if unit else None},
    )
    return user


@transaction.atomic
def user_active_day_record(*, user: User, day: date) -> None:
    """Note that ``user``'s account was used on ``day`` (idempotent: one row per day; an
    INSERT that ignores an existing row, so two racing requests of one person are safe)."""
    UserActiveDay.objects.bulk_create([UserActiveDay(user=user, day=day)], ignore_conflicts=True)
