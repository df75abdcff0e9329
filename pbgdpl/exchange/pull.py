"""Pulling from peers: fetch pages through the peer's adapter, check every entry, store the
good ones and the new cursor in one transaction per page.

Promises (docs/exchange.md):

* **Nothing lost, nothing doubled.** A page's items, its rejections, the run's counters and
  the peer's new cursor commit together. A crash (even SIGKILL) at any point leaves the
  cursor at the last committed page, and receiving is idempotent by (uri, version), so the
  next run resumes exactly there.
* **Bad input stays outside.** A malformed entry becomes a :class:`RejectedItem` with the
  reason (and a log warning); the rest of its page goes on. A peer that does not answer
  (timeouts, 5xx, 429) is retried with exponential backoff and jitter; a peer that answers
  with something unreadable (garbage, wrong envelope, a feed going backwards, a response
  over the size cap) ends the run at once. Either way the run is recorded as failed with
  a Vietnamese message on the peer and nothing of the failed page is stored.
* **One pull per peer at a time.** A lock that dies with its holder: a PostgreSQL session
  advisory lock, or on SQLite an OS file lock next to the database (plus a guard within
  the process). A pull killed mid-way therefore never blocks the next one; its ``running``
  state and unfinished :class:`PeerRun` are closed by the next pull. On other databases
  the ``state`` field is claimed with a conditional UPDATE and a run whose heartbeat is
  older than ``EXCHANGE_STALE_RUN_SECONDS`` counts as dead.
* **No ping-pong.** Entries whose origin is this node are never stored (A↔B loops end).
"""

import hashlib
import json
import logging
import os
import random
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from .adapters.base import Adapter, FetchedBatch, PeerError, PeerProtocolError, adapter_for
from .adapters.feed import peer_types
from .canonical import canonical_json, content_hash
from .models import ChangeOp, Peer, PeerRun, RejectedItem
from .registry import registered_types
from .services import ItemRejected, ReceivedItem, exchange_item_receive, node_base_url

logger = logging.getLogger(__name__)

EXCERPT_CHARS = 500
REQUIRED_FIELDS = ("uri", "type", "op", "version", "hash", "updated_at", "origin")
MAX_VERSION = 2**63 - 1
MAX_BACKOFF_SECONDS = 300.0
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_URL = re.compile(r"^https?://[^\s/?#]+(?:/[^\s?#]*)?$")
_HASH = re.compile(r"^[0-9a-f]{64}$")
# The key space of our PostgreSQL advisory locks ("EXCH"), combined with the peer id.
_LOCK_NAMESPACE = 0x45584348


class PeerBusy(Exception):
    """Another pull of this peer is running (the message says so, in Vietnamese)."""


def _setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


# -- checking one entry -----------------------------------------------------------------


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB").replace(".", ",")
    return f"{size / 1024:.0f} KB"


def _has_nul(value: Any, depth: int = 0) -> bool:
    """Whether a string (key or value) holds U+0000, which PostgreSQL cannot store."""
    if depth > 200:
        return False
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k, depth) or _has_nul(v, depth + 1) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v, depth + 1) for v in value)
    return False


_validators: dict[str, tuple[dict, Draft202012Validator]] = {}


def _validator(type_name: str, schema: dict) -> Draft202012Validator:
    """The (cached) validator of a type's schema; formats are annotations only."""
    cached = _validators.get(type_name)
    if cached is None or cached[0] is not schema:
        cached = (schema, Draft202012Validator(schema))
        _validators[type_name] = cached
    return cached[1]


