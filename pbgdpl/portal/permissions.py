"""Wagtail permissions derived from roles: who may draft, approve and publish which pages.

Roles are granted on administrative units (``people.RoleAssignment``) and checked with
``people.permissions.can``; Wagtail, however, reads page permissions from Django groups
(``GroupPagePermission``) and workflow approvals from the groups of a
``GroupApprovalTask``. This module keeps a set of *managed groups* in step with the roles:

========================================  =================================================
group                                     what it may do
========================================  =================================================
``Biên tập – cấp tỉnh``                   add, change, lock pages under every HomePage
                                          (each language), i.e. the whole portal
``Duyệt – cấp tỉnh``                      the same plus publish and unlock
``Biên tập – <đơn vị> (<mã>)``            add, change, lock under that unit's UnitAreaPage
``Duyệt – <đơn vị> (<mã>)``               the same plus publish and unlock
``Quản trị nội dung cấp tỉnh``            add/change/delete the taxonomies (``Audience``)
========================================  =================================================

Every page group may also upload and choose images and documents (root collection; the
province groups may edit any of them, the others only their own).

A user belongs to an editor group iff, today, they hold a role allowed ``content.edit``
on the group's unit or an ancestor of it (``can``); approver groups likewise with
``content.approve``; the taxonomy group with ``content.manage`` at province level. A
province-level holder joins only the province group, which already covers every area
through the page tree. Managed groups are recognised by their names; memberships of any
other group are never touched, and changes made to managed groups or workflows in the
admin are put back by the next sync.

Workflows: "Duyệt tin bài cấp tỉnh" on every HomePage (approved by the province
approvers) and "Duyệt tin bài – <đơn vị> (<mã>)" on each area (approved by the area's or
the province's approvers). Editors, who lack the publish permission, can only submit for
moderation; the approval publishes.

The sync runs when a role is granted or revoked (people's roles-changed listeners), at
each login, when an area page is created or edited in the admin, and daily from cron
(``manage.py portal_permissions_sync``) so that roles starting or ending on a date take
effect.
"""

import logging
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signals import page_published

from pbgdpl.core.audit import audit_record
from pbgdpl.people.models import Role, RoleAssignment
from pbgdpl.people.permissions import (
    forget_cached_grants,
    permitted_unit_paths,
    register_action,
    register_roles_changed_listener,
    registered_actions,
)

from .models import Audience, HomePage, UnitAreaPage

logger = logging.getLogger(__name__)

register_action(
    "content.manage",
    roles=[Role.PROVINCE_ADMIN],
    description="Quản lý danh mục nội dung của cổng (đối tượng, …)",
)

# Names are data kept in the database (like the seeded audiences), always in Vietnamese:
# they identify the managed groups and workflows, so they must not follow the UI language.
EDITOR_PREFIX = "Biên tập – "
APPROVER_PREFIX = "Duyệt – "
PROVINCE_LABEL = "cấp tỉnh"
PROVINCE_EDITORS = f"{EDITOR_PREFIX}{PROVINCE_LABEL}"
PROVINCE_APPROVERS = f"{APPROVER_PREFIX}{PROVINCE_LABEL}"
CONTENT_ADMINS = "Quản trị nội dung cấp tỉnh"
PROVINCE_WORKFLOW = "Duyệt tin bài cấp tỉnh"
PROVINCE_TASK = "Phê duyệt cấp tỉnh"
AREA_WORKFLOW_PREFIX = "Duyệt tin bài – "
AREA_TASK_PREFIX = "Phê duyệt – "

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
APPROVER_PAGE_PERMISSIONS = (*EDITOR_PAGE_PERMISSIONS, "publish_page", "unlock_page")
# With "add" only, Wagtail lets people change the images/documents they uploaded themselves.
AREA_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)
PROVINCE_COLLECTION_PERMISSIONS = (
    *AREA_COLLECTION_PERMISSIONS,
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "change_document"),
)
CONTENT_ADMIN_MODELS = (Audience,)


