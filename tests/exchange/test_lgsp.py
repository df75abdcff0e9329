"""The LGSP adapter against recorded exchanges with a provincial LGSP gateway
(tests/exchange/fixtures/lgsp/*.json): token auth with AppName/AccessKey/SecretKey,
key paging in update order, mapping to ``laws.document`` entries, updates, deletions,
an expired token renewed once, error envelopes and transport failures; then whole pulls
through the real pull engine."""

import json
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from uuid import NAMESPACE_URL, uuid5
from zoneinfo import ZoneInfo

import pytest
import requests
from jsonschema import Draft202012Validator
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from pbgdpl.exchange.adapters.base import PeerError, PeerProtocolError, adapter_for, adapter_kinds
from pbgdpl.exchange.adapters.lgsp import LgspAdapter, parse_lgsp_datetime
from pbgdpl.exchange.canonical import content_hash
from pbgdpl.exchange.models import Peer, RejectedItem, SharedItem
from pbgdpl.laws.exchange_types import DOCUMENT_SCHEMA

FIXTURES = Path(__file__).parent / "fixtures" / "lgsp"
BASE = "https://lgsp.gialai.gov.vn"
LIST = "/vbqppl/1.0/van-ban"
VN = ZoneInfo("Asia/Ho_Chi_Minh")
OPTIONS = {
    "app_name": "PBGDPL_GIALAI",
    "access_key": "ak-7f3c2e91",
    "secret_key": "sk-5b8d04a6e2",
    "token_path": "/token",
    "list_path": LIST,
    "page_size": 4,
}
# The cursor after the initial pull: the last record's NgayCapNhat and Id.
END_OF_INITIAL = f"{int(datetime(2025, 8, 28, 15, 10, tzinfo=VN).timestamp())}|20540"


# --------------------------------------------------------------------------- the fake LGSP


class Cassette(BaseAdapter):
    """A requests transport that replays recorded interactions in order: each request
    must match the next recording (method, path, query, JSON body, recorded headers),
    otherwise the test fails with both side by side."""

    def __init__(self, interactions: list[dict]) -> None:
        super().__init__()
        self.interactions = list(interactions)
        self.position = 0
        self.requests: list[requests.PreparedRequest] = []

    def send(self, request, **kwargs):
        self.requests.append(request)
        assert self.position < len(self.interactions), f"unexpected request {request.url}"
        recorded = self.interactions[self.position]
        self.position += 1
        expected = recorded["request"]
        url = urlsplit(request.url)
        seen = {
            "method": request.method,
            "path": url.path,
            "params": {k: v[0] for k, v in parse_qs(url.query).items()},
        }
        wanted = {
            "method": expected["method"],
            "path": expected["path"],
            "params": expected.get("params", {}),
        }
        assert seen == wanted, (seen, wanted)
        if "json" in expected:
            assert json.loads(request.body) == expected["json"]
        for name, value in expected.get("headers", {}).items():
            assert request.headers.get(name) == value, (name, request.headers.get(name), value)
        answer = recorded["response"]
        if "raise" in answer:
            raise getattr(requests, answer["raise"])("lỗi mạng giả lập")
        response = requests.Response()
        response.status_code = answer["status"]
        response.headers = CaseInsensitiveDict(answer.get("headers", {}))
        body = answer.get("body")
        response._content = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        response._content_consumed = True
        response.url = request.url
        response.request = request
        return response

    def close(self) -> None:
        pass

    def done(self) -> bool:
        return self.position == len(self.interactions)


def cassette(name: str) -> Cassette:
    return Cassette(json.loads((FIXTURES / name).read_text(encoding="utf-8"))["interactions"])


def session_for(transport: Cassette) -> requests.Session:
    session = requests.Session()
    session.mount(BASE, transport)
    return session


def token_ok(token: str = "tok") -> dict:  # noqa: S107 - a fake token
    return {
        "request": {"method": "POST", "path": "/token"},
        "response": {"status": 200, "body": {"access_token": token, "expires_in": 3600}},
    }


