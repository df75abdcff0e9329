"""The adapter of peers that speak our own change feed (another PBGDPL Số node).

It reads ``<base_url>/api/v1/exchange/changes?after=<cursor>&limit=<n>[&types=a,b]``
(docs/exchange.md). The cursor is the decimal ``seq`` of the last entry received, as a
string ("" = from the start). The body is streamed with a hard size cap and a wall-clock
deadline, so a peer can neither exhaust our memory nor hold a worker forever.
"""

import json
from typing import Any

import requests
from django.conf import settings

from .base import (
    Adapter,
    FetchedBatch,
    PeerError,
    PeerProtocolError,
    register_adapter,
    response_body_read,
    seconds_text,
)

CHANGES_PATH = "/api/v1/exchange/changes"
ERROR_BODY_BYTES = 64 * 1024


class ResponseTooLarge(PeerProtocolError):
    """The response exceeded the size cap. ``too_large`` tells the puller it may ask
    again for fewer entries per page (any adapter may raise an error with that flag)."""

    too_large = True


def _megabytes(size: int) -> str:
    return f"{seconds_text(size / (1024 * 1024))} MB"


def peer_types(peer: Any) -> list[str]:
    """The types a peer is read for ([] = all it offers), whatever shape the field holds."""
    types = peer.types or []
    if isinstance(types, str):
        types = types.split(",")
    return [str(t).strip() for t in types if str(t).strip()]


def _excerpt(body: bytes, size: int = 200) -> str:
    text = body[: size * 4].decode("utf-8", errors="replace")
    text = " ".join(text.split())
    return text[:size] + ("…" if len(text) > size else "")