def _schema_error_text(error) -> str:
    path = "/".join(str(p) for p in error.absolute_path) or "(gốc)"
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "required" and isinstance(instance, dict):
        missing = [p for p in value if p not in instance]
        what = f"thiếu trường bắt buộc {', '.join(missing)}"
    elif kind == "additionalProperties" and isinstance(instance, dict):
        known = set(error.schema.get("properties", {}))
        extra = sorted(str(k) for k in instance if k not in known)
        what = f"có trường không được phép {', '.join(extra)}"
    elif kind == "type":
        wanted = value if isinstance(value, str) else " hoặc ".join(value)
        what = f"sai kiểu dữ liệu (cần {wanted})"
    elif kind == "maxLength":
        what = f"dài quá {value} ký tự"
    elif kind == "minLength":
        what = f"ngắn hơn {value} ký tự"
    elif kind == "enum":
        what = "không thuộc các giá trị cho phép"
    else:
        what = f"không hợp lệ ({error.message[:200]})"
    return f"{path}: {what}"


def entry_validate(entry: Any, *, peer: Peer) -> ReceivedItem:
    """Check one feed entry from ``peer`` and turn it into a :class:`ReceivedItem`.

    Checks the envelope (fields, types, URI ``<node>/id/<type>/<uuid>``, a type known here
    and accepted from this peer, a positive version, the operation, an ISO 8601
    ``updated_at``, the SHA-256 of the data), the data against the type's JSON Schema
    (Draft 2020-12; ``format`` is not asserted) and the entry's size. Raises
    :class:`ItemRejected` with the reason in Vietnamese.
    """
    if not isinstance(entry, dict):
        raise ItemRejected("Mục không phải là một đối tượng JSON.")
    try:
        size = len(canonical_json(entry))
    except (ValueError, TypeError):
        raise ItemRejected(
            "Mục chứa giá trị không có trong JSON chuẩn (NaN, Infinity hoặc ký tự Unicode lỗi)."
        ) from None
    except RecursionError:
        raise ItemRejected("Mục lồng nhau quá sâu.") from None
    maximum = int(_setting("EXCHANGE_MAX_ITEM_BYTES", 1024 * 1024))
    if size > maximum:
        raise ItemRejected(f"Mục quá lớn ({_size_text(size)} > {_size_text(maximum)}).")
    if _has_nul(entry):
        raise ItemRejected("Mục chứa ký tự NUL (\\u0000), không lưu được.")
    missing = [key for key in REQUIRED_FIELDS if key not in entry]
    if missing:
        raise ItemRejected(f"Thiếu trường: {', '.join(missing)}.")
    wrong = [
        key
        for key in ("uri", "type", "op", "hash", "updated_at", "origin")
        if not isinstance(entry[key], str)
    ]
    if wrong:
        raise ItemRejected(f"Các trường phải là chuỗi: {', '.join(wrong)}.")
    uri, type_name, op = entry["uri"], entry["type"], entry["op"]
    if op not in (ChangeOp.UPSERT, ChangeOp.DELETE):
        raise ItemRejected(f"Thao tác không hợp lệ: {op[:50]!r} (cần upsert hoặc delete).")
    types = registered_types()
    if type_name not in types:
        raise ItemRejected(f"Loại dữ liệu {type_name[:60]!r} không có ở nút này.")
    accepted = peer_types(peer)
    if accepted and type_name not in accepted:
        raise ItemRejected(
            f"Loại dữ liệu {type_name!r} không nằm trong các loại nhận từ nút này "
            f"({', '.join(accepted)})."
        )
    version = entry["version"]
    if not isinstance(version, int) or isinstance(version, bool) or not 0 < version <= MAX_VERSION:
        raise ItemRejected(f"Phiên bản phải là số nguyên dương: {str(version)[:30]!r}.")
    pattern = rf"^https?://[^\s/?#]+(?:/[^\s?#]*)?/id/{re.escape(type_name)}/{_UUID}$"
    if len(uri) > 500 or not re.match(pattern, uri):
        raise ItemRejected(f"URI không đúng dạng <địa chỉ nút>/id/{type_name}/<uuid>: {uri[:200]}")
    origin = entry["origin"].rstrip("/")
    if len(origin) > 300 or not _URL.match(origin):
        raise ItemRejected(f"Nút gốc không phải một địa chỉ http(s): {origin[:200]!r}.")
    ours = node_base_url()
    if uri.startswith(f"{ours}/id/") and origin != ours:
        raise ItemRejected(f"URI thuộc nút này nhưng nút gốc lại ghi là {origin}.")
    if not _HASH.match(entry["hash"]):
        raise ItemRejected("Mã băm không hợp lệ (cần SHA-256 dạng 64 chữ số hex viết thường).")
    try:
        updated_at = datetime.fromisoformat(entry["updated_at"])
    except ValueError:
        raise ItemRejected(
            f"Thời điểm cập nhật không đúng dạng ISO 8601: {entry['updated_at'][:50]!r}."
        ) from None
    if updated_at.tzinfo is None:
        updated_at = updated_at.replace(tzinfo=UTC)
    licence = entry.get("licence", "")
    if licence is None:
        licence = ""
    if not isinstance(licence, str) or len(licence) > 200:
        raise ItemRejected("Giấy phép phải là chuỗi không quá 200 ký tự.")
    data = entry.get("data")
    if op == ChangeOp.UPSERT:
        if not isinstance(data, dict):
            raise ItemRejected("Thiếu dữ liệu (data phải là một đối tượng JSON).")
        digest = content_hash(data)
        if digest != entry["hash"]:
            raise ItemRejected(
                f"Mã băm không khớp với dữ liệu (nhận {entry['hash'][:12]}…, "
                f"tính được {digest[:12]}…)."
            )
        try:
            error = best_match(_validator(type_name, types[type_name].schema).iter_errors(data))
        except RecursionError:
            raise ItemRejected("Dữ liệu lồng nhau quá sâu.") from None
        if error is not None:
            raise ItemRejected(
                f"Dữ liệu không đúng lược đồ của loại {type_name}: {_schema_error_text(error)}."
            )
    else:
        data = {}
    return ReceivedItem(
        uri=uri,
        type=type_name,
        op=op,
        version=version,
        hash=entry["hash"],
        updated_at=updated_at,
        origin=origin,
        data=data,
        licence=licence,
    )


