"""Push hints, WebSub-style: a peer subscribes a callback, we POST it a small signed notice
whenever our feed changes, and it pulls. The notice carries no data — only "there is
something new up to ``seq``" —, so a lost or delayed notice costs nothing but latency:
the scheduled pull still catches everything.

Protocol (docs/exchange.md is written from this):

**Hub (we publish).**

* Subscribe: ``POST /api/v1/exchange/subscriptions`` with ``Authorization: Bearer <peer
  token>`` (an :class:`~.models.AccessToken`: a hub that POSTs to URLs given by strangers
  would be an open relay, so subscribing needs a token) and JSON ``{"callback": URL,
  "secret": 16–200 characters, "lease_seconds": ≤ 30 days (default 7 days), "types":
  [registered types] (optional; empty = every type the token may read)}``.
  The callback must be ``http``/``https`` and must not resolve to a loopback, private,
  link-local or otherwise non-public address unless ``settings.EXCHANGE_ALLOW_PRIVATE_
  CALLBACKS`` (tests, demo, closed networks); redirects are never followed.
* Verification of intent, before anything is stored: the hub ``GET``\\ s the callback with
  ``hub.mode=subscribe``, ``hub.topic=<feed URL>``, ``hub.challenge=<random>`` and
  ``hub.lease_seconds``; the callback must answer 2xx with the challenge as its body.
  Otherwise the request is refused (422, with the reason) and nothing is activated (a
  renewal that fails leaves the previous subscription as it was).
* Renewal: subscribe again (same token and callback): new secret, types and lease.
  After ``lease_until`` no notice is sent. ``GET /api/v1/exchange/subscriptions`` lists
  the token's subscriptions; ``DELETE /api/v1/exchange/subscriptions/<id>`` ends one.
* Notice: after a transaction that changed the feed commits,
  :func:`push_changes_announce` marks each active, unexpired subscription whose types
  match as ``pending`` — with a conditional UPDATE, so there is at most one pending notice
  per subscription and a burst of 1,000 changes gives one or a few notices — and queues
  :func:`push_notice_send_task`. The task clears ``pending``, takes the latest ``seq`` of
  the subscription's types and, when it is beyond the last one notified, POSTs::

      {"node": <node base URL>, "seq": <latest seq>, "sent_at": <ISO 8601, UTC, seconds>,
       "topic": <feed URL>, "types": [...]}

  (canonical JSON: keys sorted, no spaces) with ``Content-Type: application/json``,
  ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the exact body, keyed with the
  secret>`` and ``X-Hub-Timestamp: <sent_at as Unix seconds>``.
* Failures (no answer, non-2xx): ``failures`` and ``last_error`` are recorded and the
  notice is retried later with exponential backoff (``EXCHANGE_PUSH_RETRY_SECONDS`` ×
  4ⁿ, when the task backend can defer); after ``EXCHANGE_PUSH_MAX_FAILURES`` consecutive
  failures, or at once on ``410 Gone``, the subscription is deactivated (subscribing again
  re-activates it). A success resets the count.

**Subscriber (we pull).**

* ``POST /api/v1/exchange/notices/<peer name>`` receives notices. The peer must hold a
  ``push_secret`` in ``Peer.options``. Unsigned (or without timestamp): 401. Bad
  signature (checked with :func:`hmac.compare_digest` over the raw body): 403. Timestamp
  header not equal to the signed ``sent_at``, or ``sent_at`` more than
  ``EXCHANGE_PUSH_MAX_AGE`` (5 minutes) away from now: 403 "Thông báo đã cũ". A replay
  (``seq`` ≤ the last notice's ``seq`` from that peer, kept in ``Peer.options``) is
  answered 202 and does nothing. Otherwise the pull of that peer is queued (after commit)
  and the answer is 202.
* ``GET`` on the same URL answers the hub's verification of intent: it echoes
  ``hub.challenge`` only while we are asking that peer for a subscription
  (:func:`push_subscribe_to_peer` opens a 10-minute window).

Deliberate limits: the callback's address is checked when subscribing and again before
each notice, but a DNS answer that changes between the check and the connection (DNS
rebinding) is not pinned; keep ``EXCHANGE_ALLOW_PRIVATE_CALLBACKS`` off on nodes that can
reach internal services. Secrets are stored as given (they must sign).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import secrets
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django_tasks import task

from .adapters.base import PeerError, PeerProtocolError
from .canonical import canonical_json
from .models import AccessToken, Peer, SharedItem, Subscription
from .registry import registered_types
from .services import node_base_url

logger = logging.getLogger(__name__)

FEED_PATH = "/api/v1/exchange/changes"
HUB_PATH = "/api/v1/exchange/subscriptions"
NOTICES_PATH = "/api/v1/exchange/notices/{name}"
SIGNATURE_HEADER = "X-Hub-Signature-256"
TIMESTAMP_HEADER = "X-Hub-Timestamp"

SECRET_MIN, SECRET_MAX = 16, 200
LEASE_MIN = 60
LEASE_DEFAULT = 7 * 24 * 3600
LEASE_MAX = 30 * 24 * 3600
MAX_NOTICE_BYTES = 16 * 1024
CHALLENGE_MAX = 200
INTENT_WINDOW = timedelta(minutes=10)


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def _timeout() -> float:
    return float(_setting("EXCHANGE_PUSH_TIMEOUT", 10))


def _max_age() -> int:
    return int(_setting("EXCHANGE_PUSH_MAX_AGE", 300))


class PushError(Exception):
    """A push request that cannot be honoured; ``str()`` is the reason (Vietnamese) and
    ``status`` the HTTP status the API answers with."""

    def __init__(self, message: str, *, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


class SubscriptionRefused(PushError):
    """A subscription request refused (bad input, not granted, intent not confirmed)."""


class NoticeRefused(PushError):
    """A received notice refused (unsigned, bad signature, stale, unknown peer)."""


def http_session() -> requests.Session:
    """The HTTP client of every outgoing push request (tests replace this function)."""
    session = requests.Session()
    session.headers["User-Agent"] = "PBGDPL-So-exchange/1"
    return session


def topic_url() -> str:
    """The topic of every subscription: this node's change feed."""
    return f"{settings.SITE_BASE_URL.rstrip('/')}{FEED_PATH}"


