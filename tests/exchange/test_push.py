"""Push hints (WebSub-style): subscribing with verification of intent, signed and coalesced
notices, leases, failures, receiving notices (signature, freshness, replays), a node
subscribing to a hub over HTTP, and the Atom feed of changes with its hub link."""

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
import requests
from django.test import RequestFactory
from django.urls import resolve
from django.utils import timezone
from django_tasks import task_backends
from lxml import etree

from pbgdpl.exchange import atom, push
from pbgdpl.exchange.adapters.base import PeerProtocolError
from pbgdpl.exchange.models import AccessToken, Peer, SharedItem, Subscription
from pbgdpl.exchange.services import exchange_publish, node_base_url
from pbgdpl.laws.services import document_create
from tests.factories import LegalDocumentFactory
from tests.portal.factories import guidance_page, section_page

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
TOKEN = "ma-truy-cap-cua-nut-b"
SECRET = "khoa-bi-mat-rat-dai-0123456789"
CALLBACK = "https://nut-b.example.vn/api/v1/exchange/notices/nut-a"
HUB = "/api/v1/exchange/subscriptions"
ATOM_NS = {"a": "http://www.w3.org/2005/Atom"}


def _response(status: int = 200, body: bytes = b"") -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = body
    response._content_consumed = True
    return response


class FakeHTTP:
    """Stands in for requests.Session: records calls, answers with ``on_get``/``on_post``."""

    def __init__(self):
        self.gets: list[tuple[str, dict]] = []
        self.posts: list[dict] = []
        self.on_get = lambda url, params: _response(200, params["hub.challenge"].encode())
        self.on_post = lambda url, data, headers: _response(202, b"{}")

    def get(self, url, params=None, **kwargs):
        assert kwargs.get("allow_redirects") is False and kwargs.get("timeout")
        self.gets.append((url, dict(params or {})))
        return self.on_get(url, params or {})

    def post(self, url, data=None, json=None, headers=None, **kwargs):
        assert kwargs.get("allow_redirects") is False and kwargs.get("timeout")
        self.posts.append({"url": url, "data": data, "json": json, "headers": headers or {}})
        return self.on_post(url, data, headers or {})


@pytest.fixture(autouse=True)
def _push_settings(settings):
    settings.TASKS = DUMMY
    settings.EXCHANGE_ALLOW_PRIVATE_CALLBACKS = True
    settings.EXCHANGE_PUSH_MAX_FAILURES = 3


@pytest.fixture
def http(monkeypatch):
    fake = FakeHTTP()
    monkeypatch.setattr(push, "http_session", lambda: fake)
    return fake


@pytest.fixture
def token():
    return AccessToken.objects.create(
        name="Nút B", token_hash=hashlib.sha256(TOKEN.encode()).hexdigest()
    )


def queued(task_name: str) -> list:
    return [r for r in task_backends["default"].results if r.task.name == task_name]


def subscribe(client, token=TOKEN, **payload):
    body = {"callback": CALLBACK, "secret": SECRET, **payload}
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(HUB, body, content_type="application/json", **headers)


def publish_document(capture, title="Luật Hộ tịch"):
    with capture(execute=True):
        return document_create(title=title, origin="manual")


# ------------------------------------------------------------------------ subscribing


