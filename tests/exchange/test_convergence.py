"""Convergence, as a property: whatever A does (create, update, delete, bring back) and
wherever B's pulls stop (after a few small pages, on a peer error, in a crash inside a
page), B ends up holding exactly A's items once it has pulled to the end.

B is this test's database and the real puller (``exchange_pull`` through the real
``FeedAdapter``). A is :class:`ReferenceNode`, a small in-memory implementation of a
node's change feed as docs/exchange.md specifies it (a compacted log: each item once, at
the sequence number of its latest change; tombstones forever), reached through a
requests transport, so hundreds of A↔B histories run in seconds. The subprocess test
with two real nodes is tests/exchange/test_two_nodes.py.
"""

import contextlib
import io
import json
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from pbgdpl.exchange import pull as pull_module
from pbgdpl.exchange.canonical import content_hash
from pbgdpl.exchange.models import ItemChange, Peer, PeerRun, RejectedItem, SharedItem
from pbgdpl.exchange.pull import exchange_pull
from pbgdpl.exchange.services import peer_create

pytestmark = pytest.mark.django_db

A_URL = "http://nut-a.example.vn"
TYPES = ("laws.document", "portal.page")
LICENCE = "CC BY 4.0"
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def _data(type_name: str, n: int, title: str) -> dict:
    """Data valid against the registered schema of ``type_name``."""
    if type_name == "laws.document":
        return {
            "number": f"{n}/2026/QĐ-UBND",
            "title": title,
            "type": "Quyết định",
            "eli": f"/eli/vn/qd/2026/{n}",
            "url": f"{A_URL}/van-ban/{n}/",
        }
    return {
        "title": title,
        "kind": "guidancepage",
        "language": "vi",
        "date": "2026-01-01",
        "summary": f"Tóm tắt: {title}",
        "text": f"Nội dung bài {n}.",
        "url": f"{A_URL}/bai-viet/{n}/",
    }


@dataclass
class ReferenceNode:
    """A node's change feed in memory: ``items`` by URI, each with the ``seq`` of its
    latest change. ``failures`` are served (one per request) before real answers."""

    base_url: str = A_URL
    seq: int = 0
    items: dict[str, dict] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    requests: int = 0

    def _change(self, uri: str, *, type_name: str, data: dict | None) -> None:
        current = self.items.get(uri)
        deleted = data is None
        unchanged = current is not None and current["deleted"] == deleted
        if unchanged and (deleted or current["data"] == data):
            return  # nothing changed: no new version (as exchange_publish does)
        self.seq += 1
        data = {} if deleted else data
        self.items[uri] = {
            "seq": self.seq,
            "uri": uri,
            "type": type_name,
            "op": "delete" if deleted else "upsert",
            "version": (current["version"] if current else 0) + 1,
            "hash": content_hash(data),
            "updated_at": (_EPOCH + timedelta(seconds=self.seq)).isoformat(),
            "origin": self.base_url,
            "licence": LICENCE,
            "data": data,
            "deleted": deleted,
            "n": current["n"] if current else len(self.items) + 1,
        }

    def create(self, type_name: str, title: str) -> None:
        n = len(self.items) + 1
        uri = f"{self.base_url}/id/{type_name}/{uuid.UUID(int=n)}"
        self._change(uri, type_name=type_name, data=_data(type_name, n, title))

    def update(self, uri: str, title: str) -> None:
        """Edit an item; a deleted one comes back (a page published again)."""
        item = self.items[uri]
        self._change(uri, type_name=item["type"], data=_data(item["type"], item["n"], title))

    def delete(self, uri: str) -> None:
        self._change(uri, type_name=self.items[uri]["type"], data=None)

    def page(self, *, after: int, limit: int, types: set[str]) -> dict:
        """What ``GET /api/v1/exchange/changes`` answers."""
        rows = sorted(
            (i for i in self.items.values() if i["seq"] > after and i["type"] in types),
            key=lambda i: i["seq"],
        )
        chosen = rows[:limit]
        keys = ("seq", "uri", "type", "op", "version", "hash", "updated_at", "origin")
        return {
            "items": [{k: i[k] for k in (*keys, "licence", "data")} for i in chosen],
            "next": chosen[-1]["seq"] if chosen else after,
            "has_more": len(rows) > limit,
        }

    def state(self) -> dict[str, tuple]:
        return {
            uri: (i["type"], i["version"], i["hash"], i["deleted"], i["data"])
            for uri, i in self.items.items()
        }


