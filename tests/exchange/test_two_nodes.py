"""Two real nodes on loopback: A serves its change feed over HTTP (gunicorn), B pulls it
with the management commands, each node in its own processes with its own database.

The nodes always run on SQLite files under the test's temporary directory, also when
the suite itself runs on PostgreSQL (``DATABASE_URL``): these tests need no test
database of their own, only the nodes' (see tests/exchange/nodes.py). They are skipped,
with the reason, where no TCP port can be opened on 127.0.0.1.
"""

import os
import random
import signal
import time
from collections import Counter

from pbgdpl.exchange.canonical import content_hash
from tests.exchange import nodes
from tests.exchange.nodes import Node

# The harness's fixtures (a migrated template database, then nodes copied from it).
node_template = nodes.node_template
make_node = nodes.make_node

# Run on A: a superuser (documents need "laws.edit") and a helper adding a published page.
_SETUP = """
from datetime import date

from pbgdpl.exchange.services import exchange_publish
from pbgdpl.laws.exchange_types import EXCHANGE_DOCUMENT
from pbgdpl.laws.models import LegalDocument
from pbgdpl.laws.services import document_create, document_update
from pbgdpl.people.models import User
from pbgdpl.portal.models import GuidancePage, HomePage, SectionPage

admin = User.objects.filter(email="quan-tri@nut-a.example.vn").first()
if admin is None:
    admin = User.objects.create_superuser(email="quan-tri@nut-a.example.vn", password="mk-nut-a-1")


def page_add(parent, page):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(user=admin).publish(user=admin)
    return page


def page_edit(pk, **changes):
    page = GuidancePage.objects.get(pk=pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision(user=admin).publish(user=admin)


def item_uris(**objects):
    # The warehouse URI of each named local object (documents and pages).
    from pbgdpl.exchange.models import SharedItem

    return {
        name: SharedItem.objects.get(
            type="laws.document" if isinstance(obj, LegalDocument) else "portal.page",
            local_id=str(obj.pk),
            peer__isnull=True,
        ).uri
        for name, obj in objects.items()
    }


def document_delete(pk):
    # No deletion service for documents yet: delete the row, then publish its tombstone
    # (what such a service would do in its transaction).
    LegalDocument.objects.filter(pk=pk).delete()
    exchange_publish(type=EXCHANGE_DOCUMENT, local_ids=[pk])
"""

# Create, edit and delete documents and pages on A.
_FIRST_CHANGES = """
docs = [
    document_create(
        title=f"Nghị định quy định chi tiết Luật Hộ tịch, phần {n}",
        number=f"{n}/2025/NĐ-CP",
        issued_on=date(2025, 1, n),
        origin="manual",
        user=admin,
    )
    for n in (11, 12, 13, 14)
]
document_update(document=docs[0], user=admin, title="Nghị định về hộ tịch (đã sửa tên)")
document_update(document=docs[1], user=admin, fields=["Hộ tịch", "Tư pháp"])
document_update(document=docs[1], user=admin, signer="Nguyễn Văn A")
document_delete(docs[2].pk)

home = HomePage.objects.get(locale__language_code="vi")
section = page_add(home, SectionPage(title="Hướng dẫn thủ tục", slug="huong-dan-thu-tuc-nut-a"))
pages = [
    page_add(
        section,
        GuidancePage(
            title=f"Hướng dẫn đăng ký khai sinh, bước {i}",
            slug=f"dang-ky-khai-sinh-buoc-{i}",
            summary=f"Tóm tắt bước {i}.",
            body=[("paragraph", f"<p>Người dân chuẩn bị giấy tờ cho bước {i}.</p>")],
        ),
    )
    for i in range(1, 5)
]
page_edit(pages[0].pk, title="Hướng dẫn đăng ký khai sinh (cập nhật)", summary="Đã cập nhật.")
GuidancePage.objects.get(pk=pages[1].pk).unpublish(user=admin)
GuidancePage.objects.get(pk=pages[2].pk).delete()
emit(
    {
        "docs": [d.pk for d in docs],
        "pages": [p.pk for p in pages],
        "uris": item_uris(
            doc_renamed=docs[0], doc_edited_twice=docs[1], doc_deleted=docs[2], doc_plain=docs[3],
            page_edited=pages[0], page_unpublished=pages[1], page_deleted=pages[2],
            page_plain=pages[3],
        ),
    }
)
"""

# More changes after B's first pull: edits, a new item, a deleted one coming back (an
# unpublished page published again), a deletion after edits; docs[0] stays untouched.
_MORE_CHANGES = """
docs, pages = params["docs"], params["pages"]
document_update(document=LegalDocument.objects.get(pk=docs[1]), user=admin, title="Sửa lần nữa")
new = document_create(title="Luật Căn cước", number="26/2023/QH15", origin="manual", user=admin)
document_delete(docs[3])
GuidancePage.objects.get(pk=pages[1]).save_revision(user=admin).publish(user=admin)
page_edit(pages[3], summary="Bản sửa trước khi gỡ.")
GuidancePage.objects.get(pk=pages[3]).delete()
emit(item_uris(doc_new=new))
"""


