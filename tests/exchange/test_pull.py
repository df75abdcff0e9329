"""Pulling from a peer: cursor, idempotency, updates and tombstones, crash safety per page,
rejections, retries, full reconciliation, loop prevention, one pull at a time, the
scheduler, the tasks and the management commands.

The peer is an in-memory feed (:class:`FakePeer`) with a foreign origin, served through a
fake ``requests`` session in the real feed format (docs/exchange.md).
"""

import json
import threading
import uuid as uuidlib
from datetime import UTC, datetime, timedelta

import pytest
import requests
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from pbgdpl.exchange import pull
from pbgdpl.exchange.canonical import content_hash
from pbgdpl.exchange.models import ItemChange, Peer, PeerRun, RejectedItem, SharedItem
from pbgdpl.exchange.pull import PeerBusy, exchange_pull, exchange_pull_due
from pbgdpl.exchange.services import PeerInvalid, node_base_url, peer_create
from pbgdpl.exchange.tasks import exchange_pull_due_task, exchange_pull_task

pytestmark = pytest.mark.django_db

ORIGIN = "https://nut-a.example.vn"


def document_data(n: int, **changes) -> dict:
    """Valid "laws.document" data (pbgdpl/laws/exchange_types.py DOCUMENT_SCHEMA)."""
    data = {
        "number": f"{n}/2025/QĐ-UBND",
        "title": f"Quyết định số {n} về phổ biến, giáo dục pháp luật",
        "type": "Quyết định",
        "issuer": "Ủy ban nhân dân tỉnh A",
        "signer": "Nguyễn Văn A",
        "issued_on": "2025-03-01",
        "effective_on": None,
        "expires_on": None,
        "fields": ["Phổ biến, giáo dục pháp luật"],
        "eli": f"/eli/vn/qd/2025/{n}",
        "url": f"{ORIGIN}/van-ban/{n}",
        "source_url": "",
    }
    data.update(changes)
    return data


class FakePeer:
    """A peer node's change feed in memory: an item appears once, at its latest change;
    deletions stay as tombstones."""

    def __init__(self, origin: str = ORIGIN):
        self.origin = origin
        self.seq = 0
        self.entries: dict[str, dict] = {}  # uri -> latest entry

    def uri(self, key) -> str:
        return f"{self.origin}/id/laws.document/{uuidlib.uuid5(uuidlib.NAMESPACE_URL, str(key))}"

    def upsert(self, key, data: dict, *, seq: int | None = None) -> dict:
        uri = self.uri(key)
        old = self.entries.get(uri)
        if seq is None:
            self.seq += 1
            seq = self.seq
        entry = {
            "seq": seq,
            "uri": uri,
            "type": "laws.document",
            "op": "upsert",
            "version": (old["version"] + 1) if old else 1,
            "hash": content_hash(data),
            "updated_at": datetime(2026, 1, 1, tzinfo=UTC).isoformat(),
            "origin": self.origin,
            "licence": "CC BY 4.0",
            "data": data,
        }
        self.entries[uri] = entry
        return entry

    def delete(self, key) -> dict:
        uri = self.uri(key)
        old = self.entries[uri]
        self.seq += 1
        entry = {
            **old,
            "seq": self.seq,
            "op": "delete",
            "version": old["version"] + 1,
            "data": {},
            "hash": content_hash({}),
        }
        self.entries[uri] = entry
        return entry

    def add_raw(self, entry: dict) -> dict:
        """Put any entry (even a malformed one) into the feed."""
        self.seq += 1
        entry = {**entry, "seq": self.seq}
        self.entries[entry.get("uri") or f"raw-{self.seq}"] = entry
        return entry

    def page(self, after: int, limit: int) -> dict:
        rows = sorted(
            (e for e in self.entries.values() if e["seq"] > after), key=lambda e: e["seq"]
        )
        items = rows[:limit]
        return {
            "items": items,
            "next": items[-1]["seq"] if items else after,
            "has_more": len(rows) > limit,
        }


class FakeResponse:
    def __init__(self, status: int = 200, body=b"", headers: dict | None = None):
        self.status_code = status
        self._body = body
        self.headers = {"Content-Type": "application/json", **(headers or {})}
        self.consumed = 0
        self.closed = False

    def iter_content(self, chunk_size: int):
        body = self._body
        if isinstance(body, bytes | str):
            raw = body.encode() if isinstance(body, str) else body
            chunks = (raw[i : i + chunk_size] for i in range(0, len(raw), chunk_size))
        else:
            chunks = body  # an iterable of chunks, made lazily
        for chunk in chunks:
            self.consumed += len(chunk)
            yield chunk

    def close(self):
        self.closed = True


