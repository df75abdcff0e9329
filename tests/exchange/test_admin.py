"""The exchange back office over HTTP: who gets in (province admins only), the peers list
and detail, adding and editing peers (bad input stores nothing, the token is write-only),
"Kéo ngay" (queues the pull task), and access tokens (shown once, hashed, revoked), each
change audited."""

import hashlib
from datetime import timedelta
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from pbgdpl.core.models import AuditEvent
from pbgdpl.exchange.models import AccessToken, Peer, PeerRun, RejectedItem
from pbgdpl.exchange.selectors import token_is_valid
from pbgdpl.exchange.services import node_base_url
from pbgdpl.people.models import Role
from tests.factories import RoleAssignmentFactory, UserFactory, login_with_second_factor

pytestmark = pytest.mark.django_db

HOME = "/admin/trao-doi/"
ADD = HOME + "them/"
TOKENS = HOME + "ma-truy-cap/"


def detail(peer) -> str:
    return f"{HOME}nut/{peer.pk}/"


def edit(peer) -> str:
    return f"{HOME}nut/{peer.pk}/sua/"


def pull_now(peer) -> str:
    return f"{HOME}nut/{peer.pk}/keo-ngay/"


def revoke(token) -> str:
    return f"{TOKENS}{token.pk}/thu-hoi/"


def exchange_audit(action: str | None = None):
    events = AuditEvent.objects.filter(action__startswith="exchange.")
    return events.filter(action=action) if action else events


@pytest.fixture
def admin(province):
    return RoleAssignmentFactory(role=Role.PROVINCE_ADMIN, unit=province).user


@pytest.fixture
def admin_client(client, admin):
    login_with_second_factor(client, admin)
    return client


@pytest.fixture
def peer():
    return Peer.objects.create(
        name="bo-tu-phap",
        base_url="https://pbgdpl.moj.gov.vn",
        token="ma-bi-mat-cua-bo",
        types=["laws.document"],
        options={"interval_seconds": 600, "push_secret": "khoa-thong-bao-giu-nguyen"},
    )


@pytest.fixture
def enqueue():
    # The task object is a frozen dataclass: replace it in its module (the view imports it
    # from there when used).
    with mock.patch("pbgdpl.exchange.tasks.exchange_pull_task") as task:
        yield task.enqueue


