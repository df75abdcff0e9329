"""Holders of a staff role enter the back office; citizens and expired roles do not."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from pbgdpl.people.models import Role
from pbgdpl.people.services import role_revoke
from tests.factories import RoleAssignmentFactory, UserFactory, login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role", [Role.UNIT_OFFICER, Role.EDITOR, Role.APPROVER, Role.REPORTER, Role.PROVINCE_ADMIN]
)
def test_staff_roles_open_the_back_office(client, commune_a, role):
    user = RoleAssignmentFactory(unit=commune_a, role=role).user
    login_with_second_factor(client, user)
    assert client.get("/admin/").status_code == 200


def test_citizens_do_not_enter(client, commune_a):
    user = RoleAssignmentFactory(unit=commune_a, role=Role.CITIZEN).user
    login_with_second_factor(client, user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_expired_or_revoked_roles_close_the_back_office(client, commune_a):
    yesterday = timezone.localdate() - timedelta(days=1)
    expired = RoleAssignmentFactory(
        unit=commune_a, valid_from=date(2025, 7, 1), valid_to=yesterday
    ).user
    login_with_second_factor(client, expired)
    assert client.get("/admin/").status_code == 302

    assignment = RoleAssignmentFactory(unit=commune_a)
    role_revoke(actor=UserFactory(is_superuser=True), assignment=assignment)
    client.logout()
    login_with_second_factor(client, assignment.user)
    assert client.get("/admin/").status_code == 302


def test_the_backend_grants_nothing_else(commune_a):
    user = RoleAssignmentFactory(unit=commune_a, role=Role.UNIT_OFFICER).user
    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.has_perm("wagtailcore.add_page")
    assert not user.has_perm("people.delete_user")