def hub_url() -> str:
    """Where peers subscribe (advertised as ``<link rel="hub">``)."""
    return f"{settings.SITE_BASE_URL.rstrip('/')}{HUB_PATH}"


# --- reads -----------------------------------------------------------------------------


def access_token_get(raw: str | None) -> AccessToken | None:
    """The valid (unrevoked) access token whose secret is ``raw``, if any."""
    if not raw:
        return None
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return AccessToken.objects.filter(token_hash=digest, revoked_at__isnull=True).first()


def _granted_types(token: AccessToken) -> set[str]:
    """What the token may read: public types plus its grant (empty grant = every type)."""
    types = registered_types()
    allowed = {name for name, spec in types.items() if spec.public}
    return allowed | (set(token.types or types) & set(types))


def subscription_types(subscription: Subscription) -> set[str]:
    """The registered types a subscription hears about (its choice within its grant)."""
    granted = _granted_types(subscription.token)
    return set(subscription.types) & granted if subscription.types else granted


def subscriptions_of(token: AccessToken) -> list[Subscription]:
    return list(Subscription.objects.filter(token=token).order_by("pk"))


# --- hub: subscriptions ------------------------------------------------------------------


def _address_is_public(host: str, port: int) -> bool:
    """True when every address ``host`` resolves to is a public unicast one."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise SubscriptionRefused(
            _("Không phân giải được tên máy của địa chỉ nhận: %(host)s.") % {"host": host}
        ) from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            return False
    return bool(infos)


def callback_check(url: str) -> str:
    """``url`` if it may receive our requests, else :class:`SubscriptionRefused`.

    Only absolute ``http``/``https`` URLs without credentials or fragment, of at most 500
    characters; addresses that are not public are refused unless
    ``settings.EXCHANGE_ALLOW_PRIVATE_CALLBACKS``.
    """
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or len(url) > 500
        or parts.username is not None
        or parts.fragment
        or any(ch.isspace() for ch in url)
    ):
        raise SubscriptionRefused(
            _(
                "Địa chỉ nhận phải là một URL http:// hoặc https:// đầy đủ (không có tên "
                "đăng nhập, không có phần #, tối đa 500 ký tự)."
            )
        )
    if not _setting("EXCHANGE_ALLOW_PRIVATE_CALLBACKS", False):
        default_port = 443 if parts.scheme == "https" else 80
        if not _address_is_public(parts.hostname, port or default_port):
            raise SubscriptionRefused(
                _(
                    "Địa chỉ nhận trỏ vào mạng nội bộ hoặc chính máy chủ (%(host)s): "
                    "không được phép."
                )
                % {"host": parts.hostname}
            )
    return url


def _read_limited(response: requests.Response, limit: int) -> bytes:
    body = b""
    for chunk in response.iter_content(chunk_size=1024):
        body += chunk
        if len(body) > limit:
            break
    return body[: limit + 1]


def _intent_verify(*, callback: str, lease_seconds: int) -> None:
    """GET the callback with a challenge; :class:`SubscriptionRefused` unless it is
    echoed with a 2xx answer."""
    challenge = secrets.token_urlsafe(32)
    params = {
        "hub.mode": "subscribe",
        "hub.topic": topic_url(),
        "hub.challenge": challenge,
        "hub.lease_seconds": str(lease_seconds),
    }
    try:
        response = http_session().get(
            callback, params=params, timeout=_timeout(), allow_redirects=False, stream=True
        )
    except requests.RequestException as exc:
        raise SubscriptionRefused(
            _("Không gọi được địa chỉ nhận để xác nhận đăng ký (%(error)s).")
            % {"error": type(exc).__name__}
        ) from None
    try:
        body = _read_limited(response, CHALLENGE_MAX + 64)
    finally:
        response.close()
    if not 200 <= response.status_code < 300:
        raise SubscriptionRefused(
            _(
                "Địa chỉ nhận trả lời mã %(status)s khi xác nhận đăng ký (cần mã 200 và "
                "chuỗi thử thách): đăng ký chưa được kích hoạt."
            )
            % {"status": response.status_code}
        )
    if body.strip() != challenge.encode():
        raise SubscriptionRefused(
            _(
                "Địa chỉ nhận không trả lại đúng chuỗi thử thách (hub.challenge): đăng ký "
                "chưa được kích hoạt."
            )
        )


def push_subscribe(
    *,
    token: AccessToken,
    callback: str,
    secret: str,
    lease_seconds: int | None = None,
    types: list[str] | None = None,
) -> Subscription:
    """Create or renew the subscription of ``token`` for ``callback``.

    Checks the input and the token's grant, verifies the intent with the callback (an
    HTTP GET — so call it outside a transaction when the callback may be served by this
    very node), then stores the subscription as active until now + lease. Raises
    :class:`SubscriptionRefused` (with the HTTP status to answer) and stores nothing when
    anything fails.
    """
    if token.revoked_at is not None:
        raise SubscriptionRefused(_("Mã truy cập đã bị thu hồi."), status=401)
    callback = callback_check(callback)
    if not isinstance(secret, str) or not SECRET_MIN <= len(secret) <= SECRET_MAX:
        raise SubscriptionRefused(
            _("Khóa bí mật (secret) phải dài từ %(min)s đến %(max)s ký tự.")
            % {"min": SECRET_MIN, "max": SECRET_MAX}
        )
    lease = LEASE_DEFAULT if lease_seconds is None else lease_seconds
    if not LEASE_MIN <= lease <= LEASE_MAX:
        raise SubscriptionRefused(
            _("Thời hạn đăng ký (lease_seconds) phải từ %(min)s đến %(max)s giây (30 ngày).")
            % {"min": LEASE_MIN, "max": LEASE_MAX}
        )
    wanted = list(dict.fromkeys(t.strip() for t in types or [] if t.strip()))
    unknown = set(wanted) - set(registered_types())
    if unknown:
        raise SubscriptionRefused(
            _("Loại dữ liệu không có: %(types)s.") % {"types": ", ".join(sorted(unknown))}
        )
    not_granted = set(wanted) - _granted_types(token)
    if not_granted:
        raise SubscriptionRefused(
            _("Mã truy cập không được đọc: %(types)s.") % {"types": ", ".join(sorted(not_granted))},
            status=403,
        )
    _intent_verify(callback=callback, lease_seconds=lease)
    now = timezone.now()
    subscription, created = Subscription.objects.update_or_create(
        token=token,
        callback=callback,
        defaults={
            "secret": secret,
            "types": wanted,
            "lease_seconds": lease,
            "lease_until": now + timedelta(seconds=lease),
            "active": True,
            "verified_at": now,
            "failures": 0,
            "last_error": "",
        },
    )
    logger.info(
        "Đăng ký nhận thông báo %s: %s (%s), hiệu lực đến %s",
        "mới" if created else "gia hạn",
        callback,
        token.name,
        subscription.lease_until.isoformat(),
    )
    return subscription


def push_unsubscribe(*, token: AccessToken, subscription_id: int) -> bool:
    """End one of ``token``'s subscriptions; False when it has none with that id."""
    deleted, _detail = Subscription.objects.filter(token=token, pk=subscription_id).delete()
    return bool(deleted)