def _clean(text: str, limit: int) -> str:
    """Text safe to store anywhere (no NUL, no lone surrogates), cut to ``limit``."""
    text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _excerpt(entry: Any) -> str:
    if isinstance(entry, dict) and isinstance(entry.get("data"), dict):
        # Envelope first, then as much of the data as fits.
        entry = {**{k: v for k, v in entry.items() if k != "data"}, "data": entry["data"]}
    try:
        text = json.dumps(entry, ensure_ascii=False, default=str)
    except (ValueError, TypeError, RecursionError):
        text = repr(entry)[: EXCERPT_CHARS * 2]
    return _clean(text, EXCERPT_CHARS)


def _reject(*, peer: Peer, entry: Any, reason: str) -> None:
    uri = entry.get("uri") if isinstance(entry, dict) else None
    uri = _clean(uri, 500) if isinstance(uri, str) else ""
    reason = _clean(reason, 2000)
    excerpt = _excerpt(entry)
    # The same refusal again (a full reconciliation re-reads the feed): one row, re-dated.
    again = RejectedItem.objects.filter(peer=peer, uri=uri, reason=reason, excerpt=excerpt)
    if not again.update(at=timezone.now()):
        RejectedItem.objects.create(peer=peer, uri=uri, reason=reason, excerpt=excerpt)
    logger.warning("Nút %s: từ chối mục %s: %s", peer.name, uri or "(không có URI)", reason)


# -- one lock per peer ----------------------------------------------------------------

_active: set[tuple[str, int]] = set()
_active_guard = threading.Lock()


