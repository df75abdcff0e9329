"""The adapter of peers behind an LGSP gateway (``Peer.kind == "lgsp"``).

Vietnamese government systems publish data through an LGSP (nền tảng tích hợp, chia sẻ
dữ liệu cấp tỉnh): a REST API where the client first obtains a token with its AppName,
AccessKey and SecretKey, then reads list endpoints with ``Authorization: Bearer <token>``
and paging parameters, answered with envelopes such as::

    {"status": "success", "message": "…",
     "data": {"items": [{"Id": 20481, "SoKyHieu": "12/2025/NQ-HĐND", …}], "total": 10,
              "page": 1}}

This adapter reads a legal-document list (field names in PascalCase or camelCase:
``Id, SoKyHieu, TrichYeu, LoaiVanBan, CoQuanBanHanh, NguoiKy, NgayBanHanh, NgayHieuLuc,
NgayHetHieuLuc, LinhVuc, TrangThai, NgayCapNhat, DaXoa``) and turns each record into an
entry of OUR feed of type ``laws.document`` (docs/exchange.md):

* ``uri`` = ``<base_url>/id/laws.document/<uuid5(NAMESPACE_URL, base_url + "/" + Id)>``
  (stable for the record's life), ``origin`` = the peer's ``base_url``;
* ``version`` = 2 × the epoch seconds of ``NgayCapNhat``, plus 1 for a deleted record
  (``DaXoa``): it grows with every update, and a deletion that did not touch
  ``NgayCapNhat`` still wins over the record it deletes;
* ``op`` = ``delete`` (a tombstone, ``data`` = ``{}``) when ``DaXoa`` is true;
* ``data`` follows the ``laws.document`` schema; the number is normalised
  (``05/2025/QĐUBND`` → ``05/2025/QĐ-UBND``) when it parses, dates in ``dd/mm/yyyy``,
  ISO 8601 or ``/Date(ms)/`` become ISO dates (local time, ``Asia/Ho_Chi_Minh`` unless
  ``options["timezone"]``).

Paging is by key, never by offset (an offset skips records when one is updated while we
page): the list is asked for in update order (``sortBy=NgayCapNhat&sortOrder=asc``, ties
by ``Id``) from ``fromDate`` = the last update time seen, and records not after the
cursor are dropped here. The cursor is ``<epoch seconds of the last NgayCapNhat>|<its
Id>``, so records sharing one timestamp across a page boundary are neither lost nor
doubled. The LGSP must therefore order ties by ``Id`` (numeric ids as numbers).

Peer settings (``Peer.options``): ``app_name``, ``access_key``, ``secret_key`` (or
``Peer.token`` = ``"AppName:AccessKey:SecretKey"``), ``token_path`` (default
``/token``), ``list_path`` (default ``/vbqppl/van-ban``), ``page_size`` (default 100),
``token_auth`` (``"body"``: JSON body, the default; ``"headers"``: the three values as
request headers), ``extra_params`` (added to every list request, e.g. a unit code),
``document_url`` (a template of a document's page at the source with ``{base_url}`` and
``{id}``, used when a record carries no link), ``timezone``.

The token is kept in memory for the life of the adapter (one pull) and renewed before it
expires; a 401 on a list request renews it once and asks again.
"""

import json
import logging
import re
import time
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import NAMESPACE_URL, uuid5
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import requests
from django.conf import settings
from django.utils.text import slugify

from pbgdpl.core.text import fold, normalize, normalize_document_number

from ..canonical import content_hash
from .base import (
    Adapter,
    FetchedBatch,
    PeerError,
    PeerProtocolError,
    register_adapter,
    response_body_read,
)
from .feed import ResponseTooLarge

logger = logging.getLogger(__name__)