class ReferenceTransport(BaseAdapter):
    """Serves a :class:`ReferenceNode` to a ``requests.Session`` (mounted on its URL)."""

    def __init__(self, node: ReferenceNode) -> None:
        super().__init__()
        self.node = node

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        self.node.requests += 1
        if self.node.failures:
            failure = self.node.failures.pop(0)
            if failure == "timeout":
                raise requests.ReadTimeout("đọc quá thời gian (giả lập)")
            if failure == "503":
                return self._response(request, 503, '{"detail": "Bảo trì"}'.encode())
            return self._response(request, 200, "<html>Lỗi máy chủ</html>".encode())
        url = urlsplit(request.url)
        assert url.path == "/api/v1/exchange/changes", request.url
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        after, limit = int(query.get("after", "0")), int(query.get("limit", "100"))
        # The real API refuses these with 422: B must never ask for them.
        assert after >= 0 and 1 <= limit <= 1000, request.url
        types = set(query["types"].split(",")) if query.get("types") else set(TYPES)
        body = json.dumps(self.node.page(after=after, limit=limit, types=types)).encode()
        return self._response(request, 200, body)

    def _response(self, request, status: int, body: bytes) -> requests.Response:
        response = requests.Response()
        response.status_code = status
        response.headers = CaseInsensitiveDict(
            {"Content-Type": "application/json", "Content-Length": str(len(body))}
        )
        response.raw = io.BytesIO(body)
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self) -> None:
        pass


class _Crash(BaseException):
    """The puller's process dying in the middle of a page (nothing after it runs)."""


def _crashing_receive(after: int):
    """``exchange_item_receive`` that dies on its ``after``-th call."""
    real = pull_module.exchange_item_receive
    calls = iter(range(after + 1))

    def receive(**kwargs):
        if next(calls, after) >= after:
            raise _Crash
        return real(**kwargs)

    return receive


def _b_state(peer: Peer) -> dict[str, tuple]:
    return {
        i.uri: (i.type, i.version, i.hash, i.deleted, i.data)
        for i in SharedItem.objects.filter(peer=peer)
    }


def _b_reset() -> Peer:
    """A fresh B for each example (the test's transaction is rolled back at the end)."""
    ItemChange.objects.all().delete()
    SharedItem.objects.all().delete()
    RejectedItem.objects.all().delete()
    PeerRun.objects.all().delete()
    Peer.objects.all().delete()
    return peer_create(actor=None, name="a", base_url=A_URL)


# A few fixed titles too, so that some edits change nothing (no new version).
titles = st.one_of(
    st.sampled_from(["Luật Đất đai", "Luật Hộ tịch"]),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạềểễếệ ", min_size=1, max_size=12),
)
create = st.tuples(st.just("create"), st.sampled_from(TYPES), titles)
operations = st.lists(
    st.one_of(
        create,
        create,  # twice: more items than pages of one
        st.tuples(st.just("update"), st.integers(0, 99), titles),
        st.tuples(st.just("delete"), st.integers(0, 99)),
        # max_batches (None: to the end), items per page, full reconciliation?
        st.tuples(
            st.just("pull"),
            st.one_of(st.none(), st.integers(1, 3)),
            st.integers(1, 5),
            st.booleans(),
        ),
        # The next request fails: retried (503, timeout) or ends the pull (garbage).
        st.tuples(st.just("fail"), st.sampled_from(["503", "timeout", "garbage"])),
        # A pull whose process dies on the n-th item it stores (pages of m items).
        st.tuples(st.just("crash"), st.integers(0, 4), st.integers(1, 5)),
    ),
    min_size=4,
    max_size=40,
)