def list_call(body, *, status: int = 200, token: str = "tok", **params) -> dict:  # noqa: S107
    query = {"pageSize": "4", "sortBy": "NgayCapNhat", "sortOrder": "asc", "page": "1"}
    query.update({k: str(v) for k, v in params.items()})
    return {
        "request": {
            "method": "GET",
            "path": LIST,
            "params": query,
            "headers": {"Authorization": f"Bearer {token}"},
        },
        "response": {"status": status, "body": body},
    }


def envelope(items, total=None) -> dict:
    data = {"items": items, "page": 1}
    if total is not None:
        data["total"] = total
    return {"status": "success", "message": "", "data": data}


def record(ident, updated, **fields) -> dict:
    base = {
        "Id": ident,
        "SoKyHieu": "40/2025/QĐ-UBND",
        "TrichYeu": "Quy định thử nghiệm",
        "LoaiVanBan": "Quyết định",
        "NgayCapNhat": updated,
        "DaXoa": False,
    }
    base.update(fields)
    return base


def make_peer(**overrides) -> Peer:
    values = {"name": "lgsp-gia-lai", "base_url": BASE, "kind": "lgsp", "options": dict(OPTIONS)}
    values.update(overrides)
    return Peer(**values)


def fetch_all(adapter: LgspAdapter, cursor: str = "", limit: int = 200):
    """Every batch until the end, as (entries, cursors)."""
    entries, cursors = [], []
    while True:
        batch = adapter.fetch(cursor, limit=limit)
        entries += batch.items
        cursors.append(batch.next_cursor)
        cursor = batch.next_cursor
        if not batch.has_more:
            return entries, cursors


def uri_of(ident) -> str:
    return f"{BASE}/id/laws.document/{uuid5(NAMESPACE_URL, f'{BASE}/{ident}')}"


def epoch(*args) -> int:
    return int(datetime(*args, tzinfo=VN).timestamp())


# --------------------------------------------------------------------------- fetch


def test_lgsp_is_a_registered_peer_kind():
    assert "lgsp" in adapter_kinds()
    assert isinstance(adapter_for(make_peer()), LgspAdapter)


def test_initial_pull_pages_by_update_date_without_losing_equal_timestamps():
    transport = cassette("khoi_tao.json")
    adapter = LgspAdapter(make_peer(), session=session_for(transport))
    entries, cursors = fetch_all(adapter)
    assert transport.done()  # one token for the three pages, each page asked as recorded
    ids = [20481, 20482, 20490, 20495, 20496, 20510, 20512, 20530, 20531, 20540]
    # 20495 and 20496 share one NgayCapNhat across the page boundary: both arrive, once.
    assert [e["uri"] for e in entries] == [uri_of(i) for i in ids]
    assert cursors == [
        f"{epoch(2025, 8, 1, 10, 0)}|20495",
        f"{epoch(2025, 8, 12, 7, 30)}|20512",
        END_OF_INITIAL,
    ]
    versions = [e["version"] for e in entries]
    assert versions == sorted(versions)


