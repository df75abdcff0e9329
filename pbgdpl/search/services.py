"""Writes of the search app: the change log, catching up this node's index, rebuilds."""

import logging
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from .models import SearchChange, SearchChangeOp
from .node import NodeState, search_node
from .registry import IndexDocument, registered_types, search_type_get

logger = logging.getLogger(__name__)

FETCH_BATCH = 1000
LOG_BATCH = 100_000


def search_changes_record(*, type: str, ids: Iterable, op: str = SearchChangeOp.UPSERT) -> int:
    """Log that items of a registered ``type`` changed (``op`` "upsert") or were deleted.

    Call it inside the transaction that writes the items: the entries commit or roll
    back with them, so no app server indexes a change that never happened or misses
    one that did. Returns the number of entries written.
    """
    search_type_get(type)  # fail early on a typo
    if op not in SearchChangeOp.values:
        raise ValueError(f"unknown search change op {op!r}")
    rows = [SearchChange(type=type, object_id=str(i), op=op) for i in dict.fromkeys(ids)]
    SearchChange.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def search_log_head() -> int:
    """The highest sequence number in the change log (0 when empty)."""
    return SearchChange.objects.aggregate(m=Max("seq"))["m"] or 0


def _changed_documents(by_type: dict[str, list[str]], gone: list[str]) -> Iterator[IndexDocument]:
    """Current documents of the changed ids, fetched in batches; ids that no longer exist
    (or are no longer public) are appended to ``gone`` as index keys."""
    for type_name, ids in by_type.items():
        search_type = registered_types().get(type_name)
        if search_type is None:
            logger.warning("search: change log names unregistered type %s; skipped", type_name)
            continue
        for start in range(0, len(ids), FETCH_BATCH):
            chunk = ids[start : start + FETCH_BATCH]
            docs = search_type.fetch(chunk)
            found = {d.id for d in docs}
            gone.extend(f"{type_name}:{i}" for i in chunk if i not in found)
            yield from docs


def search_index_sync() -> int:
    """Apply to this node's index every logged change it has not applied yet.

    Safe to call from any number of processes and threads (one writer at a time per
    node); idempotent; an upsert re-reads the item from the database, so the index
    always holds the committed state, and an item logged many times is indexed once per
    batch. Returns the number of log entries applied.
    """
    node = search_node()
    grace = settings.SEARCH_GAP_GRACE_SECONDS
    applied = 0
    with node.locked():
        node.refresh()
        state = node.read_state()
        while True:
            rows = list(
                SearchChange.objects.filter(seq__gt=state.watermark)
                .exclude(seq__in=list(state.seen))
                .order_by("seq")
                .values_list("seq", "type", "object_id", "created_at")[:LOG_BATCH]
            )
            if not rows:
                break
            by_type: dict[str, dict[str, None]] = defaultdict(dict)
            for _seq, type_name, object_id, _created in rows:
                by_type[type_name][object_id] = None
            gone: list[str] = []
            upserts = _changed_documents({t: list(ids) for t, ids in by_type.items()}, gone)
            node.backend.apply(upserts=upserts, deletes=gone)
            for seq, _t, _i, created in rows:
                state.seen[seq] = created.timestamp()
            state.advance(now=time.time(), grace=grace)
            node.write_state(state)
            applied += len(rows)
            if len(rows) < LOG_BATCH:
                break
        state.advance(now=time.time(), grace=grace)
        node.write_state(state)
        node.state_mtime = node._mtime()
    return applied


def search_index_ensure_current() -> None:
    """Before a query: catch up with the log if it moved (at most every
    ``SEARCH_SYNC_INTERVAL`` seconds; 0 checks on every query)."""
    node = search_node()
    now = time.monotonic()
    if now - node.checked_at < settings.SEARCH_SYNC_INTERVAL:
        return
    node.checked_at = now
    node.refresh()
    state = node.read_state()
    if not state.built:
        # A new node: build from the database (the log may have been compacted).
        search_index_rebuild()
        return
    head = search_log_head()
    if head > state.max_seen or state.seen:
        search_index_sync()


def _all_documents(progress: Callable[[int], None] | None) -> Iterator[IndexDocument]:
    for search_type in registered_types().values():
        batch: list[str] = []
        for object_id in search_type.all_ids():
            batch.append(str(object_id))
            if len(batch) == FETCH_BATCH:
                yield from search_type.fetch(batch)
                if progress:
                    progress(len(batch))
                batch = []
        if batch:
            yield from search_type.fetch(batch)
            if progress:
                progress(len(batch))


def search_index_rebuild(*, progress: Callable[[int], None] | None = None) -> int:
    """Build this node's index anew from the database and switch to it atomically.

    Queries keep being answered from the old index until the switch. Changes logged
    while the rebuild runs are applied afterwards (re-applying is harmless). Returns the
    number of documents indexed.
    """
    node = search_node()
    with node.locked():
        # Everything logged before the grace period is in the database state the rebuild
        # reads; later entries are applied again afterwards (harmless).
        settled_before = timezone.now() - timedelta(seconds=settings.SEARCH_GAP_GRACE_SECONDS)
        head = (
            SearchChange.objects.filter(created_at__lt=settled_before).aggregate(m=Max("seq"))["m"]
            or 0
        )
        name = node.new_dir_name()
        from .backends.tantivy_backend import TantivyBackend

        backend = TantivyBackend(node.root / name)
        written = backend.apply(upserts=_all_documents(progress), deletes=[])
        node.write_state(NodeState(watermark=head, built=True), name=name)
        old = node.active
        node.switch_to(name)
        node.open()
        for path in node.root.glob("idx-*"):
            if path.name not in (name, old) and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
    search_index_sync()
    return written


def search_log_compact(*, keep_seconds: float = 7 * 24 * 3600) -> int:
    """Delete change-log entries older than ``keep_seconds`` (every node has applied them
    long since; a node that was down longer rebuilds). Returns the number deleted."""
    cutoff = timezone.now() - timedelta(seconds=keep_seconds)
    deleted, _ = SearchChange.objects.filter(created_at__lt=cutoff).delete()
    return deleted
