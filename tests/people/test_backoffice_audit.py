"""Every back-office create/update/delete lands in the hash-chained audit log."""

import pytest

from pbgdpl.core.audit import audit_verify_chain
from pbgdpl.core.models import AuditEvent
from pbgdpl.people.models import User
from tests.factories import UserFactory, login_with_second_factor

pytestmark = pytest.mark.django_db


def test_creating_a_user_in_the_back_office_is_audited(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    login_with_second_factor(client, admin)
    response = client.post(
        "/admin/users/new/",
        {
            "email": "bientap@example.vn",
            "first_name": "Bình",
            "last_name": "Trần Thị",
            "phone": "0901 234 567",
            "password1": "mot-mat-khau-dai-2025",
            "password2": "mot-mat-khau-dai-2025",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = User.objects.get(email="bientap@example.vn")
    assert created.phone == "0901234567"
    event = AuditEvent.objects.get(action="wagtail.create", object_type="people.user")
    assert event.object_id == str(created.pk)
    assert event.actor_id == admin.pk
    assert audit_verify_chain()[1] is None


def test_publishing_and_deleting_pages_is_audited(client):
    from wagtail.models import Page

    admin = UserFactory(is_staff=True, is_superuser=True)
    home = Page.objects.get(depth=2).specific
    home.intro = "Lời giới thiệu mới"
    home.save_revision(user=admin, log_action=True).publish(user=admin)
    actions = set(
        AuditEvent.objects.filter(object_type="wagtailcore.page").values_list("action", flat=True)
    )
    assert {"wagtail.edit", "wagtail.publish"} <= actions


def test_back_office_user_screens_have_the_phone_field(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    login_with_second_factor(client, admin)
    for url in ("/admin/users/new/", f"/admin/users/edit/{admin.pk}/"):
        response = client.get(url)
        assert response.status_code == 200
        assert 'name="phone"' in response.content.decode()


def test_back_office_asks_no_third_party_for_avatars(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    login_with_second_factor(client, admin)
    html = client.get("/admin/users/").content.decode()
    assert "gravatar" not in html
    assert "Tên đăng nhập" in html