def test_records_become_valid_laws_document_entries():
    adapter = LgspAdapter(make_peer(), session=session_for(cassette("khoi_tao.json")))
    entries = {e["uri"]: e for e in fetch_all(adapter)[0]}
    validator = Draft202012Validator(DOCUMENT_SCHEMA)
    for entry in entries.values():
        assert list(validator.iter_errors(entry["data"])) == []
        assert entry["hash"] == content_hash(entry["data"])
        assert entry["origin"] == BASE and entry["type"] == "laws.document"
        assert entry["op"] == "upsert"

    first = entries[uri_of(20481)]
    assert first["version"] == 2 * epoch(2025, 7, 21, 8, 15)
    assert first["updated_at"] == "2025-07-21T08:15:00+07:00"
    assert first["data"] == {
        "number": "12/2025/NQ-HĐND",
        "title": (
            "Quy định mức chi bảo đảm cho công tác phổ biến, giáo dục pháp luật, chuẩn tiếp "
            "cận pháp luật của người dân tại cơ sở trên địa bàn tỉnh Gia Lai"
        ),
        "type": "Nghị quyết",
        "issuer": "Hội đồng nhân dân tỉnh Gia Lai",
        "signer": "Hồ Văn Niên",
        "issued_on": "2025-07-10",
        "effective_on": "2025-07-20",
        "expires_on": None,
        "fields": ["Tài chính", "Tư pháp"],
        "eli": "/eli/vn/nghi-quyet/2025/12-2025-nq-hdnd",
        "url": "https://vbpl.gialai.gov.vn/van-ban/20481",
        "source_url": "https://vbpl.gialai.gov.vn/tep/12-2025-nq-hdnd.pdf",
    }
    messy = entries[uri_of(20482)]["data"]
    assert messy["number"] == "15/2025/QĐ-UBND"  # "15/2025/QĐUBND" as the LGSP wrote it
    assert (messy["issued_on"], messy["effective_on"]) == ("2025-07-18", "2025-08-01")
    assert messy["url"] == f"{BASE}/van-ban/20482"  # no link in the record
    dotnet = entries[uri_of(20530)]["data"]  # "/Date(1755104400000+0700)/"
    assert dotnet["issued_on"] == "2025-08-14" and dotnet["number"] == "1234/QĐ-UBND"
    assert dotnet["eli"] == "/eli/vn/quyet-dinh/2025/1234-qd-ubnd"


def test_expired_token_is_renewed_once_and_updates_and_deletions_come_through():
    transport = cassette("cap_nhat.json")
    adapter = LgspAdapter(make_peer(), session=session_for(transport))
    batch = adapter.fetch(END_OF_INITIAL, limit=200)
    assert transport.done()  # 401 → a new token → the same page again with it
    assert not batch.has_more
    assert batch.next_cursor == f"{epoch(2025, 9, 3, 9, 30)}|20510"
    updated, deleted = batch.items  # 20540 (at the cursor) is not sent again
    assert updated["uri"] == uri_of(20490) and updated["op"] == "upsert"
    assert updated["version"] == 2 * epoch(2025, 9, 2, 8, 0)
    assert updated["data"]["title"].endswith("(sửa đổi theo Quyết định số 33/2025/QĐ-UBND)")
    assert updated["data"]["effective_on"] == "2025-09-15"
    assert deleted["uri"] == uri_of(20510) and deleted["op"] == "delete"
    assert deleted["data"] == {} and deleted["hash"] == content_hash({})
    assert deleted["version"] == 2 * epoch(2025, 9, 3, 9, 30) + 1


def test_a_deletion_that_kept_its_update_date_still_wins():
    transport = Cassette(
        [
            token_ok(),
            list_call(envelope([record(7, "2025-09-01T08:00:00")], 1)),
            list_call(envelope([record(7, "2025-09-01T08:00:00", DaXoa=True)], 1)),
        ]
    )
    adapter = LgspAdapter(make_peer(), session=session_for(transport))
    [alive] = adapter.fetch("", limit=200).items
    [gone] = adapter.fetch("", limit=200).items
    assert gone["op"] == "delete" and gone["version"] > alive["version"]


def test_the_error_envelope_stops_with_the_peers_message():
    adapter = LgspAdapter(make_peer(), session=session_for(cassette("loi.json")))
    with pytest.raises(PeerProtocolError) as error:
        adapter.fetch("", limit=200)
    assert "chưa được cấp quyền truy cập dịch vụ danh sách văn bản" in str(error.value)
    assert "lgsp-gia-lai" in str(error.value)


def test_a_second_401_after_renewing_is_refused():
    refused = {"status": "error", "message": "Ứng dụng bị khóa"}
    transport = Cassette(
        [
            token_ok("a"),
            list_call(refused, status=401, token="a"),
            token_ok("b"),
            list_call(refused, status=401, token="b"),
        ]
    )
    adapter = LgspAdapter(make_peer(), session=session_for(transport))
    with pytest.raises(PeerProtocolError, match=r"từ chối truy cập.*Ứng dụng bị khóa"):
        adapter.fetch("", limit=200)
    assert transport.done()