def valid_peer_data(**overrides) -> dict:
    data = {
        "name": "tinh-kon-tum",
        "base_url": "https://pbgdpl.kontum.gov.vn/",
        "kind": "feed",
        "types": ["laws.document"],
        "token": "ma-cua-kon-tum",
        "options": '{"interval_seconds": 300}',
        "enabled": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# --------------------------------------------------------------------------- who gets in


def assert_denied(response, url: str) -> None:
    """Wagtail answers a refused back-office request with a redirect to the login page
    or to the dashboard ("no permission"); a plain 403 is fine too."""
    assert response.status_code in (302, 403), url
    if response.status_code == 302:
        location = response["Location"]
        assert location == "/admin/" or location.startswith("/admin/login/"), (url, location)


def test_menu_is_shown_to_province_admins_only(client, province, commune_a, admin):
    login_with_second_factor(client, admin)
    assert HOME in client.get("/admin/").content.decode()
    others = [
        RoleAssignmentFactory(role=Role.EDITOR, unit=province).user,
        RoleAssignmentFactory(role=Role.UNIT_OFFICER, unit=commune_a).user,
        # An admin of a commune is not a province admin.
        RoleAssignmentFactory(role=Role.PROVINCE_ADMIN, unit=commune_a).user,
    ]
    for user in others:
        client.logout()
        login_with_second_factor(client, user)
        response = client.get("/admin/")
        assert response.status_code == 200
        assert HOME not in response.content.decode()


@pytest.mark.parametrize("who", ["editor", "commune_officer", "anonymous"])
def test_others_reach_no_screen_and_change_nothing(client, province, commune_a, peer, enqueue, who):
    token = AccessToken.objects.create(name="Nút cũ", token_hash="a" * 64)
    if who == "editor":
        login_with_second_factor(
            client, RoleAssignmentFactory(role=Role.EDITOR, unit=province).user
        )
    elif who == "commune_officer":
        officer = RoleAssignmentFactory(role=Role.UNIT_OFFICER, unit=commune_a).user
        login_with_second_factor(client, officer)
    for url in (HOME, ADD, detail(peer), edit(peer), TOKENS):
        assert_denied(client.get(url), url)
    posts = [
        (ADD, valid_peer_data()),
        (edit(peer), valid_peer_data(base_url="https://khac.example.vn", token="")),
        (pull_now(peer), {}),
        (TOKENS, {"name": "Nút lạ"}),
        (revoke(token), {}),
    ]
    for url, data in posts:
        assert_denied(client.post(url, data), url)
    assert list(Peer.objects.values_list("name", flat=True)) == ["bo-tu-phap"]
    peer.refresh_from_db()
    assert peer.base_url == "https://pbgdpl.moj.gov.vn"
    assert AccessToken.objects.count() == 1 and not AccessToken.objects.get().revoked_at
    enqueue.assert_not_called()
    assert not exchange_audit().exists()


def test_the_second_factor_is_required(client, admin):
    client.force_login(admin)  # password only
    response = client.get(HOME)
    assert response.status_code == 302
    assert "/tai-khoan/xac-thuc-2-buoc/" in response["Location"]


def test_a_superuser_gets_in(client):
    login_with_second_factor(client, UserFactory(is_superuser=True, is_staff=True))
    assert client.get(HOME).status_code == 200


# --------------------------------------------------------------------------- peers


def test_the_list_shows_each_peers_state(admin_client, peer):
    now = timezone.now()
    Peer.objects.filter(pk=peer.pk).update(
        state=Peer.State.FAILED,
        last_run_at=now,
        last_success_at=now - timedelta(days=1),
        last_error="Quá thời gian chờ nút bo-tu-phap (20 giây).",
        received_count=1234,
        rejected_count=7,
        cursor="98765",
    )
    Peer.objects.create(
        name="kho-oai", base_url="https://oai.example.vn", kind="oai", enabled=False
    )
    page = admin_client.get(HOME).content.decode()
    for text in (
        "bo-tu-phap",
        "https://pbgdpl.moj.gov.vn",
        "Nút PBGDPL Số (luồng thay đổi)",
        "Lỗi",
        "Quá thời gian chờ nút bo-tu-phap",
        "1234",
        "98765",
        "kho-oai",
        "Kho OAI-PMH",
        "Đang tắt",
        "Thêm nút",
        detail(peer),
    ):
        assert text in page, text


def test_the_list_invites_to_add_a_first_peer(admin_client):
    page = admin_client.get(HOME).content.decode()
    assert "Chưa có nút nào" in page and ADD in page


def test_admin_adds_a_peer(admin_client, admin):
    form = admin_client.get(ADD).content.decode()
    for kind in ("feed", "oai", "lgsp"):
        assert f'value="{kind}"' in form
    assert 'value="laws.document"' in form and 'value="portal.page"' in form
    response = admin_client.post(ADD, valid_peer_data())
    peer = Peer.objects.get(name="tinh-kon-tum")
    assert response.status_code == 302 and response["Location"] == detail(peer)
    assert peer.base_url == "https://pbgdpl.kontum.gov.vn"  # no trailing slash
    assert (peer.kind, peer.types, peer.token) == ("feed", ["laws.document"], "ma-cua-kon-tum")
    assert peer.options == {"interval_seconds": 300} and peer.enabled
    [event] = exchange_audit("exchange.peer.create")
    assert event.actor_id == admin.pk and event.object_id == str(peer.pk)
    assert "ma-cua-kon-tum" not in str(event.data) and event.data["has_token"] is True
    page = admin_client.get(detail(peer)).content.decode()
    assert "Đã thêm nút “tinh-kon-tum”" in page
    assert "ma-cua-kon-tum" not in page and "Đã lưu (không hiển thị)" in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"base_url": "không phải địa chỉ"}, "base_url", "địa chỉ http(s) đầy đủ"),
        ({"base_url": "ftp://tep.example.vn"}, "base_url", "địa chỉ http(s) đầy đủ"),
        ({"base_url": ""}, "base_url", "bắt buộc"),
        ({"base_url": "http://127.0.0.1:8000"}, "base_url", "chính nút này"),
        ({"name": "bo-tu-phap"}, "name", "Đã có nút tên “bo-tu-phap”"),
        ({"name": "Tỉnh Kon Tum"}, "name", "chữ không dấu"),
        ({"kind": "ftp"}, "kind", "ftp"),
        ({"types": ["khong.co"]}, "types", "khong.co"),
        ({"options": "{không phải json"}, "options", "không phải JSON"),
        ({"options": "[1, 2]"}, "options", "đối tượng JSON"),
        ({"options": '{"push_secret": "x"}'}, "options", "push_secret"),
    ],
)
def test_bad_input_gives_form_errors_and_stores_nothing(
    admin_client, peer, settings, overrides, field, message
):
    settings.EXCHANGE_NODE_URL = "http://127.0.0.1:8000"
    assert node_base_url() == "http://127.0.0.1:8000"
    response = admin_client.post(ADD, valid_peer_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field]), errors
    assert "Chưa lưu được" in response.content.decode()
    assert Peer.objects.count() == 1
    assert not exchange_audit().exists()


