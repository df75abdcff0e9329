"""Harvesting OAI-PMH repositories (adapters/oai.py): against recorded responses of a
DSpace-like repository (fixtures/oai/, served by a fake ``requests`` session) and against
this node's own provider (the Django test client wrapped as a session)."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from uuid import NAMESPACE_URL, uuid5

import pytest
import requests
from requests.structures import CaseInsensitiveDict

from pbgdpl.exchange.adapters.base import PeerError, PeerProtocolError, adapter_for
from pbgdpl.exchange.canonical import content_hash
from pbgdpl.exchange.models import Peer, SharedItem
from pbgdpl.exchange.oai import oai_base_url
from pbgdpl.exchange.pull import entry_validate, exchange_pull
from pbgdpl.exchange.registry import exchange_type_get
from pbgdpl.laws.models import LegalDocument
from pbgdpl.laws.services import document_create, document_update
from tests.factories import UserFactory
from tests.portal.factories import guidance_page, section_page

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "oai"
BASE = "https://kho.dhluat.example.edu.vn/server/oai/request"
FIRST_HARVEST = "2026-03-02T08:15:27Z"  # responseDate of listrecords-page1.xml
SECOND_HARVEST = "2026-03-09T08:00:03Z"  # responseDate of listrecords-incremental.xml
THIRD_HARVEST = "2026-03-16T08:00:01Z"  # responseDate of norecordsmatch.xml


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class FakeResponse:
    def __init__(self, status: int = 200, body: bytes = b"", headers: dict | None = None):
        self.status_code = status
        self.body = body
        self.headers = CaseInsensitiveDict({"Content-Type": "text/xml;charset=UTF-8"})
        self.headers.update(headers or {})
        self.closed = False

    def iter_content(self, chunk_size: int):
        for start in range(0, len(self.body), chunk_size):
            yield self.body[start : start + chunk_size]

    def close(self):
        self.closed = True


class RepositorySession:
    """A DSpace-like repository replayed from the fixture files; records every request."""

    def __init__(self, *, day_granularity: bool = False):
        self.calls: list[dict] = []
        self.day_granularity = day_granularity

    def route(self, params: dict) -> FakeResponse:
        if params.get("verb") != "ListRecords":
            return FakeResponse(400, b"bad verb")
        token = params.get("resumptionToken")
        if token == "oai_dc////2":
            return FakeResponse(200, fixture("listrecords-page2.xml"))
        if token is not None:
            return FakeResponse(200, fixture("error-badresumptiontoken.xml"))
        if "set" in params:
            return FakeResponse(200, fixture("error-nosethierarchy.xml"))
        since = params.get("from")
        if since and self.day_granularity and "T" in since:
            return FakeResponse(200, fixture("error-badargument-granularity.xml"))
        if since is None:
            return FakeResponse(200, fixture("listrecords-page1.xml"))
        if since[:10] < SECOND_HARVEST[:10]:
            return FakeResponse(200, fixture("listrecords-incremental.xml"))
        return FakeResponse(200, fixture("norecordsmatch.xml"))

    def get(self, url, *, params=None, headers=None, timeout=None, stream=False):
        self.calls.append({"url": url, "params": dict(params or {}), "headers": headers})
        assert url == BASE and stream and timeout
        return self.route(dict(params or {}))


class ScriptSession:
    """Answers each request with the next scripted response (or raises it)."""

    def __init__(self, *script):
        self.script = list(script)
        self.calls: list[dict] = []

    def get(self, url, *, params=None, headers=None, timeout=None, stream=False):
        self.calls.append(dict(params or {}))
        answer = self.script.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


class ClientSession:
    """This node's own /oai through the Django test client, as a ``requests`` session."""

    def __init__(self, client):
        self.client = client
        self.calls: list[dict] = []

    def get(self, url, *, params=None, headers=None, timeout=None, stream=False):
        self.calls.append(dict(params or {}))
        response = self.client.get(urlsplit(url).path, params or {})
        return FakeResponse(
            response.status_code, response.content, {"Content-Type": response["Content-Type"]}
        )


@pytest.fixture(autouse=True)
def _fast(settings):
    settings.EXCHANGE_BACKOFF_SECONDS = 0
    settings.EXCHANGE_LOCK_WAIT_SECONDS = 0
    settings.EXCHANGE_RETRIES = 1


@pytest.fixture
def peer():
    return Peer.objects.create(name="kho-dhluat", base_url=BASE, kind=Peer.Kind.OAI)


