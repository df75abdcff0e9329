"""Bad peers: garbage, HTML error pages, a wrong envelope, data against the schema, a feed
going backwards, huge items and responses, slow or silent peers. Each gives a clear
Vietnamese error (on the rejected item or on the peer) and leaves the local data as it
was. Two tests speak real HTTP to a local server, so the timeouts and the streaming cap
are those of ``requests`` itself."""

import contextlib
import json
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from pbgdpl.exchange.canonical import content_hash
from pbgdpl.exchange.models import Peer, RejectedItem, SharedItem
from pbgdpl.exchange.pull import exchange_pull
from tests.exchange.test_pull import ORIGIN, FakePeer, FakeResponse, FakeSession, document_data

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def _fast(settings):
    settings.EXCHANGE_BACKOFF_SECONDS = 0
    settings.EXCHANGE_LOCK_WAIT_SECONDS = 0
    settings.EXCHANGE_RETRIES = 2


@pytest.fixture
def remote():
    return FakePeer()


@pytest.fixture
def peer(remote):
    """A peer already pulled once: two items and a cursor the bad answers must not touch."""
    peer = Peer.objects.create(name="nut-a", base_url=ORIGIN)
    remote.upsert(1, document_data(1))
    remote.upsert(2, document_data(2))
    assert exchange_pull(peer=peer, session=FakeSession(remote)).applied == 2
    peer.refresh_from_db()
    return peer


def state():
    return sorted(SharedItem.objects.values_list("uri", "version", "hash", "deleted", "data"))


def pull_failing(peer, *responses, calls: int | None = None) -> str:
    """Pull with the given answers; check the run failed, nothing changed, the cursor
    stayed; return the error."""
    before, cursor = state(), peer.cursor
    session = FakeSession(FakePeer(), script=list(responses))
    run = exchange_pull(peer=peer, session=session)
    assert run.error and run.applied == 0 and run.finished_at is not None
    if calls is not None:
        assert len(session.calls) == calls
    peer.refresh_from_db()
    assert peer.state == Peer.State.FAILED and peer.last_error == run.error
    assert peer.cursor == cursor and state() == before
    assert not RejectedItem.objects.exists()
    return run.error


def test_garbage_json(peer):
    error = pull_failing(peer, FakeResponse(200, b'{"items": [1, 2,, }'), calls=1)
    assert error.startswith("Phản hồi của nút nut-a không phải JSON hợp lệ")
    assert '{"items": [1, 2,, }' in error


def test_binary_garbage(peer):
    error = pull_failing(peer, FakeResponse(200, bytes(range(256)) * 4), calls=1)
    assert "không phải JSON hợp lệ" in error


def test_an_html_page_with_status_200(peer):
    html = "<!DOCTYPE html><html><body><h1>Trang bảo trì</h1></body></html>"
    error = pull_failing(
        peer, FakeResponse(200, html, {"Content-Type": "text/html; charset=utf-8"}), calls=1
    )
    assert "không phải JSON hợp lệ (Content-Type: text/html; charset=utf-8)" in error
    assert "Trang bảo trì" in error


def test_an_html_error_page_from_a_proxy_is_retried_then_fails(peer):
    page = FakeResponse(
        502, "<html><body>502 Bad Gateway</body></html>", {"Content-Type": "text/html"}
    )
    error = pull_failing(peer, page, page, page, calls=3)
    assert "Nút nut-a trả lỗi HTTP 502" in error and "Đã thử 3 lần" in error


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (404, b'{"detail": "Not Found"}', "Nút nut-a trả lỗi HTTP 404: Not Found"),
        (
            403,
            '{"detail": "Cần mã truy cập của nút để đọc: laws.document."}'.encode(),
            "từ chối truy cập (HTTP 403): Cần mã truy cập của nút để đọc: laws.document.",
        ),
        (422, b"<html>Unprocessable</html>", "HTTP 422: <html>Unprocessable</html>"),
    ],
)
def test_client_errors_are_not_retried_and_show_the_peers_detail(peer, status, body, expected):
    assert expected in pull_failing(peer, FakeResponse(status, body), calls=1)


@pytest.mark.parametrize(
    ("envelope", "expected"),
    [
        ([], "không đúng định dạng luồng thay đổi"),
        ("chuỗi", "không đúng định dạng luồng thay đổi"),
        ({"items": []}, "thiếu trường: next, has_more"),
        ({"items": {}, "next": 3, "has_more": False}, "items phải là một danh sách"),
        ({"items": [], "next": "3", "has_more": False}, "next phải là một số nguyên không âm"),
        ({"items": [], "next": 3.5, "has_more": False}, "next phải là một số nguyên không âm"),
        ({"items": [], "next": 3, "has_more": "yes"}, "has_more phải là true hoặc false"),
    ],
)
def test_a_wrong_envelope(peer, envelope, expected):
    error = pull_failing(peer, FakeResponse(200, json.dumps(envelope)), calls=1)
    assert expected in error


