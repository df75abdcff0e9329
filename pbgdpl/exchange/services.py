"""Writes of the exchange: publishing local changes into the feed, and storing what peers
send. Pulling (network, adapters, retries) lives in ``pull.py`` and calls
:func:`exchange_item_receive` for each item.
"""

import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pbgdpl.core.audit import audit_record
from pbgdpl.people.permissions import require

from .canonical import content_hash
from .models import AccessToken, ChangeOp, FeedSequence, ItemChange, Peer, SharedItem
from .registry import exchange_type_get, registered_types


def node_base_url() -> str:
    """This node's public base URL (the origin of everything created here)."""
    return (getattr(settings, "EXCHANGE_NODE_URL", "") or settings.SITE_BASE_URL).rstrip("/")


def item_uri(*, type: str, uuid: UUID | str, base_url: str | None = None) -> str:
    """The global URI of an item: ``<node base URL>/id/<type>/<uuid>``."""
    return f"{(base_url or node_base_url()).rstrip('/')}/id/{type}/{uuid}"


def _seq_block(count: int) -> int:
    """Reserve ``count`` consecutive feed sequence numbers; returns the first.

    The counter row stays locked until the caller's transaction ends, so changes commit
    in sequence order (SQLite serialises writers anyway)."""
    counter = FeedSequence.objects.select_for_update().filter(pk=1).first()
    if counter is None:
        FeedSequence.objects.get_or_create(pk=1)
        counter = FeedSequence.objects.select_for_update().get(pk=1)
    first = counter.value + 1
    counter.value += count
    counter.save(update_fields=["value"])
    return first


def _seq_next() -> int:
    """The next feed sequence number (see :func:`_seq_block`)."""
    return _seq_block(1)


def _history(item: SharedItem, op: str) -> None:
    ItemChange.objects.create(
        seq=item.seq, uri=item.uri, op=op, version=item.version, hash=item.hash, peer=item.peer
    )


_PUBLISH_FIELDS = ["version", "deleted", "data", "hash", "updated_at", "seq", "changed_at"]


@transaction.atomic
def exchange_publish(*, type: str, local_ids: Iterable) -> int:
    """Publish the current state of local objects of ``type`` into the feed.

    Call it inside the transaction that changed them (it commits or rolls back with
    them). An object the type no longer returns (deleted, unpublished) becomes a
    tombstone; an object whose data did not change is left alone (no new version).
    Returns the number of items that got a new version. Writes in bulk: a few queries
    whatever the number of ids (bulk imports publish thousands at once).
    """
    spec = exchange_type_get(type)
    ids = [str(i) for i in dict.fromkeys(local_ids)]
    if not ids:
        return 0
    records = {r.local_id: r for r in spec.fetch(ids)}
    existing = {
        item.local_id: item
        for item in SharedItem.objects.filter(type=type, local_id__in=ids, peer__isnull=True)
    }
    now = timezone.now()
    created: list[SharedItem] = []
    updated: list[SharedItem] = []
    history: list[tuple[SharedItem, str]] = []
    for local_id in ids:
        record = records.get(local_id)
        item = existing.get(local_id)
        if record is None:
            if item is not None and not item.deleted:
                item.deleted, item.data, item.hash = True, {}, content_hash({})
                item.version += 1
                item.updated_at = now
                updated.append(item)
                history.append((item, ChangeOp.DELETE))
            continue
        digest = content_hash(record.data)
        if item is not None and not item.deleted and item.hash == digest:
            continue
        if item is None:
            item = SharedItem(
                type=type,
                uuid=record.uuid,
                uri=item_uri(type=type, uuid=record.uuid),
                origin=node_base_url(),
                origin_id=str(record.uuid),
                local_id=local_id,
                version=0,
                licence=spec.licence or settings.EXCHANGE_DEFAULT_LICENCE,
            )
            created.append(item)
        else:
            updated.append(item)
        item.version += 1
        item.deleted = False
        item.data = record.data
        item.hash = digest
        item.updated_at = record.updated_at
        history.append((item, ChangeOp.UPSERT))
    if not history:
        return 0
    first = _seq_block(len(history))
    for offset, (item, _op) in enumerate(history):
        item.seq = first + offset
        item.changed_at = now
    SharedItem.objects.bulk_create(created, batch_size=500)
    SharedItem.objects.bulk_update(updated, _PUBLISH_FIELDS, batch_size=500)
    ItemChange.objects.bulk_create(
        [
            ItemChange(seq=item.seq, uri=item.uri, op=op, version=item.version, hash=item.hash)
            for item, op in history
        ],
        batch_size=1000,
    )
    transaction.on_commit(lambda: _push_announce(type), robust=True)
    return len(history)