# --- hub: notices ------------------------------------------------------------------------


def push_changes_announce(*, types: set[str] | list[str] | None = None) -> int:
    """Queue one notice per active, unexpired subscription hearing about ``types``
    (None: any type) that has none pending yet. Call it after the change committed
    (``transaction.on_commit``). Returns how many notices were queued."""
    changed = None if types is None else set(types)
    candidates = Subscription.objects.filter(
        active=True,
        pending=False,
        lease_until__gt=timezone.now(),
        token__revoked_at__isnull=True,
    ).select_related("token")
    queued = 0
    for subscription in candidates:
        if changed is not None and not subscription_types(subscription) & changed:
            continue
        # The conditional UPDATE makes "at most one pending notice" hold across processes.
        if Subscription.objects.filter(pk=subscription.pk, pending=False, active=True).update(
            pending=True
        ):
            if _notice_enqueue(subscription.pk):
                queued += 1
            else:
                Subscription.objects.filter(pk=subscription.pk).update(pending=False)
    return queued


def _notice_enqueue(subscription_id: int, *, run_after: datetime | None = None) -> bool:
    job = push_notice_send_task
    try:
        if run_after is not None:
            if not job.get_backend().supports_defer:
                return False
            job = job.using(run_after=run_after)
        job.enqueue(subscription_id)
    except Exception:  # the backend is down: the next change queues again
        logger.exception("Không xếp hàng được thông báo cho đăng ký %s", subscription_id)
        return False
    return True