def test_edit_keeps_a_blank_token_and_the_reserved_options(admin_client, peer):
    form = admin_client.get(edit(peer)).content.decode()
    assert "ma-bi-mat-cua-bo" not in form and "khoa-thong-bao-giu-nguyen" not in form
    assert "Đang có mã truy cập" in form
    data = valid_peer_data(
        name="ten-khac",  # the name cannot change
        base_url="https://pbgdpl.moj.gov.vn/v2",
        kind="oai",
        types=[],
        token="",
        options='{"interval_seconds": 900}',
        enabled=None,
    )
    response = admin_client.post(edit(peer), data)
    assert response.status_code == 302 and response["Location"] == detail(peer)
    peer.refresh_from_db()
    assert peer.name == "bo-tu-phap" and peer.base_url == "https://pbgdpl.moj.gov.vn/v2"
    assert (peer.kind, peer.types, peer.enabled) == ("oai", [], False)
    assert peer.token == "ma-bi-mat-cua-bo"
    assert peer.options == {
        "interval_seconds": 900,
        "push_secret": "khoa-thong-bao-giu-nguyen",
    }
    [event] = exchange_audit("exchange.peer.update")
    assert event.data["before"]["kind"] == "feed" and event.data["after"]["kind"] == "oai"
    assert "token_changed" not in event.data
    assert "khoa-thong-bao" not in str(event.data) and "ma-bi-mat" not in str(event.data)


def test_edit_replaces_or_clears_the_token(admin_client, peer):
    data = valid_peer_data(name="bo-tu-phap", base_url=peer.base_url, options="")
    admin_client.post(edit(peer), {**data, "token": "ma-moi"})
    peer.refresh_from_db()
    assert peer.token == "ma-moi"
    assert exchange_audit("exchange.peer.update").get().data["token_changed"] is True
    admin_client.post(edit(peer), {**data, "token": "", "token_clear": "on"})
    peer.refresh_from_db()
    assert peer.token == ""


def test_an_edit_that_changes_nothing_says_so(admin_client, peer):
    data = valid_peer_data(
        name="bo-tu-phap",
        base_url=peer.base_url,
        token="",
        options='{"interval_seconds": 600}',
    )
    response = admin_client.post(edit(peer), data, follow=True)
    assert "Không có thay đổi nào để lưu" in response.content.decode()
    assert not exchange_audit().exists()


def test_a_bad_edit_stores_nothing(admin_client, peer):
    data = valid_peer_data(name="bo-tu-phap", base_url="javascript:alert(1)")
    response = admin_client.post(edit(peer), data)
    assert response.status_code == 200 and "base_url" in response.context["form"].errors
    peer.refresh_from_db()
    assert peer.base_url == "https://pbgdpl.moj.gov.vn" and peer.token == "ma-bi-mat-cua-bo"
    assert not exchange_audit().exists()


def test_unknown_peers_are_not_found(admin_client):
    assert admin_client.get(f"{HOME}nut/999/").status_code == 404
    assert admin_client.post(f"{HOME}nut/999/keo-ngay/").status_code == 404