def uri_of(identifier: str) -> str:
    return f"{BASE}/id/oai.record/{uuid5(NAMESPACE_URL, identifier)}"


def epoch(stamp: str) -> int:
    return int(datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())


# --------------------------------------------------------------------------- the adapter


def test_fetch_follows_tokens_then_harvests_incrementally(peer):
    session = RepositorySession()
    adapter = adapter_for(peer, session=session)
    first = adapter.fetch("", limit=200)
    assert session.calls[0]["params"] == {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
    assert len(first.items) == 2 and first.has_more
    assert json.loads(first.next_cursor) == {"token": "oai_dc////2", "harvest": FIRST_HARVEST}
    second = adapter.fetch(first.next_cursor, limit=200)
    assert session.calls[1]["params"] == {"verb": "ListRecords", "resumptionToken": "oai_dc////2"}
    assert [e["op"] for e in second.items] == ["upsert", "delete"] and not second.has_more
    # The list is complete: the next run asks for what changed since its first page.
    assert json.loads(second.next_cursor) == {"from": FIRST_HARVEST}
    third = adapter.fetch(second.next_cursor, limit=200)
    assert session.calls[2]["params"] == {
        "verb": "ListRecords",
        "metadataPrefix": "oai_dc",
        "from": FIRST_HARVEST,
    }
    assert len(third.items) == 2 and not third.has_more
    assert json.loads(third.next_cursor) == {"from": SECOND_HARVEST}
    # noRecordsMatch: an empty, complete list, not an error.
    fourth = adapter.fetch(third.next_cursor, limit=200)
    assert session.calls[3]["params"]["from"] == SECOND_HARVEST
    assert fourth.items == [] and not fourth.has_more
    assert json.loads(fourth.next_cursor) == {"from": THIRD_HARVEST}
    assert all(c["headers"]["Accept"].startswith("text/xml") for c in session.calls)


def test_records_become_valid_entries_of_our_feed(peer):
    adapter = adapter_for(peer, session=RepositorySession())
    first = adapter.fetch("", limit=200)
    entries = first.items + adapter.fetch(first.next_cursor, limit=200).items
    thesis, article, other, deleted = entries
    assert thesis["uri"] == uri_of("oai:kho.dhluat.example.edu.vn:123456789/1001")
    assert thesis["type"] == "oai.record" and thesis["origin"] == BASE
    assert thesis["version"] == epoch("2025-11-04T03:12:45Z")
    assert thesis["updated_at"] == "2025-11-04T03:12:45+00:00"
    assert thesis["hash"] == content_hash(thesis["data"])
    assert thesis["licence"] == "CC BY-NC 4.0"
    data = thesis["data"]
    assert data["identifier"] == "oai:kho.dhluat.example.edu.vn:123456789/1001"
    assert data["datestamp"] == "2025-11-04T03:12:45Z" and data["repository"] == BASE
    assert data["sets"] == ["com_123456789_1", "col_123456789_12"]
    assert data["title"] == [
        "Hoàn thiện pháp luật về hòa giải ở cơ sở trong giai đoạn chuyển đổi số"
    ]
    assert data["subject"] == ["Hòa giải ở cơ sở", "Phổ biến, giáo dục pháp luật"]
    assert data["date"] == ["2025-10-28T09:00:00Z", "2025"]
    assert data["dc_identifier"] == ["https://kho.dhluat.example.edu.vn/handle/123456789/1001"]
    assert "format" not in data and "coverage" not in data
    assert other["data"]["creator"] == ["Phạm Minh Châu", "Đặng Hoài Nam"]
    assert "91/2025/QH15 & các văn bản" in other["data"]["description"][0]
    assert article["licence"] == ""
    assert deleted["op"] == "delete" and deleted["data"] == {}
    assert deleted["uri"] == uri_of("oai:kho.dhluat.example.edu.vn:123456789/987")
    assert deleted["version"] == epoch("2026-02-01T07:45:10Z")
    # Every entry passes the puller's checks (envelope, hash, the oai.record schema).
    for entry in entries:
        received = entry_validate(entry, peer=peer)
        assert received.uri == entry["uri"] and received.origin == BASE
    # The Dublin Core goes back out unchanged when this node serves the record again.
    dublin_core = exchange_type_get("oai.record").dublin_core
    assert dublin_core(data)["identifier"] == data["dc_identifier"]
    assert dublin_core(data)["subject"] == data["subject"]


def test_a_set_is_asked_for_and_oai_errors_are_protocol_errors(peer):
    peer.options = {"set": "col_999"}
    session = RepositorySession()
    with pytest.raises(PeerProtocolError) as caught:
        adapter_for(peer, session=session).fetch("", limit=200)
    assert session.calls[0]["params"]["set"] == "col_999"
    assert "noSetHierarchy" in str(caught.value)
    assert "This repository does not support sets" in str(caught.value)


def test_a_repository_with_day_granularity_is_asked_again_with_the_day(peer):
    session = RepositorySession(day_granularity=True)
    batch = adapter_for(peer, session=session).fetch(json.dumps({"from": FIRST_HARVEST}), limit=200)
    assert [c["params"]["from"] for c in session.calls] == [FIRST_HARVEST, FIRST_HARVEST[:10]]
    assert len(batch.items) == 2
    assert json.loads(batch.next_cursor) == {"from": SECOND_HARVEST}


def test_an_expired_token_restarts_the_list_on_the_next_run(peer):
    adapter = adapter_for(peer, session=RepositorySession())
    cursor = json.dumps({"token": "het-han", "harvest": FIRST_HARVEST, "from": "2026-01-01"})
    batch = adapter.fetch(cursor, limit=200)
    assert batch.items == [] and not batch.has_more and batch.notes
    assert json.loads(batch.next_cursor) == {"from": "2026-01-01"}
    never = adapter.fetch(json.dumps({"token": "het-han", "harvest": FIRST_HARVEST}), limit=200)
    assert never.next_cursor == ""  # a list begun without from starts from the beginning


@pytest.mark.parametrize(
    ("answer", "error", "words"),
    [
        (requests.ConnectionError("từ chối kết nối"), PeerError, "Không kết nối được"),
        (requests.Timeout("hết giờ"), PeerError, "Quá thời gian chờ"),
        (FakeResponse(503, b"busy", {"Retry-After": "30"}), PeerError, "HTTP 503"),
        (FakeResponse(429, b""), PeerError, "HTTP 429"),
        (FakeResponse(404, b"<html>Not Found</html>"), PeerProtocolError, "HTTP 404"),
        (FakeResponse(200, b'{"items": []}'), PeerProtocolError, "không phải XML"),
        (
            FakeResponse(200, "<html><body>Trang chủ</body></html>".encode()),
            PeerProtocolError,
            "OAI-PMH",
        ),
        (
            FakeResponse(
                200,
                b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
                b"<responseDate>2026-03-02T08:15:27Z</responseDate></OAI-PMH>",
            ),
            PeerProtocolError,
            "không có ListRecords",
        ),
    ],
)
def test_failures_are_peer_or_protocol_errors(peer, answer, error, words):
    with pytest.raises(error) as caught:
        adapter_for(peer, session=ScriptSession(answer)).fetch("", limit=200)
    assert words in str(caught.value)
    if isinstance(answer, FakeResponse) and answer.status_code == 503:
        assert caught.value.retry_after == 30
    if isinstance(answer, FakeResponse):
        assert answer.closed


def test_responses_over_the_size_cap_are_refused(peer, settings):
    settings.EXCHANGE_MAX_RESPONSE_BYTES = 1000
    answer = FakeResponse(200, fixture("listrecords-page1.xml"))
    with pytest.raises(PeerProtocolError, match="quá lớn"):
        adapter_for(peer, session=ScriptSession(answer)).fetch("", limit=200)


def test_external_entities_are_never_resolved(peer, tmp_path):
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("NOI-DUNG-BI-MAT")
    body = (
        fixture("listrecords-page2.xml")
        .replace(
            b"<OAI-PMH ",
            f'<!DOCTYPE OAI-PMH [<!ENTITY xxe SYSTEM "file://{secret}">]>\n<OAI-PMH '.encode(),
            1,
        )
        .replace(
            b"<dc:creator>Ph\xe1\xba\xa1m Minh Ch\xc3\xa2u</dc:creator>",
            b"<dc:creator>&xxe;</dc:creator>",
        )
    )
    session = ScriptSession(FakeResponse(200, body))
    batch = adapter_for(peer, session=session).fetch("", limit=200)
    text = json.dumps(batch.items, ensure_ascii=False)
    assert "NOI-DUNG-BI-MAT" not in text and "&xxe;" not in text
    assert batch.items[0]["data"]["creator"] == ["Đặng Hoài Nam"]


def test_unreadable_records_are_left_out_with_a_note(peer):
    body = fixture("listrecords-page2.xml").replace(
        b"<identifier>oai:kho.dhluat.example.edu.vn:123456789/1003</identifier>",
        b"<identifier></identifier>",
    )
    batch = adapter_for(peer, session=ScriptSession(FakeResponse(200, body))).fetch("", limit=200)
    assert [e["op"] for e in batch.items] == ["delete"]
    assert len(batch.notes) == 1 and "bỏ qua" in batch.notes[0]


def test_a_garbled_cursor_is_a_protocol_error(peer):
    for cursor in ("42", "{không phải json", '{"from": 5}'):
        with pytest.raises(PeerProtocolError, match="Con trỏ"):
            adapter_for(peer, session=RepositorySession()).fetch(cursor, limit=200)


def test_an_overlong_token_cannot_become_a_cursor(peer):
    body = fixture("listrecords-page1.xml").replace(b"oai_dc////2", b"x" * 400)
    with pytest.raises(PeerProtocolError, match="quá dài"):
        adapter_for(peer, session=ScriptSession(FakeResponse(200, body))).fetch("", limit=200)


# --------------------------------------------------------------------------- pulling


def harvested(peer):
    return SharedItem.objects.filter(peer=peer, type="oai.record")


def test_pulling_a_repository_end_to_end(peer):
    run = exchange_pull(peer=peer, session=RepositorySession())
    assert run.error == "" and run.batches == 2 and run.received == 4 and run.applied == 4
    assert run.rejected == 0
    items = {i.uri: i for i in harvested(peer)}
    assert len(items) == 4
    thesis = items[uri_of("oai:kho.dhluat.example.edu.vn:123456789/1001")]
    assert thesis.origin == BASE and thesis.licence == "CC BY-NC 4.0" and not thesis.deleted
    assert thesis.updated_at == datetime(2025, 11, 4, 3, 12, 45, tzinfo=UTC)
    assert items[uri_of("oai:kho.dhluat.example.edu.vn:123456789/987")].deleted
    peer.refresh_from_db()
    assert json.loads(peer.cursor) == {"from": FIRST_HARVEST}
    assert peer.state == Peer.State.IDLE and peer.received_count == 4

    # The next run asks for the changes only: one deletion, one update.
    run = exchange_pull(peer=peer, session=RepositorySession())
    assert run.error == "" and run.applied == 2
    deleted = SharedItem.objects.get(uri=uri_of("oai:kho.dhluat.example.edu.vn:123456789/1001"))
    assert deleted.deleted and deleted.data == {} and deleted.version > thesis.version
    updated = SharedItem.objects.get(uri=uri_of("oai:kho.dhluat.example.edu.vn:123456789/1002"))
    assert updated.data["title"][0].endswith("(bản sửa)")
    assert updated.data["subject"] == ["Dân sự", "Bồi thường thiệt hại"]

    # Nothing new: noRecordsMatch is a successful, empty run.
    session = RepositorySession()
    run = exchange_pull(peer=peer, session=session)
    assert run.error == "" and run.received == 0
    assert session.calls[0]["params"]["from"] == SECOND_HARVEST
    peer.refresh_from_db()
    assert json.loads(peer.cursor) == {"from": THIRD_HARVEST}
    assert harvested(peer).count() == 4

    # A full reconciliation reads everything again, changes nothing older than what it
    # holds, and leaves the incremental harvest where it was.
    before = {i.uri: (i.version, i.hash, i.deleted) for i in harvested(peer)}
    run = exchange_pull(peer=peer, session=RepositorySession(), full=True)
    assert run.error == "" and run.received == 4 and run.applied == 0
    assert {i.uri: (i.version, i.hash, i.deleted) for i in harvested(peer)} == before
    peer.refresh_from_db()
    assert json.loads(peer.cursor) == {"from": THIRD_HARVEST}


def test_a_failing_repository_leaves_a_clear_error_and_the_data_intact(peer):
    exchange_pull(peer=peer, session=RepositorySession())
    before = {i.uri: i.hash for i in harvested(peer)}
    peer.refresh_from_db()
    cursor = peer.cursor
    peer.options = {"set": "col_999"}
    peer.save()
    run = exchange_pull(peer=peer, session=RepositorySession())
    assert "noSetHierarchy" in run.error
    peer.refresh_from_db()
    assert peer.state == Peer.State.FAILED and "noSetHierarchy" in peer.last_error
    assert peer.cursor == cursor
    assert {i.uri: i.hash for i in harvested(peer)} == before
    down = ScriptSession(requests.ConnectionError("mất mạng"), requests.ConnectionError("mất mạng"))
    run = exchange_pull(peer=peer, session=down)  # tried twice (EXCHANGE_RETRIES = 1)
    assert len(down.calls) == 2
    assert "Không kết nối được kho OAI-PMH kho-dhluat" in run.error


def test_paging_stops_after_max_batches_and_resumes_from_the_stored_token(peer):
    run = exchange_pull(peer=peer, session=RepositorySession(), max_batches=1)
    assert run.batches == 1 and harvested(peer).count() == 2
    peer.refresh_from_db()
    assert json.loads(peer.cursor)["token"] == "oai_dc////2"
    session = RepositorySession()
    exchange_pull(peer=peer, session=session)
    assert session.calls[0]["params"] == {"verb": "ListRecords", "resumptionToken": "oai_dc////2"}
    assert harvested(peer).count() == 4
    peer.refresh_from_db()
    assert json.loads(peer.cursor) == {"from": FIRST_HARVEST}


# --------------------------------------------------------------------------- ourselves


def test_harvesting_our_own_provider_gives_every_public_item(client, settings):
    settings.EXCHANGE_OAI_PAGE_SIZE = 3
    for i in range(6):
        document_create(
            title=f"Nghị định thử nghiệm {i}",
            number=f"{i + 10}/2025/NĐ-CP",
            origin="manual",
            fields=["Hộ tịch"] if i % 2 else [],
        )
    guidance_page(parent=section_page(), title="Hướng dẫn đăng ký thường trú")
    gone = guidance_page(parent=section_page(), title="Bài đã gỡ")
    gone.unpublish()
    # Datestamps in the past: the harvest's own date comes after all of them.
    start = datetime(2025, 6, 1, tzinfo=UTC)
    for n, item in enumerate(SharedItem.objects.order_by("seq")):
        SharedItem.objects.filter(pk=item.pk).update(
            updated_at=start + timedelta(minutes=n), changed_at=start + timedelta(minutes=n)
        )
    ours = {i.uri: i for i in SharedItem.objects.filter(peer__isnull=True)}
    assert len(ours) == 8 and sum(i.deleted for i in ours.values()) == 1

    peer = Peer.objects.create(name="chinh-minh", base_url=oai_base_url(), kind=Peer.Kind.OAI)
    session = ClientSession(client)
    run = exchange_pull(peer=peer, session=session)
    assert run.error == "" and run.batches == 3 and run.received == 8 and run.rejected == 0
    copies = list(harvested(peer))
    assert len(copies) == len(ours)
    live = {c.data["identifier"]: c for c in copies if not c.deleted}
    assert set(live) == {uri for uri, item in ours.items() if not item.deleted}
    assert sum(c.deleted for c in copies) == 1
    for uri, copy in live.items():
        assert copy.uri == f"{oai_base_url()}/id/oai.record/{uuid5(NAMESPACE_URL, uri)}"
        assert copy.hash == content_hash(copy.data) and copy.origin == oai_base_url()
        assert copy.data["title"] == [ours[uri].data["title"]]
        assert copy.updated_at == ours[uri].updated_at.replace(microsecond=0)
        assert copy.data["repository"] == oai_base_url()
    with_field = [c for c in live.values() if "field:ho-tich" in c.data.get("sets", [])]
    assert len(with_field) == 3

    # Nothing changed since: the incremental run finds no records.
    run = exchange_pull(peer=peer, session=session)
    assert run.error == "" and run.received == 0
    assert "from" in session.calls[-1]

    # An edit here is harvested by the next run, and only it.
    doc_item = next(i for i in ours.values() if i.type == "laws.document")
    document_update(
        document=LegalDocument.objects.get(pk=doc_item.local_id),
        user=UserFactory(is_superuser=True),
        title="Nghị định thử nghiệm (đã sửa)",
    )
    run = exchange_pull(peer=peer, session=session)
    assert run.error == "" and run.received == 1 and run.applied == 1
    edited = SharedItem.objects.get(pk=live[doc_item.uri].pk)
    assert edited.data["title"] == ["Nghị định thử nghiệm (đã sửa)"]
    assert harvested(peer).count() == len(ours)