def _push_announce(type: str) -> None:
    """After commit: queue push hints for subscribers of ``type`` (push.py)."""
    from .push import push_changes_announce

    push_changes_announce(types={type})


def exchange_publish_all(*, type: str, batch_size: int = 500) -> int:
    """Publish every local object of ``type`` (and tombstone what disappeared); for a
    type registered after its objects existed, or after a bulk import that skipped the
    feed. Returns the number of items that got a new version."""
    spec = exchange_type_get(type)
    changed = 0
    seen: set[str] = set()
    batch: list[str] = []
    for local_id in spec.all_ids():
        batch.append(str(local_id))
        if len(batch) >= batch_size:
            changed += exchange_publish(type=type, local_ids=batch)
            seen.update(batch)
            batch = []
    if batch:
        changed += exchange_publish(type=type, local_ids=batch)
        seen.update(batch)
    gone = [
        lid
        for lid in SharedItem.objects.filter(type=type, peer__isnull=True, deleted=False)
        .values_list("local_id", flat=True)
        .iterator()
        if lid not in seen
    ]
    for start in range(0, len(gone), batch_size):
        changed += exchange_publish(type=type, local_ids=gone[start : start + batch_size])
    return changed


class ItemRejected(ValueError):
    """A peer's item that cannot be stored; the message says why (in Vietnamese)."""


@dataclass(frozen=True)
class ReceivedItem:
    """A feed item as a peer sent it, after its envelope was checked."""

    uri: str
    type: str
    op: str
    version: int
    hash: str
    updated_at: datetime
    origin: str
    data: dict
    licence: str = ""


def exchange_item_receive(*, peer: Peer, item: ReceivedItem) -> str:
    """Store one item pulled from ``peer``; idempotent by (uri, version).

    Returns "applied", "unchanged" (we already hold this version or a newer one) or
    "own" (the item originates here: never taken back from a peer, so A↔B cannot
    ping-pong). Raises :class:`ItemRejected` for an item that must not be stored (it
    would overwrite one of our own items, or its type is one we do not know).
    Must run inside the caller's transaction (the batch's).
    """
    if item.origin.rstrip("/") == node_base_url():
        return "own"
    current = SharedItem.objects.select_for_update().filter(uri=item.uri).first()
    if current is not None and current.peer_id is None:
        raise ItemRejected(f"URI {item.uri} là của nút này, không nhận bản từ nút khác.")
    if current is not None and current.version >= item.version:
        return "unchanged"
    if current is None:
        uuid_part = item.uri.rstrip("/").rsplit("/", 1)[-1]
        try:
            uuid = UUID(uuid_part)
        except ValueError:
            raise ItemRejected(f"URI không kết thúc bằng một UUID: {item.uri}") from None
        current = SharedItem(uri=item.uri, type=item.type, uuid=uuid, origin_id=str(uuid))
    deleted = item.op == ChangeOp.DELETE
    current.type = item.type
    current.origin = item.origin.rstrip("/")
    current.version = item.version
    current.hash = item.hash
    current.updated_at = item.updated_at
    current.deleted = deleted
    current.data = {} if deleted else item.data
    current.licence = item.licence
    current.peer = peer
    current.seq = _seq_next()
    current.changed_at = timezone.now()
    current.save()
    _history(current, item.op)
    # Pulled items are searchable here (read-only pages with their source).
    from pbgdpl.search.services import search_changes_record

    from .search_types import SEARCH_SHARED

    search_changes_record(
        type=SEARCH_SHARED, ids=[current.pk], op="delete" if deleted else "upsert"
    )
    return "applied"