@pytest.fixture
def quick_retries(settings):
    settings.EXCHANGE_BACKOFF_SECONDS = 0
    settings.EXCHANGE_RETRIES = 2
    settings.EXCHANGE_LOCK_WAIT_SECONDS = 0


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=operations, final_limit=st.integers(1, 5))
def test_b_converges_to_a_whatever_happens_between_pulls(quick_retries, ops, final_limit):
    peer = _b_reset()
    a = ReferenceNode()
    session = requests.Session()
    session.mount(A_URL, ReferenceTransport(a))
    for op in ops:
        uris = list(a.items)
        if op[0] == "create" or (op[0] in ("update", "delete") and not uris):
            a.create(op[1] if op[0] == "create" else TYPES[0], "Mục mới")
        elif op[0] == "update":
            a.update(uris[op[1] % len(uris)], op[2])
        elif op[0] == "delete":
            a.delete(uris[op[1] % len(uris)])
        elif op[0] == "pull":
            _kind, max_batches, limit, full = op
            exchange_pull(
                peer=peer, max_batches=max_batches, limit=limit, full=full, session=session
            )
        elif op[0] == "fail":
            a.failures.append(op[1])
        elif op[0] == "crash":
            receive = _crashing_receive(op[1])
            # What was committed before the crash stays; the rest comes later.
            with (
                mock.patch.object(pull_module, "exchange_item_receive", receive),
                contextlib.suppress(_Crash),
            ):
                exchange_pull(peer=peer, limit=op[2], session=session)

    a.failures.clear()
    run = exchange_pull(peer=peer, limit=final_limit, session=session)
    assert run.error == "" and run.rejected == 0, run.error
    peer.refresh_from_db()
    assert _b_state(peer) == a.state()
    assert int(peer.cursor or 0) == a.seq
    assert peer.state == Peer.State.IDLE and peer.last_error == ""
    assert not RejectedItem.objects.exists()
    assert not PeerRun.objects.filter(finished_at__isnull=True).exists()
    # Nothing doubled: each version of an item applied once, versions only growing.
    history = list(ItemChange.objects.filter(peer=peer).order_by("seq"))
    assert max(Counter((c.uri, c.version) for c in history).values(), default=1) == 1
    for uri in a.items:
        versions = [c.version for c in history if c.uri == uri]
        assert versions == sorted(versions) and versions[-1] == a.items[uri]["version"]
    assert all(i.origin == A_URL for i in SharedItem.objects.filter(peer=peer))
    # A full reconciliation afterwards finds nothing missing.
    again = exchange_pull(peer=peer, limit=final_limit, full=True, session=session)
    assert again.applied == 0 and again.error == ""
    assert ItemChange.objects.filter(peer=peer).count() == len(history)


def test_the_reference_feed_pages_like_the_api():
    """The reference node itself: cursor paging gives each item once, at its latest change,
    and a deleted item stays as a tombstone."""
    a = ReferenceNode()
    for n in range(5):
        a.create(TYPES[n % 2], f"bài {n}")
    uris = list(a.items)
    a.update(uris[0], "đã sửa")
    a.update(uris[0], "đã sửa")  # unchanged: no new version
    a.delete(uris[1])
    seen, after = [], 0
    while True:
        body = a.page(after=after, limit=2, types=set(TYPES))
        seen += body["items"]
        after = body["next"]
        if not body["has_more"]:
            break
    assert [e["uri"] for e in seen] == [*uris[2:], uris[0], uris[1]]
    assert [e["seq"] for e in seen] == sorted(e["seq"] for e in seen)
    assert seen[-2]["version"] == 2 and seen[-1]["op"] == "delete" and seen[-1]["data"] == {}
    assert a.page(after=after, limit=2, types=set(TYPES)) == {
        "items": [],
        "next": after,
        "has_more": False,
    }
    assert {e["type"] for e in a.page(after=0, limit=9, types={TYPES[1]})["items"]} == {TYPES[1]}