class FakeSession:
    """Serves ``peer``'s feed like ``GET /api/v1/exchange/changes``. ``script`` holds what
    the next calls do instead (an exception to raise, a FakeResponse, or a callable
    taking the request parameters); when it runs out, the feed is served."""

    def __init__(self, peer: FakePeer, script: list | None = None):
        self.peer = peer
        self.script = list(script or [])
        self.calls: list[dict] = []
        self.responses: list[FakeResponse] = []
        self.on_get = None

    def get(self, url, *, params=None, headers=None, timeout=None, stream=False):
        self.calls.append({"url": url, "params": dict(params or {}), "headers": headers})
        assert stream is True and timeout is not None
        if self.on_get is not None:
            self.on_get(params)
        if self.script:
            action = self.script.pop(0)
            if isinstance(action, BaseException):
                raise action
            response = action(params) if callable(action) else action
        else:
            page = self.peer.page(int(params["after"]), int(params["limit"]))
            response = FakeResponse(200, json.dumps(page, ensure_ascii=False).encode())
        self.responses.append(response)
        return response


@pytest.fixture(autouse=True)
def _fast(settings):
    settings.EXCHANGE_BACKOFF_SECONDS = 0
    settings.EXCHANGE_LOCK_WAIT_SECONDS = 0


@pytest.fixture
def remote():
    return FakePeer()


@pytest.fixture
def peer():
    return Peer.objects.create(name="nut-a", base_url=ORIGIN, token="ma-bi-mat")


def pulled(**filters):
    return SharedItem.objects.filter(peer__isnull=False, **filters)


def snapshot():
    return {i.uri: (i.version, i.hash, i.deleted) for i in SharedItem.objects.all()}


# -- the basics -----------------------------------------------------------------------


def test_first_pull_stores_every_item_with_its_provenance_and_the_cursor(peer, remote):
    for n in range(5):
        remote.upsert(n, document_data(n))
    session = FakeSession(remote)
    run = exchange_pull(peer=peer, session=session, limit=2)

    assert (run.received, run.applied, run.rejected, run.batches) == (5, 5, 0, 3)
    assert run.finished_at is not None and run.error == "" and run.full is False
    assert pulled().count() == 5
    item = pulled().get(uri=remote.uri(3))
    assert item.data == document_data(3) and item.hash == content_hash(document_data(3))
    assert (item.version, item.origin, item.peer_id) == (1, ORIGIN, peer.pk)
    assert item.licence == "CC BY 4.0" and not item.deleted
    peer.refresh_from_db()
    assert peer.cursor == "5" and peer.state == Peer.State.IDLE
    assert peer.received_count == 5 and peer.last_success_at is not None
    # Paged with the cursor, authenticated with the peer's token.
    assert [c["params"]["after"] for c in session.calls] == [0, 2, 4]
    assert session.calls[0]["url"] == f"{ORIGIN}/api/v1/exchange/changes"
    assert session.calls[0]["headers"]["Authorization"] == "Bearer ma-bi-mat"
    assert all(r.closed for r in session.responses)


def test_peer_types_are_asked_for_and_enforced(peer, remote):
    peer.types = ["laws.document"]
    peer.save()
    remote.upsert(1, document_data(1))
    session = FakeSession(remote)
    exchange_pull(peer=peer, session=session)
    assert session.calls[0]["params"]["types"] == "laws.document"
    assert pulled().count() == 1


def test_a_second_pull_without_changes_changes_nothing(peer, remote):
    for n in range(3):
        remote.upsert(n, document_data(n))
    exchange_pull(peer=peer, session=FakeSession(remote))
    before, changes = snapshot(), ItemChange.objects.count()

    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert (run.received, run.applied) == (0, 0) and run.error == ""
    assert snapshot() == before and ItemChange.objects.count() == changes
    peer.refresh_from_db()
    assert peer.cursor == "3"