@register_adapter
class FeedAdapter(Adapter):
    """Reads a PBGDPL Số node's change feed (``Peer.kind == "feed"``)."""

    kind = "feed"

    def cursor_sort_key(self, cursor: str) -> int:
        """Cursors of this feed are ordered: the decimal sequence number ("" = 0)."""
        return self._cursor_int(cursor)

    def fetch(self, cursor: str, *, limit: int) -> FetchedBatch:
        """One page of the peer's feed after ``cursor``.

        Raises :class:`PeerError` (worth retrying: timeout, connection refused or cut,
        HTTP 5xx or 429) or :class:`PeerProtocolError` (not worth retrying: any other
        HTTP error, a body that is not our feed's JSON, a response over the size cap, a
        feed whose ``next`` goes backwards). Messages are in Vietnamese (shown to staff).
        """
        after = self._cursor_int(cursor)
        params: dict[str, Any] = {"after": after, "limit": limit}
        types = peer_types(self.peer)
        if types:
            params["types"] = ",".join(types)
        headers = {"Accept": "application/json"}
        if self.peer.token:
            headers["Authorization"] = f"Bearer {self.peer.token}"
        timeout = float(getattr(settings, "EXCHANGE_HTTP_TIMEOUT", 20))
        if self.session is None:
            self.session = requests.Session()  # kept for the next pages (keep-alive)
        session = self.session
        url = self.peer.base_url.rstrip("/") + CHANGES_PATH
        try:
            response = session.get(
                url, params=params, headers=headers, timeout=(timeout, timeout), stream=True
            )
        except requests.Timeout:
            raise PeerError(
                f"Quá thời gian chờ nút {self.peer.name} ({seconds_text(timeout)} giây)."
            ) from None
        except requests.ConnectionError as exc:
            raise PeerError(f"Không kết nối được nút {self.peer.name}: {exc}") from None
        except requests.RequestException as exc:
            raise PeerProtocolError(f"Không gọi được nút {self.peer.name}: {exc}") from None
        try:
            status = response.status_code
            if status >= 500 or status == 429:
                error = PeerError(f"Nút {self.peer.name} trả lỗi HTTP {status}; sẽ thử lại.")
                error.retry_after = _retry_after(response.headers.get("Retry-After"))
                raise error
            if status >= 300:
                detail = _detail(self._read(response, limit_bytes=ERROR_BODY_BYTES, cap=False))
                if status in (401, 403):
                    raise PeerProtocolError(
                        f"Nút {self.peer.name} từ chối truy cập (HTTP {status}): {detail} "
                        "Kiểm tra mã truy cập và các loại dữ liệu được phép đọc."
                    )
                raise PeerProtocolError(f"Nút {self.peer.name} trả lỗi HTTP {status}: {detail}")
            body = self._read(response)
        finally:
            response.close()
        return self._batch(body, after=after, content_type=response.headers.get("Content-Type"))

    # -- helpers ------------------------------------------------------------------------

    def _cursor_int(self, cursor: str) -> int:
        text = (cursor or "").strip()
        if not text:
            return 0
        if not text.isdigit():
            raise PeerProtocolError(
                f"Con trỏ của nút {self.peer.name} không hợp lệ: {text[:50]!r} "
                "(luồng thay đổi dùng số thứ tự)."
            )
        return int(text)

    def _read(self, response: Any, *, limit_bytes: int | None = None, cap: bool = True) -> bytes:
        """The body, streamed; over ``limit_bytes`` it is cut (``cap=False``) or refused."""
        maximum = limit_bytes or int(
            getattr(settings, "EXCHANGE_MAX_RESPONSE_BYTES", 8 * 1024 * 1024)
        )
        too_large = ResponseTooLarge(f"Phản hồi quá lớn (> {_megabytes(maximum)}).")
        return response_body_read(
            response,
            label=f"nút {self.peer.name}",
            maximum=maximum,
            timeout=float(getattr(settings, "EXCHANGE_HTTP_TIMEOUT", 20)),
            too_large=too_large,
            cap=cap,
        )

    def _batch(self, body: bytes, *, after: int, content_type: str | None) -> FetchedBatch:
        name = self.peer.name
        try:
            envelope = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise PeerProtocolError(
                f"Phản hồi của nút {name} không phải JSON hợp lệ "
                f"(Content-Type: {content_type or 'không có'}): {_excerpt(body)!r}"
            ) from None
        if not isinstance(envelope, dict):
            raise PeerProtocolError(
                f"Phản hồi của nút {name} không đúng định dạng luồng thay đổi "
                "(cần một đối tượng có items, next, has_more)."
            )
        missing = [key for key in ("items", "next", "has_more") if key not in envelope]
        if missing:
            raise PeerProtocolError(f"Phản hồi của nút {name} thiếu trường: {', '.join(missing)}.")
        items, next_seq, has_more = envelope["items"], envelope["next"], envelope["has_more"]
        wrong = []
        if not isinstance(items, list):
            wrong.append("items phải là một danh sách")
        if not isinstance(next_seq, int) or isinstance(next_seq, bool) or next_seq < 0:
            wrong.append("next phải là một số nguyên không âm")
        if not isinstance(has_more, bool):
            wrong.append("has_more phải là true hoặc false")
        if wrong:
            raise PeerProtocolError(
                f"Phản hồi của nút {name} sai kiểu dữ liệu: {'; '.join(wrong)}."
            )
        if next_seq < after:
            raise PeerProtocolError(
                f"Luồng thay đổi của nút {name} đi lùi: đã hỏi sau số {after} "
                f"nhưng nhận next = {next_seq}."
            )
        if has_more and next_seq == after:
            raise PeerProtocolError(
                f"Luồng thay đổi của nút {name} không tiến: next = {next_seq} "
                "bằng con trỏ đã gửi mà vẫn báo còn dữ liệu."
            )
        return FetchedBatch(
            items=items, next_cursor=str(next_seq), has_more=has_more, raw_bytes=len(body)
        )


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header given in seconds (dates are ignored)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _detail(body: bytes) -> str:
    """The peer's explanation of an error: ninja's ``{"detail": …}`` or the text."""
    try:
        parsed = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _excerpt(body) or "(không có nội dung)"
    if isinstance(parsed, dict) and "detail" in parsed:
        detail = parsed["detail"]
        return (detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False))[:500]
    return _excerpt(body)
