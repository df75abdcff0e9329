"""Public pages served by the production server: throughput next to static files, and weight.

DESIGN §6 "Pages" and the issue's budgets. One run:

1. builds a fresh SQLite database in var/bench/pages/ (migrate, ``demo_load`` — units,
   staff, the ALQAC laws — and the portal demo ``portal_demo_load``), production settings
   (DEBUG=0, whitenoise's compressed manifest storage, ``collectstatic``);
2. starts gunicorn with 2 workers (the machine's 2 cores), fetches the home page and one
   article page once, and writes exactly those bytes into STATIC_ROOT/bench/, so the same
   server (whitenoise, in the same gunicorn) serves them as static files;
3. picks the worker class by measurement: a server with ``sync`` workers and one with
   ``gthread`` workers (keep-alive) run side by side, and the cached home page and its
   static copy are measured on each, alternating (see ``choose_worker_class``);
4. with the chosen class, runs 50 concurrent keep-alive clients (asyncio, raw HTTP/1.1:
   the cheapest generator, since it shares the 2 cores with the server) against the home
   page, the article page and their static copies, alternating in rounds of equal length;
   reports requests/s, p50, p99 and the page/static ratios (aim: ≥ 0.5);
5. weighs every page type of the demo (anonymous): the HTML as transferred, plus the CSS
   and JS it links as whitenoise serves them to ``Accept-Encoding: gzip``; images, audio
   and other media aside. The bench only reports: the browser test enforces 100 KB.

Options: --duration S (per target per round, default 5), --rounds N (default 3),
--concurrency N (default 50), --worker-class sync|gthread (skip the choice),
--threads N (gthread threads per worker, default 4), --reuse (keep the database of the
previous run instead of building a fresh one).
Prints one JSON line; writes bench/results/pages.json.
"""

import argparse
import asyncio
import gzip
import http.client
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, emit, percentile

NAME = "pages"
HOST = "127.0.0.1"
WEIGHT_BUDGET = 100 * 1024
AIM = 0.5
SEARCH_QUERY = "đăng ký kết hôn"


# ----------------------------------------------------------------------------- set-up
def prepare(work: Path, *, reuse: bool) -> dict[str, str]:
    """Environment of the production-like server; (re)builds the database and static."""
    env = {
        "DJANGO_SETTINGS_MODULE": "pbgdpl.settings",
        "SECRET_KEY": "bench-only-secret-key-pages",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "VAR_DIR": str(work),
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "SEARCH_INDEX_DIR": str(work / "search"),
        "SEARCH_SYNC_INTERVAL": "1",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{work / 'db.sqlite3'}",
        "LOG_LEVEL": "WARNING",
    }
    fresh = not (reuse and (work / "db.sqlite3").exists())
    if fresh:
        for item in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"):
            (work / item).unlink(missing_ok=True)
        for item in ("static", "media", "search"):
            shutil.rmtree(work / item, ignore_errors=True)
        for item in work.glob("page_cache_generation*"):
            item.unlink()
    os.environ.pop("TESTING", None)  # production static storage, not the test one
    os.environ.update(env)
    from _setup import django_setup

    django_setup(NAME)  # migrates
    from django.core.management import call_command

    if fresh:
        out = io.StringIO()
        call_command("demo_load", stdout=out)
        from pbgdpl.portal.demo import portal_demo_load

        portal_demo_load(stdout=out)  # idempotent: a no-op when demo_load already ran it
        from pbgdpl.search.services import search_index_ensure_current

        search_index_ensure_current()
    shutil.rmtree(work / "static", ignore_errors=True)
    call_command("collectstatic", interactive=False, verbosity=0)
    return {**os.environ, **env}


def page_urls() -> dict[str, str]:
    """One URL per public page type of the demo (those present)."""
    from wagtail.models import Locale

    from pbgdpl.laws.models import LegalDocument
    from pbgdpl.laws.selectors import document_url
    from pbgdpl.portal import models as m

    vi = Locale.objects.get(language_code="vi")
    urls: dict[str, str] = {"home": "/"}
    kinds = [
        ("section", m.SectionPage),
        ("bookshelf", m.BookshelfPage),
        ("unit_area", m.UnitAreaPage),
        ("news", m.NewsPage),
        ("guidance", m.GuidancePage),
        ("legal_case", m.LegalCasePage),
        ("media", m.MediaPage),
        ("handbook", m.HandbookPage),
    ]
    for name, model in kinds:
        page = model.objects.live().public().filter(locale=vi).order_by("path").first()
        if page is not None:
            urls[name] = page.get_url()
    urls["search"] = "/tim-kiem/?" + urllib.parse.urlencode({"q": SEARCH_QUERY})
    urls["legal_library"] = "/van-ban/"
    document = LegalDocument.objects.order_by("pk").first()
    if document is not None:
        urls["legal_document"] = document_url(document)
    return urls