def test_updates_and_deletes_propagate(peer, remote):
    for n in range(3):
        remote.upsert(n, document_data(n))
    exchange_pull(peer=peer, session=FakeSession(remote))
    remote.upsert(1, document_data(1, title="Quyết định đã sửa tên"))
    remote.delete(2)

    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert (run.received, run.applied) == (2, 2)
    edited = pulled().get(uri=remote.uri(1))
    assert edited.version == 2 and edited.data["title"] == "Quyết định đã sửa tên"
    tomb = pulled().get(uri=remote.uri(2))
    assert tomb.deleted and tomb.data == {} and tomb.version == 2
    assert tomb.hash == remote.entries[remote.uri(2)]["hash"]
    assert not pulled().get(uri=remote.uri(0)).deleted


def test_the_same_pages_served_again_store_nothing_twice(peer, remote):
    for n in range(4):
        remote.upsert(n, document_data(n))
    exchange_pull(peer=peer, session=FakeSession(remote))
    before, changes = snapshot(), ItemChange.objects.count()

    # The peer's cursor is lost (or the peer serves old pages again): everything comes twice.
    Peer.objects.filter(pk=peer.pk).update(cursor="")
    page = json.dumps(remote.page(0, 100)).encode()
    session = FakeSession(remote, script=[FakeResponse(200, page)])
    run = exchange_pull(peer=peer, session=session)
    assert (run.received, run.applied) == (4, 0)
    assert snapshot() == before and ItemChange.objects.count() == changes
    # The same entry twice in one page is applied once.
    entry = remote.upsert(9, document_data(9))
    doubled = {"items": [entry, entry], "next": entry["seq"], "has_more": False}
    session = FakeSession(remote, script=[FakeResponse(200, json.dumps(doubled))])
    assert exchange_pull(peer=peer, session=session).applied == 1
    assert ItemChange.objects.filter(uri=entry["uri"]).count() == 1


# -- crash safety ---------------------------------------------------------------------


def test_the_cursor_moves_only_with_a_committed_page(peer, remote, monkeypatch):
    for n in range(5):
        remote.upsert(n, document_data(n))
    real_receive = pull.exchange_item_receive
    calls = []

    def crash_on_fifth(**kwargs):
        calls.append(kwargs["item"].uri)
        if len(calls) == 5:
            raise RuntimeError("mất điện giữa trang")
        return real_receive(**kwargs)

    monkeypatch.setattr(pull, "exchange_item_receive", crash_on_fifth)
    with pytest.raises(RuntimeError):
        exchange_pull(peer=peer, session=FakeSession(remote), limit=3)

    # Page 1 (three items) committed; page 2 died after storing one item: it is gone too.
    assert len(calls) == 5
    assert set(pulled().values_list("uri", flat=True)) == {remote.uri(n) for n in range(3)}
    assert ItemChange.objects.filter(peer=peer).count() == 3
    peer.refresh_from_db()
    assert peer.cursor == "3" and peer.state == Peer.State.FAILED
    assert "Lỗi nội bộ" in peer.last_error and "mất điện" in peer.last_error
    run = PeerRun.objects.get(peer=peer)
    assert run.finished_at is not None and (run.batches, run.applied) == (1, 3)

    monkeypatch.setattr(pull, "exchange_item_receive", real_receive)
    run = exchange_pull(peer=peer, session=FakeSession(remote), limit=3)
    assert run.error == "" and run.applied == 2
    assert pulled().count() == 5 and ItemChange.objects.filter(peer=peer).count() == 5
    peer.refresh_from_db()
    assert peer.cursor == "5" and peer.state == Peer.State.IDLE and peer.last_error == ""


def test_max_batches_stops_early_and_the_next_run_continues(peer, remote):
    for n in range(5):
        remote.upsert(n, document_data(n))
    run = exchange_pull(peer=peer, session=FakeSession(remote), limit=2, max_batches=1)
    assert run.batches == 1 and pulled().count() == 2
    peer.refresh_from_db()
    assert peer.cursor == "2"
    exchange_pull(peer=peer, session=FakeSession(remote), limit=2)
    assert pulled().count() == 5


# -- rejections -----------------------------------------------------------------------