def notice_sign(*, body: bytes, secret: str) -> str:
    """The ``X-Hub-Signature-256`` value of ``body``: ``sha256=<hex HMAC-SHA256>``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _notice_build(*, seq: int, types: set[str], now: datetime) -> tuple[bytes, str]:
    sent_at = now.astimezone(UTC).replace(microsecond=0)
    payload = {
        "topic": topic_url(),
        "node": node_base_url(),
        "seq": seq,
        "types": sorted(types),
        "sent_at": sent_at.isoformat(),
    }
    return canonical_json(payload), str(int(sent_at.timestamp()))


def _notice_post(subscription: Subscription, body: bytes, stamp: str) -> tuple[bool, str, int]:
    """POST one notice: (delivered, error, status)."""
    try:
        callback_check(subscription.callback)
    except SubscriptionRefused as exc:
        return False, str(exc), 0
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: notice_sign(body=body, secret=subscription.secret),
        TIMESTAMP_HEADER: stamp,
    }
    try:
        response = http_session().post(
            subscription.callback,
            data=body,
            headers=headers,
            timeout=_timeout(),
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        return False, _("Không gửi được thông báo (%(error)s).") % {"error": type(exc).__name__}, 0
    response.close()
    if 200 <= response.status_code < 300:
        return True, "", response.status_code
    return (
        False,
        _("Địa chỉ nhận trả lời mã %(status)s.") % {"status": response.status_code},
        response.status_code,
    )


def push_notice_send(*, subscription_id: int) -> str:
    """Send the pending notice of one subscription (what the task runs).

    Returns "sent", "unchanged" (nothing beyond the last notified seq), "inactive"
    (deactivated, lease over, token revoked or subscription gone), "retry" (failed, will
    be tried again later), "failed" (failed, no deferred retry possible: the next change
    tries again) or "deactivated" (too many consecutive failures, or 410 Gone).
    """
    subscription = Subscription.objects.select_related("token").filter(pk=subscription_id).first()
    if subscription is None:
        return "inactive"
    # From here on, a change that commits queues a new notice.
    Subscription.objects.filter(pk=subscription.pk).update(pending=False)
    now = timezone.now()
    if (
        not subscription.active
        or subscription.lease_until <= now
        or subscription.token.revoked_at is not None
    ):
        return "inactive"
    types = subscription_types(subscription)
    seq = SharedItem.objects.filter(type__in=types).aggregate(m=Max("seq"))["m"] or 0
    if seq <= subscription.last_seq:
        return "unchanged"
    body, stamp = _notice_build(seq=seq, types=types, now=now)
    delivered, error, status = _notice_post(subscription, body, stamp)
    if delivered:
        Subscription.objects.filter(pk=subscription.pk).update(
            last_seq=seq, last_sent_at=now, failures=0, last_error=""
        )
        return "sent"
    return _notice_failed(subscription_id=subscription.pk, error=error, gone=status == 410)


def _notice_failed(*, subscription_id: int, error: str, gone: bool) -> str:
    max_failures = int(_setting("EXCHANGE_PUSH_MAX_FAILURES", 6))
    with transaction.atomic():
        row = Subscription.objects.select_for_update().get(pk=subscription_id)
        row.failures += 1
        row.last_error = error
        deactivate = gone or row.failures >= max_failures
        if deactivate:
            row.active = False
            row.pending = False
            row.last_error = _("%(error)s Đã tắt đăng ký sau %(count)s lần lỗi liên tiếp.") % {
                "error": error,
                "count": row.failures,
            }
        row.save(update_fields=["failures", "last_error", "active", "pending"])
    logger.warning("Thông báo tới %s không thành công: %s", row.callback, row.last_error)
    if deactivate:
        return "deactivated"
    base = float(_setting("EXCHANGE_PUSH_RETRY_SECONDS", 30))
    delay = min(base * 4 ** (row.failures - 1), 6 * 3600)
    if not Subscription.objects.filter(pk=subscription_id, pending=False, active=True).update(
        pending=True
    ):
        return "retry"  # a notice is already queued (a change came meanwhile)
    if _notice_enqueue(subscription_id, run_after=timezone.now() + timedelta(seconds=delay)):
        return "retry"
    Subscription.objects.filter(pk=subscription_id).update(pending=False)
    return "failed"


@task()
def push_notice_send_task(subscription_id: int) -> str:
    """Background: send one subscription's pending notice (see :func:`push_notice_send`)."""
    return push_notice_send(subscription_id=subscription_id)


