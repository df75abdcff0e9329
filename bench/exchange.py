"""Exchange pull: the initial pull of 10,000 items (items/s), and an incremental pull of
100 changes on top of 10,000 and on top of 100,000 items (budget: the two incremental
times within 2× of each other).

Two real nodes on loopback, each its own SQLite database under ``var/bench/exchange/``
(rebuilt on every run from one migrated template, kept between runs):

* **Node A** (the publisher) holds N legal documents and their feed items. Its
  warehouse is built quickly and exactly as the publisher would build it: the
  ``LegalDocument`` rows are bulk-created, then their feed data comes from the registered
  type's own ``fetch`` (the same data, hash, licence and URI as ``exchange_publish``), and
  the ``SharedItem``/``ItemChange`` rows are bulk-created with consecutive sequence
  numbers taken from ``FeedSequence`` under its lock. A check at the end asks the real
  ``exchange_publish`` to publish a sample again: it must find nothing to change. A is
  served by gunicorn (2 workers, the machine's 2 cores) on 127.0.0.1.
* **Node B** (the puller) starts empty and pulls from A over HTTP with the real pull
  engine (``exchange_pull()`` in this process, page size 200 as ``manage.py
  exchange_pull`` uses; the time is the whole run: lock, HTTP, checks, storing, cursor).

Steps: A gets 10,000 items; B's initial pull is timed (items/s). Then three rounds of
100 changes on A (real edits through ``laws.services.document_update``, each in its own
transaction like an editor's save) each followed by a timed incremental pull on B. A
then grows to 100,000 items and B pulls the 90,000 new ones (timed separately), then
three more rounds of 100 changes and incremental pulls. Reported: the median of each
set of three, their ratio, and whether it is within 2×. Finally A and B are compared
item by item (URI, version, hash).

    .venv/bin/python bench/exchange.py [--small N1,N2]   (e.g. --small 1000,5000 to try)
"""

import argparse
import hashlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, emit

NAME = "exchange"
WORK = ROOT / "var" / "bench" / NAME
# A's identity in global URIs (it need not resolve: B reads A at its loopback address).
A_URL = "http://nut-a.bench.invalid"
B_URL = "http://nut-b.bench.invalid"
CHANGES = 100
ROUNDS = 3
PAGE_LIMIT = 200
RESULT_MARK = "@@KET-QUA@@"

SUBJECTS = (
    "hòa giải ở cơ sở", "phổ biến, giáo dục pháp luật", "chuẩn tiếp cận pháp luật",
    "đăng ký hộ tịch", "bảo vệ môi trường", "quản lý đất đai", "an toàn giao thông",
    "phòng, chống bạo lực gia đình", "trợ giúp pháp lý", "chuyển đổi số",
    "quản lý chợ", "phòng cháy, chữa cháy", "bảo vệ rừng", "an toàn thực phẩm",
)  # fmt: skip
VERBS = (
    "Quy định", "Ban hành Quy chế", "Hướng dẫn thực hiện", "Sửa đổi, bổ sung một số điều về",
    "Quy định chi tiết về", "Phê duyệt Kế hoạch",
)  # fmt: skip


# --------------------------------------------------------------------------- node processes


def node_env(name: str, base_url: str) -> dict[str, str]:
    """The environment of a node: its own database, directories and identity."""
    root = WORK / name
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "EXCHANGE_NODE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="pbgdpl.settings",
        DATABASE_URL=f"sqlite:///{WORK / f'{name}.sqlite3'}",
        SITE_BASE_URL=base_url,
        SECRET_KEY="bench-only-secret-key",  # noqa: S106 - a local benchmark node
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        VAR_DIR=str(root / "var"),
        SEARCH_INDEX_DIR=str(root / "search"),
        MEDIA_ROOT=str(root / "media"),
        SEARCH_SYNC_INTERVAL="1",
        PAGE_CACHE_SECONDS="0",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def node_run(name: str, base_url: str, *args: str) -> dict:
    """Run this file as node ``name`` (``--node``) and return the JSON it reports."""
    proc = subprocess.run(
        [sys.executable, __file__, "--node", name, *args],
        cwd=ROOT,
        env=node_env(name, base_url),
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(
            f"nút {name} {' '.join(args)}: lỗi\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
        )
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK) :])
    raise SystemExit(f"nút {name} {' '.join(args)}: không có kết quả\n{proc.stdout[-3000:]}")