def test_a_malformed_entry_is_rejected_with_a_reason_and_the_page_goes_on(peer, remote, caplog):
    remote.upsert(1, document_data(1))
    bad = remote.upsert(2, document_data(2))
    bad["hash"] = content_hash({"khac": "du lieu"})
    remote.upsert(3, document_data(3))

    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert (run.received, run.applied, run.rejected) == (3, 2, 1)
    assert set(pulled().values_list("uri", flat=True)) == {remote.uri(1), remote.uri(3)}
    rejection = RejectedItem.objects.get(peer=peer)
    assert rejection.uri == remote.uri(2)
    assert rejection.reason.startswith("Mã băm không khớp với dữ liệu")
    assert 0 < len(rejection.excerpt) <= 500 and remote.uri(2) in rejection.excerpt
    assert "Mã băm không khớp" in caplog.text
    peer.refresh_from_db()
    assert peer.cursor == "3" and peer.rejected_count == 1 and peer.state == Peer.State.IDLE
    # A full reconciliation meets it again: counted in the run, still one row to read.
    assert exchange_pull(peer=peer, session=FakeSession(remote), full=True).rejected == 1
    assert RejectedItem.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda e: e.pop("version"), "Thiếu trường: version"),
        (lambda e: e.update(version=0), "Phiên bản phải là số nguyên dương"),
        (lambda e: e.update(version="2"), "Phiên bản phải là số nguyên dương"),
        (lambda e: e.update(version=True), "Phiên bản phải là số nguyên dương"),
        (lambda e: e.update(op="patch"), "Thao tác không hợp lệ"),
        (lambda e: e.update(uri="https://nut-a.example.vn/van-ban/1"), "URI không đúng dạng"),
        (
            lambda e: e.update(uri=e["uri"].replace("laws.document", "portal.page")),
            "URI không đúng dạng",
        ),
        (lambda e: e.update(type="khong.co"), "không có ở nút này"),
        (lambda e: e.update(updated_at="hôm qua"), "không đúng dạng ISO 8601"),
        (lambda e: e.update(origin="nut-a"), "Nút gốc không phải một địa chỉ"),
        (lambda e: e.update(hash="ABC"), "Mã băm không hợp lệ"),
        (lambda e: e.update(uri=123), "Các trường phải là chuỗi: uri"),
        (lambda e: e.pop("data"), "Thiếu dữ liệu"),
        (lambda e: e.update(licence=["x"]), "Giấy phép phải là chuỗi"),
    ],
)
def test_each_kind_of_malformed_envelope_gets_its_reason(peer, remote, change, reason):
    good = remote.upsert(1, document_data(1))
    bad = remote.upsert(2, document_data(2))
    change(bad)
    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert (run.applied, run.rejected) == (1, 1)
    assert reason in RejectedItem.objects.get().reason
    assert pulled().get().uri == good["uri"]


def test_a_type_not_accepted_from_this_peer_is_rejected(peer, remote):
    peer.types = ["portal.page"]
    peer.save()
    remote.upsert(1, document_data(1))
    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert run.rejected == 1 and not pulled().exists()
    assert "không nằm trong các loại nhận từ nút này" in RejectedItem.objects.get().reason


def test_a_tombstone_needs_no_data(peer, remote):
    remote.upsert(1, document_data(1))
    exchange_pull(peer=peer, session=FakeSession(remote))
    tomb = remote.delete(1)
    tomb.pop("data")
    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert run.applied == 1 and pulled().get().deleted


# -- retries --------------------------------------------------------------------------


def test_transient_errors_are_retried_with_growing_backoff_then_succeed(
    peer, remote, settings, monkeypatch
):
    settings.EXCHANGE_BACKOFF_SECONDS = 1.0
    delays = []
    monkeypatch.setattr(pull.time, "sleep", delays.append)
    remote.upsert(1, document_data(1))
    session = FakeSession(
        remote,
        script=[
            FakeResponse(503, b"<html>Bad gateway</html>", {"Content-Type": "text/html"}),
            requests.Timeout("read timed out"),
            requests.ConnectionError("connection refused"),
        ],
    )
    run = exchange_pull(peer=peer, session=session)
    assert run.error == "" and run.applied == 1 and len(session.calls) == 4
    assert [int(d) for d in delays] == [1, 2, 4]  # 2^n seconds, plus up to 1 s of jitter


def test_retry_after_of_a_429_is_honoured(peer, remote, settings, monkeypatch):
    settings.EXCHANGE_BACKOFF_SECONDS = 0.01
    delays = []
    monkeypatch.setattr(pull.time, "sleep", delays.append)
    remote.upsert(1, document_data(1))
    session = FakeSession(remote, script=[FakeResponse(429, b"{}", {"Retry-After": "7"})])
    assert exchange_pull(peer=peer, session=session).applied == 1
    assert delays == [7.0]