# --- subscriber: receiving notices ----------------------------------------------------------


def _peer_secrets(peer: Peer, now: datetime) -> list[str]:
    options = peer.options or {}
    found = [options.get("push_secret")]
    until = parse_datetime(str(options.get("push_intent_until") or ""))
    if until is not None and until > now:
        found.append(options.get("push_secret_pending"))
    return [s for s in found if isinstance(s, str) and s]


@dataclass(frozen=True)
class NoticeOutcome:
    """What a received notice did: "queued" (pull queued) or "ignored" (replay / old)."""

    status: str
    seq: int


def push_notice_receive(
    *, peer_name: str, body: bytes, signature: str | None, timestamp: str | None
) -> NoticeOutcome:
    """Check a notice a peer's hub POSTed and, when it is new, queue the pull of that
    peer (after commit). Raises :class:`NoticeRefused` (401 unsigned, 403 bad signature
    or stale, 404 unknown peer, 409 peer disabled, 400/413 bad body)."""
    now = timezone.now()
    outcome = _notice_check(
        peer_name=peer_name, body=body, signature=signature, timestamp=timestamp, now=now
    )
    if isinstance(outcome, NoticeRefused):
        logger.warning("Từ chối thông báo của nút %s: %s", peer_name, outcome)
        raise outcome
    peer, seq, sent_at = outcome
    with transaction.atomic():
        locked = Peer.objects.select_for_update().get(pk=peer.pk)
        options = dict(locked.options or {})
        if seq <= int(options.get("push_last_seq") or 0):
            return NoticeOutcome(status="ignored", seq=seq)
        options["push_last_seq"] = seq
        options["push_last_at"] = sent_at.isoformat()
        locked.options = options
        locked.save(update_fields=["options"])
        peer_id = locked.pk
        transaction.on_commit(lambda: push_pull_enqueue(peer_id=peer_id), robust=True)
    return NoticeOutcome(status="queued", seq=seq)