def test_a_feed_going_backwards(peer):
    assert peer.cursor == "2"
    page = {"items": [FakePeer().upsert(9, document_data(9))], "next": 1, "has_more": False}
    error = pull_failing(peer, FakeResponse(200, json.dumps(page)), calls=1)
    assert error == ("Luồng thay đổi của nút nut-a đi lùi: đã hỏi sau số 2 nhưng nhận next = 1.")


def test_a_feed_that_does_not_move(peer):
    page = {"items": [], "next": 2, "has_more": True}
    error = pull_failing(peer, FakeResponse(200, json.dumps(page)), calls=1)
    assert "không tiến" in error


def test_a_peer_cursor_that_is_not_a_number(peer):
    Peer.objects.filter(pk=peer.pk).update(cursor="abc")
    peer.refresh_from_db()
    error = pull_failing(peer, calls=0)
    assert "Con trỏ của nút nut-a không hợp lệ" in error


# -- entries against the schema: rejected one by one, the page goes on -------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            {k: v for k, v in document_data(5).items() if k != "number"},
            "Dữ liệu không đúng lược đồ của loại laws.document: (gốc): "
            "thiếu trường bắt buộc number.",
        ),
        (
            {**document_data(5), "ghi_chu": "trường lạ"},
            "Dữ liệu không đúng lược đồ của loại laws.document: (gốc): "
            "có trường không được phép ghi_chu.",
        ),
        (
            {**document_data(5), "fields": ["a", 7]},
            "Dữ liệu không đúng lược đồ của loại laws.document: fields/1: "
            "sai kiểu dữ liệu (cần string).",
        ),
        (
            {**document_data(5), "title": ""},
            "Dữ liệu không đúng lược đồ của loại laws.document: title: ngắn hơn 1 ký tự.",
        ),
    ],
)
def test_data_against_the_schema_is_rejected_and_the_rest_applied(peer, remote, data, reason):
    before = state()
    remote.upsert(5, data)
    remote.upsert(6, document_data(6))
    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert (run.received, run.applied, run.rejected) == (2, 1, 1) and run.error == ""
    rejection = RejectedItem.objects.get()
    assert rejection.reason == reason and rejection.uri == remote.uri(5)
    assert not SharedItem.objects.filter(uri=remote.uri(5)).exists()
    assert SharedItem.objects.filter(uri=remote.uri(6)).exists()
    assert [s for s in state() if s[0] != remote.uri(6)] == before
    peer.refresh_from_db()
    assert peer.cursor == "4" and peer.state == Peer.State.IDLE


def test_formats_are_not_asserted(peer, remote):
    """format is an annotation (Draft 2020-12 default): a peer's odd date string is its own."""
    remote.upsert(5, document_data(5, issued_on="01/03/2025"))
    assert exchange_pull(peer=peer, session=FakeSession(remote)).applied == 1


def test_values_json_cannot_carry_are_rejected(peer, remote):
    """NaN in a peer's body, NUL (which PostgreSQL refuses): rejected, not a failed page."""
    nan = remote.upsert(5, document_data(5))
    nan["data"] = {**nan["data"], "title": float("nan")}
    nul = remote.upsert(6, document_data(6, title="Quyết\x00định"))
    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert (run.applied, run.rejected) == (0, 2) and run.error == ""
    reasons = dict(RejectedItem.objects.values_list("uri", "reason"))
    assert "NaN, Infinity" in reasons[nan["uri"]]
    assert "ký tự NUL" in reasons[nul["uri"]]


def test_an_item_over_the_item_cap_is_rejected_and_the_rest_applied(peer, remote):
    big = remote.upsert(5, document_data(5, signer="x" * (2 * MB)))
    remote.upsert(6, document_data(6))
    run = exchange_pull(peer=peer, session=FakeSession(remote))
    assert (run.applied, run.rejected) == (1, 1)
    rejection = RejectedItem.objects.get()
    assert rejection.reason == "Mục quá lớn (2 MB > 1 MB)." and rejection.uri == big["uri"]
    assert len(rejection.excerpt) <= 500


# -- huge responses ---------------------------------------------------------------------


def lazy_body(size: int, chunk: int = 64 * 1024):
    """A 10 MB feed page made on the fly: one entry whose title never ends."""
    head = b'{"items": [{"uri": "' + FakePeer().uri(1).encode() + b'", "data": {"title": "'
    yield head
    sent = len(head)
    while sent < size:
        sent += chunk
        yield b"x" * chunk  # a new object each time, as a socket read would give


