"""Warehouse items on the public site: our URIs resolve, pulled items are shown
read-only with their provenance and are searchable; deleted ones answer 410."""

from datetime import UTC, datetime

import pytest

from pbgdpl.exchange.canonical import content_hash
from pbgdpl.exchange.models import Peer, SharedItem
from pbgdpl.exchange.services import ReceivedItem, exchange_item_receive
from pbgdpl.laws.services import document_create
from tests.portal.factories import guidance_page, section_page

pytestmark = pytest.mark.django_db

ORIGIN = "https://tinh-khac.example.vn"
UUID = "3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
URI = f"{ORIGIN}/id/portal.page/{UUID}"


def receive(version=1, op="upsert", data=None):
    peer, _ = Peer.objects.get_or_create(name="tinh-khac", defaults={"base_url": ORIGIN})
    data = (
        {
            "title": "Hướng dẫn đăng ký kết hôn",
            "kind": "guidancepage",
            "kind_label": "Bài hướng dẫn pháp luật",
            "language": "vi",
            "date": "2026-03-01",
            "summary": "Thủ tục đăng ký kết hôn tại Ủy ban nhân dân xã.",
            "text": "Hai bên nam nữ nộp tờ khai.\nCán bộ tư pháp ghi vào Sổ hộ tịch.",
            "url": f"{ORIGIN}/huong-dan/ket-hon/",
            "fields": ["Hộ tịch"],
        }
        if data is None
        else data
    )
    item = ReceivedItem(
        uri=URI,
        type="portal.page",
        op=op,
        version=version,
        hash=content_hash(data),
        updated_at=datetime(2026, 3, 1, tzinfo=UTC),
        origin=ORIGIN,
        data=data,
        licence="CC BY 4.0",
    )
    return exchange_item_receive(peer=peer, item=item)


def test_pulled_item_is_shown_read_only_with_its_source(client):
    assert receive() == "applied"
    html = client.get(f"/nguon-khac/portal.page/{UUID}/").content.decode()
    assert "Hướng dẫn đăng ký kết hôn" in html
    assert "Nguồn:" in html and ORIGIN in html and "CC BY 4.0" in html
    assert "Cán bộ tư pháp ghi vào Sổ hộ tịch." in html
    assert f'href="{ORIGIN}/huong-dan/ket-hon/"' in html


def test_pulled_item_is_searchable_and_leaves_search_when_deleted(client):
    from pbgdpl.search.selectors import SearchRequest, search_run

    receive()
    found = search_run(SearchRequest(q="đăng ký kết hôn", kind="shared"))
    assert [r["url"] for r in found.results] == [f"/nguon-khac/portal.page/{UUID}/"]
    receive(version=2, op="delete", data={})
    assert search_run(SearchRequest(q="đăng ký kết hôn", kind="shared")).results == []
    response = client.get(f"/nguon-khac/portal.page/{UUID}/")
    assert response.status_code == 410 and "đã bị gỡ" in response.content.decode()


def test_our_uri_resolves_to_the_page_or_json_and_410_once_deleted(client):
    page = guidance_page(parent=section_page(), title="Khai sinh")
    item = SharedItem.objects.get(type="portal.page", local_id=str(page.pk))
    path = item.uri.split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{path}")
    assert response.status_code == 302 and response["Location"].endswith(page.url)
    as_json = client.get(f"/{path}", HTTP_ACCEPT="application/json")
    assert as_json.status_code == 200 and as_json.json()["version"] == item.version
    page.unpublish()
    assert client.get(f"/{path}").status_code == 410
    assert client.get(f"/{path}", HTTP_ACCEPT="application/json").json()["op"] == "delete"


def test_unknown_items_are_404(client):
    assert client.get(f"/id/portal.page/{UUID}").status_code == 404  # not ours
    assert client.get(f"/nguon-khac/portal.page/{UUID}/").status_code == 404  # never pulled
    assert client.get("/id/portal.page/khong-phai-uuid").status_code == 404
    doc = document_create(title="Luật", number="2/2026/QH15", origin="manual")
    item = SharedItem.objects.get(local_id=str(doc.pk), type="laws.document")
    # Our own item is not a "pulled item" page.
    assert client.get(f"/nguon-khac/laws.document/{item.uuid}/").status_code == 404