def test_subscribing_verifies_intent_then_activates(client, http, token):
    response = subscribe(client, types=["laws.document"])
    assert response.status_code == 201, response.content
    body = response.json()
    [(url, params)] = http.gets
    assert url == CALLBACK
    assert params["hub.mode"] == "subscribe"
    assert params["hub.topic"] == push.topic_url() == body["topic"]
    assert params["hub.lease_seconds"] == str(7 * 24 * 3600)
    assert len(params["hub.challenge"]) >= 32
    sub = Subscription.objects.get(pk=body["id"])
    assert sub.active and sub.token == token and sub.types == ["laws.document"]
    assert abs((sub.lease_until - timezone.now()) - timedelta(days=7)) < timedelta(minutes=1)
    listed = client.get(HUB, HTTP_AUTHORIZATION=f"Bearer {TOKEN}").json()
    assert [s["id"] for s in listed] == [sub.pk]
    # Subscribing again renews (one row), with the new lease and secret.
    again = subscribe(client, lease_seconds=3600, secret="mot-khoa-bi-mat-khac-dai")
    assert again.status_code == 201 and again.json()["id"] == sub.pk
    sub.refresh_from_db()
    assert sub.secret == "mot-khoa-bi-mat-khac-dai" and sub.lease_seconds == 3600
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize("given", [None, "sai-ma", "revoked"])
def test_subscribing_needs_a_valid_peer_token(client, http, token, given):
    if given == "revoked":
        token.revoked_at = timezone.now()
        token.save()
        given = TOKEN
    response = subscribe(client, token=given)
    assert response.status_code == 401
    assert "mã truy cập" in response.json()["detail"]
    assert http.gets == [] and not Subscription.objects.exists()


@pytest.mark.parametrize(
    "callback",
    [
        "",
        "ftp://nut-b.example.vn/cb",
        "nut-b.example.vn/cb",
        "https://ten:matkhau@nut-b.example.vn/cb",
        "https://nut-b.example.vn/cb#phan",
        "https://nut-b.example.vn:99999/cb",
        "https://nut-b.example.vn/" + "x" * 500,
    ],
)
def test_malformed_callbacks_are_refused(client, http, token, callback):
    response = subscribe(client, callback=callback)
    assert response.status_code == 422
    assert "URL" in response.json()["detail"]
    assert http.gets == [] and not Subscription.objects.exists()


@pytest.mark.parametrize(
    "callback",
    [
        "http://127.0.0.1:8000/cb",
        "http://localhost/cb",
        "http://10.1.2.3/cb",
        "http://192.168.1.10/cb",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/cb",
        "http://[::ffff:127.0.0.1]/cb",
        "http://0.0.0.0/cb",
    ],
)
def test_callbacks_on_internal_addresses_are_refused(client, http, token, settings, callback):
    settings.EXCHANGE_ALLOW_PRIVATE_CALLBACKS = False
    response = subscribe(client, callback=callback)
    assert response.status_code == 422
    assert "nội bộ" in response.json()["detail"]
    assert http.gets == [] and not Subscription.objects.exists()


def test_public_callback_address_passes_the_check(settings, monkeypatch):
    settings.EXCHANGE_ALLOW_PRIVATE_CALLBACKS = False
    monkeypatch.setattr(
        push.socket, "getaddrinfo", lambda *a, **k: [(2, 1, 6, "", ("203.113.131.1", 443))]
    )
    assert push.callback_check(CALLBACK) == CALLBACK


@pytest.mark.parametrize(
    ("payload", "status", "words"),
    [
        ({"secret": "ngan"}, 422, "16"),
        ({"secret": "x" * 201}, 422, "200"),
        ({"lease_seconds": 31 * 24 * 3600}, 422, "30 ngày"),
        ({"lease_seconds": 0}, 422, "30 ngày"),
        ({"types": ["khong.co"]}, 422, "khong.co"),
        ({"lease_seconds": "bay ngay"}, 422, "không hợp lệ"),
    ],
)
def test_bad_subscription_input_is_refused(client, http, token, payload, status, words):
    response = subscribe(client, **payload)
    assert response.status_code == status
    assert words in response.json()["detail"]
    assert http.gets == [] and not Subscription.objects.exists()


def test_types_outside_the_tokens_grant_are_refused(client, http, token, secret_type):
    token.types = ["laws.document"]
    token.save()
    response = subscribe(client, types=[secret_type])
    assert response.status_code == 403 and secret_type in response.json()["detail"]
    token.types = []  # an empty grant: every type
    token.save()
    assert subscribe(client, types=[secret_type]).status_code == 201


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (lambda url, params: _response(404, b"not found"), "404"),
        (lambda url, params: _response(200, b"something else"), "thử thách"),
        (lambda url, params: _response(302, params["hub.challenge"].encode()), "302"),
        (
            lambda url, params: (_ for _ in ()).throw(requests.ConnectTimeout("timeout")),
            "ConnectTimeout",
        ),
    ],
)
def test_failed_verification_activates_nothing(client, http, token, answer, words):
    http.on_get = answer
    response = subscribe(client)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert words in detail
    assert not Subscription.objects.exists()