def test_a_10_mb_response_is_cut_at_the_cap_without_reading_it_all(peer):
    tracemalloc.start()
    try:
        responses = [FakeResponse(200, lazy_body(10 * MB)) for _ in range(5)]
        error = pull_failing(peer, *responses)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error == "Phản hồi quá lớn (> 8 MB)."
    used = [r for r in responses if r.consumed]
    # Asked again with fewer entries per page (200, 50, 12, 3, 1), then gave up.
    assert len(used) == 5
    assert all(8 * MB < r.consumed <= 8 * MB + 64 * 1024 + 200 for r in used)
    assert all(r.closed for r in used)
    assert peak < 10 * MB


def test_a_declared_length_over_the_cap_is_refused_before_reading(peer):
    responses = [
        FakeResponse(200, lazy_body(10 * MB), {"Content-Length": str(10 * MB)}) for _ in range(5)
    ]
    assert pull_failing(peer, *responses) == "Phản hồi quá lớn (> 8 MB)."
    assert all(r.consumed == 0 for r in responses)


def test_a_page_too_large_is_asked_again_with_fewer_entries(peer, remote, settings):
    settings.EXCHANGE_MAX_RESPONSE_BYTES = 3000
    for n in range(5, 10):
        remote.upsert(n, document_data(n))  # about 900 bytes each
    session = FakeSession(remote)
    run = exchange_pull(peer=peer, session=session, limit=8)
    assert run.error == "" and run.applied == 5
    assert [c["params"]["limit"] for c in session.calls][:2] == [8, 2]


# -- slow and silent peers --------------------------------------------------------------


def test_timeouts_are_retried_then_fail(peer):
    error = pull_failing(
        peer,
        requests.ConnectTimeout("connect timed out"),
        requests.ReadTimeout("read timed out"),
        requests.ReadTimeout("read timed out"),
        calls=3,
    )
    assert error == "Quá thời gian chờ nút nut-a (20 giây). Đã thử 3 lần."


def test_a_body_dripping_slowly_hits_the_deadline(peer, settings):
    settings.EXCHANGE_HTTP_TIMEOUT = 0.01

    def drip():
        yield b'{"items": ['
        for _ in range(100):
            time.sleep(0.02)
            yield b" "

    error = pull_failing(peer, *[FakeResponse(200, drip()) for _ in range(3)], calls=3)
    assert "gửi phản hồi quá chậm" in error


def test_a_connection_cut_mid_body_is_retried(peer, remote):
    def cut():
        yield b'{"items": ['
        raise requests.exceptions.ChunkedEncodingError("connection broken")

    remote.upsert(5, document_data(5))
    session = FakeSession(remote, script=[FakeResponse(200, cut())])
    assert exchange_pull(peer=peer, session=session).applied == 1
    assert len(session.calls) == 2


# -- real HTTP --------------------------------------------------------------------------


@pytest.fixture
def http_peer():
    """A local HTTP server; ``behaviour`` decides each answer."""
    behaviour = {"mode": "ok", "page": {"items": [], "next": 0, "has_more": False}}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if behaviour["mode"] == "slow":
                time.sleep(1.0)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            if behaviour["mode"] == "huge":
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"x" * 65536
                try:
                    for _ in range(160):  # 10 MB, never declared
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.write(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            body = json.dumps(behaviour["page"]).encode()
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    peer = Peer.objects.create(name="nut-http", base_url=f"http://127.0.0.1:{server.server_port}")
    yield peer, behaviour
    server.shutdown()
    server.server_close()


def test_real_http_pull_then_a_slow_peer_times_out(http_peer, settings):
    peer, behaviour = http_peer
    entry = FakePeer().upsert(1, document_data(1))
    behaviour["page"] = {"items": [entry], "next": 1, "has_more": False}
    assert exchange_pull(peer=peer).applied == 1
    settings.EXCHANGE_HTTP_TIMEOUT = 0.2
    settings.EXCHANGE_RETRIES = 1
    behaviour["mode"] = "slow"
    run = exchange_pull(peer=peer)
    assert run.error == "Quá thời gian chờ nút nut-http (0,2 giây). Đã thử 2 lần."
    assert SharedItem.objects.get().hash == content_hash(document_data(1))


def test_real_http_huge_chunked_response_is_cut(http_peer):
    peer, behaviour = http_peer
    behaviour["mode"] = "huge"
    run = exchange_pull(peer=peer, limit=1)
    assert run.error == "Phản hồi quá lớn (> 8 MB)."
    assert not SharedItem.objects.exists()