def _notice_check(
    *, peer_name: str, body: bytes, signature: str | None, timestamp: str | None, now: datetime
) -> NoticeRefused | tuple[Peer, int, datetime]:
    if not signature or not timestamp:
        return NoticeRefused(
            _("Thông báo chưa được ký (thiếu %(sig)s hoặc %(ts)s).")
            % {"sig": SIGNATURE_HEADER, "ts": TIMESTAMP_HEADER},
            status=401,
        )
    if len(body) > MAX_NOTICE_BYTES:
        return NoticeRefused(_("Thông báo quá lớn."), status=413)
    peer = Peer.objects.filter(name=peer_name).first()
    if peer is None:
        return NoticeRefused(
            _("Không có nút ngang hàng “%(name)s”.") % {"name": peer_name}, status=404
        )
    candidates = _peer_secrets(peer, now)
    if not candidates:
        return NoticeRefused(
            _("Nút “%(name)s” chưa có khóa bí mật nhận thông báo (push_secret).")
            % {"name": peer_name},
            status=403,
        )
    given = signature.strip().lower().encode("utf-8", "replace")
    if not any(
        hmac.compare_digest(notice_sign(body=body, secret=secret).encode(), given)
        for secret in candidates
    ):
        return NoticeRefused(_("Chữ ký của thông báo không đúng."), status=403)
    try:
        payload = json.loads(body)
        seq = payload["seq"]
        sent_at = parse_datetime(payload["sent_at"])
    except (ValueError, TypeError, KeyError):
        return NoticeRefused(_("Nội dung thông báo không hợp lệ."), status=400)
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0 or sent_at is None:
        return NoticeRefused(_("Nội dung thông báo không hợp lệ."), status=400)
    if sent_at.tzinfo is None:
        return NoticeRefused(_("Nội dung thông báo không hợp lệ."), status=400)
    if timestamp.strip() != str(int(sent_at.timestamp())):
        return NoticeRefused(
            _("Dấu thời gian %(ts)s không khớp với thông báo đã ký.") % {"ts": TIMESTAMP_HEADER},
            status=403,
        )
    if abs((now - sent_at).total_seconds()) > _max_age():
        return NoticeRefused(_("Thông báo đã cũ."), status=403)
    if not peer.enabled:
        return NoticeRefused(
            _("Nút “%(name)s” đang tắt: không kéo.") % {"name": peer_name}, status=409
        )
    return peer, seq, sent_at


def push_pull_enqueue(*, peer_id: int) -> bool:
    """Queue the pull of one peer (the puller's task, imported lazily). False when the
    task is not available or could not be queued (the scheduled pull still runs)."""
    try:
        from .tasks import exchange_pull_task
    except ImportError:
        logger.warning("Chưa có tác vụ kéo dữ liệu (exchange.tasks.exchange_pull_task).")
        return False
    try:
        exchange_pull_task.enqueue(peer_id)
    except Exception:
        logger.exception("Không xếp hàng được lượt kéo của nút %s", peer_id)
        return False
    return True


