"""Writing and verifying the hash-chained audit log.

``audit_record`` is the one way to write an audit event. Every event's hash is
SHA-256 over a canonical serialisation of its fields and the previous event's hash,
so editing or removing any row breaks the chain from that row on; ``audit_verify_chain``
finds the first broken row.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from .context import current_context
from .models import AuditChainHead, AuditEvent

GENESIS_HASH = "0" * 64


def _canonical_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def audit_event_hash(
    *,
    seq: int,
    created_at: datetime,
    actor_id: int | None,
    actor_label: str,
    action: str,
    object_type: str,
    object_id: str,
    object_repr: str,
    unit_code: str,
    ip: str,
    data: Any,
    prev_hash: str,
) -> str:
    """The SHA-256 hex digest that chains an event to its predecessor."""
    payload = json.dumps(
        [
            seq,
            _canonical_time(created_at),
            actor_id,
            actor_label,
            action,
            object_type,
            object_id,
            object_repr,
            unit_code,
            ip,
            data,
            prev_hash,
        ],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _actor_fields(actor: Any) -> tuple[int | None, str]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None, ""
    return actor.pk, str(actor)[:255]


def _object_fields(obj: models.Model | None) -> tuple[str, str, str, str]:
    if obj is None:
        return "", "", "", ""
    unit_code = getattr(obj, "audit_unit_code", None)
    if unit_code is None:
        unit = getattr(obj, "unit", None)
        unit_code = getattr(unit, "code", "") if unit is not None else ""
    return (
        obj._meta.label_lower,
        str(obj.pk) if obj.pk is not None else "",
        str(obj)[:255],
        str(unit_code or ""),
    )


@transaction.atomic
def audit_record(
    *,
    action: str,
    obj: models.Model | None = None,
    actor: Any = None,
    unit_code: str | None = None,
    ip: str | None = None,
    data: dict[str, Any] | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    object_repr: str | None = None,
) -> AuditEvent:
    """Append one event to the audit log and return it.

    The actor and IP default to those of the current request. The object's unit is
    taken from ``obj.audit_unit_code`` or ``obj.unit.code`` unless given. The event
    commits or rolls back with the caller's transaction, so an action that did not
    happen leaves no trace and one that did always does.
    """
    context = current_context()
    actor = actor if actor is not None else context.user
    actor_id, actor_label = _actor_fields(actor)
    o_type, o_id, o_repr, o_unit = _object_fields(obj)
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    # JSON round trip so that the hash is computed over exactly what the database returns.
    clean_data = json.loads(json.dumps(data or {}, ensure_ascii=False, default=str))
    fields = {
        "seq": head.last_seq + 1,
        "created_at": timezone.now(),
        "actor_id": actor_id,
        "actor_label": actor_label,
        "action": action[:100],
        "object_type": (object_type if object_type is not None else o_type)[:100],
        "object_id": (object_id if object_id is not None else o_id)[:100],
        "object_repr": (object_repr if object_repr is not None else o_repr)[:255],
        "unit_code": (unit_code if unit_code is not None else o_unit)[:32],
        "ip": (ip if ip is not None else context.ip) or "",
        "data": clean_data,
        "prev_hash": head.last_hash,
    }
    event_hash = audit_event_hash(**fields)
    event = AuditEvent.objects.create(**fields, hash=event_hash)
    AuditChainHead.objects.filter(id=1).update(last_seq=event.seq, last_hash=event_hash)
    return event


@dataclass(frozen=True)
class AuditBreak:
    """Where and why the chain is broken."""

    seq: int
    reason: str


def _events_in_order() -> Iterator[AuditEvent]:
    return AuditEvent.objects.order_by("seq").iterator(chunk_size=2000)


def audit_verify_chain() -> tuple[int, AuditBreak | None]:
    """Check the whole chain. Returns (events checked, first break or None)."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for event in _events_in_order():
        if event.seq != expected_seq:
            return checked, AuditBreak(
                expected_seq, f"missing event(s) {expected_seq}..{event.seq - 1}"
            )
        if event.prev_hash != expected_prev:
            return checked, AuditBreak(
                event.seq, "previous hash does not match (row removed or edited)"
            )
        recomputed = audit_event_hash(
            seq=event.seq,
            created_at=event.created_at,
            actor_id=event.actor_id,
            actor_label=event.actor_label,
            action=event.action,
            object_type=event.object_type,
            object_id=event.object_id,
            object_repr=event.object_repr,
            unit_code=event.unit_code,
            ip=event.ip,
            data=event.data,
            prev_hash=event.prev_hash,
        )
        if recomputed != event.hash:
            return checked, AuditBreak(event.seq, "content does not match its hash (row edited)")
        expected_prev = event.hash
        expected_seq += 1
        checked += 1
    head = AuditChainHead.objects.filter(id=1).first()
    if head is not None and (head.last_seq != checked or head.last_hash != expected_prev):
        return checked, AuditBreak(
            checked + 1, f"the chain ends at {checked} but its head says {head.last_seq}"
        )
    return checked, None