TYPE = "laws.document"
DEFAULT_TOKEN_PATH = "/token"  # noqa: S105 - a URL path, not a secret
DEFAULT_LIST_PATH = "/vbqppl/van-ban"
DEFAULT_PAGE_SIZE = 100
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
ERROR_BODY_BYTES = 64 * 1024
# Renew the token this long before the peer says it expires.
TOKEN_MARGIN_SECONDS = 30
# A page made only of records already seen (all at the cursor's timestamp) sends us to
# the next page of the same query; this many such pages in a row is an error.
MAX_SKIPPED_PAGES = 50
MAX_ID_CHARS = 200
# 10000-01-01T00:00:00Z: cursors beyond it are not timestamps.
MAX_EPOCH_SECONDS = 253402300800
_SUCCESS = {"success", "ok", "thanhcong", "thanh_cong", "true", "200", "1"}
_MS_DATE = re.compile(r"^/Date\((-?\d+)([+-]\d{4})?\)/$")
_VN_DATE = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$"
)


def _lower_keys(record: dict) -> dict:
    """The record with its keys lower-cased (PascalCase and camelCase read alike)."""
    return {str(k).lower(): v for k, v in record.items()}


def _first(record: dict, *names: str) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _text(value: Any) -> str:
    """A display string from a field that may be a string, a number or an object
    ``{"Ten": …}`` (some LGSPs nest categories)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = _first(_lower_keys(value), "ten", "name", "tenloaivanban", "tencoquan", "title")
        return _text(value)
    if isinstance(value, bool):
        return ""
    return normalize(str(value))


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "co", "có", "x")
    return bool(value)


def _id_key(value: str) -> tuple[int, int, str]:
    """Order of ids: numeric ids as numbers, before any other id (compared as text)."""
    return (0, int(value), "") if value.isdigit() else (1, 0, value)


class LgspDateError(ValueError):
    """A date or time the adapter cannot read."""


def _from_epoch(seconds: float, text: str) -> datetime:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise LgspDateError(text[:50]) from None


def parse_lgsp_datetime(value: Any, *, tz: ZoneInfo) -> datetime | None:
    """A timestamp as LGSPs write it, as an aware datetime (None for empty values).

    Accepts ISO 8601 (``2025-07-21T08:15:00``, with or without offset or fraction),
    ``dd/mm/yyyy[ HH:MM[:SS]]``, ``/Date(1752800000000+0700)/`` (.NET JSON) and epoch
    numbers (seconds, or milliseconds when large). A time without offset is local time in
    ``tz``. Raises :class:`LgspDateError` for anything else.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise LgspDateError(repr(value))
    if isinstance(value, int | float):
        seconds = value / 1000 if abs(value) > 10**11 else value
        return _from_epoch(seconds, str(value))
    if not isinstance(value, str):
        raise LgspDateError(repr(value)[:50])
    text = value.strip()
    match = _MS_DATE.match(text)
    if match:
        return _from_epoch(int(match.group(1)) / 1000, text)
    match = _VN_DATE.match(text)
    if match:
        day, month, year, hour, minute, second, fraction = match.groups()
        try:
            parsed = datetime(
                int(year),
                int(month),
                int(day),
                int(hour or 0),
                int(minute or 0),
                int(second or 0),
                int((fraction or "0").ljust(6, "0")),
            )
        except ValueError:
            raise LgspDateError(text[:50]) from None
        return parsed.replace(tzinfo=tz)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        raise LgspDateError(text[:50]) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)