def test_the_detail_shows_recent_runs_and_rejections(admin_client, peer):
    PeerRun.objects.create(
        peer=peer,
        finished_at=timezone.now(),
        batches=3,
        received=250,
        applied=248,
        rejected=2,
    )
    PeerRun.objects.create(
        peer=peer,
        finished_at=timezone.now(),
        error="Phản hồi của nút bo-tu-phap không phải JSON hợp lệ",
        full=True,
    )
    RejectedItem.objects.create(
        peer=peer,
        uri="https://pbgdpl.moj.gov.vn/id/laws.document/9a0c",
        reason="Mã băm không khớp với dữ liệu",
        excerpt='{"uri": "https://pbgdpl.moj.gov.vn/id/laws.document/9a0c", "version": 3}',
    )
    page = admin_client.get(detail(peer)).content.decode()
    for text in (
        "248",
        "Đối soát toàn bộ",
        "không phải JSON hợp lệ",
        "Mã băm không khớp với dữ liệu",
        "laws.document/9a0c",
        "&quot;version&quot;: 3",
        "Văn bản pháp luật",  # the type's title
        "interval_seconds = 600",
        "Kéo ngay",
        edit(peer),
    ):
        assert text in page, text
    assert "khoa-thong-bao-giu-nguyen" not in page and "ma-bi-mat-cua-bo" not in page


# --------------------------------------------------------------------------- pull now


def test_pull_now_queues_the_pull_task(admin_client, admin, peer, enqueue):
    response = admin_client.post(pull_now(peer), follow=True)
    enqueue.assert_called_once_with(peer.pk)
    assert response.redirect_chain == [(detail(peer), 302)]
    assert "Đã xếp lượt kéo nút “bo-tu-phap”" in response.content.decode()
    [event] = exchange_audit("exchange.peer.pull_now")
    assert event.actor_id == admin.pk and event.object_id == str(peer.pk)


def test_pull_now_is_a_post(admin_client, peer, enqueue):
    assert admin_client.get(pull_now(peer)).status_code == 405
    enqueue.assert_not_called()


def test_pull_now_needs_the_csrf_token(admin, peer, enqueue):
    client = Client(enforce_csrf_checks=True)
    login_with_second_factor(client, admin)
    assert client.post(pull_now(peer)).status_code == 403
    enqueue.assert_not_called()


def test_pull_now_reports_a_queue_that_fails(admin_client, peer, enqueue):
    enqueue.side_effect = RuntimeError("cơ sở dữ liệu tác vụ không trả lời")
    response = admin_client.post(pull_now(peer), follow=True)
    page = response.content.decode()
    assert "Chưa xếp được lượt kéo nút “bo-tu-phap”" in page
    assert "không trả lời" in page
    assert not exchange_audit().exists()


# --------------------------------------------------------------------------- tokens


def test_a_token_is_shown_once_and_only_its_hash_is_stored(admin_client, admin):
    response = admin_client.post(
        TOKENS, {"name": "Cổng PBGDPL Bộ Tư pháp", "types": ["laws.document"]}
    )
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    raw = response.context["raw_token"]
    assert len(raw) >= 40 and raw in response.content.decode()
    token = AccessToken.objects.get()
    assert token.name == "Cổng PBGDPL Bộ Tư pháp" and token.types == ["laws.document"]
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token_is_valid(raw)
    [event] = exchange_audit("exchange.token.issue")
    assert event.actor_id == admin.pk and raw not in str(event.data)
    later = admin_client.get(TOKENS).content.decode()
    assert raw not in later and "Cổng PBGDPL Bộ Tư pháp" in later and "Đang dùng" in later


def test_a_revoked_token_stops_working(admin_client):
    raw = admin_client.post(TOKENS, {"name": "Nút thử"}).context["raw_token"]
    assert token_is_valid(raw)
    token = AccessToken.objects.get()
    response = admin_client.post(revoke(token), follow=True)
    assert "Đã thu hồi mã truy cập của “Nút thử”" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert not AccessToken.objects.filter(revoked_at__isnull=True).exists()
    assert token_is_valid(raw) is False
    assert exchange_audit("exchange.token.revoke").count() == 1
    again = admin_client.post(revoke(token), follow=True)
    assert "đã bị thu hồi từ trước" in again.content.decode()
    assert exchange_audit("exchange.token.revoke").count() == 1
    assert admin_client.get(revoke(token)).status_code == 405


@pytest.mark.parametrize(
    ("data", "field"),
    [({"name": "   "}, "name"), ({"name": "Nút", "types": ["khong.co"]}, "types"), ({}, "name")],
)
def test_bad_token_requests_issue_nothing(admin_client, data, field):
    response = admin_client.post(TOKENS, data)
    assert response.status_code == 200 and field in response.context["form"].errors
    assert not response.context["raw_token"]
    assert not AccessToken.objects.exists() and not exchange_audit().exists()