def test_exhausted_retries_fail_the_run_and_leave_data_intact(peer, remote, settings):
    settings.EXCHANGE_RETRIES = 2
    remote.upsert(1, document_data(1))
    exchange_pull(peer=peer, session=FakeSession(remote))
    remote.upsert(1, document_data(1, title="Bản mới chưa kéo được"))
    before = snapshot()

    session = FakeSession(remote, script=[FakeResponse(503, b"")] * 3)
    run = exchange_pull(peer=peer, session=session)
    assert len(session.calls) == 3 and run.applied == 0
    assert "HTTP 503" in run.error and "Đã thử 3 lần" in run.error
    peer.refresh_from_db()
    assert peer.state == Peer.State.FAILED and peer.last_error == run.error
    assert peer.cursor == "1" and snapshot() == before

    # The next successful run clears the error.
    assert exchange_pull(peer=peer, session=FakeSession(remote)).applied == 1
    peer.refresh_from_db()
    assert peer.state == Peer.State.IDLE and peer.last_error == ""


# -- full reconciliation --------------------------------------------------------------


def test_full_reconciliation_applies_what_the_cursor_skipped(peer, remote):
    remote.upsert(0, document_data(0))
    remote.seq += 1  # seq 2 is taken by a transaction at the peer that commits late
    remote.upsert(1, document_data(1))
    remote.upsert(2, document_data(2))
    exchange_pull(peer=peer, session=FakeSession(remote))
    # It commits: below the cursor we already hold.
    remote.upsert(7, document_data(7), seq=2)
    assert exchange_pull(peer=peer, session=FakeSession(remote)).applied == 0
    assert not pulled(uri=remote.uri(7)).exists()

    run = exchange_pull(peer=peer, session=FakeSession(remote), full=True, limit=2)
    assert run.full is True and (run.received, run.applied) == (4, 1)
    assert pulled(uri=remote.uri(7)).exists() and pulled().count() == 4
    peer.refresh_from_db()
    assert peer.cursor == "4"


def test_full_reconciliation_never_moves_the_cursor_back(peer, remote):
    for n in range(6):
        remote.upsert(n, document_data(n))
    exchange_pull(peer=peer, session=FakeSession(remote))
    exchange_pull(peer=peer, session=FakeSession(remote), full=True, limit=2, max_batches=1)
    peer.refresh_from_db()
    assert peer.cursor == "6"
    # A full run that ends in an error keeps the cursor too.
    session = FakeSession(remote, script=[lambda p: FakeResponse(200, b"{")])
    assert exchange_pull(peer=peer, session=session, full=True).error
    peer.refresh_from_db()
    assert peer.cursor == "6"


def test_full_reconciliation_from_a_fresh_peer_sets_the_cursor(peer, remote):
    for n in range(3):
        remote.upsert(n, document_data(n))
    exchange_pull(peer=peer, session=FakeSession(remote), full=True)
    peer.refresh_from_db()
    assert peer.cursor == "3" and pulled().count() == 3


# -- loops ----------------------------------------------------------------------------


def test_our_own_items_coming_back_are_not_stored(peer, remote):
    mine = FakePeer(origin=node_base_url())
    own = mine.upsert(1, document_data(1))
    remote.add_raw(own)
    remote.upsert(2, document_data(2))
    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert (run.received, run.applied, run.rejected) == (2, 1, 0)
    assert not SharedItem.objects.filter(uri=own["uri"]).exists()


def test_an_item_claiming_our_address_with_another_origin_is_rejected(peer, remote):
    forged = FakePeer(origin=node_base_url()).upsert(1, document_data(1))
    remote.add_raw({**forged, "origin": ORIGIN})
    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert run.rejected == 1 and "URI thuộc nút này" in RejectedItem.objects.get().reason
    assert not SharedItem.objects.exists()


def test_items_relayed_by_a_second_peer_are_not_doubled(peer, remote):
    for n in range(3):
        remote.upsert(n, document_data(n))
    relay = Peer.objects.create(name="nut-b", base_url="https://nut-b.example.vn")
    exchange_pull(peer=peer, session=FakeSession(remote))
    # nut-b republishes nut-a's items (its feed holds everything it has).
    run = exchange_pull(peer=relay, session=FakeSession(remote))
    assert (run.received, run.applied) == (3, 0)
    assert SharedItem.objects.count() == 3 and set(pulled().values_list("peer", flat=True)) == {
        peer.pk
    }


# -- one pull at a time ---------------------------------------------------------------