@dataclass(frozen=True)
class GroupPair:
    """The editor and approver groups of the province or of one area."""

    editors: Group
    approvers: Group


def managed_groups_q() -> Q:
    """The condition selecting every managed group (and no other)."""
    return (
        Q(name__startswith=EDITOR_PREFIX)
        | Q(name__startswith=APPROVER_PREFIX)
        | Q(name=CONTENT_ADMINS)
    )


# Area groups end with their unit's code: "Biên tập – Phường Quy Nhơn (21583)".
AREA_NAME_SUFFIX = r" \([0-9A-Za-z_-]+\)$"


def _unit_label(unit: Any) -> str:
    # Group.name holds 150 characters; the code keeps names unique (many "Phường 1").
    return f"{unit.name[:120]} ({unit.code})"


def area_group_names(area: UnitAreaPage) -> tuple[str, str]:
    """The names of the editor and approver groups of ``area``."""
    label = _unit_label(area.unit)
    return f"{EDITOR_PREFIX}{label}", f"{APPROVER_PREFIX}{label}"


# ----------------------------------------------------------------------------- ensuring
PERMISSION_APPS = ["wagtailcore", "wagtailimages", "wagtaildocs", "portal", "simple_translation"]
# Province editors and approvers translate pages ("Dịch trang" in the page menu): the copy
# is a draft in the other language's tree, submitted to the same approval workflow.
TRANSLATE_PERMISSION = ("simple_translation", "submit_translation")


class _Permissions:
    """Permission rows by (app label, codename), read once per public call."""

    def __init__(self) -> None:
        self._by_key = {
            (p.content_type.app_label, p.codename): p
            for p in Permission.objects.filter(
                content_type__app_label__in=PERMISSION_APPS
            ).select_related("content_type")
        }

    def page(self, codename: str) -> Permission:
        return self._by_key[("wagtailcore", codename)]

    def get(self, app_label: str, codename: str) -> Permission:
        return self._by_key[(app_label, codename)]


def _group_ensure(*, name: str, prefix: str, page: Page | None) -> Group:
    """The managed group called ``name``; an area group is found by its page first, so it
    follows a renamed unit."""
    group = None
    if page is not None:
        group = (
            Group.objects.filter(name__startswith=prefix, page_permissions__page=page)
            .order_by("pk")
            .first()
        )
        if group is not None and group.name != name:
            if Group.objects.filter(name=name).exclude(pk=group.pk).exists():
                Group.objects.filter(name=name).exclude(pk=group.pk).delete()
            group.name = name
            group.save(update_fields=["name"])
    if group is None:
        group, created = Group.objects.get_or_create(name=name)
        if created:
            audit_record(action="portal.group_create", obj=group, data={"name": name})
    return group


def _page_permissions_set(
    group: Group, pages: list[Page], codenames: tuple[str, ...], perms: _Permissions
) -> None:
    wanted = {(page.pk, perms.page(c).pk) for page in pages for c in codenames}
    have = {
        (page_id, perm_id): pk
        for pk, page_id, perm_id in GroupPagePermission.objects.filter(group=group).values_list(
            "pk", "page_id", "permission_id"
        )
    }
    stale = [pk for key, pk in have.items() if key not in wanted]
    if stale:
        GroupPagePermission.objects.filter(pk__in=stale).delete()
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
            for page_id, perm_id in sorted(wanted - have.keys())
        ],
        ignore_conflicts=True,  # a concurrent sync (two logins) may have added them
    )


def _collection_permissions_set(
    group: Group, keys: tuple[tuple[str, str], ...], perms: _Permissions
) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    wanted = {perms.get(app, codename).pk for app, codename in keys}
    existing = GroupCollectionPermission.objects.filter(group=group)
    existing.exclude(collection=root, permission_id__in=wanted).delete()
    have = set(existing.filter(collection=root).values_list("permission_id", flat=True))
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=root, permission_id=perm_id)
            for perm_id in sorted(wanted - have)
        ],
        ignore_conflicts=True,
    )