def test_failed_renewal_leaves_the_subscription_as_it_was(client, http, token):
    assert subscribe(client).status_code == 201
    http.on_get = lambda url, params: _response(200, b"")
    assert subscribe(client, secret="mot-khoa-bi-mat-khac-dai").status_code == 422
    sub = Subscription.objects.get()
    assert sub.active and sub.secret == SECRET


def test_unsubscribing_needs_the_same_token(client, http, token):
    sub_id = subscribe(client).json()["id"]
    other = "ma-cua-nut-c-khac-han"
    AccessToken.objects.create(name="Nút C", token_hash=hashlib.sha256(other.encode()).hexdigest())
    url = f"{HUB}/{sub_id}"
    assert client.delete(url, HTTP_AUTHORIZATION=f"Bearer {other}").status_code == 404
    assert client.delete(url).status_code == 401
    assert client.delete(url, HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 204
    assert not Subscription.objects.exists()


# ------------------------------------------------------------------------ notices


@pytest.fixture
def subscription(token):
    return Subscription.objects.create(
        token=token,
        callback=CALLBACK,
        secret=SECRET,
        types=[],
        lease_seconds=3600,
        lease_until=timezone.now() + timedelta(hours=1),
        verified_at=timezone.now(),
    )


def run_queued_notices() -> list[str]:
    """Run the queued notice tasks (not those they queue themselves); their outcomes."""
    results = queued("push_notice_send_task")
    task_backends["default"].results.clear()
    return [push.push_notice_send_task.call(*r.args, **r.kwargs) for r in results]


def test_a_change_sends_one_correctly_signed_notice(
    http, subscription, django_capture_on_commit_callbacks
):
    doc = publish_document(django_capture_on_commit_callbacks)
    assert len(queued("push_notice_send_task")) == 1
    assert run_queued_notices() == ["sent"]
    [post] = http.posts
    assert post["url"] == CALLBACK
    body = post["data"]
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert post["headers"]["X-Hub-Signature-256"] == expected
    assert post["headers"]["Content-Type"] == "application/json"
    notice = json.loads(body)
    item = SharedItem.objects.get(type="laws.document", local_id=str(doc.pk))
    assert notice["seq"] == item.seq
    assert notice["topic"].endswith("/api/v1/exchange/changes")
    assert notice["node"] == node_base_url()
    assert "laws.document" in notice["types"]
    sent_at = datetime.fromisoformat(notice["sent_at"])
    assert abs((timezone.now() - sent_at).total_seconds()) < 60
    assert post["headers"]["X-Hub-Timestamp"] == str(int(sent_at.timestamp()))
    subscription.refresh_from_db()
    assert subscription.last_seq == item.seq and not subscription.pending
    assert subscription.last_sent_at is not None and subscription.failures == 0
    # Nothing new since: a second run sends nothing.
    push.push_changes_announce(types=None)
    assert run_queued_notices() == ["unchanged"] and len(http.posts) == 1


def test_a_burst_of_changes_is_coalesced_into_one_notice(
    http, subscription, django_capture_on_commit_callbacks
):
    for n in range(25):
        publish_document(django_capture_on_commit_callbacks, title=f"Văn bản {n}")
    assert len(queued("push_notice_send_task")) == 1
    assert run_queued_notices() == ["sent"]
    [post] = http.posts
    latest = SharedItem.objects.order_by("-seq").first().seq
    assert json.loads(post["data"])["seq"] == latest
    # After the notice went, the next change queues a new one.
    publish_document(django_capture_on_commit_callbacks, title="Văn bản sau")
    assert run_queued_notices() == ["sent"] and len(http.posts) == 2


def test_notices_respect_the_subscribed_types(
    http, subscription, django_capture_on_commit_callbacks
):
    subscription.types = ["portal.page"]
    subscription.save()
    publish_document(django_capture_on_commit_callbacks)
    assert queued("push_notice_send_task") == []
    with django_capture_on_commit_callbacks(execute=True):
        guidance_page(parent=section_page(), title="Đăng ký khai sinh")
    assert run_queued_notices() == ["sent"]
    notice = json.loads(http.posts[0]["data"])
    assert notice["types"] == ["portal.page"]
    assert notice["seq"] == SharedItem.objects.filter(type="portal.page").order_by("-seq")[0].seq


def test_an_expired_lease_stops_notices(http, subscription, django_capture_on_commit_callbacks):
    publish_document(django_capture_on_commit_callbacks)  # queued while the lease held
    Subscription.objects.filter(pk=subscription.pk).update(
        lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert run_queued_notices() == ["inactive"]
    publish_document(django_capture_on_commit_callbacks, title="Văn bản khác")
    assert queued("push_notice_send_task") == []
    assert http.posts == []


def test_a_revoked_token_stops_notices(
    http, subscription, token, django_capture_on_commit_callbacks
):
    token.revoked_at = timezone.now()
    token.save()
    publish_document(django_capture_on_commit_callbacks)
    assert queued("push_notice_send_task") == [] and http.posts == []


def test_failures_are_retried_with_backoff_then_deactivate(
    http, subscription, django_capture_on_commit_callbacks
):
    http.on_post = lambda url, data, headers: _response(503, b"busy")
    publish_document(django_capture_on_commit_callbacks)
    before = timezone.now()
    assert run_queued_notices() == ["retry"]
    subscription.refresh_from_db()
    assert subscription.failures == 1 and "503" in subscription.last_error
    assert subscription.active and subscription.pending
    [retry] = queued("push_notice_send_task")
    assert retry.task.run_after > before + timedelta(seconds=20)
    # More changes while a retry waits add nothing to the queue.
    publish_document(django_capture_on_commit_callbacks, title="Văn bản khác")
    assert len(queued("push_notice_send_task")) == 1
    assert run_queued_notices() == ["retry"]
    [second] = queued("push_notice_send_task")
    assert second.task.run_after - timezone.now() > retry.task.run_after - before
    assert run_queued_notices() == ["deactivated"]  # EXCHANGE_PUSH_MAX_FAILURES = 3
    subscription.refresh_from_db()
    assert not subscription.active and not subscription.pending
    assert subscription.failures == 3 and "3 lần" in subscription.last_error
    publish_document(django_capture_on_commit_callbacks, title="Văn bản nữa")
    assert queued("push_notice_send_task") == []


def test_a_success_resets_the_failure_count(http, subscription, django_capture_on_commit_callbacks):
    answers = iter([_response(500), _response(204)])
    http.on_post = lambda url, data, headers: next(answers)
    publish_document(django_capture_on_commit_callbacks)
    assert run_queued_notices() == ["retry"]
    assert run_queued_notices() == ["sent"]
    subscription.refresh_from_db()
    assert subscription.failures == 0 and subscription.last_error == ""


def test_gone_deactivates_at_once(http, subscription, django_capture_on_commit_callbacks):
    http.on_post = lambda url, data, headers: _response(410)
    publish_document(django_capture_on_commit_callbacks)
    assert run_queued_notices() == ["deactivated"]
    assert not Subscription.objects.get().active


def test_a_callback_turned_internal_is_not_called(
    http, subscription, settings, django_capture_on_commit_callbacks
):
    Subscription.objects.filter(pk=subscription.pk).update(callback="http://127.0.0.1:9/cb")
    settings.EXCHANGE_ALLOW_PRIVATE_CALLBACKS = False
    publish_document(django_capture_on_commit_callbacks)
    assert run_queued_notices() == ["retry"]
    assert http.posts == []
    assert "nội bộ" in Subscription.objects.get().last_error


# ------------------------------------------------------------------------ receiving


@pytest.fixture
def peer():
    return Peer.objects.create(
        name="tinh-khac", base_url="https://tinh-khac.example.vn", options={"push_secret": SECRET}
    )


def notice(seq=7, sent_at=None, secret=SECRET, **extra):
    sent_at = (sent_at or timezone.now()).astimezone(UTC).replace(microsecond=0)
    body = json.dumps(
        {
            "topic": "https://tinh-khac.example.vn/api/v1/exchange/changes",
            "node": "https://tinh-khac.example.vn",
            "seq": seq,
            "types": ["laws.document"],
            "sent_at": sent_at.isoformat(),
            **extra,
        }
    ).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {
        "HTTP_X_HUB_SIGNATURE_256": signature,
        "HTTP_X_HUB_TIMESTAMP": str(int(sent_at.timestamp())),
    }


def deliver(client, body, headers, name="tinh-khac"):
    return client.post(
        f"/api/v1/exchange/notices/{name}", body, content_type="application/json", **headers
    )


def pulls() -> list:
    return [r.args or [r.kwargs.get("peer_id")] for r in queued("exchange_pull_task")]


def test_a_fresh_signed_notice_queues_a_pull(client, peer, django_capture_on_commit_callbacks):
    body, headers = notice(seq=7)
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, body, headers)
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "queued"
    assert pulls() == [[peer.pk]]
    peer.refresh_from_db()
    assert peer.options["push_last_seq"] == 7 and peer.options["push_secret"] == SECRET


def test_a_replayed_or_older_notice_does_nothing(client, peer, django_capture_on_commit_callbacks):
    body, headers = notice(seq=7)
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(client, body, headers).status_code == 202
        replay = deliver(client, body, headers)
        older = deliver(client, *notice(seq=5))
    assert replay.status_code == 202 and replay.json()["status"] == "ignored"
    assert older.json()["status"] == "ignored"
    assert pulls() == [[peer.pk]]


def test_an_unsigned_notice_is_refused(client, peer):
    body, headers = notice()
    for missing in ("HTTP_X_HUB_SIGNATURE_256", "HTTP_X_HUB_TIMESTAMP"):
        partial = {k: v for k, v in headers.items() if k != missing}
        response = deliver(client, body, partial)
        assert response.status_code == 401
        assert "chưa được ký" in response.json()["detail"]
    assert pulls() == []


@pytest.mark.parametrize(
    "attack",
    [
        "wrong-secret",
        "tampered",
        "garbled-signature",
        "wrong-algorithm",
        "stale",
        "future",
        "timestamp-mismatch",
    ],
)
def test_bad_notices_are_refused(client, peer, attack):
    if attack == "wrong-secret":
        body, headers = notice(secret="mot-khoa-khac-hoan-toan-sai")
    elif attack == "tampered":
        body, headers = notice(seq=7)
        tampered = body.replace(b'"seq": 7', b'"seq": 9')
        assert tampered != body
        body = tampered
    elif attack == "garbled-signature":
        body, headers = notice()
        headers["HTTP_X_HUB_SIGNATURE_256"] = "sha256=Không-phải-hex"
    elif attack == "wrong-algorithm":
        body, headers = notice()
        headers["HTTP_X_HUB_SIGNATURE_256"] = (
            "sha1=" + hmac.new(SECRET.encode(), body, hashlib.sha1).hexdigest()
        )
    elif attack == "stale":
        body, headers = notice(sent_at=timezone.now() - timedelta(minutes=6))
    elif attack == "future":
        body, headers = notice(sent_at=timezone.now() + timedelta(minutes=6))
    else:
        body, headers = notice()
        headers["HTTP_X_HUB_TIMESTAMP"] = str(int(headers["HTTP_X_HUB_TIMESTAMP"]) + 1)
    response = deliver(client, body, headers)
    assert response.status_code == 403, response.content
    if attack in ("stale", "future"):
        assert response.json()["detail"] == "Thông báo đã cũ."
    assert pulls() == []
    peer.refresh_from_db()
    assert "push_last_seq" not in peer.options


def test_a_signed_but_malformed_notice_is_refused(client, peer):
    for payload in (b"khong phai json", b'{"seq": "bay"}', b'{"seq": 3}'):
        signature = "sha256=" + hmac.new(SECRET.encode(), payload, hashlib.sha256).hexdigest()
        response = deliver(
            client,
            payload,
            {"HTTP_X_HUB_SIGNATURE_256": signature, "HTTP_X_HUB_TIMESTAMP": "1"},
        )
        assert response.status_code == 400


def test_notices_for_unknown_unkeyed_or_disabled_peers_are_refused(client, peer):
    body, headers = notice()
    assert deliver(client, body, headers, name="khong-co").status_code == 404
    Peer.objects.create(name="chua-co-khoa", base_url="https://x.example.vn")
    response = deliver(client, body, headers, name="chua-co-khoa")
    assert response.status_code == 403 and "push_secret" in response.json()["detail"]
    Peer.objects.filter(pk=peer.pk).update(enabled=False)
    assert deliver(client, body, headers).status_code == 409
    assert pulls() == []


def test_an_oversized_notice_is_refused(client, peer):
    body, headers = notice(padding="x" * 20_000)
    assert deliver(client, body, headers).status_code == 413


def test_verification_of_intent_is_only_confirmed_while_we_ask(client, peer):
    url = "/api/v1/exchange/notices/tinh-khac"
    params = {"hub.mode": "subscribe", "hub.challenge": "thu-thach-123", "hub.topic": "x"}
    assert client.get(url, params).status_code == 404
    Peer.objects.filter(pk=peer.pk).update(
        options={"push_intent_until": (timezone.now() + timedelta(minutes=5)).isoformat()}
    )
    response = client.get(url, params)
    assert response.status_code == 200 and response.content == b"thu-thach-123"
    assert response["Content-Type"].startswith("text/plain")
    assert client.get(url, {**params, "hub.mode": "unsubscribe"}).status_code == 404
    assert client.get(url.replace("tinh-khac", "khong-co"), params).status_code == 404


# ------------------------------------------------------------------------ node to hub


class Loopback:
    """A requests.Session that sends to this very Django project (no sockets): the
    node subscribing and the hub are the same process and database."""

    def __init__(self, host: str):
        self.host = host
        self.factory = RequestFactory()
        self.calls: list[tuple[str, str]] = []

    def _send(self, method, url, **kwargs):
        parts = urlsplit(url)
        assert parts.netloc == self.host, url
        self.calls.append((method, parts.path))
        view = resolve(parts.path)
        request = getattr(self.factory, method)(parts.path, **kwargs)
        response = view.func(request, *view.args, **view.kwargs)
        return _response(response.status_code, response.content)

    def get(self, url, params=None, **kwargs):
        return self._send("get", url, data=params)

    def post(self, url, data=None, json=None, headers=None, **kwargs):
        extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in (headers or {}).items()}
        extra.pop("HTTP_CONTENT_TYPE", None)
        body = data if json is None else __import__("json").dumps(json)
        return self._send("post", url, data=body, content_type="application/json", **extra)