def test_the_token_is_kept_between_pages_and_renewed_when_it_expires():
    transport = Cassette(
        [
            {
                "request": {"method": "POST", "path": "/token"},
                "response": {
                    "status": 200,
                    # Wrapped in the envelope, expiring at once (within the safety margin).
                    "body": {"status": "success", "data": {"accessToken": "t1", "expiresIn": 10}},
                },
            },
            list_call(envelope([], 0), token="t1"),
            token_ok("t2"),
            list_call(envelope([], 0), token="t2"),
            list_call(envelope([], 0), token="t2"),
        ]
    )
    adapter = LgspAdapter(make_peer(), session=session_for(transport))
    for _ in range(3):
        batch = adapter.fetch("", limit=200)
        assert batch.items == [] and not batch.has_more and batch.next_cursor == ""
    assert transport.done()


def test_credentials_come_from_the_options_or_the_peer_token():
    token_request = {
        "request": {
            "method": "POST",
            "path": "/token",
            "json": {"AppName": "APP", "AccessKey": "KEY", "SecretKey": "bí:mật"},
        },
        "response": {"status": 200, "body": {"access_token": "tok", "expires_in": 60}},
    }
    transport = Cassette([token_request, list_call(envelope([], 0))])
    peer = make_peer(token="APP:KEY:bí:mật", options={"list_path": LIST, "page_size": 4})
    LgspAdapter(peer, session=session_for(transport)).fetch("", limit=200)
    assert transport.done()

    nothing = make_peer(options={"list_path": LIST})
    with pytest.raises(PeerProtocolError, match="Thiếu thông tin xác thực LGSP"):
        LgspAdapter(nothing, session=session_for(Cassette([]))).fetch("", limit=200)


def test_credentials_can_travel_as_headers():
    transport = Cassette([token_ok(), list_call(envelope([], 0))])
    peer = make_peer(options={**OPTIONS, "token_auth": "headers"})
    LgspAdapter(peer, session=session_for(transport)).fetch("", limit=200)
    sent = transport.requests[0]
    assert sent.headers["AppName"] == "PBGDPL_GIALAI" and sent.headers["SecretKey"]
    assert sent.body is None


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (401, {"status": "error", "message": "Sai AccessKey hoặc SecretKey"}, "Sai AccessKey"),
        (200, {"status": "error", "message": "Ứng dụng không tồn tại"}, "không tồn tại"),
        (200, {"status": "success", "data": {}}, "không có access_token"),
        (200, "<html>Bảo trì</html>", "không phải JSON"),
    ],
)
def test_bad_token_answers_are_protocol_errors(status, body, message):
    transport = Cassette(
        [
            {
                "request": {"method": "POST", "path": "/token"},
                "response": {"status": status, "body": body},
            }
        ]
    )
    with pytest.raises(PeerProtocolError, match=message):
        LgspAdapter(make_peer(), session=session_for(transport)).fetch("", limit=200)


@pytest.mark.parametrize(
    "answer",
    [
        {"status": 503, "body": {"status": "error", "message": "Quá tải"}},
        {"status": 429, "body": "", "headers": {"Retry-After": "7"}},
        {"raise": "ConnectionError"},
        {"raise": "Timeout"},
    ],
)
def test_transport_failures_are_worth_retrying(answer):
    transport = Cassette([token_ok(), {"request": list_call({})["request"], "response": answer}])
    with pytest.raises(PeerError) as error:
        LgspAdapter(make_peer(), session=session_for(transport)).fetch("", limit=200)
    assert "lgsp-gia-lai" in str(error.value)
    if answer.get("headers"):
        assert error.value.retry_after == 7.0


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("không phải json", "không phải JSON"),
        ({"status": "success", "data": {"rows": []}}, "thiếu data.items"),
        ({"status": "success"}, "thiếu data"),
        (
            envelope([record(2, "2025-09-02T08:00:00"), record(1, "2025-09-01T08:00:00")]),
            "không sắp xếp theo ngày cập nhật",
        ),
    ],
)
def test_unreadable_lists_are_protocol_errors(body, message):
    transport = Cassette([token_ok(), list_call(body)])
    with pytest.raises(PeerProtocolError, match=message):
        LgspAdapter(make_peer(), session=session_for(transport)).fetch("", limit=200)