def _epoch(moment: datetime) -> Decimal:
    """Epoch seconds of ``moment`` with its microseconds, exactly."""
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    micros = (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    return Decimal(micros) / Decimal(1_000_000)


def _epoch_text(value: Decimal) -> str:
    """Cursor spelling of epoch seconds: an integer, or with six decimals."""
    if value == value.to_integral_value():
        return str(int(value))
    return f"{value:.6f}"


@register_adapter
class LgspAdapter(Adapter):
    """Reads a legal-document list through an LGSP gateway (see the module docstring)."""

    kind = "lgsp"

    def __init__(self, peer: Any, *, session: Any = None) -> None:
        super().__init__(peer, session=session)
        self._token: str | None = None
        self._token_expires: float = 0.0
        options = peer.options if isinstance(peer.options, dict) else {}
        self.options = options
        self.base_url = str(peer.base_url).rstrip("/")
        try:
            self.tz = ZoneInfo(str(options.get("timezone") or DEFAULT_TIMEZONE))
        except (ZoneInfoNotFoundError, ValueError):
            self.tz = ZoneInfo(DEFAULT_TIMEZONE)

    # -- cursor -------------------------------------------------------------------------

    def parse_cursor(self, cursor: str) -> tuple[Decimal, str] | None:
        """``(epoch seconds, Id)`` of the last record seen; None for "from the start"."""
        text = (cursor or "").strip()
        if not text:
            return None
        stamp, sep, ident = text.partition("|")
        try:
            seconds = Decimal(stamp)
        except InvalidOperation:
            seconds = None
        if (
            not sep
            or seconds is None
            or not seconds.is_finite()
            or not 0 <= seconds < MAX_EPOCH_SECONDS
            or not ident
        ):
            raise PeerProtocolError(
                f"Con trỏ của nút {self.peer.name} không hợp lệ: {text[:60]!r} "
                "(cần <thời điểm cập nhật>|<Id>)."
            )
        return seconds, ident

    def cursor_sort_key(self, cursor: str) -> tuple:
        """Cursors are ordered by update time, then Id ("" first)."""
        parsed = self.parse_cursor(cursor)
        if parsed is None:
            return (0, Decimal(0), (0, 0, ""))
        return (1, parsed[0], _id_key(parsed[1]))

    # -- HTTP ---------------------------------------------------------------------------

    def _http(self) -> Any:
        if self.session is None:
            self.session = requests.Session()
        return self.session

    def _timeout(self) -> float:
        return float(getattr(settings, "EXCHANGE_HTTP_TIMEOUT", 20))

    def _url(self, option: str, default: str) -> str:
        path = str(self.options.get(option) or default)
        if path.startswith(("http://", "https://")):
            return path
        return self.base_url + "/" + path.lstrip("/")

    def _send(self, method: str, url: str, **kwargs: Any) -> Any:
        timeout = self._timeout()
        name = self.peer.name
        try:
            return self._http().request(
                method, url, timeout=(timeout, timeout), stream=True, **kwargs
            )
        except requests.Timeout:
            raise PeerError(f"Quá thời gian chờ hệ thống LGSP {name} ({timeout:g} giây).") from None
        except requests.ConnectionError as exc:
            raise PeerError(f"Không kết nối được hệ thống LGSP {name}: {exc}") from None
        except requests.RequestException as exc:
            raise PeerProtocolError(f"Không gọi được hệ thống LGSP {name}: {exc}") from None

    def _read(self, response: Any, *, limit_bytes: int | None = None, cap: bool = True) -> bytes:
        """The body, streamed with a size cap and a wall-clock deadline."""
        maximum = limit_bytes or int(
            getattr(settings, "EXCHANGE_MAX_RESPONSE_BYTES", 8 * 1024 * 1024)
        )
        too_large = ResponseTooLarge(
            f"Phản hồi của hệ thống LGSP {self.peer.name} quá lớn "
            f"(> {maximum / (1024 * 1024):g} MB)."
        )
        return response_body_read(
            response,
            label=f"hệ thống LGSP {self.peer.name}",
            maximum=maximum,
            timeout=self._timeout(),
            too_large=too_large,
            cap=cap,
        )

    def _json(self, body: bytes, *, what: str) -> Any:
        try:
            return json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            excerpt = " ".join(body[:800].decode("utf-8", "replace").split())[:200]
            raise PeerProtocolError(
                f"{what} của hệ thống LGSP {self.peer.name} không phải JSON hợp lệ: {excerpt!r}"
            ) from None

    def _message(self, body: bytes) -> str:
        """The peer's explanation in an error response (its ``message``, or the text)."""
        try:
            parsed = json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            text = " ".join(body[:800].decode("utf-8", "replace").split())
            return text[:300] or "(không có nội dung)"
        if isinstance(parsed, dict):
            lowered = _lower_keys(parsed)
            message = _first(lowered, "message", "error_description", "error", "detail")
            if message is not None:
                return str(message)[:300]
        return json.dumps(parsed, ensure_ascii=False)[:300]

    def _transient(self, response: Any, what: str) -> None:
        """Raise PeerError for 5xx and 429 (retried by the puller)."""
        status = response.status_code
        if status >= 500 or status == 429:
            error = PeerError(
                f"Hệ thống LGSP {self.peer.name} trả lỗi HTTP {status} khi {what}; sẽ thử lại."
            )
            retry_after = response.headers.get("Retry-After")
            if retry_after and retry_after.strip().isdigit():
                error.retry_after = float(retry_after.strip())
            raise error

    # -- token --------------------------------------------------------------------------

    def credentials(self) -> tuple[str, str, str]:
        """(AppName, AccessKey, SecretKey) from the options, else from ``Peer.token``."""
        options = self.options
        values = tuple(str(options.get(k) or "") for k in ("app_name", "access_key", "secret_key"))
        if not all(values) and self.peer.token:
            parts = str(self.peer.token).split(":", 2)
            if len(parts) == 3:
                values = tuple(parts)
        if not all(values):
            raise PeerProtocolError(
                f"Thiếu thông tin xác thực LGSP của nút {self.peer.name}: cần AppName, "
                "AccessKey và SecretKey (trong tùy chọn của nút, hoặc mã truy cập dạng "
                "AppName:AccessKey:SecretKey)."
            )
        return values  # type: ignore[return-value]

    def token(self, *, renew: bool = False) -> str:
        """A valid access token: the cached one, or a new one from the token endpoint."""
        if not renew and self._token and time.monotonic() < self._token_expires:
            return self._token
        app_name, access_key, secret_key = self.credentials()
        payload = {"AppName": app_name, "AccessKey": access_key, "SecretKey": secret_key}
        kwargs: dict[str, Any] = {"headers": {"Accept": "application/json"}}
        if self.options.get("token_auth") == "headers":
            kwargs["headers"].update(payload)
        else:
            kwargs["json"] = payload
        response = self._send("POST", self._url("token_path", DEFAULT_TOKEN_PATH), **kwargs)
        name = self.peer.name
        try:
            self._transient(response, "cấp mã truy cập")
            if response.status_code >= 300:
                message = self._message(self._read(response, limit_bytes=ERROR_BODY_BYTES))
                if response.status_code in (400, 401, 403):
                    raise PeerProtocolError(
                        f"Hệ thống LGSP {name} không cấp mã truy cập (HTTP "
                        f"{response.status_code}): {message}. Kiểm tra AppName, AccessKey và "
                        "SecretKey."
                    )
                raise PeerProtocolError(
                    f"Hệ thống LGSP {name} trả lỗi HTTP {response.status_code} khi cấp mã "
                    f"truy cập: {message}"
                )
            body = self._read(response, limit_bytes=ERROR_BODY_BYTES)
        finally:
            response.close()
        parsed = self._json(body, what="Phản hồi cấp mã truy cập")
        if not isinstance(parsed, dict):
            raise PeerProtocolError(f"Phản hồi cấp mã truy cập của hệ thống LGSP {name} sai dạng.")
        fields = _lower_keys(parsed)
        status = fields.get("status")
        if status is not None and str(status).strip().lower() not in _SUCCESS:
            message = fields.get("message") or "(không có thông báo)"
            raise PeerProtocolError(
                f"Hệ thống LGSP {name} không cấp mã truy cập: {message}. Kiểm tra AppName, "
                "AccessKey và SecretKey."
            )
        if isinstance(fields.get("data"), dict):
            fields = {**fields, **_lower_keys(fields["data"])}
        token = _first(fields, "access_token", "accesstoken", "token")
        if not isinstance(token, str) or not token.strip():
            raise PeerProtocolError(
                f"Phản hồi cấp mã truy cập của hệ thống LGSP {name} không có access_token."
            )
        expires_in = fields.get("expires_in", fields.get("expiresin"))
        try:
            lifetime = float(expires_in) if expires_in is not None else 3600.0
        except (TypeError, ValueError):
            lifetime = 3600.0
        self._token = token.strip()
        self._token_expires = time.monotonic() + max(0.0, lifetime - TOKEN_MARGIN_SECONDS)
        return self._token

    # -- the list -----------------------------------------------------------------------

    def _page_get(self, params: dict[str, Any]) -> dict:
        """One page of the list, as the envelope's ``data`` (a dict with ``items``)."""
        url = self._url("list_path", DEFAULT_LIST_PATH)
        name = self.peer.name
        renewed = False
        while True:
            headers = {"Accept": "application/json", "Authorization": f"Bearer {self.token()}"}
            response = self._send("GET", url, params=params, headers=headers)
            try:
                self._transient(response, "đọc danh sách văn bản")
                status = response.status_code
                if status == 401 and not renewed:
                    # The token expired (or was revoked) early: renew it once.
                    logger.info("Hệ thống LGSP %s: mã truy cập hết hạn, xin mã mới.", name)
                    self._token = None
                    renewed = True
                    continue
                if status >= 300:
                    message = self._message(self._read(response, limit_bytes=ERROR_BODY_BYTES))
                    if status in (401, 403):
                        raise PeerProtocolError(
                            f"Hệ thống LGSP {name} từ chối truy cập danh sách văn bản (HTTP "
                            f"{status}): {message}. Kiểm tra quyền của ứng dụng trên LGSP."
                        )
                    raise PeerProtocolError(
                        f"Hệ thống LGSP {name} trả lỗi HTTP {status} khi đọc danh sách văn "
                        f"bản: {message}"
                    )
                body = self._read(response)
            finally:
                response.close()
            return self._envelope(body)

    def _envelope(self, body: bytes) -> dict:
        name = self.peer.name
        parsed = self._json(body, what="Danh sách văn bản")
        if isinstance(parsed, list):
            return {"items": parsed}
        if not isinstance(parsed, dict):
            raise PeerProtocolError(f"Danh sách văn bản của hệ thống LGSP {name} sai dạng.")
        fields = _lower_keys(parsed)
        status = fields.get("status")
        if status is not None and str(status).strip().lower() not in _SUCCESS:
            message = fields.get("message") or "(không có thông báo)"
            raise PeerProtocolError(f"Hệ thống LGSP {name} báo lỗi: {message}")
        data = fields.get("data", parsed if "items" in fields else None)
        if isinstance(data, list):
            return {"items": data}
        if not isinstance(data, dict):
            raise PeerProtocolError(
                f"Danh sách văn bản của hệ thống LGSP {name} thiếu data (cần data.items)."
            )
        data = _lower_keys(data)
        items = data.get("items", data.get("list", data.get("danhsach")))
        if not isinstance(items, list):
            raise PeerProtocolError(
                f"Danh sách văn bản của hệ thống LGSP {name} thiếu data.items (một danh sách)."
            )
        total = data.get("total", data.get("totalcount", data.get("tongso")))
        if isinstance(total, str) and total.isdigit():
            total = int(total)
        return {"items": items, "total": total if isinstance(total, int) else None}

    def fetch(self, cursor: str, *, limit: int) -> FetchedBatch:
        """The records updated after ``cursor``, in update order, as feed entries.

        Raises :class:`PeerError` (timeouts, connection errors, HTTP 5xx and 429) or
        :class:`PeerProtocolError` (bad credentials, an error envelope, a body that is
        not the expected JSON, records out of update order, a cursor it cannot read).
        A record that cannot be mapped (no ``Id``, no readable ``NgayCapNhat``) comes out
        as an entry the puller rejects, with the reason in ``lgsp_error``.
        """
        after = self.parse_cursor(cursor)
        page_size = max(1, min(int(self.options.get("page_size") or DEFAULT_PAGE_SIZE), limit))
        params: dict[str, Any] = {}
        extra = self.options.get("extra_params")
        if isinstance(extra, dict):
            params.update({str(k): v for k, v in extra.items()})
        params.update({"pageSize": page_size, "sortBy": "NgayCapNhat", "sortOrder": "asc"})
        if after is not None:
            since = datetime.fromtimestamp(int(after[0]), tz=UTC).astimezone(self.tz)
            params["fromDate"] = since.strftime("%Y-%m-%dT%H:%M:%S")
        page = 1
        raw_bytes = 0
        entries: list[dict] = []
        keys: list[tuple[Decimal, str]] = []
        notes: list[str] = []
        while True:
            params["page"] = page
            data = self._page_get(dict(params))
            records = data["items"]
            total = data.get("total")
            has_more = bool(records) and (
                page * page_size < total if isinstance(total, int) else len(records) >= page_size
            )
            page_entries, page_keys, page_notes = self._entries(records, after=after)
            entries += page_entries
            keys += page_keys
            notes += page_notes
            raw_bytes += len(json.dumps(records, ensure_ascii=False, default=str))
            if keys or not has_more:
                break
            # Only records already received (at the cursor's timestamp): the next page of
            # the same query.
            page += 1
            if page > MAX_SKIPPED_PAGES:
                raise PeerProtocolError(
                    f"Hệ thống LGSP {self.peer.name}: quá {MAX_SKIPPED_PAGES} trang liền chỉ có "
                    "văn bản đã nhận; danh sách có thể không sắp xếp theo ngày cập nhật."
                )
        if keys:
            last_seconds, last_id = max(keys, key=lambda k: (k[0], _id_key(k[1])))
            next_cursor = f"{_epoch_text(last_seconds)}|{last_id}"
        else:
            next_cursor, has_more = cursor or "", False
        for note in notes:
            logger.warning("Hệ thống LGSP %s: %s", self.peer.name, note)
        return FetchedBatch(
            items=entries,
            next_cursor=next_cursor,
            has_more=has_more,
            raw_bytes=raw_bytes,
            notes=notes,
        )

    def _entries(
        self, records: list, *, after: tuple[Decimal, str] | None
    ) -> tuple[list[dict], list[tuple[Decimal, str]], list[str]]:
        """The feed entries of the records after ``after`` and their cursor keys."""
        entries: list[dict] = []
        keys: list[tuple[Decimal, str]] = []
        notes: list[str] = []
        previous: Decimal | None = None
        for record in records:
            if not isinstance(record, dict):
                entries.append(self._unmappable(record, "Bản ghi không phải một đối tượng JSON."))
                continue
            fields = _lower_keys(record)
            ident = fields.get("id")
            ident = "" if ident is None or isinstance(ident, bool | dict | list) else str(ident)
            ident = ident.strip()
            if not ident or len(ident) > MAX_ID_CHARS or "|" in ident:
                entries.append(self._unmappable(record, "Bản ghi không có Id hợp lệ."))
                continue
            try:
                updated = parse_lgsp_datetime(
                    _first(fields, "ngaycapnhat", "thoigiancapnhat", "ngaysua"), tz=self.tz
                )
            except LgspDateError:
                updated = None
            if updated is None:
                entries.append(
                    self._unmappable(record, f"Văn bản Id {ident} không có NgayCapNhat đọc được.")
                )
                continue
            seconds = _epoch(updated)
            if previous is not None and seconds < previous:
                raise PeerProtocolError(
                    f"Danh sách văn bản của hệ thống LGSP {self.peer.name} không sắp xếp theo "
                    f"ngày cập nhật (Id {ident} đứng sau một văn bản cập nhật muộn hơn)."
                )
            previous = seconds
            if after is not None and (seconds, _id_key(ident)) <= (after[0], _id_key(after[1])):
                continue  # already received (the query starts at the cursor's timestamp)
            entry, entry_notes = self.entry_from_record(fields, ident=ident, updated=updated)
            entries.append(entry)
            keys.append((seconds, ident))
            notes.extend(entry_notes)
        return entries, keys, notes

    def _unmappable(self, record: Any, reason: str) -> dict:
        """An entry the puller rejects (it has no uri), carrying the reason and the record."""
        logger.warning("Hệ thống LGSP %s: %s", self.peer.name, reason)
        return {"type": TYPE, "lgsp_error": reason, "lgsp_record": record}

    # -- mapping ------------------------------------------------------------------------

    def item_uri(self, ident: str) -> str:
        """The global URI of the record ``ident`` of this peer."""
        return f"{self.base_url}/id/{TYPE}/{uuid5(NAMESPACE_URL, self.base_url + '/' + ident)}"

    def _date(self, fields: dict, names: tuple[str, ...], ident: str, notes: list[str]) -> Any:
        value = _first(fields, *names)
        try:
            moment = parse_lgsp_datetime(value, tz=self.tz)
        except LgspDateError:
            notes.append(f"Văn bản Id {ident}: không đọc được {names[0]} = {str(value)[:40]!r}.")
            return None
        if moment is None:
            return None
        return moment.astimezone(self.tz).date().isoformat()

    def entry_from_record(
        self, fields: dict, *, ident: str, updated: datetime
    ) -> tuple[dict, list[str]]:
        """One record (keys lower-cased) as an entry of our feed, and notes on what could
        not be read (a bad date is left empty rather than guessed)."""
        notes: list[str] = []
        deleted = _truthy(fields.get("daxoa", fields.get("isdeleted", False)))
        version = 2 * int(_epoch(updated)) + (1 if deleted else 0)
        entry = {
            "uri": self.item_uri(ident),
            "type": TYPE,
            "op": "delete" if deleted else "upsert",
            "version": max(1, version),
            "updated_at": updated.astimezone(self.tz).isoformat(),
            "origin": self.base_url,
            "licence": str(self.options.get("licence") or ""),
        }
        if deleted:
            data: dict = {}
        else:
            data = self.document_data(fields, ident=ident, notes=notes)
        entry["data"] = data
        entry["hash"] = content_hash(data)
        return entry, notes

    def document_data(self, fields: dict, *, ident: str, notes: list[str]) -> dict:
        """The ``laws.document`` data of a record (keys lower-cased)."""
        raw_number = _text(_first(fields, "sokyhieu", "sohieu", "kyhieu"))
        try:
            number = normalize_document_number(raw_number) if raw_number else ""
        except ValueError:
            number = raw_number
        doc_type = _text(_first(fields, "loaivanban", "tenloaivanban", "loai"))
        issued_on = self._date(fields, ("ngaybanhanh", "ngayky"), ident, notes)
        fields_of_law = fields.get("linhvuc")
        if isinstance(fields_of_law, list):
            names = [_text(v) for v in fields_of_law]
        else:
            names = [normalize(p) for p in re.split(r"[;,\n]", _text(fields_of_law))]
        url = _text(_first(fields, "duongdan", "url", "link", "linkchitiet"))
        if not url.startswith(("http://", "https://")):
            template = str(self.options.get("document_url") or "{base_url}/van-ban/{id}")
            url = template.replace("{base_url}", self.base_url).replace("{id}", ident)
        source = _text(_first(fields, "tepdinhkem", "filedinhkem", "duongdanfile", "fileurl"))
        year = issued_on[:4] if issued_on else ""
        if not year:
            match = re.match(r"^[^/]+/(\d{4})/", number)
            year = match.group(1) if match else "khong-nam"
        slug_number = slugify(fold(number).replace("/", "-")) if number else ""
        eli = "/eli/vn/{}/{}/{}".format(
            slugify(fold(doc_type)) or "van-ban", year, slug_number or f"lgsp-{slugify(ident)}"
        )
        return {
            "number": number,
            "title": _text(_first(fields, "trichyeu", "tieude", "tenvanban")),
            "type": doc_type,
            "issuer": _text(_first(fields, "coquanbanhanh", "tencoquanbanhanh", "noibanhanh")),
            "signer": _text(_first(fields, "nguoiky", "nguoikyduyet")),
            "issued_on": issued_on,
            "effective_on": self._date(fields, ("ngayhieuluc", "ngaycohieuluc"), ident, notes),
            "expires_on": self._date(fields, ("ngayhethieuluc",), ident, notes),
            "fields": sorted({n for n in names if n}),
            "eli": eli,
            "url": url,
            "source_url": source if source.startswith(("http://", "https://")) else "",
        }
