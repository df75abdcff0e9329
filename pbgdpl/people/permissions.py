"""The one permission function of PBGDPL Số: ``can(user, action, obj)``.

A role is granted on an administrative unit and holds for that unit's whole subtree
(a province admin of Gia Lai acts on every commune of Gia Lai; a commune officer only on
that commune). Each app registers the actions it needs, with the roles that may do them,
in its AppConfig.ready(); every check in every app goes through ``can``/``require``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet

from pbgdpl.units.models import Unit

from .models import Role, RoleAssignment


@dataclass(frozen=True)
class Action:
    name: str
    roles: frozenset[str]
    description: str = ""


_ACTIONS: dict[str, Action] = {}


def register_action(name: str, *, roles: Iterable[str], description: str = "") -> Action:
    """Declare an action and the roles allowed to perform it (idempotent for equal input)."""
    action = Action(name=name, roles=frozenset(str(r) for r in roles), description=description)
    existing = _ACTIONS.get(name)
    if existing is not None and existing != action:
        raise ValueError(f"Action {name!r} is already registered with other roles.")
    unknown = action.roles - set(Role.values)
    if unknown:
        raise ValueError(f"Unknown roles for {name!r}: {sorted(unknown)}")
    _ACTIONS[name] = action
    return action


def registered_actions() -> dict[str, Action]:
    """All declared actions by name."""
    return dict(_ACTIONS)


def _action(name: str) -> Action:
    try:
        return _ACTIONS[name]
    except KeyError:
        raise ValueError(f"Unknown action {name!r}: register it with register_action().") from None


def unit_of(obj: Any) -> Unit | None:
    """The unit that owns ``obj``: a Unit itself, ``obj.permission_unit`` or ``obj.unit``."""
    if obj is None or isinstance(obj, Unit):
        return obj
    unit = getattr(obj, "permission_unit", None)
    if unit is None:
        unit = getattr(obj, "unit", None)
    if unit is not None and not isinstance(unit, Unit):
        raise TypeError(f"{type(obj).__name__}.unit is not a Unit")
    return unit


def _grants(user: Any) -> list[tuple[str, str]]:
    """(role, unit path) pairs the user holds today, cached on the user object."""
    cached = getattr(user, "_pbgdpl_grants", None)
    if cached is None:
        cached = list(
            RoleAssignment.objects.active()
            .filter(user_id=user.pk, unit__valid_to__isnull=True)
            .values_list("role", "unit__path")
        )
        user._pbgdpl_grants = cached
    return cached


def forget_cached_grants(user: Any) -> None:
    """Drop the per-object cache after the user's roles changed."""
    if hasattr(user, "_pbgdpl_grants"):
        del user._pbgdpl_grants


_ROLES_CHANGED_LISTENERS: list[Callable[..., None]] = []


def register_roles_changed_listener(listener: Callable[..., None]) -> None:
    """Have ``listener(user=...)`` called whenever a role of that user was granted or revoked.

    It runs after the granting transaction commits (not at all if it rolls back), so higher
    floors (the portal's Wagtail groups) follow role changes without people importing them.
    Registering the same function again has no effect.
    """
    if listener not in _ROLES_CHANGED_LISTENERS:
        _ROLES_CHANGED_LISTENERS.append(listener)


def roles_changed_notify(*, user: Any) -> None:
    """Schedule every registered listener for ``user`` once the current transaction commits.

    A failing listener is logged by Django and does not stop the others.
    """
    for listener in tuple(_ROLES_CHANGED_LISTENERS):
        transaction.on_commit(partial(listener, user=user), robust=True)


def holds_staff_role(user: Any) -> bool:
    """Whether the user holds, today, any role other than ``citizen``."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return any(role != Role.CITIZEN for role, _path in _grants(user))


def can(user: Any, action: str, obj: Any = None) -> bool:
    """Whether ``user`` may perform ``action`` on ``obj``.

    ``obj`` is a Unit, anything with a ``unit``/``permission_unit``, or None. With None the
    question is "may the user do this anywhere at all" (e.g. to show a menu). Superusers
    may do everything; inactive and anonymous users nothing that is registered.
    """
    spec = _action(action)
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    grants = [path for role, path in _grants(user) if role in spec.roles]
    if not grants:
        return False
    if obj is None:
        return True
    unit = unit_of(obj)
    if unit is None:
        # An object owned by no unit is province-wide: only root-level grants reach it.
        return any(path.count("/") == 1 for path in grants)
    return any(unit.path.startswith(path) for path in grants)


def require(user: Any, action: str, obj: Any = None) -> None:
    """Raise PermissionDenied unless ``can(user, action, obj)``."""
    if not can(user, action, obj):
        raise PermissionDenied(action)


def permitted_unit_paths(user: Any, action: str) -> list[str] | None:
    """Unit paths under which ``user`` may do ``action``; None means everywhere (superuser)."""
    spec = _action(action)
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if user.is_superuser:
        return None
    return sorted({path for role, path in _grants(user) if role in spec.roles})


def filter_permitted(
    user: Any, action: str, queryset: QuerySet, *, unit_field: str = "unit"
) -> QuerySet:
    """Only the rows of ``queryset`` whose unit lies where ``user`` may do ``action``."""
    paths = permitted_unit_paths(user, action)
    if paths is None:
        return queryset
    if not paths:
        return queryset.none()
    prefix = "path" if unit_field in ("", None) else f"{unit_field}__path"
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{prefix}__startswith": path})
    return queryset.filter(condition)


# Actions of the foundation itself; feature apps register theirs in their AppConfig.ready().
register_action(
    "units.change",
    roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER],
    description="Sửa thông tin, dân số của đơn vị hành chính",
)
register_action(
    "people.view",
    roles=[Role.PROVINCE_ADMIN, Role.UNIT_OFFICER],
    description="Xem danh sách người có vai trò trong đơn vị",
)
register_action(
    "people.grant_role",
    roles=[Role.PROVINCE_ADMIN],
    description="Cấp, thu hồi vai trò trong đơn vị",
)
register_action("audit.view", roles=[Role.PROVINCE_ADMIN], description="Xem nhật ký kiểm toán")
register_action(
    "content.edit",
    roles=[Role.PROVINCE_ADMIN, Role.EDITOR],
    description="Soạn, sửa nội dung",
)
register_action(
    "content.approve",
    roles=[Role.PROVINCE_ADMIN, Role.APPROVER],
    description="Duyệt, xuất bản nội dung",
)