# ----------------------------------------------------------------------------- server
def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """gunicorn, 2 workers, on a free port; stopped on exit."""

    def __init__(self, env: dict[str, str], *, worker_class: str, threads: int) -> None:
        self.port = free_port()
        command = [
            sys.executable, "-m", "gunicorn", "pbgdpl.wsgi",
            "-b", f"{HOST}:{self.port}", "-w", "2", "--log-level", "warning",
            "--worker-class", worker_class,
        ]  # fmt: skip
        if worker_class == "gthread":
            command += ["--threads", str(threads)]
        self.process = subprocess.Popen(command, env=env, cwd=ROOT)

    def __enter__(self) -> "Server":
        for _ in range(150):
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.process.returncode}")
            try:
                status, _h, _b = fetch(self.port, "/healthz")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit("gunicorn did not answer /healthz")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def fetch(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """One GET; the body exactly as transferred (not decompressed)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        conn.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = conn.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


def fetch_ok(port: int, path: str, headers: dict | None = None) -> tuple[dict, bytes]:
    status, response_headers, body = fetch(port, path, headers)
    if status != 200:
        raise SystemExit(f"GET {path}: HTTP {status} {body[:300]!r}")
    return response_headers, body


# ----------------------------------------------------------------------------- load
class Stats:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.completed = 0
        self.errors = 0
        self.bytes = 0
        self.seconds = 0.0
        self.cpu_seconds = 0.0


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool, int]:
    """Status, whether the server closes the connection, body length."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length, chunked, close = None, False, lines[0].startswith("HTTP/1.0")
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
        elif name == "connection":
            close = value == "close"
    if chunked:
        size = 0
        while True:
            chunk_size = int((await reader.readline()).split(b";")[0], 16)
            if chunk_size:
                await reader.readexactly(chunk_size)
            await reader.readline()
            size += chunk_size
            if not chunk_size:
                return status, close, size
    if length is None:
        body = await reader.read()
        return status, True, len(body)
    await reader.readexactly(length)
    return status, close, length


async def _client(port: int, request: bytes, stop_at: float, stats: Stats) -> None:
    reader = writer = None
    while True:
        started = time.perf_counter()
        if started >= stop_at:
            break
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, port)
            writer.write(request)
            status, close, size = await _read_response(reader)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            stats.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.01)
            continue
        finished = time.perf_counter()
        if finished <= stop_at:
            if status == 200:
                stats.completed += 1
                stats.bytes += size
                stats.latencies.append((finished - started) * 1000)
            else:
                stats.errors += 1
        if close:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


# "Accept-Encoding: gzip\r\n" with --accept-gzip: clients like real browsers, the pages
# (gzipped by GZipMiddleware, cached compressed) against their precompressed static copy.
CLIENT_EXTRA_HEADERS = ""


def load(port: int, path: str, *, seconds: float, concurrency: int, stats: Stats) -> None:
    """``concurrency`` keep-alive clients GET ``path`` back to back for ``seconds``."""
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: pbgdpl-bench\r\n"
        f"Accept: text/html\r\n{CLIENT_EXTRA_HEADERS}\r\n"
    ).encode()

    async def run() -> None:
        stop_at = time.perf_counter() + seconds
        await asyncio.gather(*(_client(port, request, stop_at, stats) for _ in range(concurrency)))

    cpu = time.process_time()
    asyncio.run(run())
    stats.seconds += seconds
    stats.cpu_seconds += time.process_time() - cpu


def summary(stats: Stats) -> dict:
    return {
        "rps": round(stats.completed / stats.seconds, 1) if stats.seconds else 0.0,
        "p50_ms": percentile(stats.latencies, 50),
        "p99_ms": percentile(stats.latencies, 99),
        "requests": stats.completed,
        "errors": stats.errors,
        "mb_per_s": round(stats.bytes / stats.seconds / 1e6, 2) if stats.seconds else 0.0,
        # CPU the generator itself used, per second of load (it shares the 2 cores).
        "generator_cpu": round(stats.cpu_seconds / stats.seconds, 2) if stats.seconds else 0.0,
    }