def test_a_page_of_records_already_received_moves_on_to_the_next_page():
    same = "2025-09-01T08:00:00"
    cursor = f"{epoch(2025, 9, 1, 8, 0)}|13"
    seen = [record(i, same) for i in (10, 11, 12, 13)]
    transport = Cassette(
        [
            token_ok(),
            list_call(envelope(seen, 6), fromDate=same),
            list_call(envelope([record(14, same), record(15, same)], 6), fromDate=same, page=2),
        ]
    )
    batch = LgspAdapter(make_peer(), session=session_for(transport)).fetch(cursor, limit=200)
    assert [e["uri"] for e in batch.items] == [uri_of(14), uri_of(15)]
    assert batch.next_cursor == f"{epoch(2025, 9, 1, 8, 0)}|15" and not batch.has_more


def test_camel_case_fields_and_a_list_of_fields_are_read_alike():
    camel = {
        "id": "a1b2",
        "soKyHieu": "35/2024/QD-UBND",
        "trichYeu": "Quy định  về   hòa giải",
        "loaiVanBan": {"Ten": "Quyết định"},
        "linhVuc": ["Tư pháp", "Hòa giải"],
        "ngayBanHanh": "2024-10-05T00:00:00",
        "ngayCapNhat": "05/10/2024 16:20:05",
        "daXoa": "false",
    }
    transport = Cassette([token_ok(), list_call(envelope([camel], 1))])
    [entry] = LgspAdapter(make_peer(), session=session_for(transport)).fetch("", limit=200).items
    assert entry["uri"] == uri_of("a1b2") and entry["op"] == "upsert"
    assert entry["data"]["number"] == "35/2024/QĐ-UBND"
    assert entry["data"]["title"] == "Quy định về hòa giải"
    assert entry["data"]["type"] == "Quyết định"
    assert entry["data"]["fields"] == ["Hòa giải", "Tư pháp"]
    assert entry["updated_at"] == "2024-10-05T16:20:05+07:00"


def test_a_page_size_never_exceeds_what_the_puller_asks():
    transport = Cassette([token_ok(), list_call(envelope([], 0), pageSize=2)])
    LgspAdapter(make_peer(), session=session_for(transport)).fetch("", limit=2)
    assert transport.done()


@pytest.mark.parametrize("cursor", ["abc", "123", "|5", "1e999999|3"])
def test_an_unreadable_cursor_is_refused(cursor):
    with pytest.raises(PeerProtocolError, match="Con trỏ"):
        LgspAdapter(make_peer(), session=session_for(Cassette([]))).fetch(cursor, limit=10)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15/06/2024", "2024-06-15T00:00:00+07:00"),
        ("5/6/2024 7:05", "2024-06-05T07:05:00+07:00"),
        ("2024-06-15T08:30:00Z", "2024-06-15T08:30:00+00:00"),
        ("2024-06-15T08:30:00.123", "2024-06-15T08:30:00.123000+07:00"),
        ("/Date(1718409600000)/", "2024-06-15T00:00:00+00:00"),
        (1718409600, "2024-06-15T00:00:00+00:00"),
    ],
)
def test_lgsp_dates_are_read(value, expected):
    assert parse_lgsp_datetime(value, tz=VN).isoformat() == expected


@pytest.mark.parametrize(
    "value", ["31/02/2024", "hôm qua", True, [2024], "/Date(99999999999999999999)/", 1e300]
)
def test_unreadable_dates_raise(value):
    with pytest.raises(ValueError):
        parse_lgsp_datetime(value, tz=VN)


