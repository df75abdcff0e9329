"""Reads of the exchange: the change feed, schemas, items, token checks."""

import hashlib
from dataclasses import dataclass

from django.db.models import QuerySet

from .models import AccessToken, SharedItem
from .registry import registered_types

MAX_LIMIT = 1000


@dataclass(frozen=True)
class FeedPage:
    items: list[SharedItem]
    next: int
    has_more: bool


def readable_types(*, token: str | None) -> set[str]:
    """The registered types a reader may see: public ones, plus what a valid, unrevoked
    peer token grants (an empty grant list means every type)."""
    types = registered_types()
    allowed = {name for name, spec in types.items() if spec.public}
    if token:
        digest = hashlib.sha256(token.encode()).hexdigest()
        grant = AccessToken.objects.filter(token_hash=digest, revoked_at__isnull=True).first()
        if grant is not None:
            allowed |= set(grant.types or types)
    return allowed


def token_is_valid(token: str | None) -> bool:
    if not token:
        return False
    digest = hashlib.sha256(token.encode()).hexdigest()
    return AccessToken.objects.filter(token_hash=digest, revoked_at__isnull=True).exists()


def feed_page(*, after: int, limit: int, types: set[str]) -> FeedPage:
    """The items whose latest change comes after ``after``, in feed order (one query of
    ``limit + 1`` rows on the (type, seq) / seq indexes: the cost grows with the page, not
    with the warehouse)."""
    qs: QuerySet[SharedItem] = SharedItem.objects.filter(seq__gt=after, type__in=types)
    rows = list(qs.order_by("seq")[: limit + 1])
    has_more = len(rows) > limit
    rows = rows[:limit]
    return FeedPage(items=rows, next=rows[-1].seq if rows else after, has_more=has_more)


def item_as_feed_entry(item: SharedItem) -> dict:
    """An item as the change feed shows it."""
    return {
        "seq": item.seq,
        "uri": item.uri,
        "type": item.type,
        "op": "delete" if item.deleted else "upsert",
        "version": item.version,
        "hash": item.hash,
        "updated_at": item.updated_at.isoformat(),
        "origin": item.origin,
        "licence": item.licence,
        "data": item.data,
    }


def shared_item_by_uri(uri: str) -> SharedItem | None:
    return SharedItem.objects.filter(uri=uri).first()


def shared_item_for_local(*, type: str, local_id: str) -> SharedItem | None:
    """The warehouse item of a local object (None when never published)."""
    return SharedItem.objects.filter(type=type, local_id=str(local_id), peer__isnull=True).first()
