"""Push hints over HTTP (protocol in push.py): the hub's subscription endpoints and the
callback that receives a peer's notices. Thin: every rule lives in push.py."""

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from .models import AccessToken, Subscription
from .push import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    PushError,
    access_token_get,
    hub_url,
    push_intent_confirm,
    push_notice_receive,
    push_subscribe,
    push_unsubscribe,
    subscriptions_of,
    topic_url,
)

router = Router(tags=["exchange"])


class SubscriptionIn(Schema):
    callback: str = Field(..., description="URL nhận thông báo (http/https, địa chỉ công khai)")
    secret: str = Field(..., description="Khóa bí mật ký thông báo (16–200 ký tự)")
    lease_seconds: int | None = Field(
        None, description="Thời hạn, giây (tối đa 30 ngày; mặc định 7 ngày)"
    )
    types: list[str] = Field(
        default_factory=list, description="Các loại dữ liệu (để trống: mọi loại được đọc)"
    )


class SubscriptionOut(Schema):
    id: int
    callback: str
    types: list[str]
    lease_seconds: int
    lease_until: datetime
    active: bool
    topic: str
    hub: str
    last_seq: int
    last_sent_at: datetime | None
    failures: int
    last_error: str


class NoticeOut(Schema):
    status: str
    seq: int
    detail: str


def _subscription_out(subscription: Subscription) -> dict:
    return {
        "id": subscription.pk,
        "callback": subscription.callback,
        "types": subscription.types,
        "lease_seconds": subscription.lease_seconds,
        "lease_until": subscription.lease_until,
        "active": subscription.active,
        "topic": topic_url(),
        "hub": hub_url(),
        "last_seq": subscription.last_seq,
        "last_sent_at": subscription.last_sent_at,
        "failures": subscription.failures,
        "last_error": subscription.last_error,
    }


def _peer_token(request: HttpRequest) -> AccessToken:
    header = request.headers.get("Authorization", "")
    raw = header[7:].strip() if header.lower().startswith("bearer ") else ""
    token = access_token_get(raw)
    if token is None:
        raise HttpError(
            401,
            _("Cần mã truy cập của nút (Authorization: Bearer …) để đăng ký nhận thông báo."),
        )
    return token


@router.post(
    "/exchange/subscriptions",
    response={201: SubscriptionOut},
    summary="Đăng ký (hoặc gia hạn) nhận thông báo thay đổi",
)
def subscription_create(request: HttpRequest, payload: SubscriptionIn):
    """Subscribe a callback to push hints about this node's change feed.

    Needs a peer token. The hub first verifies the intent: it GETs the callback with
    ``hub.mode=subscribe``, ``hub.topic``, ``hub.challenge`` and ``hub.lease_seconds`` and
    expects the challenge echoed with status 200. Subscribing again renews.
    """
    token = _peer_token(request)
    try:
        subscription = push_subscribe(
            token=token,
            callback=payload.callback,
            secret=payload.secret,
            lease_seconds=payload.lease_seconds,
            types=payload.types,
        )
    except PushError as exc:
        raise HttpError(exc.status, str(exc)) from None
    return Status(201, _subscription_out(subscription))


@router.get(
    "/exchange/subscriptions",
    response=list[SubscriptionOut],
    summary="Các đăng ký nhận thông báo của mã truy cập này",
)
def subscription_list(request: HttpRequest):
    return [_subscription_out(s) for s in subscriptions_of(_peer_token(request))]


@router.delete(
    "/exchange/subscriptions/{subscription_id}",
    response={204: None},
    summary="Hủy một đăng ký nhận thông báo",
)
def subscription_delete(request: HttpRequest, subscription_id: int):
    if not push_unsubscribe(token=_peer_token(request), subscription_id=subscription_id):
        raise HttpError(404, _("Không có đăng ký này."))
    return Status(204, None)


@router.get(
    "/exchange/notices/{name}",
    summary="Xác nhận ý định đăng ký (nút ngang hàng gọi khi ta đăng ký)",
)
def notice_intent(request: HttpRequest, name: str):
    """Echo ``hub.challenge`` while we are subscribing to peer ``name``; 404 otherwise."""
    challenge = push_intent_confirm(
        peer_name=name,
        mode=request.GET.get("hub.mode", ""),
        challenge=request.GET.get("hub.challenge", ""),
    )
    if challenge is None:
        raise HttpError(404, _("Không có yêu cầu đăng ký nào đang chờ xác nhận."))
    response = HttpResponse(challenge, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.post(
    "/exchange/notices/{name}",
    response={202: NoticeOut},
    summary="Nhận thông báo thay đổi đã ký của nút ngang hàng",
)
def notice_receive(request: HttpRequest, name: str):
    """A peer's hub announces new changes: signed (``X-Hub-Signature-256``, HMAC-SHA256 of
    the body) and timestamped (``X-Hub-Timestamp``). A fresh, correctly signed notice
    queues a pull of that peer."""
    try:
        outcome = push_notice_receive(
            peer_name=name,
            body=request.body,
            signature=request.headers.get(SIGNATURE_HEADER),
            timestamp=request.headers.get(TIMESTAMP_HEADER),
        )
    except PushError as exc:
        raise HttpError(exc.status, str(exc)) from None
    detail = (
        _("Đã nhận; sẽ kéo dữ liệu mới.")
        if outcome.status == "queued"
        else _("Đã nhận; không có gì mới.")
    )
    return Status(202, {"status": outcome.status, "seq": outcome.seq, "detail": detail})