def measure(
    port: int, targets: dict[str, str], *, rounds: int, seconds: float, concurrency: int
) -> dict[str, dict]:
    """Alternate the targets, ``rounds`` times, ``seconds`` each; warm each one first."""
    stats = {name: Stats() for name in targets}
    for path in targets.values():  # warm-up (not counted): both workers, the page cache
        load(port, path, seconds=1.0, concurrency=concurrency, stats=Stats())
    names = list(targets)
    for round_number in range(rounds):
        order = names if round_number % 2 == 0 else names[::-1]
        for name in order:
            load(port, targets[name], seconds=seconds, concurrency=concurrency, stats=stats[name])
    return {name: summary(s) for name, s in stats.items()}


# ----------------------------------------------------------------------------- weight
ASSET = re.compile(
    r"<(?:link\b[^>]*\brel=\"?(?:stylesheet|modulepreload|preload)\"?[^>]*|script\b[^>]*)>",
    re.IGNORECASE,
)
HREF = re.compile(r"\b(?:href|src)=\"([^\"]+)\"", re.IGNORECASE)


def _decoded(headers: dict, body: bytes) -> str:
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8", "replace")


def weigh(port: int, path: str) -> dict:
    """HTML (as transferred) + the CSS/JS it links (as whitenoise serves them, gzip)."""
    accept = {"Accept-Encoding": "gzip", "Accept": "text/html"}
    headers, body = fetch_ok(port, path, accept)
    html = _decoded(headers, body)
    assets = {}
    for tag in ASSET.findall(html):
        lowered = tag.lower()
        if (
            lowered.startswith("<link")
            and "preload" in lowered
            and not re.search(r"\bas=\"?(script|style)", lowered)
        ):
            continue  # a preloaded image or font: not CSS/JS
        found = HREF.search(tag)
        if not found or found.group(1).startswith(("http:", "https:", "//", "data:")):
            continue
        url = found.group(1).replace("&amp;", "&")
        if url not in assets:
            asset_headers, asset_body = fetch_ok(port, url, {"Accept-Encoding": "gzip"})
            assets[url] = {
                "bytes": len(asset_body),
                "encoding": asset_headers.get("content-encoding", "identity"),
            }
    html_bytes = len(body)
    css_js = sum(a["bytes"] for a in assets.values())
    return {
        "url": path,
        "html_bytes": html_bytes,
        "html_encoding": headers.get("content-encoding", "identity"),
        # What a compressing reverse proxy would send for the same HTML.
        "html_gzip_bytes": len(gzip.compress(html.encode(), 6)),
        "css_js_bytes": css_js,
        "total_bytes": html_bytes + css_js,
        "assets": assets,
        "within_100kb": html_bytes + css_js <= WEIGHT_BUDGET,
    }