def push_intent_confirm(*, peer_name: str, mode: str, challenge: str) -> str | None:
    """The challenge to echo to a hub verifying our subscription to ``peer_name``, or None
    (answer 404) when we are not asking that peer for one right now."""
    if mode != "subscribe" or not challenge or len(challenge) > CHALLENGE_MAX:
        return None
    peer = Peer.objects.filter(name=peer_name).first()
    if peer is None:
        return None
    until = parse_datetime(str((peer.options or {}).get("push_intent_until") or ""))
    if until is None or until <= timezone.now():
        return None
    return challenge


# --- subscriber: subscribing to a peer's hub --------------------------------------------------


def _peer_options_update(peer: Peer, **changes: Any) -> None:
    """Set (value) or drop (None) keys of ``peer.options``; commits at once when called
    outside a transaction, so the peer's verification request can see them."""
    with transaction.atomic():
        locked = Peer.objects.select_for_update().get(pk=peer.pk)
        options = dict(locked.options or {})
        for key, value in changes.items():
            if value is None:
                options.pop(key, None)
            else:
                options[key] = value
        locked.options = options
        locked.save(update_fields=["options"])
    peer.options = options


def push_subscribe_to_peer(
    *,
    peer: Peer,
    callback_url: str,
    secret: str,
    lease_seconds: int = LEASE_DEFAULT,
    types: list[str] | None = None,
) -> dict:
    """Subscribe ``callback_url`` (our notices URL for this peer) at ``peer``'s hub.

    Call it outside a transaction: the peer verifies the intent with a GET to our
    callback while we wait. On success the secret becomes ``peer.options["push_secret"]``
    and the hub's answer is kept in ``peer.options["push_subscription"]`` and returned.
    Raises ValueError (bad arguments), :class:`PeerError` (peer unreachable, 5xx: try
    again later) or :class:`PeerProtocolError` (refused; the message says why).
    """
    if peer.kind != Peer.Kind.FEED:
        raise ValueError(_("Chỉ nút PBGDPL Số (luồng thay đổi) mới nhận đăng ký thông báo."))
    if not SECRET_MIN <= len(secret) <= SECRET_MAX:
        raise ValueError(
            _("Khóa bí mật (secret) phải dài từ %(min)s đến %(max)s ký tự.")
            % {"min": SECRET_MIN, "max": SECRET_MAX}
        )
    _peer_options_update(
        peer,
        push_secret_pending=secret,
        push_intent_until=(timezone.now() + INTENT_WINDOW).isoformat(),
    )
    headers = {"Authorization": f"Bearer {peer.token}"} if peer.token else {}
    payload = {"callback": callback_url, "secret": secret, "lease_seconds": lease_seconds}
    if types:
        payload["types"] = list(types)
    try:
        try:
            response = http_session().post(
                peer.base_url.rstrip("/") + HUB_PATH,
                json=payload,
                headers=headers,
                timeout=max(_timeout() * 3, 30),
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            raise PeerError(
                _("Không gọi được nút %(peer)s (%(error)s).")
                % {"peer": peer.name, "error": type(exc).__name__}
            ) from None
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.status_code >= 500 or response.status_code == 429:
            raise PeerError(
                _("Nút %(peer)s trả lời mã %(status)s.")
                % {"peer": peer.name, "status": response.status_code}
            )
        if not 200 <= response.status_code < 300 or not isinstance(answer, dict):
            detail = answer.get("detail", "") if isinstance(answer, dict) else ""
            raise PeerProtocolError(
                _("Nút %(peer)s từ chối đăng ký (mã %(status)s): %(detail)s")
                % {"peer": peer.name, "status": response.status_code, "detail": detail}
            )
    except (PeerError, PeerProtocolError):
        _peer_options_update(peer, push_secret_pending=None, push_intent_until=None)
        raise
    _peer_options_update(
        peer,
        push_secret=secret,
        push_secret_pending=None,
        push_intent_until=None,
        push_subscription={
            "id": answer.get("id"),
            "callback": callback_url,
            "lease_until": answer.get("lease_until"),
        },
    )
    return answer