def test_a_node_subscribes_to_a_hub_and_pulls_on_its_notice(
    settings, monkeypatch, token, django_capture_on_commit_callbacks
):
    settings.SITE_BASE_URL = "http://testserver"
    loop = Loopback("testserver")
    monkeypatch.setattr(push, "http_session", lambda: loop)
    hub_peer = Peer.objects.create(name="nut-a", base_url="http://testserver", token=TOKEN)
    callback = "http://testserver/api/v1/exchange/notices/nut-a"

    answer = push.push_subscribe_to_peer(
        peer=hub_peer, callback_url=callback, secret=SECRET, lease_seconds=3600
    )

    assert loop.calls == [
        ("post", "/api/v1/exchange/subscriptions"),
        ("get", "/api/v1/exchange/notices/nut-a"),  # the hub verified our intent
    ]
    hub_peer.refresh_from_db()
    assert hub_peer.options["push_secret"] == SECRET
    assert "push_intent_until" not in hub_peer.options
    assert hub_peer.options["push_subscription"]["id"] == answer["id"]
    assert Subscription.objects.get(pk=answer["id"]).callback == callback

    publish_document(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_queued_notices() == ["sent"]
    assert loop.calls[-1] == ("post", "/api/v1/exchange/notices/nut-a")
    assert pulls() == [[hub_peer.pk]]


def test_a_hub_refusal_is_reported_and_forgets_the_pending_secret(monkeypatch, http):
    hub_peer = Peer.objects.create(name="nut-a", base_url="https://nut-a.example.vn", token="x")
    http.on_post = lambda url, data, headers: _response(
        401, json.dumps({"detail": "Cần mã truy cập của nút"}).encode()
    )
    with pytest.raises(PeerProtocolError, match="Cần mã truy cập"):
        push.push_subscribe_to_peer(peer=hub_peer, callback_url=CALLBACK, secret=SECRET)
    assert http.posts[0]["url"] == "https://nut-a.example.vn/api/v1/exchange/subscriptions"
    assert http.posts[0]["headers"] == {"Authorization": "Bearer x"}
    hub_peer.refresh_from_db()
    assert hub_peer.options == {}
    with pytest.raises(ValueError, match="16"):
        push.push_subscribe_to_peer(peer=hub_peer, callback_url=CALLBACK, secret="ngan")


# ------------------------------------------------------------------------ Atom


def test_atom_feed_lists_changes_newest_first_with_hub_link(client, monkeypatch):
    docs = [LegalDocumentFactory(title=f"Luật thử {n}") for n in range(4)]
    exchange_publish(type="laws.document", local_ids=[d.pk for d in docs])
    page = guidance_page(parent=section_page(), title="Đăng ký khai sinh")
    page.unpublish()  # a tombstone
    monkeypatch.setattr(atom, "FEED_SIZE", 4)

    response = client.get("/trao-doi/thay-doi.atom")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert 'rel="hub"' in response["Link"] and push.hub_url() in response["Link"]
    root = etree.fromstring(response.content)
    links = {link.get("rel"): link.get("href") for link in root.findall("a:link", ATOM_NS)}
    assert links["hub"] == push.hub_url()
    assert links["self"].endswith("/trao-doi/thay-doi.atom")
    entries = root.findall("a:entry", ATOM_NS)
    assert len(entries) == 4
    latest = list(SharedItem.objects.order_by("-seq")[:4])
    assert [e.findtext("a:id", namespaces=ATOM_NS) for e in entries] == [
        f"{item.uri}#v{item.version}" for item in latest
    ]
    tomb = entries[0]
    assert latest[0].deleted and tomb.findtext("a:title", namespaces=ATOM_NS).startswith("Đã xóa")
    assert tomb.find("a:category", ATOM_NS).get("term") == "portal.page"
    assert "Xóa" in tomb.findtext("a:summary", namespaces=ATOM_NS)
    doc_entry = entries[-1]
    assert doc_entry.findtext("a:title", namespaces=ATOM_NS) == latest[-1].data["title"]
    assert doc_entry.find("a:category", ATOM_NS).get("term") == "laws.document"
    assert doc_entry.findtext("a:updated", namespaces=ATOM_NS)


def test_atom_feed_leaves_out_restricted_types(client, secret_type):
    from pbgdpl.exchange.services import exchange_publish_all

    exchange_publish_all(type=secret_type)
    root = etree.fromstring(client.get("/trao-doi/thay-doi.atom").content)
    terms = {c.get("term") for c in root.iterfind("a:entry/a:category", ATOM_NS)}
    assert secret_type not in terms
    assert SharedItem.objects.filter(type=secret_type).count() == 2


@pytest.fixture
def secret_type():
    import uuid

    from pbgdpl.exchange import registry
    from pbgdpl.exchange.registry import ExchangeType, SharedRecord, register

    before = registry.registered_types()

    def fetch(ids):
        return [
            SharedRecord(
                local_id=i,
                uuid=uuid.uuid5(uuid.NAMESPACE_URL, f"push-{i}"),
                data={"title": f"mật {i}"},
                updated_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
            for i in ids
        ]

    register(
        ExchangeType(
            name="test.secret",
            title="x",
            schema={"type": "object"},
            fetch=fetch,
            all_ids=lambda: ["1", "2"],
            public=False,
        )
    )
    yield "test.secret"
    registry._TYPES.clear()
    registry._TYPES.update(before)