# ----------------------------------------------------------------------------- back office
TOKEN_BYTES = 32
# Peer options managed by other parts of the exchange (push subscriptions): kept as they
# are, never shown in or taken from the back-office form.
RESERVED_OPTION_PREFIX = "push_"
SECRET_OPTION = re.compile(r"secret|password|key|token", re.IGNORECASE)


class _ExchangeScope:
    """The permission scope of the exchange: it belongs to no commune, so only roles held
    at province level reach it (``can`` treats an object without a unit that way)."""

    unit = None


EXCHANGE_SCOPE = _ExchangeScope()


def public_options(peer: Peer, *, masked: bool = False) -> dict:
    """The peer's options an operator sets (without the reserved ``push_*`` keys); with
    ``masked``, values of keys that look secret (``secret``, ``password``, ``key``,
    ``token`` in the name) are hidden, for screens and the audit log."""
    options = {
        k: v for k, v in (peer.options or {}).items() if not k.startswith(RESERVED_OPTION_PREFIX)
    }
    if masked:
        options = {k: "***" if SECRET_OPTION.search(k) else v for k, v in options.items()}
    return options


def _peer_snapshot(peer: Peer) -> dict:
    """What the audit log keeps of a peer (never its token, only whether it has one)."""
    return {
        "name": peer.name,
        "base_url": peer.base_url,
        "kind": peer.kind,
        "types": list(peer.types or []),
        "enabled": peer.enabled,
        "options": public_options(peer, masked=True),
        "has_token": bool(peer.token),
    }


class PeerInvalid(ValueError):
    """A peer that cannot be added; the message says why (in Vietnamese)."""


@transaction.atomic
def peer_create(
    *,
    actor: Any | None,
    name: str,
    base_url: str,
    kind: str = "feed",
    types: list[str] | None = None,
    token: str = "",
    options: dict | None = None,
    enabled: bool = True,
) -> Peer:
    """Add a peer to pull from; audited as ``exchange.peer.create``.

    Checks the name (a unique slug), the address (http or https), the kind (one with an
    adapter) and the types (registered here), and raises :class:`PeerInvalid` with every
    problem found. ``actor`` is the back-office user (who must manage the exchange:
    PermissionDenied otherwise) or None for an operator at the command line.
    """
    if actor is not None:
        require(actor, "exchange.manage", EXCHANGE_SCOPE)
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator, validate_slug

    from .adapters.base import adapter_kinds

    problems: list[str] = []
    types = [t.strip() for t in (types or []) if t.strip()]
    base_url = base_url.strip().rstrip("/")
    try:
        validate_slug(name)
        if len(name) > 60:
            raise ValidationError("too long")
    except ValidationError:
        problems.append(
            f"Tên nút {name!r} không hợp lệ: chỉ dùng chữ không dấu, số, gạch ngang, "
            "gạch dưới, tối đa 60 ký tự."
        )
    else:
        if Peer.objects.filter(name=name).exists():
            problems.append(f"Đã có nút tên {name!r}.")
    try:
        URLValidator(schemes=["http", "https"])(base_url)
        if len(base_url) > 300:
            raise ValidationError("too long")
    except ValidationError:
        problems.append(
            f"Địa chỉ {base_url!r} không hợp lệ: cần một địa chỉ http(s) đầy đủ, "
            "ví dụ https://pbgdpl.gialai.gov.vn (tối đa 300 ký tự)."
        )
    kinds = adapter_kinds()
    if kind not in kinds:
        problems.append(f"Loại nút {kind!r} chưa được hỗ trợ (có: {', '.join(kinds)}).")
    known = registered_types()
    unknown = [t for t in types if t not in known]
    if unknown:
        problems.append(
            f"Loại dữ liệu không có ở nút này: {', '.join(unknown)} "
            f"(có: {', '.join(sorted(known))})."
        )
    if problems:
        raise PeerInvalid(" ".join(problems))
    peer = Peer.objects.create(
        name=name,
        base_url=base_url,
        kind=kind,
        types=types,
        token=token.strip(),
        options=dict(options or {}),
        enabled=enabled,
    )
    audit_record(action="exchange.peer.create", obj=peer, actor=actor, data=_peer_snapshot(peer))
    return peer


