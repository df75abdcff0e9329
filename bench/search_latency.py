"""Search latency through the HTTP API over the full Bộ pháp điển (69,705 articles).

Needs the database and index of bench/phapdien_import.py (runs it first when missing).
Starts gunicorn (2 workers, the machine's 2 cores) on that database, then asks, one at a
time over a keep-alive connection:
  * short queries: 2–4 words typed by citizens (written by us), with and without
    diacritics, and document numbers;
  * whole questions: the 530 ALQAC questions (≈ 24 syllables each).
Prints p50/p95 per set (HTTP round trip), the engine-only time of the same queries
(tantivy, in this process) so the overhead is visible, and /healthz as the reference
round trip measured in the same run. Budgets: short p95 ≤ 20 ms, questions p95 ≤ 50 ms.
"""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import DATA, ROOT, emit, percentile

SHORT = [
    "hòa giải ở cơ sở",
    "giấy phép lái xe",
    "ly hôn",
    "thuế thu nhập cá nhân",
    "cấp sổ đỏ",
    "bảo hiểm xã hội một lần",
    "trợ cấp thất nghiệp",
    "đăng ký kết hôn",
    "khai sinh",
    "nghỉ thai sản",
    "tiền lương tối thiểu",
    "chia thừa kế",
    "phạt nồng độ cồn",
    "đất nông nghiệp",
    "xây nhà không phép",
    "bạo lực gia đình",
    "trẻ em bị xâm hại",
    "hợp đồng lao động",
    "thôi việc",
    "vay tiền không trả",
    "đăng ký thường trú",
    "căn cước công dân",
    "hộ nghèo",
    "người khuyết tật",
    "bảo hiểm y tế",
    "thủ tục chứng thực",
    "di chúc miệng",
    "quyền nuôi con",
    "tranh chấp đất đai",
    "khiếu nại quyết định hành chính",
    "tố cáo cán bộ",
    "an toàn thực phẩm",
    "kinh doanh karaoke",
    "đốt rừng làm rẫy",
    "nuôi con nuôi",
    "giám hộ",
    "xe không chính chủ",
    "đội mũ bảo hiểm",
    "vượt đèn đỏ",
    "ma túy",
    "14/2012/QH13",
    "35/2013/QH13",
    "21/2015/NĐ-CP",
    "100/2019/NĐ-CP",
    "14/2012",
]


def strip(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed_get(conn: http.client.HTTPConnection, path: str) -> float:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status} {body[:300]!r}")
    return elapsed


def main() -> None:
    work = ROOT / "var" / "bench" / "phapdien"
    if not (work / "db.sqlite3").exists() and not os.environ.get("BENCH_DATABASE_URL"):
        subprocess.run([sys.executable, str(ROOT / "bench" / "phapdien_import.py")], check=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pbgdpl.settings",
        "SECRET_KEY": "bench-only-secret-key",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{work / 'db.sqlite3'}",
        "SEARCH_INDEX_DIR": str(work / "search"),
        "SEARCH_SYNC_INTERVAL": "1",
    }
    os.environ.update(
        {
            k: env[k]
            for k in (
                "DATABASE_URL",
                "SEARCH_INDEX_DIR",
                "SECRET_KEY",
                "DJANGO_SETTINGS_MODULE",
                "SECURE_SSL_REDIRECT",
            )
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from pbgdpl.search.analysis import query_analyze
    from pbgdpl.search.node import search_node
    from pbgdpl.search.selectors import DEFAULT_WEIGHTS, SearchRequest, _plan
    from pbgdpl.search.services import search_index_ensure_current

    search_index_ensure_current()
    backend = search_node().backend
    questions = [q["text"] for q in json.loads((DATA / "alqac2024" / "train.json").read_text())]
    short = SHORT + [strip(q) for q in SHORT if "/" not in q]

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "pbgdpl.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(100):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                timed_get(conn, "/healthz")
                break
            except (ConnectionError, OSError):
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

        def api(q: str) -> str:
            return "/api/v1/search?" + urllib.parse.urlencode(
                {"q": q, "kind": "provision", "limit": 10}
            )

        for q in short + questions[:50]:  # warm-up: both workers, caches
            timed_get(conn, api(q))
        result: dict = {"articles_indexed": backend.num_docs()}
        result["healthz_ms"] = {
            "p50": percentile([timed_get(conn, "/healthz") for _ in range(200)], 50)
        }
        for name, queries in (("short", short), ("questions", questions)):
            http_ms = [timed_get(conn, api(q)) for q in queries]
            engine_ms = []
            for q in queries:
                plan = _plan(
                    query_analyze(q), SearchRequest(q=q, kind="provision"), DEFAULT_WEIGHTS
                )
                started = time.perf_counter()
                backend.search(plan, limit=10, offset=0)
                engine_ms.append((time.perf_counter() - started) * 1000)
            result[name] = {
                "n": len(queries),
                "http_p50_ms": percentile(http_ms, 50),
                "http_p95_ms": percentile(http_ms, 95),
                "engine_p50_ms": percentile(engine_ms, 50),
                "engine_p95_ms": percentile(engine_ms, 95),
            }
        result["budget_ms"] = {"short_p95": 20, "questions_p95": 50}
        result["within_budget"] = (
            result["short"]["http_p95_ms"] <= 20 and result["questions"]["http_p95_ms"] <= 50
        )
        emit("search_latency", result)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