# ----------------------------------------------------------------------------- main
def choose_worker_class(
    servers: dict[str, "Server"], targets: dict[str, str], *, seconds: float, concurrency: int
) -> tuple[str, dict, str]:
    """Measure the cached home page and its static copy on each server, alternating
    (twice, in both orders, so a noisy neighbour hurts both alike); pick the one that
    serves the page faster. Within 10 %, gthread: it keeps connections alive and a slow
    client (weak mobile networks) does not hold a whole worker, as it does with sync
    workers when no buffering proxy stands in front."""
    stats = {c: {"home": Stats(), "home_static": Stats()} for c in servers}
    for server in servers.values():
        for name in ("home", "home_static"):
            load(server.port, targets[name], seconds=1.0, concurrency=concurrency, stats=Stats())
    order = list(servers)
    for round_number in range(2):
        for c in order if round_number == 0 else order[::-1]:
            for name in ("home", "home_static"):
                load(
                    servers[c].port,
                    targets[name],
                    seconds=seconds,
                    concurrency=concurrency,
                    stats=stats[c][name],
                )
    measured = {c: {name: summary(s) for name, s in v.items()} for c, v in stats.items()}
    sync, gthread = measured["sync"]["home"]["rps"], measured["gthread"]["home"]["rps"]
    if sync > gthread * 1.10:
        return "sync", measured, f"sync served the cached page {sync / gthread:.2f}× faster"
    return (
        "gthread",
        measured,
        f"gthread ({gthread:.0f} rps) vs sync ({sync:.0f} rps) on the cached page: "
        "gthread unless sync is over 10 % faster — keep-alive, and slow clients do not "
        "hold a worker",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--worker-class", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument(
        "--accept-gzip",
        action="store_true",
        help="load clients send Accept-Encoding: gzip (results in pages_gzip.json)",
    )
    args = parser.parse_args()
    global CLIENT_EXTRA_HEADERS
    CLIENT_EXTRA_HEADERS = "Accept-Encoding: gzip\r\n" if args.accept_gzip else ""

    work = ROOT / "var" / "bench" / NAME
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    env = prepare(work, reuse=args.reuse)
    urls = page_urls()
    article_kind = next((k for k in ("guidance", "news", "legal_case") if k in urls), None)
    if article_kind is None:
        raise SystemExit("the demo has no article page: is pbgdpl.portal.demo loaded?")
    setup_seconds = round(time.perf_counter() - started, 1)

    # The page bytes, fetched from the production server, become static files (whitenoise
    # indexes STATIC_ROOT when it starts: the servers measured below start after this).
    static_dir = Path(env["STATIC_ROOT"]) / "bench"
    static_dir.mkdir(parents=True, exist_ok=True)
    pages = {"home": urls["home"], "article": urls[article_kind]}
    cache_states: dict[str, list[str]] = {}
    with Server(env, worker_class="gthread", threads=args.threads) as server:
        for name, path in pages.items():
            states = []
            for _ in range(4):  # both workers: a miss each, then hits
                headers, body = fetch_ok(server.port, path)
                states.append(headers.get("x-page-cache", "absent"))
                if "set-cookie" in headers:
                    raise SystemExit(f"{path} sets a cookie for an anonymous reader")
            cache_states[name] = states
            (static_dir / f"{name}.html").write_bytes(body)
            # whitenoise serves the precompressed sibling to gzip clients, as for any
            # static file collected in production.
            (static_dir / f"{name}.html.gz").write_bytes(gzip.compress(body))
        weights = {kind: weigh(server.port, path) for kind, path in urls.items()}
    targets: dict[str, str] = {}
    for name, path in pages.items():
        targets[name] = path
        targets[f"{name}_static"] = f"/static/bench/{name}.html"

    classes = [args.worker_class] if args.worker_class else ["sync", "gthread"]
    servers = {c: Server(env, worker_class=c, threads=args.threads) for c in classes}
    try:
        for server in servers.values():
            server.__enter__()
        choice: dict = {}
        if args.worker_class:
            worker_class, reason = args.worker_class, "given with --worker-class"
        else:
            worker_class, choice, reason = choose_worker_class(
                servers,
                targets,
                seconds=max(2.0, args.duration / 2),
                concurrency=args.concurrency,
            )
        for c in classes:
            if c != worker_class:
                servers.pop(c).__exit__(None, None, None)
        port = servers[worker_class].port
        for name in pages:
            _h, page_body = fetch_ok(port, targets[name])
            _h, static_body = fetch_ok(port, targets[f"{name}_static"])
            if page_body != static_body:
                raise SystemExit(f"the static copy of {name} differs from the page")
        results = measure(
            port, targets, rounds=args.rounds, seconds=args.duration, concurrency=args.concurrency
        )
    finally:
        for server in servers.values():
            server.__exit__(None, None, None)

    failed = {name: r["errors"] for name, r in results.items() if r["errors"] > r["requests"] / 100}
    if failed:
        raise SystemExit(f"too many failed requests: {failed}")
    ratios = {
        name: round(results[name]["rps"] / results[f"{name}_static"]["rps"], 3)
        if results[f"{name}_static"]["rps"]
        else None
        for name in pages
    }
    result = {
        "server": {
            "gunicorn_workers": 2,
            "worker_class": worker_class,
            "worker_class_reason": reason,
            "threads": args.threads if worker_class == "gthread" else 1,
            "cpus": os.cpu_count(),
            "database": "postgresql" if "postgres" in env["DATABASE_URL"] else "sqlite",
            "cache": "redis" if os.environ.get("REDIS_URL") else "locmem",
        },
        "worker_class_choice": {
            c: {t: {"rps": r["rps"], "p99_ms": r["p99_ms"]} for t, r in v.items()}
            for c, v in choice.items()
        },
        "concurrency": args.concurrency,
        "seconds_per_target": args.duration * args.rounds,
        "pages": {
            name: {"url": path, "bytes": (static_dir / f"{name}.html").stat().st_size}
            for name, path in pages.items()
        },
        "page_cache_first_fetches": cache_states,
        "load": results,
        "ratio_page_to_static": ratios,
        "aim_ratio": AIM,
        "within_aim": all(r is not None and r >= AIM for r in ratios.values()),
        "weight_bytes": {kind: w["total_bytes"] for kind, w in weights.items()},
        "weight": weights,
        "weight_budget_bytes": WEIGHT_BUDGET,
        "setup_seconds": setup_seconds,
    }
    result["client_accept_gzip"] = args.accept_gzip
    emit(f"{NAME}_gzip" if args.accept_gzip else NAME, result)


if __name__ == "__main__":
    main()