def _workflow_ensure(
    *, name: str, task_name: str, prefix: str, groups: list[Group], pages: list[Page]
) -> Workflow:
    """A one-step group-approval workflow assigned to ``pages``, approved by ``groups``."""
    workflow = None
    if pages:
        assigned = (
            WorkflowPage.objects.filter(page__in=pages, workflow__name__startswith=prefix)
            .select_related("workflow")
            .first()
        )
        workflow = assigned.workflow if assigned else None
    if workflow is None:
        workflow = Workflow.objects.filter(name=name).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        audit_record(
            action="portal.workflow_create",
            object_type="wagtailcore.workflow",
            object_id=str(workflow.pk),
            object_repr=name,
        )
    if workflow.name != name or not workflow.active:
        workflow.name = name
        workflow.active = True
        workflow.save(update_fields=["name", "active"])
    task = (
        GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow)
        .order_by("workflow_tasks__sort_order")
        .first()
    )
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if task.name != task_name or not task.active:
        task.name = task_name
        task.active = True
        task.save(update_fields=["name", "active"])
    if set(task.groups.values_list("pk", flat=True)) != {g.pk for g in groups}:
        task.groups.set(groups)
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def _province_ensure(perms: _Permissions) -> GroupPair:
    homes = list(HomePage.objects.order_by("path"))
    editors = _group_ensure(name=PROVINCE_EDITORS, prefix=EDITOR_PREFIX, page=None)
    approvers = _group_ensure(name=PROVINCE_APPROVERS, prefix=APPROVER_PREFIX, page=None)
    _page_permissions_set(editors, homes, EDITOR_PAGE_PERMISSIONS, perms)
    _page_permissions_set(approvers, homes, APPROVER_PAGE_PERMISSIONS, perms)
    for group in (editors, approvers):
        _collection_permissions_set(group, PROVINCE_COLLECTION_PERMISSIONS, perms)
        group.permissions.add(perms.get(*TRANSLATE_PERMISSION))
    _workflow_ensure(
        name=PROVINCE_WORKFLOW,
        task_name=PROVINCE_TASK,
        prefix=PROVINCE_WORKFLOW,
        groups=[approvers],
        pages=homes,
    )
    return GroupPair(editors=editors, approvers=approvers)