def test_a_pull_of_a_peer_already_being_pulled_is_refused(peer, remote):
    remote.upsert(1, document_data(1))
    session = FakeSession(remote)
    refused = []

    def pull_again(params):
        with pytest.raises(PeerBusy) as info:
            exchange_pull(peer=Peer.objects.get(pk=peer.pk), session=FakeSession(remote))
        refused.append(str(info.value))

    session.on_get = pull_again
    run = exchange_pull(peer=peer, session=session)
    assert run.error == "" and run.applied == 1
    assert refused == ["Nút nut-a đang kéo dữ liệu; thử lại sau."]
    assert PeerRun.objects.filter(peer=peer).count() == 1


def test_a_lock_held_elsewhere_refuses_the_pull(peer, remote):
    """Another worker (its own database connection) holds the peer's lock."""
    holding, release = threading.Event(), threading.Event()
    errors = []

    def other_worker():
        try:
            with pull._database_lock(peer.pk) as held:
                assert held is True
                holding.set()
                release.wait(10)
        except Exception as exc:  # pragma: no cover - shown by the assertion below
            errors.append(exc)
            holding.set()
        finally:
            connection.close()

    worker = threading.Thread(target=other_worker)
    worker.start()
    try:
        assert holding.wait(10)
        with pytest.raises(PeerBusy, match="đang kéo"):
            exchange_pull(peer=peer, session=FakeSession(remote))
    finally:
        release.set()
        worker.join(10)
    assert errors == []
    peer.refresh_from_db()
    assert peer.state == Peer.State.IDLE and not PeerRun.objects.exists()
    # Released: the pull goes ahead.
    remote.upsert(1, document_data(1))
    assert exchange_pull(peer=peer, session=FakeSession(remote)).applied == 1


def test_a_pull_killed_mid_way_does_not_block_the_next(peer, remote):
    remote.upsert(1, document_data(1))
    dead = PeerRun.objects.create(peer=peer)
    Peer.objects.filter(pk=peer.pk).update(state=Peer.State.RUNNING, last_run_at=timezone.now())

    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert run.error == "" and run.applied == 1
    dead.refresh_from_db()
    assert dead.finished_at is not None and "dừng giữa chừng" in dead.error


def test_without_a_database_lock_the_state_field_guards_with_a_stale_limit(
    peer, remote, monkeypatch, settings
):
    from contextlib import contextmanager

    @contextmanager
    def no_lock(peer_id):
        yield None

    monkeypatch.setattr(pull, "_database_lock", no_lock)
    settings.EXCHANGE_STALE_RUN_SECONDS = 900
    remote.upsert(1, document_data(1))
    Peer.objects.filter(pk=peer.pk).update(
        state=Peer.State.RUNNING, last_run_at=timezone.now() - timedelta(seconds=60)
    )
    with pytest.raises(PeerBusy):
        exchange_pull(peer=peer, session=FakeSession(remote))
    Peer.objects.filter(pk=peer.pk).update(last_run_at=timezone.now() - timedelta(seconds=901))
    assert exchange_pull(peer=peer, session=FakeSession(remote)).applied == 1


# -- scheduler, tasks, commands -------------------------------------------------------


def test_due_pulls_every_enabled_peer_and_one_failure_does_not_stop_the_others(remote, monkeypatch):
    broken = Peer.objects.create(name="a-hong", base_url="https://hong.example.vn")
    good = Peer.objects.create(name="b-tot", base_url=ORIGIN)
    Peer.objects.create(name="c-tat", base_url="https://tat.example.vn", enabled=False)
    remote.upsert(1, document_data(1))

    def crash_for_broken(peer, *, session=None):
        if peer.name == "a-hong":
            raise RuntimeError("lỗi lập trình")
        return FakeSession(remote)

    monkeypatch.setattr(pull, "adapter_for", _wrap_adapter_for(crash_for_broken))
    runs = exchange_pull_due()
    assert [r.peer.name for r in runs] == ["b-tot"] and runs[0].applied == 1
    broken.refresh_from_db()
    good.refresh_from_db()
    assert broken.state == Peer.State.FAILED and "lỗi lập trình" in broken.last_error
    assert good.state == Peer.State.IDLE and good.cursor == "1"
    assert not PeerRun.objects.filter(peer__name="c-tat").exists()


