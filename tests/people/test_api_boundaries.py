"""Through HTTP: a commune officer cannot read or change another commune's records."""

import pytest

from pbgdpl.people.models import Role, RoleAssignment
from tests.factories import RoleAssignmentFactory, UserFactory, login_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_a(commune_a):
    return RoleAssignmentFactory(unit=commune_a, role=Role.UNIT_OFFICER).user


@pytest.fixture
def officer_client(client, officer_a):
    login_with_second_factor(client, officer_a)
    return client


def test_officer_reads_own_commune_staff(officer_client, commune_a, officer_a):
    response = officer_client.get(f"/api/v1/units/{commune_a.code}/roles")
    assert response.status_code == 200
    assert [r["user_id"] for r in response.json()] == [officer_a.pk]


def test_officer_cannot_read_another_communes_staff(officer_client, commune_b):
    RoleAssignmentFactory(unit=commune_b, role=Role.REPORTER)
    response = officer_client.get(f"/api/v1/units/{commune_b.code}/roles")
    assert response.status_code == 403
    assert "không có quyền" in response.json()["detail"]


def test_officer_changes_own_population_but_not_another(officer_client, commune_a, commune_b):
    ok = officer_client.put(
        f"/api/v1/units/{commune_a.code}/population",
        {"population": 4200, "year": 2025},
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["population"] == 4200
    refused = officer_client.put(
        f"/api/v1/units/{commune_b.code}/population",
        {"population": 1},
        content_type="application/json",
    )
    assert refused.status_code == 403
    commune_b.refresh_from_db()
    assert commune_b.population is None


def test_officer_cannot_grant_or_revoke_roles(officer_client, commune_a, commune_b):
    target = UserFactory()
    for code in (commune_a.code, commune_b.code):
        response = officer_client.post(
            f"/api/v1/units/{code}/roles",
            {"user": target.email, "role": "reporter"},
            content_type="application/json",
        )
        assert response.status_code == 403
    foreign = RoleAssignmentFactory(unit=commune_b, role=Role.REPORTER)
    assert officer_client.delete(f"/api/v1/roles/{foreign.pk}").status_code == 403
    foreign.refresh_from_db()
    assert foreign.revoked_at is None
    assert not RoleAssignment.objects.filter(user=target).exists()


def test_province_admin_grants_and_revokes_anywhere_below(client, province, commune_b):
    admin = RoleAssignmentFactory(unit=province, role=Role.PROVINCE_ADMIN).user
    login_with_second_factor(client, admin)
    target = UserFactory(phone="0912345678")
    created = client.post(
        f"/api/v1/units/{commune_b.code}/roles",
        {"user": "+84 912 345 678", "role": "propagandist"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["role_label"] == "Tuyên truyền viên pháp luật"
    assert RoleAssignment.objects.active().filter(user=target, unit=commune_b).exists()
    revoked = client.delete(f"/api/v1/roles/{created.json()['id']}")
    assert revoked.status_code == 204
    assert not RoleAssignment.objects.active().filter(user=target, unit=commune_b).exists()


def test_bad_input_gets_json_errors(client, province, commune_a):
    admin = RoleAssignmentFactory(unit=province, role=Role.PROVINCE_ADMIN).user
    login_with_second_factor(client, admin)
    bad_role = client.post(
        f"/api/v1/units/{commune_a.code}/roles",
        {"user": "ai@example.vn", "role": "emperor"},
        content_type="application/json",
    )
    assert bad_role.status_code == 422
    unknown_user = client.post(
        f"/api/v1/units/{commune_a.code}/roles",
        {"user": "khong-ton-tai@example.vn", "role": "editor"},
        content_type="application/json",
    )
    assert unknown_user.status_code == 404
    negative = client.put(
        f"/api/v1/units/{commune_a.code}/population",
        {"population": -3},
        content_type="application/json",
    )
    assert negative.status_code == 422
    mismatch = client.put(
        f"/api/v1/units/{commune_a.code}/population",
        {"population": 10, "male": 3, "female": 3},
        content_type="application/json",
    )
    assert mismatch.status_code == 400 and "nam + nữ" in mismatch.json()["detail"]
    not_json = client.put(
        f"/api/v1/units/{commune_a.code}/population",
        "dân số: nhiều",
        content_type="application/json",
    )
    assert not_json.status_code in (400, 422)


def test_anonymous_and_unverified_staff_are_refused(client, commune_a, officer_a):
    assert client.get(f"/api/v1/units/{commune_a.code}/roles").status_code == 401
    client.force_login(officer_a)  # password only, no second factor
    officer_a.is_staff = True
    officer_a.save()
    response = client.get(f"/api/v1/units/{commune_a.code}/roles")
    assert response.status_code == 401
    assert "xác thực hai bước" in response.json()["detail"]


def test_unsafe_methods_need_the_csrf_token(commune_a, officer_a):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    login_with_second_factor(csrf_client, officer_a)
    response = csrf_client.put(
        f"/api/v1/units/{commune_a.code}/population",
        {"population": 5},
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
    commune_a.refresh_from_db()
    assert commune_a.population is None