def _content_admins_ensure(perms: _Permissions) -> Group:
    group = _group_ensure(name=CONTENT_ADMINS, prefix=CONTENT_ADMINS, page=None)
    wanted = [
        perms.get(model._meta.app_label, f"{action}_{model._meta.model_name}")
        for model in CONTENT_ADMIN_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    if set(group.permissions.values_list("pk", flat=True)) != {p.pk for p in wanted}:
        group.permissions.set(wanted)
    return group


def _area_ensure(area: UnitAreaPage, province: GroupPair, perms: _Permissions) -> GroupPair:
    editors_name, approvers_name = area_group_names(area)
    editors = _group_ensure(name=editors_name, prefix=EDITOR_PREFIX, page=area)
    approvers = _group_ensure(name=approvers_name, prefix=APPROVER_PREFIX, page=area)
    _page_permissions_set(editors, [area], EDITOR_PAGE_PERMISSIONS, perms)
    _page_permissions_set(approvers, [area], APPROVER_PAGE_PERMISSIONS, perms)
    for group in (editors, approvers):
        _collection_permissions_set(group, AREA_COLLECTION_PERMISSIONS, perms)
    label = _unit_label(area.unit)
    _workflow_ensure(
        name=f"{AREA_WORKFLOW_PREFIX}{label}",
        task_name=f"{AREA_TASK_PREFIX}{label}",
        prefix=AREA_WORKFLOW_PREFIX,
        groups=[approvers, province.approvers],
        pages=[area],
    )
    return GroupPair(editors=editors, approvers=approvers)


@transaction.atomic
def portal_province_groups_ensure() -> GroupPair:
    """Create or repair the province's editor/approver groups (permissions on every
    HomePage, i.e. every language) and the province workflow; memberships unchanged."""
    return _province_ensure(_Permissions())


@transaction.atomic
def portal_workflows_ensure() -> int:
    """Create or repair every managed group, its permissions and every managed workflow
    (province and all areas), without changing memberships. Returns the number of areas."""
    perms = _Permissions()
    province = _province_ensure(perms)
    _content_admins_ensure(perms)
    areas = list(UnitAreaPage.objects.select_related("unit"))
    for area in areas:
        _area_ensure(area, province, perms)
    return len(areas)


@transaction.atomic
def portal_area_groups_ensure(*, area: UnitAreaPage) -> GroupPair:
    """Make sure ``area`` has its editor and approver groups (with their permissions on the
    area page) and its approval workflow, and that the people holding roles on its unit
    today are in them. Safe to call again; returns the two groups."""
    perms = _Permissions()
    province = _province_ensure(perms)
    pair = _area_ensure(area, province, perms)
    content_roles = (
        registered_actions()["content.edit"].roles | registered_actions()["content.approve"].roles
    )
    user_ids = set(
        RoleAssignment.objects.active()
        .filter(unit__path__startswith=area.unit.path, role__in=content_roles)
        .values_list("user_id", flat=True)
    )
    user_ids |= set(
        get_user_model()
        .objects.filter(groups__in=[pair.editors, pair.approvers])
        .values_list("pk", flat=True)
    )
    for user in get_user_model().objects.filter(pk__in=user_ids):
        portal_permissions_sync(user=user)
    return pair


# ----------------------------------------------------------------------------- memberships
class _AreaIndex:
    """Areas sorted by their unit's path, to find those under a unit path quickly."""

    def __init__(self, entries: list[tuple[str, GroupPair]]) -> None:
        self._entries = sorted(entries, key=lambda e: e[0])
        self._paths = [path for path, _pair in self._entries]

    def under(self, path: str) -> list[GroupPair]:
        found = []
        for i in range(bisect_left(self._paths, path), len(self._paths)):
            if not self._paths[i].startswith(path):
                break
            found.append(self._entries[i][1])
        return found


def _is_province_path(path: str) -> bool:
    # Same rule as can(): only grants on a root unit reach what no unit owns.
    return path.count("/") == 1


def _user_caches_forget(user: Any) -> None:
    forget_cached_grants(user)
    for name in (
        "_page_permission_cache",
        "_explorable_root_page_cache",
        "_group_approval_task_checks",
        "_perm_cache",
        "_user_perm_cache",
        "_group_perm_cache",
    ):
        if hasattr(user, name):
            delattr(user, name)


def _desired_groups(
    user: Any, province: GroupPair, content_admins: Group, areas: _AreaIndex
) -> set[int]:
    if not user.is_active or user.is_superuser:
        return set()
    desired: set[int] = set()
    for action, province_group, side in (
        ("content.edit", province.editors, "editors"),
        ("content.approve", province.approvers, "approvers"),
    ):
        paths = permitted_unit_paths(user, action) or []
        if any(_is_province_path(p) for p in paths):
            desired.add(province_group.pk)
            continue
        for path in paths:
            desired.update(getattr(pair, side).pk for pair in areas.under(path))
    if any(_is_province_path(p) for p in permitted_unit_paths(user, "content.manage") or []):
        desired.add(content_admins.pk)
    return desired


def _user_sync(user: Any, province: GroupPair, content_admins: Group, areas: _AreaIndex) -> int:
    _user_caches_forget(user)
    desired = _desired_groups(user, province, content_admins, areas)
    current = dict(user.groups.filter(managed_groups_q()).values_list("pk", "name"))
    added = desired - current.keys()
    removed = current.keys() - desired
    if not added and not removed:
        return 0
    if removed:
        user.groups.remove(*removed)
    if added:
        user.groups.add(*added)
    _user_caches_forget(user)
    names = dict(Group.objects.filter(pk__in=added).values_list("pk", "name"))
    audit_record(
        action="portal.permissions_sync",
        obj=user,
        actor=None,
        data={
            "added": sorted(names[pk] for pk in added),
            "removed": sorted(current[pk] for pk in removed),
        },
    )
    return len(added) + len(removed)


@transaction.atomic
def portal_permissions_sync(*, user: Any = None) -> int:
    """Bring the managed groups' memberships in line with the roles held today.

    With ``user``, only that user (and only the areas their roles reach); without, every
    user who holds or held a role or sits in a managed group, after repairing all managed
    groups and workflows and deleting the groups of areas that no longer exist. Returns
    the number of memberships added or removed; each user's changes are audited.
    """
    if (
        user is not None
        and not RoleAssignment.objects.filter(user_id=user.pk).exists()
        and not user.groups.filter(managed_groups_q()).exists()
    ):
        return 0  # most logins: citizens, who never had a role
    perms = _Permissions()
    province = _province_ensure(perms)
    content_admins = _content_admins_ensure(perms)
    if user is None:
        areas = UnitAreaPage.objects.select_related("unit")
        users = (
            get_user_model()
            .objects.filter(
                Q(role_assignments__isnull=False)
                | Q(groups__in=Group.objects.filter(managed_groups_q()))
            )
            .distinct()
            .order_by("pk")
        )
    else:
        _user_caches_forget(user)
        paths = {
            p
            for action in ("content.edit", "content.approve")
            for p in (permitted_unit_paths(user, action) or [])
            if not _is_province_path(p)
        }
        condition = Q(pk__in=[])
        for path in paths:
            condition |= Q(unit__path__startswith=path)
        areas = UnitAreaPage.objects.filter(condition).select_related("unit")
        users = [user]
    index = _AreaIndex([(area.unit.path, _area_ensure(area, province, perms)) for area in areas])
    if user is None:
        _orphans_retire()
    return sum(_user_sync(u, province, content_admins, index) for u in users)


def _orphans_retire() -> None:
    """Delete the groups, and deactivate the workflows, of areas whose page is gone (their
    page permissions and workflow assignment went with it)."""
    orphans = (
        Group.objects.filter(
            Q(name__startswith=EDITOR_PREFIX) | Q(name__startswith=APPROVER_PREFIX)
        )
        .filter(name__regex=AREA_NAME_SUFFIX, page_permissions__isnull=True)
        .distinct()
    )
    for group in orphans:
        audit_record(action="portal.group_delete", obj=group, actor=None, data={"name": group.name})
        group.delete()
    for workflow in Workflow.objects.filter(
        name__startswith=AREA_WORKFLOW_PREFIX, active=True, workflow_pages__isnull=True
    ):
        workflow.deactivate()


# ----------------------------------------------------------------------------- triggers
def portal_roles_changed(*, user: Any) -> None:
    """People's roles-changed listener: re-derive the user's groups."""
    portal_permissions_sync(user=user)


register_roles_changed_listener(portal_roles_changed)


@receiver(page_published, dispatch_uid="portal_permissions_on_publish")
def portal_permissions_on_publish(sender: Any, instance: Any, **kwargs: Any) -> None:
    """An area (or a language's home) published by any path — the editor's button, the
    workflow's approval, ``publish_scheduled`` — gets its groups and workflow."""
    if isinstance(instance, UnitAreaPage):
        portal_area_groups_ensure(area=instance)
    elif isinstance(instance, HomePage):
        portal_province_groups_ensure()


@receiver(post_save, sender=HomePage, dispatch_uid="portal_permissions_on_home_created")
def portal_permissions_on_home_created(
    sender: Any, instance: HomePage, created: bool, **kwargs: Any
) -> None:
    """A new language's home page (made by "translate", still a draft) is covered by the
    province groups and workflow at once, so its translators can edit and submit it."""
    if created:
        transaction.on_commit(portal_province_groups_ensure)


@receiver(user_logged_in, dispatch_uid="portal_permissions_on_login")
def portal_permissions_on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Re-derive the groups at each login (roles may have started or ended by date).

    A failure is logged and never blocks the login: the daily sync repairs it.
    """
    try:
        portal_permissions_sync(user=user)
    except Exception:  # pragma: no cover - defensive; the sync's savepoint rolled back
        logger.exception("portal permissions sync failed at login for user %s", user.pk)
