"""can(): roles granted on a unit hold for its subtree and nowhere else."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pbgdpl.people.models import Role, RoleAssignment
from pbgdpl.people.permissions import can, filter_permitted, register_action, require
from pbgdpl.people.services import PeopleError, role_grant, role_revoke
from tests.factories import RoleAssignmentFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_a(commune_a):
    return RoleAssignmentFactory(unit=commune_a, role=Role.UNIT_OFFICER).user


@pytest.fixture
def province_admin(province):
    return RoleAssignmentFactory(unit=province, role=Role.PROVINCE_ADMIN).user


def test_commune_officer_acts_on_own_commune_only(officer_a, commune_a, commune_b, province):
    assert can(officer_a, "units.change", commune_a)
    assert not can(officer_a, "units.change", commune_b)
    assert not can(officer_a, "units.change", province)
    with pytest.raises(PermissionDenied):
        require(officer_a, "units.change", commune_b)


def test_province_role_reaches_every_commune_below(province_admin, commune_a, commune_b):
    assert can(province_admin, "units.change", commune_a)
    assert can(province_admin, "people.grant_role", commune_b)


def test_role_in_another_province_reaches_nothing_here(commune_a):
    other = UnitFactory(code="01", name="Thành phố Hà Nội", kind="thanh_pho")
    user = RoleAssignmentFactory(unit=other, role=Role.PROVINCE_ADMIN).user
    assert not can(user, "units.change", commune_a)


def test_unit_code_prefix_is_not_mistaken_for_ancestry(province):
    """Unit 5 must not contain unit 52 even though "52" starts with "5"."""
    five = UnitFactory(code="5", name="Tỉnh Năm", kind="tinh")
    user = RoleAssignmentFactory(unit=five, role=Role.PROVINCE_ADMIN).user
    assert not can(user, "units.change", province)


def test_objects_are_judged_by_their_unit(officer_a, commune_a, commune_b):
    own = RoleAssignmentFactory(unit=commune_a, role=Role.REPORTER)
    foreign = RoleAssignmentFactory(unit=commune_b, role=Role.REPORTER)
    assert can(officer_a, "people.view", own)
    assert not can(officer_a, "people.view", foreign)


def test_role_without_the_action_is_refused(commune_a):
    reporter = RoleAssignmentFactory(unit=commune_a, role=Role.REPORTER).user
    assert not can(reporter, "units.change", commune_a)


def test_expired_future_and_revoked_roles_do_not_count(commune_a, province):
    today = timezone.localdate()
    expired = RoleAssignmentFactory(
        unit=commune_a, valid_from=date(2025, 7, 1), valid_to=today - timedelta(days=1)
    ).user
    future = RoleAssignmentFactory(unit=commune_a, valid_from=today + timedelta(days=3)).user
    revoked_assignment = RoleAssignmentFactory(unit=commune_a)
    admin = UserFactory(is_superuser=True)
    role_revoke(actor=admin, assignment=revoked_assignment)
    for user in (expired, future, revoked_assignment.user):
        assert not can(user, "units.change", commune_a)


def test_anonymous_inactive_and_superusers(commune_a, officer_a):
    from django.contrib.auth.models import AnonymousUser

    assert not can(AnonymousUser(), "units.change", commune_a)
    assert not can(None, "units.change", commune_a)
    officer_a.is_active = False
    assert not can(officer_a, "units.change", commune_a)
    assert can(UserFactory(is_superuser=True), "units.change", commune_a)


def test_unknown_action_is_a_programming_error(officer_a):
    with pytest.raises(ValueError, match="Unknown action"):
        can(officer_a, "no.such.action")


def test_register_action_rejects_conflicts_and_unknown_roles():
    register_action("test.same", roles=[Role.EDITOR])
    register_action("test.same", roles=[Role.EDITOR])
    with pytest.raises(ValueError):
        register_action("test.same", roles=[Role.APPROVER])
    with pytest.raises(ValueError):
        register_action("test.bad", roles=["emperor"])


def test_filter_permitted_limits_listings_to_the_subtree(
    officer_a, province_admin, commune_a, commune_b
):
    RoleAssignmentFactory(unit=commune_b, role=Role.REPORTER)
    visible = filter_permitted(officer_a, "people.view", RoleAssignment.objects.all())
    assert {a.unit_id for a in visible} == {commune_a.pk}
    everything = filter_permitted(province_admin, "people.view", RoleAssignment.objects.all())
    assert {a.unit_id for a in everything} >= {commune_a.pk, commune_b.pk}
    stranger = UserFactory()
    assert not filter_permitted(stranger, "people.view", RoleAssignment.objects.all()).exists()


def test_role_grant_needs_grant_permission_on_that_unit(
    officer_a, province_admin, commune_a, commune_b
):
    target = UserFactory()
    with pytest.raises(PermissionDenied):
        role_grant(actor=officer_a, user=target, role=Role.REPORTER, unit=commune_a)
    assignment = role_grant(actor=province_admin, user=target, role=Role.REPORTER, unit=commune_b)
    assert can(target, "people.view", commune_b) is False  # reporters cannot view people
    assert assignment.granted_by == province_admin
    again = role_grant(actor=province_admin, user=target, role=Role.REPORTER, unit=commune_b)
    assert again.pk == assignment.pk


def test_role_grant_rejects_bad_input(province_admin, commune_a):
    target = UserFactory()
    with pytest.raises(PeopleError):
        role_grant(actor=province_admin, user=target, role="emperor", unit=commune_a)
    with pytest.raises(PeopleError):
        role_grant(
            actor=province_admin,
            user=target,
            role=Role.EDITOR,
            unit=commune_a,
            valid_from=date(2026, 1, 2),
            valid_to=date(2026, 1, 1),
        )
    assert not RoleAssignment.objects.filter(user=target).exists()


def test_role_changes_are_audited(province_admin, commune_a):
    from pbgdpl.core.models import AuditEvent

    target = UserFactory()
    assignment = role_grant(actor=province_admin, user=target, role=Role.EDITOR, unit=commune_a)
    role_revoke(actor=province_admin, assignment=assignment)
    actions = list(
        AuditEvent.objects.filter(object_type="people.roleassignment").values_list(
            "action", "actor_id", "unit_code"
        )
    )
    assert actions == [
        ("people.role_grant", province_admin.pk, commune_a.code),
        ("people.role_revoke", province_admin.pk, commune_a.code),
    ]