def _wrap_adapter_for(session_for):
    """adapter_for, with a session chosen per peer (or an exception raised)."""
    from pbgdpl.exchange.adapters.base import adapter_for

    def wrapped(peer, *, session=None):
        return adapter_for(peer, session=session_for(peer, session=session))

    return wrapped


@pytest.fixture
def served(monkeypatch, remote):
    """Every new requests.Session of the feed adapter serves ``remote``."""
    from pbgdpl.exchange.adapters import feed

    sessions = []

    def make():
        sessions.append(FakeSession(remote))
        return sessions[-1]

    monkeypatch.setattr(feed.requests, "Session", make)
    return sessions


def test_tasks_pull_one_peer_or_every_due_peer(peer, remote, served):
    remote.upsert(1, document_data(1))
    assert exchange_pull_task.call(peer.pk) == "ok"
    assert pulled().count() == 1
    assert exchange_pull_task.call(peer.pk + 1000) == "missing"
    remote.upsert(2, document_data(2))
    assert exchange_pull_due_task.call() == 1
    assert pulled().count() == 2


def test_command_peer_add_checks_its_input():
    call_command(
        "exchange_peer_add",
        "gia-lai",
        "https://pbgdpl.gialai.gov.vn/",
        "--types",
        "laws.document",
        "--token",
        "t0ken",
    )
    peer = Peer.objects.get(name="gia-lai")
    assert peer.base_url == "https://pbgdpl.gialai.gov.vn" and peer.types == ["laws.document"]
    assert peer.token == "t0ken" and peer.kind == "feed"
    with pytest.raises(CommandError, match="Đã có nút tên 'gia-lai'"):
        call_command("exchange_peer_add", "gia-lai", "https://khac.example.vn")
    with pytest.raises(CommandError, match="Địa chỉ 'ftp://x' không hợp lệ"):
        call_command("exchange_peer_add", "nut-moi", "ftp://x")
    with pytest.raises(CommandError, match="Tên nút 'Nút Mới' không hợp lệ"):
        call_command("exchange_peer_add", "Nút Mới", "https://moi.example.vn")
    with pytest.raises(CommandError, match=r"Loại dữ liệu không có ở nút này: khong\.co"):
        call_command(
            "exchange_peer_add", "nut-moi", "https://moi.example.vn", "--types", "khong.co"
        )
    assert Peer.objects.count() == 1


def test_peer_add_refuses_a_kind_without_an_adapter(monkeypatch):
    monkeypatch.setattr("pbgdpl.exchange.adapters.base.adapter_kinds", lambda: ["feed"])
    with pytest.raises(PeerInvalid, match="Loại nút 'lgsp' chưa được hỗ trợ"):
        peer_create(actor=None, name="lgsp-tinh", base_url="https://lgsp.example.vn", kind="lgsp")


def test_command_pull_reports_and_fails_with_a_non_zero_status(peer, remote, served, capsys):
    for n in range(3):
        remote.upsert(n, document_data(n))
    call_command("exchange_pull", "nut-a")
    out = capsys.readouterr().out
    assert "Kéo nút nut-a: nhận 3, áp dụng 3, từ chối 0, 1 trang; con trỏ: 3." in out

    remote.upsert(0, document_data(0, title="Sửa"))
    call_command("exchange_pull", "--all", "--max-batches", "1")
    assert "nhận 1, áp dụng 1" in capsys.readouterr().out

    # The feed now answers next=1 after our cursor 4: going backwards.
    remote.page = lambda after, limit: {"items": [], "next": 1, "has_more": False}
    with pytest.raises(CommandError, match="đi lùi"):
        call_command("exchange_pull", "nut-a")
    with pytest.raises(CommandError, match="Không có nút tên 'khong-co'"):
        call_command("exchange_pull", "khong-co")
    with pytest.raises(CommandError, match="tên nút hoặc --all"):
        call_command("exchange_pull")


def test_command_reconcile_reads_the_whole_feed(peer, remote, served, capsys):
    remote.seq += 1  # taken by a transaction that commits late
    for n in range(3):
        remote.upsert(n, document_data(n))
    call_command("exchange_pull", "nut-a")
    remote.upsert(7, document_data(7), seq=1)
    call_command("exchange_reconcile", "nut-a")
    assert "Đối soát toàn bộ nút nut-a: nhận 4, áp dụng 1" in capsys.readouterr().out
    call_command("exchange_reconcile")
    assert "áp dụng 0" in capsys.readouterr().out
    assert pulled().count() == 4
