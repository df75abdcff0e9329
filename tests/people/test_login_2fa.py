"""Login by e-mail or phone, mandatory TOTP for the back office, throttling, login audit."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from pbgdpl.core.models import AuditEvent
from tests.factories import UserFactory, login_with_second_factor, totp_now

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem-1"


@pytest.fixture
def staff(db):
    return UserFactory(
        email="canbo@example.vn", phone="0987654321", is_staff=True, is_superuser=True
    )


def _login(client, login, password=PASSWORD):
    return client.post("/admin/login/", {"username": login, "password": password})


@pytest.mark.parametrize(
    "login",
    ["canbo@example.vn", "CanBo@Example.VN", "0987654321", "+84 987 654 321", "098.765.4321"],
)
def test_login_by_email_or_phone(client, staff, login):
    response = _login(client, login)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(staff.pk)


def test_staff_must_enrol_totp_before_the_back_office(client, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wrong code below would delay the right one
    _login(client, staff.email)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/xac-thuc-2-buoc/?next=")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    wrong = client.post("/tai-khoan/xac-thuc-2-buoc/", {"token": "000000", "next": "/admin/"})
    assert wrong.status_code == 400
    device.refresh_from_db()
    ok = client.post("/tai-khoan/xac-thuc-2-buoc/", {"token": totp_now(device), "next": "/admin/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200
    assert AuditEvent.objects.filter(action="auth.2fa_enrol", actor_id=staff.pk).exists()


def test_enrolled_staff_must_enter_a_code_each_login(client, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    _login(client, staff.email)
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/tai-khoan/xac-thuc-2-buoc/nhap-ma/")
    bad = client.post("/tai-khoan/xac-thuc-2-buoc/nhap-ma/", {"token": "12ab56"})
    assert bad.status_code == 400
    ok = client.post(
        "/tai-khoan/xac-thuc-2-buoc/nhap-ma/", {"token": totp_now(device), "next": "/admin/pages/"}
    )
    assert ok.status_code == 302 and ok["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_second_factor_page_refuses_open_redirects(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    _login(client, staff.email)
    ok = client.post(
        "/tai-khoan/xac-thuc-2-buoc/nhap-ma/",
        {"token": totp_now(device), "next": "https://evil.example/"},
    )
    assert ok["Location"] == "/admin/"


def test_verified_staff_reach_the_admin_in_vietnamese(client, staff):
    login_with_second_factor(client, staff)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


def test_repeated_failed_logins_are_throttled(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, staff.email, "sai-mat-khau")
    locked = _login(client, staff.email)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="auth.login_failed").count() >= 5


def test_logins_and_failures_are_audited_without_passwords(client, staff):
    _login(client, staff.email, "sai-mat-khau")
    _login(client, staff.email)
    failed = AuditEvent.objects.get(action="auth.login_failed")
    assert failed.data == {"login": staff.email}
    assert "sai-mat-khau" not in str(failed.data)
    login = AuditEvent.objects.get(action="auth.login")
    assert login.actor_id == staff.pk and login.ip == "127.0.0.1"


def test_guessing_codes_is_throttled(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    _login(client, staff.email)
    client.post("/tai-khoan/xac-thuc-2-buoc/nhap-ma/", {"token": "000000"})
    # Right after a wrong guess even the right code is refused until the delay has passed.
    refused = client.post("/tai-khoan/xac-thuc-2-buoc/nhap-ma/", {"token": totp_now(device)})
    assert refused.status_code == 400
    assert client.get("/admin/").status_code == 302


def test_admin_login_page_speaks_vietnamese(client):
    content = client.get("/admin/login/").content.decode()
    assert "Đăng nhập trang quản trị" in content