def _state(entries_or_items) -> dict[str, tuple]:
    """uri → (type, version, hash, deleted) of feed entries (list) or node items (dict)."""
    rows = entries_or_items.values() if isinstance(entries_or_items, dict) else entries_or_items
    return {
        r["uri"]: (
            r["type"],
            r["version"],
            r["hash"],
            r["deleted"] if "deleted" in r else r["op"] == "delete",
        )
        for r in rows
    }


# What A's feed holds for each item after _FIRST_CHANGES: (op, version).
FIRST_EXPECTED = {
    "doc_renamed": ("upsert", 2),
    "doc_edited_twice": ("upsert", 3),
    "doc_deleted": ("delete", 2),
    "doc_plain": ("upsert", 1),
    "page_edited": ("upsert", 2),
    "page_unpublished": ("delete", 2),
    "page_deleted": ("delete", 2),
    "page_plain": ("upsert", 1),
}
# ... and what _MORE_CHANGES changes (the page edited, then deleted: one entry, v3).
MORE_EXPECTED = {
    "doc_edited_twice": ("upsert", 4),
    "doc_new": ("upsert", 1),
    "doc_plain": ("delete", 2),
    "page_unpublished": ("upsert", 3),
    "page_plain": ("delete", 3),
}


def _by_uri(feed: list[dict]) -> dict[str, dict]:
    return {e["uri"]: e for e in feed}


def _assert_items(feed: list[dict], uris: dict[str, str], expected: dict[str, tuple]) -> None:
    """A's feed holds exactly the named items, each with the expected op and version."""
    entries = _by_uri(feed)
    assert set(entries) == set(uris.values())
    got = {name: (entries[uri]["op"], entries[uri]["version"]) for name, uri in uris.items()}
    for name, want in expected.items():
        hint = " (a page deleted while live must leave a tombstone)" * (name == "page_deleted")
        assert got[name] == want, f"{name} on A: {got[name]}, expected {want}{hint}"


def _assert_b_equals_a(a: Node, b: Node) -> list[dict]:
    """Every entry of A's feed is on B with the same version, hash and deletion (and
    nothing else is), with A as its peer and origin; B's data matches its hash."""
    feed = a.feed_all(limit=7)  # small pages: the cursor paging of A's API is used too
    items = b.items()
    assert len(feed) == len({e["uri"] for e in feed}), "A's feed lists an item twice"
    assert _state(items) == _state(feed)
    for entry in feed:
        item = items[entry["uri"]]
        assert item["peer"] == "a" and item["origin"] == a.base_url, item
        assert item["data"] == entry["data"]
        assert item["hash"] == content_hash(item["data"])
        assert (item["data"] == {}) is item["deleted"]
    return feed


def _pull(node: Node, *args: str) -> None:
    """``manage.py exchange_pull`` on ``node`` (fails the test, with its output, on error)."""
    node.manage("exchange_pull", *args)


def _uuid(uri: str) -> str:
    return uri.rsplit("/", 1)[1]


def test_b_pulls_a_and_holds_every_item_with_the_same_hash_tombstones_included(make_node):
    """Create, edit and delete documents and pages on A; B pulls, then pulls again after
    more changes (only those are applied); B equals A item by item each time, shows and
    re-shares what it pulled as A's, and A pulling B back takes nothing (no ping-pong)."""
    a = make_node("a")
    b = make_node("b")
    a.serve(wait=False)
    b.serve(wait=False)  # B's own feed is read at the end: it shares what it pulled
    ids = a.shell(_SETUP + _FIRST_CHANGES)
    a.wait_ready()
    b.manage("exchange_peer_add", "a", a.base_url)
    _pull(b, "a")

    feed = _assert_b_equals_a(a, b)
    _assert_items(feed, ids["uris"], FIRST_EXPECTED)
    renamed = _by_uri(feed)[ids["uris"]["doc_edited_twice"]]
    assert renamed["data"]["signer"] == "Nguyễn Văn A"
    assert renamed["data"]["fields"] == ["Hộ tịch", "Tư pháp"]
    cursor = int(b.peer("a")["cursor"])
    assert cursor == feed[-1]["seq"]
    history_before = b.changes()

    # Incremental: only what changed on A after B's cursor is applied.
    uris = ids["uris"] | a.shell(_SETUP + _MORE_CHANGES, params=ids)
    _pull(b, "a")
    feed = _assert_b_equals_a(a, b)
    _assert_items(feed, uris, FIRST_EXPECTED | MORE_EXPECTED)
    history = b.changes()
    assert history[: len(history_before)] == history_before
    assert {(uri, version) for uri, version, _op in history[len(history_before) :]} == {
        (uris[name], version) for name, (_op, version) in MORE_EXPECTED.items()
    }
    assert int(b.peer("a")["cursor"]) == feed[-1]["seq"]

    # B shows a pulled item read-only with its provenance; a tombstone answers 410 Gone.
    b.wait_ready()
    shown = b.get(f"/nguon-khac/laws.document/{_uuid(uris['doc_edited_twice'])}/")
    assert shown.status_code == 200 and "Sửa lần nữa" in shown.text
    assert "Nguồn:" in shown.text and a.base_url in shown.text
    assert b.get(f"/nguon-khac/laws.document/{_uuid(uris['doc_deleted'])}/").status_code == 410

    # B shares what it pulled: its own feed carries A's items, still A's (origin A).
    b_feed = b.feed_all()
    assert _state(b_feed) == _state(feed)
    assert {e["origin"] for e in b_feed} == {a.base_url}

    # A pulling B gets its own items back and takes none of them (no ping-pong).
    a_history = a.changes()
    a.manage("exchange_peer_add", "b", b.base_url)
    _pull(a, "b")
    assert a.changes() == a_history
    assert _state(a.feed_all()) == _state(feed)
    assert all(item["peer"] is None for item in a.items().values())