# --------------------------------------------------------------------------- whole pulls


@pytest.fixture
def pull():
    from pbgdpl.exchange.pull import exchange_pull

    return exchange_pull


@pytest.mark.django_db
def test_pulls_store_documents_then_their_update_and_deletion(pull):
    peer = make_peer()
    peer.save()
    run = pull(peer=peer, session=session_for(cassette("khoi_tao.json")))
    assert run.error == "" and (run.batches, run.received, run.applied) == (3, 10, 10)
    peer.refresh_from_db()
    assert peer.cursor == END_OF_INITIAL and peer.received_count == 10
    items = SharedItem.objects.filter(peer=peer)
    assert items.count() == 10
    stored = items.get(uri=uri_of(20482))
    assert stored.origin == BASE and stored.data["number"] == "15/2025/QĐ-UBND"
    assert stored.hash == content_hash(stored.data)

    run = pull(peer=peer, session=session_for(cassette("cap_nhat.json")))
    assert run.error == "" and (run.received, run.applied) == (2, 2)
    updated = SharedItem.objects.get(uri=uri_of(20490))
    assert "sửa đổi" in updated.data["title"] and updated.version == 2 * epoch(2025, 9, 2, 8, 0)
    tombstone = SharedItem.objects.get(uri=uri_of(20510))
    assert tombstone.deleted and tombstone.data == {}
    peer.refresh_from_db()
    assert peer.cursor == f"{epoch(2025, 9, 3, 9, 30)}|20510"

    # A full reconciliation reading the old pages again changes nothing and keeps the cursor.
    run = pull(peer=peer, full=True, session=session_for(cassette("khoi_tao.json")))
    assert run.error == "" and (run.received, run.applied) == (10, 0)
    peer.refresh_from_db()
    assert peer.cursor == f"{epoch(2025, 9, 3, 9, 30)}|20510"
    assert SharedItem.objects.get(uri=uri_of(20510)).deleted
    assert SharedItem.objects.filter(peer=peer).count() == 10


@pytest.mark.django_db
def test_a_failed_pull_records_the_lgsp_message_and_stores_nothing(pull):
    peer = make_peer()
    peer.save()
    run = pull(peer=peer, session=session_for(cassette("loi.json")))
    assert "chưa được cấp quyền" in run.error
    peer.refresh_from_db()
    assert peer.state == Peer.State.FAILED and "chưa được cấp quyền" in peer.last_error
    assert peer.cursor == "" and not SharedItem.objects.exists()


@pytest.mark.django_db
def test_records_that_cannot_be_mapped_are_rejected_and_the_rest_stored(pull):
    peer = make_peer()
    peer.save()
    records = [
        record(1, "2025-09-01T08:00:00"),
        {"SoKyHieu": "41/2025/QĐ-UBND", "TrichYeu": "Không có Id", "NgayCapNhat": "2025-09-01"},
        record(2, "ngày mai"),
        record(3, "2025-09-02T08:00:00", TrichYeu=""),  # the schema wants a title
        record(4, "2025-09-03T08:00:00"),
    ]
    transport = Cassette([token_ok(), list_call(envelope(records, 5), pageSize=10)])
    peer.options = {**OPTIONS, "page_size": 10}
    peer.save()
    run = pull(peer=peer, session=session_for(transport))
    assert run.error == "" and (run.received, run.applied, run.rejected) == (5, 2, 3)
    assert set(SharedItem.objects.values_list("uri", flat=True)) == {uri_of(1), uri_of(4)}
    reasons = " ".join(RejectedItem.objects.values_list("excerpt", flat=True))
    assert "Bản ghi không có Id hợp lệ" in reasons
    assert "không có NgayCapNhat đọc được" in reasons
    assert RejectedItem.objects.filter(uri=uri_of(3), reason__contains="title").exists()
    peer.refresh_from_db()
    assert peer.cursor == f"{epoch(2025, 9, 3, 8, 0)}|4"