def _sqlite_lock_path(peer_id: int) -> str:
    """Next to the database file (its directory is writable by whoever writes the
    database); for an in-memory database, which lives in one process, in the temp dir."""
    name = str(connection.settings_dict["NAME"])
    if connection.is_in_memory_db():
        digest = hashlib.sha256(f"{os.getpid()}:{name}".encode()).hexdigest()[:16]
        return os.path.join(tempfile.gettempdir(), f"pbgdpl-exchange-pull-{digest}-{peer_id}.lock")
    path = os.path.realpath(name)
    return f"{path}.exchange-pull-{peer_id}.lock"


@contextmanager
def _database_lock(peer_id: int) -> Iterator[bool | None]:
    """A lock on pulling ``peer_id`` that the operating system or the database drops when
    its holder dies. Yields True (held), False (someone else holds it) or None (this
    database has no such lock: the caller falls back on the state field)."""
    if connection.vendor == "postgresql":
        key = (_LOCK_NAMESPACE << 32) | (peer_id & 0xFFFFFFFF)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            held = bool(cursor.fetchone()[0])
        try:
            yield held
        finally:
            if held:
                try:
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
                except DatabaseError:  # the session is gone, and its lock with it
                    logger.warning("Không trả được khóa kéo của nút %s.", peer_id)
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        fcntl = None
    if connection.vendor != "sqlite" or fcntl is None:
        yield None
        return
    try:
        handle = open(_sqlite_lock_path(peer_id), "a+")  # noqa: SIM115 - closed below
    except OSError:
        logger.warning("Không mở được tệp khóa kéo của nút %s; dùng trạng thái.", peer_id)
        yield None
        return
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


@contextmanager
def _peer_claim(peer: Peer) -> Iterator[None]:
    """Hold the right to pull ``peer`` (raise :class:`PeerBusy` when another pull runs),
    and mark it running. A previous pull that died is closed (its run marked stopped)."""
    key = (connection.alias, peer.pk)
    with _active_guard:
        if key in _active:
            raise PeerBusy(f"Nút {peer.name} đang kéo dữ liệu; thử lại sau.")
        _active.add(key)
    try:
        wait = float(_setting("EXCHANGE_LOCK_WAIT_SECONDS", 3))
        deadline = time.monotonic() + wait
        while True:
            with _database_lock(peer.pk) as held:
                if held is False and time.monotonic() < deadline:
                    pass  # the holder may have just died: its lock goes away shortly
                else:
                    _state_claim(peer, held=held)
                    yield
                    return
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
    finally:
        with _active_guard:
            _active.discard(key)


def _state_claim(peer: Peer, *, held: bool | None) -> None:
    now = timezone.now()
    busy = PeerBusy(f"Nút {peer.name} đang kéo dữ liệu; thử lại sau.")
    if held is False:
        raise busy
    rows = Peer.objects.filter(pk=peer.pk)
    if held is None:
        stale = now - timedelta(seconds=int(_setting("EXCHANGE_STALE_RUN_SECONDS", 900)))
        rows = rows.filter(
            ~Q(state=Peer.State.RUNNING) | Q(last_run_at__isnull=True) | Q(last_run_at__lt=stale)
        )
    previous = Peer.objects.filter(pk=peer.pk).values_list("state", flat=True).first()
    if not rows.update(state=Peer.State.RUNNING, last_run_at=now):
        raise busy
    if previous == Peer.State.RUNNING:
        logger.warning(
            "Nút %s: lần kéo trước bị dừng giữa chừng; tiếp tục từ con trỏ đã lưu.", peer.name
        )
    PeerRun.objects.filter(peer_id=peer.pk, finished_at__isnull=True).update(
        finished_at=now,
        error="Lần kéo bị dừng giữa chừng (tiến trình bị tắt); lần kéo sau đã tiếp tục.",
    )


# -- the pull -------------------------------------------------------------------------


@dataclass
class _Counts:
    received: int = 0
    applied: int = 0
    rejected: int = 0