@transaction.atomic
def peer_update(*, actor: Any, peer: Peer, **changes: Any) -> bool:
    """Change a peer's ``base_url``, ``kind``, ``types``, ``token``, ``options`` (the
    reserved ``push_*`` keys are kept) or ``enabled``; audited as ``exchange.peer.update``
    with the values before and after (the token only as "has one"). Returns whether
    anything changed."""
    require(actor, "exchange.manage", EXCHANGE_SCOPE)
    allowed = {"base_url", "kind", "types", "token", "options", "enabled"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"Không sửa được các trường: {', '.join(sorted(unknown))}.")
    locked = Peer.objects.select_for_update().get(pk=peer.pk)
    before = _peer_snapshot(locked)
    token_changed = "token" in changes and changes["token"] != locked.token
    if "options" in changes:
        kept = {
            k: v for k, v in (locked.options or {}).items() if k.startswith(RESERVED_OPTION_PREFIX)
        }
        changes["options"] = {**dict(changes["options"] or {}), **kept}
    if "base_url" in changes:
        changes["base_url"] = changes["base_url"].rstrip("/")
    for field, value in changes.items():
        setattr(locked, field, value)
    after = _peer_snapshot(locked)
    if before == after and not token_changed:
        return False
    locked.save(update_fields=sorted(changes))
    data = {"before": before, "after": after}
    if token_changed:
        data["token_changed"] = True
    audit_record(action="exchange.peer.update", obj=locked, actor=actor, data=data)
    for field in changes:
        setattr(peer, field, getattr(locked, field))
    return True


def peer_pull_enqueue(*, actor: Any, peer: Peer) -> None:
    """Queue a pull of ``peer`` now (the puller's background task); audited as
    ``exchange.peer.pull_now``. Raises whatever queueing raises (the caller reports it)."""
    require(actor, "exchange.manage", EXCHANGE_SCOPE)
    from .tasks import exchange_pull_task  # the puller's task, loaded only when used

    with transaction.atomic():
        exchange_pull_task.enqueue(peer.pk)
        audit_record(action="exchange.peer.pull_now", obj=peer, actor=actor)


@transaction.atomic
def access_token_issue(*, actor: Any, name: str, types: list[str]) -> tuple[AccessToken, str]:
    """Make a token for a peer that reads our restricted ``types`` (empty: every type).

    Returns the stored row and the token itself, which exists nowhere else: only its
    SHA-256 is kept, so it must be shown to the operator now or never. Audited as
    ``exchange.token.issue`` (without the token)."""
    require(actor, "exchange.manage", EXCHANGE_SCOPE)
    raw = secrets.token_urlsafe(TOKEN_BYTES)
    token = AccessToken.objects.create(
        name=name, token_hash=hashlib.sha256(raw.encode()).hexdigest(), types=list(types)
    )
    audit_record(
        action="exchange.token.issue",
        obj=token,
        actor=actor,
        data={"name": name, "types": list(types)},
    )
    return token, raw


@transaction.atomic
def access_token_revoke(*, actor: Any, token: AccessToken) -> bool:
    """Revoke a token (it stops working at once; the row stays for the record). Returns
    False when it was already revoked. Audited as ``exchange.token.revoke``."""
    require(actor, "exchange.manage", EXCHANGE_SCOPE)
    updated = AccessToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if not updated:
        return False
    token.refresh_from_db()
    audit_record(action="exchange.token.revoke", obj=token, actor=actor, data={"name": token.name})
    return True