# Many documents, created in one go on A, then published into the feed.
_MANY_DOCUMENTS = """
import time
from pbgdpl.exchange.services import exchange_publish_all
from pbgdpl.laws.models import LegalDocument

started = time.monotonic()
LegalDocument.objects.bulk_create(
    [
        LegalDocument(
            eli=f"/eli/vn/qd/2024/thu-nghiem-{n}",
            title=f"Quyết định thử nghiệm số {n} về phổ biến, giáo dục pháp luật",
            number=f"{n}/2024/QĐ-UBND",
            number_key=f"{n}/2024/qd-ubnd",
            origin="manual",
        )
        for n in range(1, params["count"] + 1)
    ],
    batch_size=500,
)
published = exchange_publish_all(type="laws.document")
emit({"published": published, "seconds": time.monotonic() - started})
"""
MANY = 3000


def test_a_pull_killed_mid_batch_resumes_with_nothing_lost_and_nothing_doubled(make_node):
    """A pull of 3,000 items killed with SIGKILL part-way keeps exactly the committed
    pages (up to its cursor); the next pull finishes with every item once."""
    a = make_node("a")
    b = make_node("b")
    a.serve(wait=False)
    peer_add = b.manage_popen("exchange_peer_add", "a", a.base_url)
    made = a.shell(_MANY_DOCUMENTS, params={"count": MANY})
    assert made["published"] == MANY
    assert made["seconds"] < 30, made
    assert peer_add.wait(timeout=120) == 0, peer_add.communicate()
    a.wait_ready()

    pull = b.manage_popen("exchange_pull", "a", "--limit", "100")
    deadline = time.monotonic() + 120
    # Kill it (SIGKILL: no clean-up) once it has committed some batches, at a random
    # moment of a later one.
    while b.item_count() == 0:
        assert pull.poll() is None, pull.communicate()
        assert time.monotonic() < deadline, "the pull stored nothing in 120 s"
        time.sleep(0.02)
    time.sleep(random.uniform(0, 0.4))
    os.kill(pull.pid, signal.SIGKILL)
    assert pull.wait(timeout=30) == -signal.SIGKILL
    pull.communicate()
    stored = b.item_count()
    assert 0 < stored < MANY, f"the pull was not killed mid-way ({stored} of {MANY} stored)"
    feed = a.feed_all(limit=1000)
    # The cursor moved with the committed batches only: B holds exactly A's items up to it.
    cursor = int(b.peer("a")["cursor"] or 0)
    assert set(b.items()) == {e["uri"] for e in feed if e["seq"] <= cursor}

    _pull(b, "a", "--limit", "100")
    items = b.items()
    assert len(feed) == MANY and len(items) == MANY
    assert _state(items) == _state(feed)
    history = b.changes()
    applied = Counter((uri, version) for uri, version, _op in history)
    assert max(applied.values()) == 1, "an item version was applied twice"
    assert len(history) == MANY
    assert int(b.peer("a")["cursor"]) == feed[-1]["seq"]
    assert b.query("SELECT COUNT(*) FROM exchange_rejecteditem")[0][0] == 0
    # The killed run was closed by the next one; the peer is idle, without error.
    assert b.query("SELECT COUNT(*) FROM exchange_peerrun WHERE finished_at IS NULL")[0][0] == 0
    peer = b.peer("a")
    assert peer["state"] == "idle" and peer["last_error"] == ""
