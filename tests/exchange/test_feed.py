"""Publishing into the change feed and reading it: versions, hashes, tombstones, cursor
paging, type filters, restricted types, and receiving items from a peer."""

import hashlib
from datetime import UTC, datetime

import pytest

from pbgdpl.exchange.canonical import content_hash
from pbgdpl.exchange.models import AccessToken, ItemChange, Peer, SharedItem
from pbgdpl.exchange.registry import ExchangeType, SharedRecord, register, registered_types
from pbgdpl.exchange.services import (
    ItemRejected,
    ReceivedItem,
    exchange_item_receive,
    exchange_publish,
    exchange_publish_all,
    node_base_url,
)
from pbgdpl.laws.services import document_create, document_update
from tests.factories import LegalDocumentFactory, UserFactory
from tests.portal.factories import guidance_page, section_page

pytestmark = pytest.mark.django_db


def feed(client, **params):
    response = client.get("/api/v1/exchange/changes", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_creating_a_document_publishes_version_one_with_its_hash(client):
    doc = document_create(title="Luật Hộ tịch", number="60/2014/QH13", origin="manual")
    body = feed(client, types="laws.document")
    [entry] = body["items"]
    assert entry["uri"] == f"{node_base_url()}/id/laws.document/{doc.uuid}"
    assert entry["op"] == "upsert" and entry["version"] == 1
    assert entry["data"]["number"] == "60/2014/QH13"
    assert entry["hash"] == content_hash(entry["data"])
    assert entry["origin"] == node_base_url() and entry["licence"]
    assert body["next"] == entry["seq"] and body["has_more"] is False


def test_edits_raise_the_version_and_an_unchanged_save_does_not(client):
    doc = document_create(title="Luật Hộ tịch", number="60/2014/QH13", origin="manual")
    admin = UserFactory(is_superuser=True)
    document_update(document=doc, user=admin, title="Luật Hộ tịch (sửa tên)")
    item = SharedItem.objects.get(local_id=str(doc.pk), type="laws.document")
    assert item.version == 2 and item.data["title"] == "Luật Hộ tịch (sửa tên)"
    assert exchange_publish(type="laws.document", local_ids=[doc.pk]) == 0
    assert SharedItem.objects.get(pk=item.pk).version == 2
    # Every version is in the history; the feed holds the latest only.
    assert list(ItemChange.objects.filter(uri=item.uri).values_list("version", flat=True)) == [1, 2]
    assert len(feed(client, types="laws.document")["items"]) == 1


def test_unpublished_page_becomes_a_tombstone_that_stays(client):
    page = guidance_page(parent=section_page(), title="Đăng ký khai sinh")
    entry = feed(client, types="portal.page")["items"][0]
    assert entry["op"] == "upsert" and entry["data"]["title"] == "Đăng ký khai sinh"
    assert entry["data"]["url"].endswith(page.url)
    page.unpublish()
    body = feed(client, types="portal.page", after=entry["seq"])
    [tomb] = body["items"]
    assert tomb["uri"] == entry["uri"] and tomb["op"] == "delete"
    assert tomb["version"] == entry["version"] + 1 and tomb["data"] == {}
    page.delete()
    assert SharedItem.objects.get(uri=entry["uri"]).deleted  # forever


def test_cursor_paging_returns_each_item_once_in_order(client):
    docs = [LegalDocumentFactory() for _ in range(7)]
    exchange_publish(type="laws.document", local_ids=[d.pk for d in docs])
    seen, after = [], 0
    while True:
        body = feed(client, types="laws.document", after=after, limit=3)
        seen += [e["uri"] for e in body["items"]]
        seqs = [e["seq"] for e in body["items"]]
        assert seqs == sorted(seqs) and all(s > after for s in seqs)
        after = body["next"]
        if not body["has_more"]:
            break
    assert len(seen) == len(set(seen)) == SharedItem.objects.filter(type="laws.document").count()
    assert feed(client, types="laws.document", after=after)["items"] == []


@pytest.mark.parametrize(
    "params",
    [{"after": "-1"}, {"after": "abc"}, {"limit": "0"}, {"limit": "5000"}, {"offset": "2"}],
)
def test_bad_parameters_get_a_clear_error(client, params):
    response = client.get("/api/v1/exchange/changes", params)
    if "offset" in params:
        # Offsets do not exist: ignored, cursor paging only.
        assert response.status_code == 200
    else:
        assert response.status_code == 422
        assert "detail" in response.json()


def test_unknown_type_is_refused(client):
    response = client.get("/api/v1/exchange/changes", {"types": "khong.co"})
    assert response.status_code == 422 and "khong.co" in response.json()["detail"]


@pytest.fixture
def secret_type():
    before = registered_types()

    def fetch(ids):
        return [
            SharedRecord(
                local_id=i,
                uuid=__import__("uuid").uuid5(__import__("uuid").NAMESPACE_URL, i),
                data={"n": i},
                updated_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
            for i in ids
        ]

    register(
        ExchangeType(
            name="test.secret",
            title="x",
            schema={"type": "object"},
            fetch=fetch,
            all_ids=lambda: ["1", "2"],
            public=False,
        )
    )
    yield "test.secret"
    from pbgdpl.exchange import registry

    registry._TYPES.clear()
    registry._TYPES.update(before)


def test_restricted_types_need_a_peer_token(client, secret_type):
    assert exchange_publish_all(type=secret_type) == 2
    assert client.get("/api/v1/exchange/changes", {"types": secret_type}).status_code == 403
    assert all(e["type"] != secret_type for e in feed(client)["items"])
    token = "bi-mat-cua-nut-b"
    AccessToken.objects.create(name="Nút B", token_hash=hashlib.sha256(token.encode()).hexdigest())
    response = client.get(
        "/api/v1/exchange/changes", {"types": secret_type}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200 and len(response.json()["items"]) == 2
    wrong = client.get(
        "/api/v1/exchange/changes", {"types": secret_type}, HTTP_AUTHORIZATION="Bearer sai"
    )
    assert wrong.status_code == 403


def test_schemas_are_published(client):
    body = client.get("/api/v1/exchange/schemas").json()
    assert {"laws.document", "portal.page"} <= set(body)
    assert body["laws.document"]["schema"]["required"]


def _received(uri, version, op="upsert", origin="https://tinh-khac.example.vn", data=None):
    data = {"title": "x"} if data is None else data
    return ReceivedItem(
        uri=uri,
        type="laws.document",
        op=op,
        version=version,
        hash=content_hash(data),
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
        origin=origin,
        data=data,
    )


def test_receiving_is_idempotent_by_uri_and_version_and_never_takes_back_our_own():
    peer = Peer.objects.create(name="tinh-khac", base_url="https://tinh-khac.example.vn")
    uri = "https://tinh-khac.example.vn/id/laws.document/0b5c3f4e-1111-4a4a-9c9c-000000000001"
    assert exchange_item_receive(peer=peer, item=_received(uri, 1)) == "applied"
    assert exchange_item_receive(peer=peer, item=_received(uri, 1)) == "unchanged"
    assert (
        exchange_item_receive(peer=peer, item=_received(uri, 3, data={"title": "y"})) == "applied"
    )
    assert exchange_item_receive(peer=peer, item=_received(uri, 2)) == "unchanged"  # older
    assert SharedItem.objects.get(uri=uri).data == {"title": "y"}
    assert (
        exchange_item_receive(peer=peer, item=_received(uri, 4, op="delete", data={})) == "applied"
    )
    assert SharedItem.objects.get(uri=uri).deleted
    own = _received(
        f"{node_base_url()}/id/laws.document/0b5c3f4e-1111-4a4a-9c9c-000000000002",
        9,
        origin=node_base_url(),
    )
    assert exchange_item_receive(peer=peer, item=own) == "own"
    doc = document_create(title="Của ta", number="1/2026/QH15", origin="manual")
    ours = SharedItem.objects.get(local_id=str(doc.pk))
    with pytest.raises(ItemRejected):
        exchange_item_receive(peer=peer, item=_received(ours.uri, 99))
    assert SharedItem.objects.get(pk=ours.pk).version == 1


LAW_TEXT_V1 = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về hòa giải ở cơ sở.
Điều 2. Giải thích từ ngữ
1. Hòa giải ở cơ sở là việc hòa giải viên giúp các bên đạt được thỏa thuận.
2. Hòa giải viên là người được công nhận.
"""


def test_articles_of_a_document_text_are_shared_and_follow_new_versions(client):
    from pbgdpl.laws.parsers import structure_parse_text
    from pbgdpl.laws.services import document_text_save

    doc = document_create(title="Luật Hòa giải ở cơ sở", number="35/2013/QH13", origin="manual")
    document_text_save(document=doc, nodes=structure_parse_text(LAW_TEXT_V1).provisions)
    items = SharedItem.objects.filter(type="laws.provision", peer__isnull=True)
    assert items.count() == 2
    second = items.get(data__label="Điều 2")
    assert "Hòa giải viên là người được công nhận." in second.data["text"]
    assert second.data["document"]["number"] == "35/2013/QH13"
    assert second.data["url"].startswith("http") and "#" in second.data["url"]
    # A new text: the changed article gets a new version under the same URI, the removed
    # one a tombstone, the unchanged one nothing.
    v2 = LAW_TEXT_V1.replace("được công nhận.", "được Ủy ban nhân dân cấp xã công nhận.")
    v2 = v2.split("Điều 1.")[0] + "Điều 2." + v2.split("Điều 2.")[1]
    document_text_save(document=doc, nodes=structure_parse_text(v2).provisions)
    second_now = SharedItem.objects.get(pk=second.pk)
    assert second_now.uri == second.uri and second_now.version == 2
    assert "Ủy ban nhân dân cấp xã" in second_now.data["text"]
    first = items.exclude(pk=second.pk).get()  # Điều 1, removed from the text
    assert first.deleted and first.version == 2
    body = client.get("/api/v1/exchange/changes", {"types": "laws.provision"}).json()
    assert {e["op"] for e in body["items"]} == {"upsert", "delete"}