def _fetch(adapter: Adapter, cursor: str, *, limit: int, peer: Peer) -> tuple[FetchedBatch, int]:
    """One page, retrying transient errors with exponential backoff and jitter; a response
    over the size cap is asked for again with fewer entries. Returns the page and the
    limit that worked."""
    retries = int(_setting("EXCHANGE_RETRIES", 4))
    base = float(_setting("EXCHANGE_BACKOFF_SECONDS", 1.0))
    attempt = 0
    while True:
        try:
            return adapter.fetch(cursor, limit=limit), limit
        except PeerProtocolError as exc:
            if getattr(exc, "too_large", False) and limit > 1:
                limit = max(1, limit // 4)
                logger.warning(
                    "Nút %s: %s Hỏi lại với %s mục mỗi trang.", peer.name, str(exc), limit
                )
                continue
            raise
        except PeerError as exc:
            if attempt >= retries:
                raise PeerError(f"{exc} Đã thử {attempt + 1} lần.") from exc
            jitter = random.uniform(0, base)  # noqa: S311 - spreading retries, not secrecy
            delay = min(MAX_BACKOFF_SECONDS, base * 2**attempt + jitter)
            retry_after = getattr(exc, "retry_after", None)
            if retry_after:
                delay = max(delay, min(float(retry_after), MAX_BACKOFF_SECONDS))
            attempt += 1
            logger.warning(
                "Nút %s: %s Thử lại lần %s sau %.1f giây.", peer.name, str(exc), attempt, delay
            )
            time.sleep(delay)


def _batch_store(*, peer: Peer, run: PeerRun, batch: FetchedBatch, advance: bool) -> _Counts:
    """Store one page: its entries, its rejections, the counters and (``advance``) the
    peer's new cursor, all in one transaction."""
    counts = _Counts()
    with transaction.atomic():
        for entry in batch.items:
            counts.received += 1
            try:
                item = entry_validate(entry, peer=peer)
                outcome = exchange_item_receive(peer=peer, item=item)
            except ItemRejected as exc:
                counts.rejected += 1
                _reject(peer=peer, entry=entry, reason=str(exc))
                continue
            if outcome == "applied":
                counts.applied += 1
        updates: dict[str, Any] = {
            "last_run_at": timezone.now(),  # also the heartbeat of a running pull
            "received_count": F("received_count") + counts.applied,
            "rejected_count": F("rejected_count") + counts.rejected,
        }
        if advance:
            updates["cursor"] = batch.next_cursor
        Peer.objects.filter(pk=peer.pk).update(**updates)
        PeerRun.objects.filter(pk=run.pk).update(
            batches=F("batches") + 1,
            received=F("received") + counts.received,
            applied=F("applied") + counts.applied,
            rejected=F("rejected") + counts.rejected,
        )
    return counts


def _cursor_after_full(adapter: Adapter, previous: str, reached: str, completed: bool) -> str:
    """The peer's cursor after a full reconciliation: the later of the two when the adapter
    orders its cursors; otherwise the one reached if the whole feed was read."""
    sort_key = getattr(adapter, "cursor_sort_key", None)
    if sort_key is not None:
        try:
            return max(previous, reached, key=sort_key)
        except PeerProtocolError:
            return reached
    return reached if completed else previous


def exchange_pull(
    *,
    peer: Peer,
    max_batches: int | None = None,
    full: bool = False,
    session: Any = None,
    limit: int = 200,
) -> PeerRun:
    """Pull what ``peer`` published since its cursor (``full``: since the start of its
    feed, a reconciliation that only applies what was missed) and return the finished
    :class:`PeerRun`.

    Stops after ``max_batches`` pages or at the end of the feed. Network and protocol
    failures do not raise: the run and the peer record them (state ``failed``, a
    Vietnamese ``last_error``) and everything committed before stays. Raises
    :class:`PeerBusy` when another pull of this peer runs, and re-raises unexpected errors
    (after recording them). ``peer.cursor`` moves only with a committed page; a full run
    leaves it alone until the end and then keeps the later of the old and reached ones.
    """
    with _peer_claim(peer):
        peer.refresh_from_db()
        run = PeerRun.objects.create(peer=peer, full=full)
        previous = peer.cursor
        reached = previous
        completed = False
        error = ""
        page_limit = limit
        adapter: Adapter | None = None
        try:
            try:
                adapter = adapter_for(peer, session=session)
            except LookupError:
                raise PeerProtocolError(
                    f"Chưa có bộ chuyển đổi cho loại nút {peer.kind!r}."
                ) from None
            cursor = adapter.initial_cursor() if full else previous
            batches = 0
            while max_batches is None or batches < max_batches:
                batch, page_limit = _fetch(adapter, cursor, limit=page_limit, peer=peer)
                if batch.has_more and batch.next_cursor == cursor:
                    raise PeerProtocolError(
                        f"Nút {peer.name} báo còn dữ liệu nhưng con trỏ không tiến ({cursor})."
                    )
                _batch_store(peer=peer, run=run, batch=batch, advance=not full)
                cursor = reached = batch.next_cursor
                batches += 1
                page_limit = min(limit, page_limit * 2)
                if not batch.has_more:
                    completed = True
                    break
        except (PeerError, PeerProtocolError) as exc:
            error = str(exc) or exc.__class__.__name__
        except BaseException as exc:
            logger.exception("Nút %s: lỗi khi kéo dữ liệu", peer.name)
            _run_finish(
                peer=peer,
                run=run,
                error=f"Lỗi nội bộ khi kéo dữ liệu: {exc.__class__.__name__}: {exc}",
                cursor=None,
            )
            raise
        if error:
            logger.warning("Nút %s: kéo dữ liệu thất bại: %s", peer.name, error)
        new_cursor = None
        if full and adapter is not None and reached != previous:
            new_cursor = _cursor_after_full(adapter, previous, reached, completed)
        _run_finish(peer=peer, run=run, error=error, cursor=new_cursor)
    peer.refresh_from_db()
    run.refresh_from_db()
    return run


def _run_finish(*, peer: Peer, run: PeerRun, error: str, cursor: str | None) -> None:
    now = timezone.now()
    error = _clean(error, 4000)
    updates: dict[str, Any] = {
        "state": Peer.State.FAILED if error else Peer.State.IDLE,
        "last_run_at": now,
        "last_error": error,
    }
    if not error:
        updates["last_success_at"] = now
    if cursor is not None:
        updates["cursor"] = cursor
    try:
        Peer.objects.filter(pk=peer.pk).update(**updates)
        PeerRun.objects.filter(pk=run.pk).update(finished_at=now, error=error)
    except Exception:  # the database itself may be what failed; the next pull cleans up
        logger.exception("Nút %s: không ghi được kết quả lần kéo", peer.name)


def exchange_pull_due(*, session: Any = None) -> list[PeerRun]:
    """Pull every enabled peer (for the scheduler), each on its own: a busy or failing
    peer does not stop the others. A peer with ``options["interval_seconds"]`` is pulled
    only when that long has passed since its last run. Returns the runs made."""
    runs: list[PeerRun] = []
    now = timezone.now()
    for peer in Peer.objects.filter(enabled=True).order_by("name"):
        interval = (peer.options or {}).get("interval_seconds")
        if (
            isinstance(interval, int | float)
            and peer.last_run_at is not None
            and peer.state != Peer.State.FAILED
            and now - peer.last_run_at < timedelta(seconds=interval)
        ):
            continue
        try:
            runs.append(exchange_pull(peer=peer, session=session))
        except PeerBusy as exc:
            logger.info("%s", exc)
        except Exception:
            logger.exception("Nút %s: lần kéo theo lịch bị lỗi", peer.name)
    return runs


# -- adding a peer --------------------------------------------------------------------
