"""Writes of the exchange: publishing local changes into the feed, and storing what peers
send. Pulling (network, adapters, retries) lives in ``pull.py`` and calls
:func:`exchange_item_receive` for each item.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .canonical import content_hash
from .models import ChangeOp, FeedSequence, ItemChange, Peer, SharedItem
from .registry import exchange_type_get


def node_base_url() -> str:
    """This node's public base URL (the origin of everything created here)."""
    return (getattr(settings, "EXCHANGE_NODE_URL", "") or settings.SITE_BASE_URL).rstrip("/")


def item_uri(*, type: str, uuid: UUID | str, base_url: str | None = None) -> str:
    """The global URI of an item: ``<node base URL>/id/<type>/<uuid>``."""
    return f"{(base_url or node_base_url()).rstrip('/')}/id/{type}/{uuid}"


def _seq_next() -> int:
    """The next feed sequence number. The counter row stays locked until the caller's
    transaction ends, so changes commit in sequence order (SQLite serialises writers
    anyway)."""
    counter = FeedSequence.objects.select_for_update().filter(pk=1).first()
    if counter is None:
        counter, _created = FeedSequence.objects.get_or_create(pk=1)
        counter = FeedSequence.objects.select_for_update().get(pk=1)
    counter.value += 1
    counter.save(update_fields=["value"])
    return counter.value


def _history(item: SharedItem, op: str) -> None:
    ItemChange.objects.create(
        seq=item.seq, uri=item.uri, op=op, version=item.version, hash=item.hash, peer=item.peer
    )


@transaction.atomic
def exchange_publish(*, type: str, local_ids: Iterable) -> int:
    """Publish the current state of local objects of ``type`` into the feed.

    Call it inside the transaction that changed them (it commits or rolls back with
    them). An object the type no longer returns (deleted, unpublished) becomes a
    tombstone; an object whose data did not change is left alone (no new version).
    Returns the number of items that got a new version.
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
    changed = 0
    for local_id in ids:
        record = records.get(local_id)
        item = existing.get(local_id)
        if record is None:
            if item is not None and not item.deleted:
                item.deleted, item.data, item.hash = True, {}, content_hash({})
                item.version += 1
                item.updated_at = timezone.now()
                item.seq = _seq_next()
                item.save()
                _history(item, ChangeOp.DELETE)
                changed += 1
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
        item.version += 1
        item.deleted = False
        item.data = record.data
        item.hash = digest
        item.updated_at = record.updated_at
        item.seq = _seq_next()
        item.save()
        _history(item, ChangeOp.UPSERT)
        changed += 1
    return changed


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
    current.save()
    _history(current, item.op)
    return "applied"