def databases_prepare() -> None:
    """Fresh A and B, copied from the migrated template (migrated once, re-checked)."""
    WORK.mkdir(parents=True, exist_ok=True)
    template = node_env("template", "http://template.invalid")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=template,
        check=True,
    )
    for name in ("a", "b"):
        for leftover in WORK.glob(f"{name}.sqlite3*"):  # -wal, -shm, the pull's lock file
            leftover.unlink()
        shutil.rmtree(WORK / name, ignore_errors=True)
        shutil.copyfile(WORK / "template.sqlite3", WORK / f"{name}.sqlite3")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_a() -> tuple[subprocess.Popen, str]:
    port = free_port()
    (WORK / "a" / "var" / "static").mkdir(parents=True, exist_ok=True)  # whitenoise's root
    log = open(WORK / "a-gunicorn.log", "w")  # noqa: SIM115 - lives as long as the server
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "pbgdpl.wsgi", "-b", f"127.0.0.1:{port}",
            "-w", "2", "--log-level", "warning", "--timeout", "120",
        ],
        cwd=ROOT, env=node_env("a", A_URL), stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    import requests

    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit(f"gunicorn của nút A dừng: {(WORK / 'a-gunicorn.log').read_text()}")
        try:
            if requests.get(f"{url}/healthz", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        time.sleep(0.2)
    # Warm both workers (first requests import the API and the feed code).
    for _ in range(20):
        requests.get(f"{url}/api/v1/exchange/changes", params={"limit": 5}, timeout=30)
    return server, url


# --------------------------------------------------------------------------- node A roles


def _emit(obj) -> None:
    print(RESULT_MARK + json.dumps(obj, ensure_ascii=False), flush=True)


def role_grow(total: int) -> dict:
    """Bring A to ``total`` legal documents, each published in the feed (see the module
    docstring for how, and why it equals what ``exchange_publish`` writes)."""
    from django.conf import settings
    from django.db import transaction

    from pbgdpl.core.text import fold
    from pbgdpl.exchange.canonical import content_hash
    from pbgdpl.exchange.models import ChangeOp, FeedSequence, ItemChange, SharedItem
    from pbgdpl.exchange.registry import exchange_type_get
    from pbgdpl.exchange.services import item_uri, node_base_url
    from pbgdpl.laws.exchange_types import EXCHANGE_DOCUMENT
    from pbgdpl.laws.models import DocumentOrigin, LegalDocument
    from pbgdpl.laws.services import document_type_for, issuing_body_for

    started = time.perf_counter()
    spec = exchange_type_get(EXCHANGE_DOCUMENT)
    doc_type = document_type_for(name="Quyết định")
    issuer = issuing_body_for(name="Ủy ban nhân dân tỉnh Thử Nghiệm")
    have = LegalDocument.objects.count()
    origin, licence = node_base_url(), spec.licence or settings.EXCHANGE_DEFAULT_LICENCE
    chunk = 5000
    for start in range(have, total, chunk):
        docs = []
        for i in range(start, min(total, start + chunk)):
            year = 2000 + i % 26
            number = f"{i + 1}/{year}/QĐ-UBND"
            subject = SUBJECTS[i % len(SUBJECTS)]
            docs.append(
                LegalDocument(
                    number=number,
                    number_key=fold(number),
                    eli=f"quyet-dinh/{year}/{i + 1}-{year}-qd-ubnd",
                    title=f"{VERBS[i % len(VERBS)]} {subject} trên địa bàn tỉnh (số {i + 1})",
                    doc_type=doc_type,
                    issuer=issuer,
                    signer="Nguyễn Văn Thử",
                    origin=DocumentOrigin.MANUAL,
                )
            )
        with transaction.atomic():
            created = LegalDocument.objects.bulk_create(docs)
            ids = [str(d.pk) for d in created]
            records = []
            for j in range(0, len(ids), 1000):
                records += spec.fetch(ids[j : j + 1000])
            counter = FeedSequence.objects.select_for_update().filter(pk=1).first()
            if counter is None:
                FeedSequence.objects.get_or_create(pk=1)
                counter = FeedSequence.objects.select_for_update().get(pk=1)
            seq = counter.value
            items, history = [], []
            for record in records:
                seq += 1
                item = SharedItem(
                    uri=item_uri(type=EXCHANGE_DOCUMENT, uuid=record.uuid),
                    type=EXCHANGE_DOCUMENT,
                    uuid=record.uuid,
                    origin=origin,
                    origin_id=str(record.uuid),
                    local_id=record.local_id,
                    version=1,
                    hash=content_hash(record.data),
                    licence=licence,
                    updated_at=record.updated_at,
                    deleted=False,
                    data=record.data,
                    seq=seq,
                )
                items.append(item)
                history.append(
                    ItemChange(seq=seq, uri=item.uri, op=ChangeOp.UPSERT, version=1, hash=item.hash)
                )
            SharedItem.objects.bulk_create(items, batch_size=1000)
            ItemChange.objects.bulk_create(history, batch_size=1000)
            counter.value = seq
            counter.save(update_fields=["value"])
    return {
        "documents": LegalDocument.objects.count(),
        "items": SharedItem.objects.count(),
        "seconds": round(time.perf_counter() - started, 2),
    }


def role_change(count: int, round_no: int) -> dict:
    """``count`` edits of different documents through the library's own service (each
    in its own transaction, publishing a new version into the feed)."""
    from pbgdpl.exchange.models import SharedItem
    from pbgdpl.laws.models import LegalDocument
    from pbgdpl.laws.services import document_update
    from pbgdpl.people.models import User

    user = User.objects.filter(email="bench@example.vn").first()
    if user is None:
        user = User.objects.create(email="bench@example.vn", is_superuser=True, is_staff=True)
    pks = list(LegalDocument.objects.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(pks) // count)
    chosen = [pks[(k * step + round_no * 7) % len(pks)] for k in range(count)]
    top = SharedItem.objects.order_by("-seq").values_list("seq", flat=True).first()
    started = time.perf_counter()
    for document in LegalDocument.objects.filter(pk__in=chosen):
        document_update(
            document=document, user=user, title=f"{document.title} — sửa đổi lần {round_no}"
        )
    return {
        "changed": SharedItem.objects.filter(seq__gt=top).count(),
        "seconds": round(time.perf_counter() - started, 2),
    }


def role_check() -> dict:
    """A republishes a sample through the real publisher: nothing may change (so the bulk
    rows equal what ``exchange_publish`` writes); and a digest of every item."""
    from pbgdpl.exchange.services import exchange_publish
    from pbgdpl.laws.models import LegalDocument

    pks = list(LegalDocument.objects.order_by("?").values_list("pk", flat=True)[:200])
    return {"republished": exchange_publish(type="laws.document", local_ids=pks), **digest()}


def digest() -> dict:
    """Count and SHA-256 over (uri, version, hash, deleted) of every item, in URI order."""
    from pbgdpl.exchange.models import SharedItem

    h = hashlib.sha256()
    count = 0
    rows = SharedItem.objects.order_by("uri").values_list("uri", "version", "hash", "deleted")
    for row in rows.iterator(chunk_size=5000):
        h.update(repr(row).encode())
        count += 1
    return {"items": count, "digest": h.hexdigest()}


def node_main(args: argparse.Namespace) -> None:
    import django

    django.setup()
    command, *rest = args.command
    if command == "grow":
        _emit(role_grow(int(rest[0])))
    elif command == "change":
        _emit(role_change(int(rest[0]), int(rest[1])))
    elif command == "check":
        _emit(role_check())
    else:
        raise SystemExit(f"không rõ lệnh {command}")


# --------------------------------------------------------------------------- node B, timing


def b_setup():
    os.environ.update(node_env("b", B_URL))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def timed_pull(peer) -> tuple[float, object]:
    from pbgdpl.exchange.pull import exchange_pull

    started = time.perf_counter()
    run = exchange_pull(peer=peer, limit=PAGE_LIMIT)
    elapsed = time.perf_counter() - started
    if run.error:
        raise SystemExit(f"lần kéo lỗi: {run.error}")
    return elapsed, run


def incremental_rounds(peer, *, size: int, first_round: int) -> list[dict]:
    rounds = []
    for k in range(ROUNDS):
        change = node_run("a", A_URL, "change", str(CHANGES), str(first_round + k))
        seconds, run = timed_pull(peer)
        if run.applied != change["changed"]:
            raise SystemExit(f"B áp dụng {run.applied} mục, A đổi {change['changed']}")
        rounds.append({"seconds": round(seconds, 3), "applied": run.applied, "on_top_of": size})
    return rounds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--node", help=argparse.SUPPRESS)
    parser.add_argument("--small", help="two sizes instead of 10000,100000 (a trial run)")
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.node:
        node_main(args)
        return
    small, large = (int(n) for n in (args.small or "10000,100000").split(","))
    begun = time.perf_counter()
    databases_prepare()
    build_small = node_run("a", A_URL, "grow", str(small))
    server, a_url = serve_a()
    try:
        b_setup()
        from pbgdpl.exchange.models import Peer, SharedItem

        peer = Peer.objects.create(name="nut-a", base_url=a_url, types=["laws.document"])
        seconds, run = timed_pull(peer)
        assert run.applied == small, run.applied
        initial = {
            "items": run.applied,
            "seconds": round(seconds, 2),
            "items_per_s": round(run.applied / seconds, 1),
            "pages": run.batches,
        }
        at_small = incremental_rounds(peer, size=small, first_round=1)

        build_large = node_run("a", A_URL, "grow", str(large))
        seconds, run = timed_pull(peer)
        growth = {
            "items": run.applied,
            "seconds": round(seconds, 2),
            "items_per_s": round(run.applied / seconds, 1),
        }
        held = SharedItem.objects.count()
        at_large = incremental_rounds(peer, size=held, first_round=ROUNDS + 1)

        check = node_run("a", A_URL, "check")
        mine = digest()
    finally:
        server.terminate()
        server.wait(timeout=30)
    t_small = statistics.median(r["seconds"] for r in at_small)
    t_large = statistics.median(r["seconds"] for r in at_large)
    ratio = round(t_large / t_small, 2)
    result = {
        "method": (
            "A: LegalDocument bulk-created, feed rows from the type's own fetch with "
            "consecutive seq (exchange_publish finds nothing to republish); served by "
            "gunicorn -w 2 on loopback, SQLite. B: fresh SQLite, exchange_pull() in-process, "
            f"page size {PAGE_LIMIT}; {CHANGES} changes = document_update edits on A; "
            f"median of {ROUNDS} rounds."
        ),
        "initial_pull": initial,
        "growth_pull": growth,
        "incremental_s": {
            f"on_{small}": t_small,
            f"on_{large}": t_large,
            "rounds": at_small + at_large,
        },
        "incremental_ratio": ratio,
        "within_2x": ratio <= 2 and 1 / ratio <= 2,
        "build_a_s": {str(small): build_small["seconds"], str(large): build_large["seconds"]},
        "a_republished_on_check": check["republished"],
        "b_equals_a": check["digest"] == mine["digest"] and check["items"] == mine["items"],
        "items": mine["items"],
        "total_s": round(time.perf_counter() - begun, 1),
    }
    if args.small:  # a trial: printed, not kept as the result
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        emit(NAME, result)


if __name__ == "__main__":
    main()
