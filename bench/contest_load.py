"""Contest rush: 1,000 participants start → autosave → submit against the production
server on PostgreSQL within 60 s, then the same with the server SIGKILLed mid-run.

Issue 7, "Budgets and faults". One run:

1. **Database.** Drops and creates a fresh PostgreSQL database (``--database``, default
   BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/bench_contests; its name must
   contain "bench", the bench refuses to drop anything else) and runs ``manage.py
   migrate``. Production-like environment: DEBUG=0, a bench-only SECRET_KEY,
   SECURE_SSL_REDIRECT=0, ALLOWED_HOSTS=127.0.0.1, VAR_DIR under
   ``var/bench/contest_load/``, TESTING unset, local-memory cache (no REDIS_URL), and
   ``CONTEST_REGISTER_RATE_COUNT`` raised to 1,000,000: every participant of the bench
   registers from the same address 127.0.0.1, which the production limit (60 an hour
   per address) would otherwise refuse after 60.
2. **Fixture** (``--role fixture``, a Django process, through the real services): a
   province and three communes, two legal fields, a staff user holding province_admin
   and one holding approver, 40 questions written by the first and approved by the
   second (``item_create`` → ``item_set_status`` review → approved; a quarter have two
   correct choices), and two published contests ("load" and "kill"), each with one
   round: draw rules of 5 items of each field (10 an attempt), 15 minutes, the pool set
   while the round is upcoming, then opened by moving ``opens_at`` into the past with a
   queryset update (a pool is frozen once the round is open). The process also hands
   over which choices are correct, so the clients know the score they should get.
3. **Server.** gunicorn ``pbgdpl.wsgi`` on 127.0.0.1 (free port), in its own process
   group, ``--workers``/``--worker-class``/``--threads`` (default 4 sync workers, as
   docs/deploy.md runs it; see "Workers" below; ``--preload`` to import Django once in
   the master), with Django's persistent database connections (``DB_CONN_MAX_AGE``,
   60 s by default in settings).
4. **Registration** (not timed, not part of the budget): 1,000 participants per contest
   through ``POST /api/v1/contests/<id>/participants``; the clients keep the tokens.
   This also warms every worker.
5. **Load run** (timed): ``--concurrency`` clients (default 50, asyncio with raw
   HTTP/1.1, keep-alive where the server keeps the connection — the cheapest generator,
   since it shares the 2 cores with gunicorn and PostgreSQL) take the 1,000
   participants from a queue, each:
   ``POST /api/v1/contests/<id>/attempts`` (start, header X-Participant-Token); for 10 %
   a second start sent at the same moment on another connection, a real double click,
   which must return the same attempt id; 2–3 ``PUT /api/v1/attempts/<id>/answers``
   autosaves of partial answers (one of them a choice the participant changes later);
   ``POST /api/v1/attempts/<id>/submit`` with an ``Idempotency-Key`` and the full
   answers. No retries here: any status other than the expected one is an error. The
   clients send back to back, without thinking time — a harsher rush than people
   produce, so the latencies include the queue in front of the workers. Reported per
   step: requests, p50/p99 ms, errors by status; wall time, requests/s, and the CPU
   shares (the generator's own, gunicorn's, the whole machine's: the machine is shared
   and noisy).
6. **Check** (``--role check``, a Django process): exactly 1,000 attempts in the round,
   no participant with two ("doubled"), every acknowledged submission (HTTP 200)
   present with status submitted and graded_at set, its stored answers equal to what
   the client sent, its grade equal to the client's own recomputation from the correct
   choices (and to the grade in the submit response); anything else is "lost".
7. **Kill run**: the second contest and its 1,000 fresh participants, the same flow,
   but when ``--kill-at`` (40 %) of the submissions have been acknowledged the whole
   gunicorn process group gets SIGKILL, and gunicorn is started again at once on the
   same port. The clients retry what failed (refused or reset connections, 5xx) with
   exponential backoff: the same attempt id, the same Idempotency-Key. Afterwards
   ``manage.py contest_close_due`` (or, while that command does not exist,
   ``services.attempts_close_due`` in a Django process) closes what is due, and the
   check of step 6 runs again: every acknowledged submission present, submitted and
   graded; nobody with two attempts. Reported: requests that failed during the outage
   (no answer, or 5xx), and the downtime: SIGKILL → the restarted server answers
   (/healthz or a client's request, whichever first). The kill run's latencies include
   the requests that waited in the new server's listen queue while it started; the
   500 ms target applies to the load run.

Workers (load run, measured on this 2-core machine while it was quiet): 4 sync workers
18.5 s, 249 requests/s, p99 264–381 ms per step; 2 gthread × 4 threads 16.3 s, 283/s,
p99 382–462 ms; 4 gthread × 2 threads 22.0 s, p99 860–1,066 ms; 2 gthread × 8 threads
p99 ~700–1,500 ms. A keep-alive connection stays with the gthread worker that accepted
it, so 50 clients spread unevenly and one worker's queue runs long; sync workers take
every request from the one shared listen queue, so the wait is fair and the tail
short (the client reconnects for each request, which costs it a little CPU). Behind
nginx (docs/deploy.md) slow phones are buffered by nginx, so sync workers lose nothing
there. Default: 4 sync workers.

A shared machine: other work on the host takes the cores the server needs (the
figures above were several times worse while other test suites ran). Before each timed
run the bench waits (``--quiet-wait``, up to 300 s) until the machine, with the server
idle, is less than 20 % busy, and reports the busy share it found and the CPU shares
during the run (``cpu.other`` is everyone else).

Prints one JSON line; writes bench/results/contest_load.json; exits 1 when a check
fails: p99 over 500 ms in a step, the load run over 60 s, any unexpected answer in the
load run (a double click answered 409 included), an acknowledged submission lost, a
participant with two attempts, a participant the kill run could not finish.

    .venv/bin/python bench/contest_load.py [--workers 4 --worker-class sync|gthread
        --threads 4 --preload --concurrency 50 --participants 1000 --kill-at 0.4
        --no-kill --quiet-wait 300 --no-save]
"""

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import ROOT, emit, percentile

NAME = "contest_load"
WORK = ROOT / "var" / "bench" / NAME
HOST = "127.0.0.1"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bench_contests"
RESULT_MARK = "@@KET-QUA@@"
P99_TARGET_MS = 500
WALL_BUDGET_S = 60
ITEMS = 40
DRAW_PER_FIELD = 5
DOUBLE_CLICK_SHARE = 0.10
REQUEST_TIMEOUT_S = 30
# What "no HTTP answer" looks like to the client (refused, reset, cut short, timed out).
FAILURES = (
    TimeoutError,
    OSError,
    asyncio.IncompleteReadError,
    asyncio.LimitOverrunError,
    ValueError,
    IndexError,
)
RETRY_GIVE_UP_S = 90
QUIET_BUSY = 0.2  # the share of the machine others may use before a timed run starts

# --------------------------------------------------------------------------- environment


def server_env(database_url: str) -> dict[str, str]:
    """The environment of every Django process of the bench (server, migrate, roles)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "TESTING", "DJANGO_SETTINGS_MODULE")
    }
    var = WORK / "var"
    env.update(
        DJANGO_SETTINGS_MODULE="pbgdpl.settings",
        DATABASE_URL=database_url,
        SECRET_KEY="bench-only-secret-key-contest-load",  # noqa: S106 - a local benchmark
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS=f"{HOST},localhost",
        VAR_DIR=str(var),
        STATIC_ROOT=str(var / "static"),
        MEDIA_ROOT=str(var / "media"),
        SEARCH_INDEX_DIR=str(var / "search"),
        # One client address registers 2,000 participants (see the module docstring).
        CONTEST_REGISTER_RATE_COUNT="1000000",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def database_reset(database_url: str) -> None:
    """Drop and create the bench's database (only a PostgreSQL one named *bench*)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not parts.scheme.startswith("postgres"):
        raise SystemExit("contest_load cần PostgreSQL (--database postgres://…)")
    if "bench" not in name:
        raise SystemExit(f"từ chối xoá cơ sở dữ liệu {name!r}: tên phải chứa 'bench'")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def migrate(env: dict[str, str]) -> None:
    (WORK / "var" / "static").mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def role_run(env: dict[str, str], *args: str) -> dict:
    """Run this file as a Django process (``--role …``); the JSON it reports."""
    proc = subprocess.run(
        [sys.executable, __file__, "--role", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(
            f"--role {' '.join(args)}: lỗi\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
        )
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            return json.loads(line[len(RESULT_MARK) :])
    raise SystemExit(f"--role {' '.join(args)}: không có kết quả\n{proc.stdout[-3000:]}")


# --------------------------------------------------------------------------- Django roles

# (field, law, question, choices, correct indexes): real provisions, so the bench's
# questions read like the bank's; a quarter have two correct choices.
TOPICS = (
    (0, "Luật Hôn nhân và gia đình năm 2014", "nữ được kết hôn từ bao nhiêu tuổi",
     ("Từ đủ 16 tuổi", "Từ đủ 18 tuổi", "Từ đủ 20 tuổi", "Từ đủ 21 tuổi"), (1,)),
    (0, "Luật Hôn nhân và gia đình năm 2014", "những hành vi nào bị cấm",
     ("Kết hôn giả tạo", "Tảo hôn", "Kết hôn với người cùng dân tộc",
      "Đăng ký kết hôn tại Ủy ban nhân dân cấp xã"), (0, 1)),
    (0, "Luật Hộ tịch năm 2014", "cha, mẹ phải đăng ký khai sinh cho con trong thời hạn nào",
     ("30 ngày kể từ ngày sinh", "60 ngày kể từ ngày sinh", "90 ngày kể từ ngày sinh",
      "120 ngày kể từ ngày sinh"), (1,)),
    (0, "Luật Hòa giải ở cơ sở năm 2013", "hòa giải viên được bầu bởi ai",
     ("Đại diện các hộ gia đình trong thôn, tổ dân phố", "Hội đồng nhân dân cấp tỉnh",
      "Tòa án nhân dân cấp huyện", "Bộ Tư pháp"), (0,)),
    (1, "Luật Phổ biến, giáo dục pháp luật năm 2012", "Ngày Pháp luật Việt Nam là ngày nào",
     ("Ngày 9 tháng 11", "Ngày 2 tháng 9", "Ngày 19 tháng 5", "Ngày 3 tháng 2"), (0,)),
    (1, "Luật Trợ giúp pháp lý năm 2017", "người thuộc hộ nghèo được trợ giúp pháp lý thế nào",
     ("Miễn phí", "Trả một nửa chi phí", "Trả toàn bộ chi phí"), (0,)),
    (1, "Luật Đất đai năm 2024", "Luật có hiệu lực thi hành từ ngày nào",
     ("Ngày 1 tháng 1 năm 2024", "Ngày 1 tháng 7 năm 2024", "Ngày 1 tháng 8 năm 2024",
      "Ngày 1 tháng 1 năm 2025"), (2,)),
    (1, "Luật Trật tự, an toàn giao thông đường bộ năm 2024",
     "trên xe mô tô ai phải đội mũ bảo hiểm và cài quai đúng quy cách",
     ("Người điều khiển xe", "Người ngồi trên xe", "Chỉ người trên 60 tuổi"), (0, 1)),
)  # fmt: skip


def role_fixture() -> dict:
    """Units, fields, staff, 40 approved questions, two published contests with an open
    round each — all through the services (see the module docstring)."""
    from datetime import date, timedelta

    from django.utils import timezone

    from pbgdpl.contests import services
    from pbgdpl.contests.models import Choice, Round
    from pbgdpl.contests.services import ContestInput, DrawRuleInput, ItemInput, RoundInput
    from pbgdpl.laws.models import LegalField
    from pbgdpl.people.models import RoleAssignment, User
    from pbgdpl.units.models import Unit

    started = time.perf_counter()
    valid = date(2025, 7, 1)
    province = Unit.objects.create(
        code="B52", name="Tỉnh Thử Tải", kind="tinh", path="B52/", depth=0, valid_from=valid
    )
    communes = [
        Unit.objects.create(
            code=f"B52{n:03d}",
            name=name,
            kind=kind,
            is_urban=kind == "phuong",
            parent=province,
            path=f"B52/B52{n:03d}/",
            depth=1,
            valid_from=valid,
        )
        for n, (name, kind) in enumerate(
            [("Xã Ia Thử", "xa"), ("Phường Thử Tải", "phuong"), ("Xã Kon Thử", "xa")], start=1
        )
    ]
    fields = [
        LegalField.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in (
            ("hon-nhan-va-gia-dinh", "Hôn nhân và gia đình"),
            ("hanh-chinh", "Hành chính"),
        )
    ]
    admin = User.objects.create_user(email="bench-contests@example.vn", password=None)
    RoleAssignment.objects.create(
        user=admin, role="province_admin", unit=province, valid_from=valid
    )
    # An author does not approve their own question: a second person does.
    approver = User.objects.create_user(email="bench-approver@example.vn", password=None)
    RoleAssignment.objects.create(user=approver, role="approver", unit=province, valid_from=valid)

    items = []
    for n in range(ITEMS):
        field_index, law, question, choices, correct = TOPICS[n % len(TOPICS)]
        data = ItemInput(
            stem=f"Câu {n + 1}: theo {law}, {question}?",
            choices=list(choices),
            correct=list(correct),
            legal_field=fields[field_index].code,
            difficulty=("easy", "medium", "hard")[n % 3],
            explanation=f"Xem {law}.",
        )
        item = services.item_create(actor=admin, unit=province, data=data)
        services.item_set_status(actor=admin, item=item, status="review")
        items.append(services.item_set_status(actor=approver, item=item, status="approved"))

    now = timezone.now()
    contests = {}
    for key, title in (("load", "Cuộc thi thử tải"), ("kill", "Cuộc thi thử sự cố")):
        contest = services.contest_create(
            actor=admin,
            data=ContestInput(
                title=f"{title} tìm hiểu pháp luật",
                unit=province.code,
                description="Cuộc thi dùng cho phép đo hiệu năng.",
            ),
        )
        rnd = services.round_create(
            actor=admin,
            contest=contest,
            data=RoundInput(
                title="Đợt 1",
                opens_at=now + timedelta(minutes=5),
                closes_at=now + timedelta(days=1),
                time_limit_minutes=15,
                draw_rules=[
                    DrawRuleInput(count=DRAW_PER_FIELD, legal_field=f.code) for f in fields
                ],
                prizes=[("Giải Nhất", 1), ("Giải Nhì", 2)],
            ),
        )
        services.round_pool_set(actor=admin, round=rnd, items=items)
        # Open the round now: the pool was set before, as a live round forbids.
        Round.objects.filter(pk=rnd.pk).update(opens_at=now - timedelta(minutes=1))
        services.contest_publish(actor=admin, contest=contest, published=True)
        contests[key] = {"id": contest.pk, "round": rnd.number}
    correct: dict[str, list[int]] = {str(i.pk): [] for i in items}
    for item_id, choice_id in Choice.objects.filter(item__in=items, is_correct=True).values_list(
        "item_id", "id"
    ):
        correct[str(item_id)].append(choice_id)
    return {
        "contests": contests,
        "communes": [u.code for u in communes],
        "correct": {k: sorted(v) for k, v in correct.items()},
        "seconds": round(time.perf_counter() - started, 2),
    }


def role_close_due() -> dict:
    """Fallback while ``manage.py contest_close_due`` does not exist."""
    from pbgdpl.contests.services import attempts_close_due

    return {"closed": attempts_close_due()}


def _norm(answers: dict) -> dict[str, list[int]]:
    return {str(k): sorted(set(v or [])) for k, v in answers.items()}


def role_check(path: str) -> dict:
    """Compare the database with what the clients saw (see the module docstring)."""
    from django.db.models import Count

    from pbgdpl.contests.models import Attempt, Participant, Round

    data = json.loads(Path(path).read_text())
    rnd = Round.objects.get(contest_id=data["contest_id"], number=data["round"])
    attempts = Attempt.objects.filter(round=rnd)
    rows = {
        str(a.pk): a
        for a in attempts.only(
            "id", "participant_id", "status", "graded_at", "answers", "correct", "total"
        )
    }
    doubled = attempts.values("participant").annotate(n=Count("id")).filter(n__gt=1).count()
    problems: Counter = Counter()
    examples: list[str] = []
    acknowledged = present_graded = 0
    known = set()
    for record in data["records"]:
        if record.get("attempt_id"):
            known.add(record["attempt_id"])
        if not record.get("acked"):
            continue
        acknowledged += 1
        attempt = rows.get(record["attempt_id"])
        if attempt is None:
            problem = "missing"
        elif attempt.participant_id != record["participant_id"]:
            problem = "other_participant"
        elif attempt.status != "submitted":
            problem = f"status_{attempt.status}"
        elif attempt.graded_at is None:
            problem = "not_graded"
        elif _norm(attempt.answers) != _norm(record["answers"]):
            problem = "answers_differ"
        elif attempt.correct != record["expected_correct"]:
            problem = "grade_differs"
        else:
            present_graded += 1
            continue
        problems[problem] += 1
        if len(examples) < 5:
            examples.append(f"{record['attempt_id']}: {problem}")
    return {
        "participants": Participant.objects.filter(contest_id=data["contest_id"]).count(),
        "attempts": len(rows),
        "by_status": dict(Counter(a.status for a in rows.values())),
        "closed_ungraded": sum(
            1 for a in rows.values() if a.status != "active" and a.graded_at is None
        ),
        "doubled": doubled,
        "unknown_to_clients": len(set(rows) - known),
        "acknowledged": acknowledged,
        "present_graded": present_graded,
        "lost": acknowledged - present_graded,
        "problems": dict(problems),
        "examples": examples,
    }


def role_main(args: list[str]) -> None:
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    command, *rest = args
    if command == "fixture":
        result = role_fixture()
    elif command == "close_due":
        result = role_close_due()
    elif command == "check":
        result = role_check(rest[0])
    else:
        raise SystemExit(f"không rõ vai trò {command}")
    print(RESULT_MARK + json.dumps(result, ensure_ascii=False), flush=True)


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """gunicorn in its own process group (so SIGKILL reaches the master and every
    worker at once), logging to var/bench/contest_load/gunicorn.log."""

    def __init__(
        self,
        env: dict,
        *,
        port: int,
        workers: int,
        worker_class: str,
        threads: int,
        preload: bool,
        app: str = "pbgdpl.wsgi",
    ):
        self.env, self.port = env, port
        self.command = [
            sys.executable, "-m", "gunicorn", app,
            "-b", f"{HOST}:{port}", "-w", str(workers), "--worker-class", worker_class,
            "--log-level", "warning", "--timeout", "30", "--keep-alive", "10",
        ]  # fmt: skip
        if worker_class == "gthread":
            self.command += ["--threads", str(threads)]
        if preload:  # the master imports Django once and forks (a faster restart)
            self.command.append("--preload")
        self.process: subprocess.Popen | None = None
        self.log = open(WORK / "gunicorn.log", "a")  # noqa: SIM115 - closed in stop()

    def start(self) -> None:
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: pgid == pid
        )

    def ready(self, timeout: float = 60) -> float:
        """Wait for /healthz; the seconds it took."""
        begun = time.perf_counter()
        while time.perf_counter() - begun < timeout:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn dừng với mã {self.process.returncode}")
            try:
                if healthz(self.port):
                    return time.perf_counter() - begun
            except Exception:  # noqa: S110 - not up yet
                pass
            time.sleep(0.05)
        raise SystemExit("gunicorn không trả lời /healthz")

    def kill(self) -> None:
        """SIGKILL the whole process group: the master and every worker, mid-request."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def cpu_seconds(self) -> float:
        """CPU used by the master and its live workers (and reaped children)."""
        if self.process is None or self.process.poll() is not None:
            return 0.0
        tick = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid, fields, _cmdline in _proc_stats():
            if int(fields[2]) == self.process.pid:  # pgrp
                total += int(fields[11]) + int(fields[12])
                if pid == self.process.pid:
                    total += int(fields[13]) + int(fields[14])
        return total / tick

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def healthz(port: int) -> bool:
    import http.client

    conn = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        conn.request("GET", "/healthz", headers={"Host": HOST})
        return conn.getresponse().status == 200
    finally:
        conn.close()


def _proc_stats() -> list[tuple[int, list[str], str]]:
    """(pid, the fields of /proc/<pid>/stat after the name, cmdline) of every process."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("latin-1")
        except OSError:
            continue
        out.append((int(entry.name), fields, cmdline))
    return out


def postgres_cpu_seconds(database: str) -> dict[int, float]:
    """CPU used so far by each PostgreSQL backend connected to ``database`` (the
    server's connections are persistent, so they live through a run)."""
    tick = os.sysconf("SC_CLK_TCK")
    return {
        pid: (int(f[11]) + int(f[12])) / tick
        for pid, f, cmdline in _proc_stats()
        if cmdline.startswith("postgres:") and f" {database} " in cmdline
    }


def machine_ticks() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def wait_quiet(max_wait: float, *, threshold: float = QUIET_BUSY) -> dict:
    """Wait (up to ``max_wait`` seconds) until the machine, with the bench's server idle,
    is busy less than ``threshold`` of its CPUs over 3 s: other work on a shared host
    takes the cores the server needs. Returns the last busy share, the wait, and whether
    it was quiet (a run that was not quiet is still made, and says so)."""
    began = time.perf_counter()
    while True:
        busy0, total0 = machine_ticks()
        time.sleep(3)
        busy1, total1 = machine_ticks()
        busy = (busy1 - busy0) / max(1, total1 - total0)
        waited = time.perf_counter() - began
        if busy < threshold or waited >= max_wait:
            return {"busy": round(busy, 3), "waited_s": round(waited, 1), "quiet": busy < threshold}


# --------------------------------------------------------------------------- HTTP client


class ConnectionFailed(Exception):
    """The request got no HTTP answer (refused, reset, closed, timed out)."""


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool, bytes]:
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
        parts = []
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            if size:
                parts.append(await reader.readexactly(size))
            await reader.readline()
            if not size:
                return status, close, b"".join(parts)
    if length is None:
        return status, True, await reader.read()
    return status, close, await reader.readexactly(length)


class Connection:
    """One keep-alive HTTP/1.1 connection, reopened when the server closes it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def _exchange(self, data: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        self.writer.write(data)
        status, close, body = await _read_response(self.reader)
        if close:
            self.close()
        return status, body

    async def request(
        self, method: str, path: str, *, token: str, payload: dict | None, key: str = ""
    ) -> tuple[int, bytes]:
        body = json.dumps(payload).encode() if payload is not None else b""
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: pbgdpl-bench\r\n"
            f"Accept: application/json\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n"
        )
        if token:
            head += f"X-Participant-Token: {token}\r\n"
        if key:
            head += f"Idempotency-Key: {key}\r\n"
        try:
            return await asyncio.wait_for(
                self._exchange(head.encode() + b"\r\n" + body), REQUEST_TIMEOUT_S
            )
        except FAILURES as exc:
            self.close()
            raise ConnectionFailed(exc.__class__.__name__) from None


# --------------------------------------------------------------------------- participants


@dataclass
class Participant:
    number: int
    token: str
    participant_id: int
    double_click: bool
    seed: int
    attempt_id: str = ""
    answers: dict = field(default_factory=dict)  # the full answers of the submission
    expected_correct: int | None = None
    acked: bool = False
    ack_correct: int | None = None
    failed: str = ""


@dataclass
class StepStats:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)

    def summary(self) -> dict:
        return {
            "n": len(self.latencies),
            "p50_ms": round(percentile(self.latencies, 50), 1),
            "p99_ms": round(percentile(self.latencies, 99), 1),
            "max_ms": round(max(self.latencies), 1) if self.latencies else 0.0,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items(), key=str)},
        }


class Run:
    """One run (load or kill): the participants, the statistics, the retry policy."""

    def __init__(self, port: int, contest_id: int, correct: dict, *, retry: bool) -> None:
        self.port, self.contest_id, self.correct, self.retry = port, contest_id, correct, retry
        self.steps = {s: StepStats() for s in ("start", "start_repeat", "save", "submit")}
        self.errors: Counter = Counter()  # "<step> <status or exception>"
        self.failed_requests = 0  # no HTTP answer, or 5xx (retried when ``retry``)
        self.retries = 0
        self.acked = 0
        self.first_success_after: dict[str, float] = {}
        self.kill_time: float | None = None

    async def call(
        self, conn: Connection, step: str, method: str, path: str, *, token: str,
        payload: dict | None, key: str = "", expect: tuple[int, ...] = (200,),
    ) -> tuple[int, dict] | None:  # fmt: skip
        """One request of ``step``; with retries (kill run) until it gets an answer that
        is not a 5xx. None when it failed for good."""
        stats = self.steps[step]
        give_up = time.perf_counter() + RETRY_GIVE_UP_S
        delay = 0.05
        while True:
            began = time.perf_counter()
            try:
                status, body = await conn.request(
                    method, path, token=token, payload=payload, key=key
                )
            except ConnectionFailed as exc:
                status, body, what = None, b"", str(exc)
            else:
                what = str(status)
            ended = time.perf_counter()
            if status is not None and status < 500:
                stats.latencies.append((ended - began) * 1000)
                stats.statuses[status] += 1
                if (
                    self.kill_time is not None
                    and began > self.kill_time
                    and "api" not in self.first_success_after
                ):
                    self.first_success_after["api"] = ended
                if status not in expect:
                    try:
                        code = json.loads(body).get("code") or ""
                    except ValueError:
                        code = ""
                    self.errors[f"{step} {status} {code}".strip()] += 1
                    return None
                return status, json.loads(body)
            self.failed_requests += 1
            self.errors[f"{step} {what}"] += 1
            if not self.retry or ended > give_up:
                return None
            self.retries += 1
            await asyncio.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 1.0)

    def choose(self, p: Participant, items: list[dict]) -> tuple[dict, list[dict]]:
        """The participant's final answers (70 % right, some wrong, some skipped) and the
        2–3 partial autosaves before them (one with a choice changed later)."""
        rng = random.Random(p.seed)
        final: dict[str, list[int]] = {}
        for item in items:
            right = self.correct[str(item["id"])]
            ids = [c["id"] for c in item["choices"]]
            roll = rng.random()
            if roll < 0.7:
                final[str(item["id"])] = list(right)
            elif roll < 0.95:
                wrong = [c for c in ids if [c] != right]
                final[str(item["id"])] = [rng.choice(wrong)]
            else:
                final[str(item["id"])] = []
        keys = list(final)
        parts = 2 + (p.seed % 2)
        saves = []
        for k in range(parts):
            chunk = keys[k * len(keys) // parts : (k + 1) * len(keys) // parts]
            save = {key: final[key] for key in chunk}
            if k == 0 and chunk:  # a first thought, changed by the submission
                first = items[0]
                save[str(first["id"])] = [first["choices"][-1]["id"]]
            saves.append(save)
        return final, saves

    def expected(self, final: dict) -> int:
        return sum(1 for key, chosen in final.items() if sorted(chosen) == self.correct[key])

    async def participant(self, conn: Connection, p: Participant) -> None:
        start_path = f"/api/v1/contests/{self.contest_id}/attempts"
        if p.double_click:  # two clicks at once, on two connections
            spare = Connection(self.port)
            first, second = await asyncio.gather(
                self.call(conn, "start", "POST", start_path, token=p.token, payload={},
                          expect=(200, 201)),
                self.call(spare, "start_repeat", "POST", start_path, token=p.token,
                          payload={}, expect=(200, 201)),
            )  # fmt: skip
            spare.close()
            if first and second and first[1]["attempt_id"] != second[1]["attempt_id"]:
                self.errors["start double click: two attempts"] += 1
            started = first or second
        else:
            started = await self.call(
                conn, "start", "POST", start_path, token=p.token, payload={}, expect=(200, 201)
            )
        if started is None:
            p.failed = "start"
            return
        attempt = started[1]
        p.attempt_id = attempt["attempt_id"]
        final, saves = self.choose(p, attempt["items"])
        for save in saves:
            saved = await self.call(
                conn, "save", "PUT", f"/api/v1/attempts/{p.attempt_id}/answers",
                token=p.token, payload={"answers": save},
            )  # fmt: skip
            if saved is None:
                p.failed = "save"
                return
        p.answers, p.expected_correct = final, self.expected(final)
        rng = random.Random(p.seed + 1)
        submitted = await self.call(
            conn, "submit", "POST", f"/api/v1/attempts/{p.attempt_id}/submit",
            token=p.token, payload={"answers": final, "prediction": rng.randint(0, 1000)},
            key=str(uuid.UUID(int=rng.getrandbits(128))),
        )  # fmt: skip
        if submitted is None:
            p.failed = "submit"
            return
        p.acked = True
        p.ack_correct = submitted[1].get("correct")
        self.acked += 1
        if p.ack_correct != p.expected_correct:
            self.errors["submit: grade in the answer differs"] += 1

    async def drive(self, participants: list[Participant], concurrency: int) -> None:
        queue: asyncio.Queue = asyncio.Queue()
        for p in participants:
            queue.put_nowait(p)

        async def client() -> None:
            conn = Connection(self.port)
            while not queue.empty():
                await self.participant(conn, queue.get_nowait())
            conn.close()

        await asyncio.gather(*(client() for _ in range(concurrency)))

    def requests(self) -> int:
        return sum(len(s.latencies) for s in self.steps.values())

    def records(self, participants: list[Participant]) -> list[dict]:
        return [
            {
                "participant_id": p.participant_id,
                "attempt_id": p.attempt_id,
                "acked": p.acked,
                "answers": p.answers,
                "expected_correct": p.expected_correct,
            }
            for p in participants
        ]


async def register(port: int, contest_id: int, communes: list[str], *, prefix: str, n: int,
                   concurrency: int) -> tuple[list[Participant], dict]:  # fmt: skip
    """Register ``n`` participants through the API (untimed for the budget)."""
    family = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ")
    middle = ("Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Thu")
    given = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Mai", "Nam")
    groups = ("citizen", "student", "official", "worker")
    out: list[Participant | None] = [None] * n
    latencies: list[float] = []
    statuses: Counter = Counter()
    todo = list(range(n))
    rng = random.Random(prefix)
    doubles = set(rng.sample(range(n), round(n * DOUBLE_CLICK_SHARE)))

    async def client() -> None:
        conn = Connection(port)
        while todo:
            i = todo.pop()
            payload = {
                "name": f"{family[i % 10]} {middle[i // 10 % 8]} {given[i // 80 % 10]}",
                "unit": communes[i % len(communes)],
                "phone": f"{prefix}{i:07d}",
                "group": groups[i % len(groups)],
                "consent": True,
            }
            began = time.perf_counter()
            status, body = await conn.request(
                "POST", f"/api/v1/contests/{contest_id}/participants", token="", payload=payload
            )
            latencies.append((time.perf_counter() - began) * 1000)
            statuses[status] += 1
            if status != 201:
                raise SystemExit(f"đăng ký {i}: HTTP {status} {body[:300]!r}")
            data = json.loads(body)
            out[i] = Participant(
                number=i,
                token=data["token"],
                participant_id=data["participant_id"],
                double_click=i in doubles,
                seed=int(prefix) * 1_000_000 + i,
            )
        conn.close()

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    seconds = time.perf_counter() - began
    return out, {
        "n": n,
        "seconds": round(seconds, 2),
        "rps": round(n / seconds, 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p99_ms": round(percentile(latencies, 99), 1),
    }


# --------------------------------------------------------------------------- the runs


def load_run(port: int, server: Server, contest_id: int, correct: dict,
             participants: list[Participant], concurrency: int) -> tuple[Run, dict]:  # fmt: skip
    run = Run(port, contest_id, correct, retry=False)
    database = urlsplit(server.env["DATABASE_URL"]).path.lstrip("/")
    pg0 = postgres_cpu_seconds(database)
    busy0, total0 = machine_ticks()
    server_cpu0, cpu0 = server.cpu_seconds(), time.process_time()
    began = time.perf_counter()
    asyncio.run(run.drive(participants, concurrency))
    wall = time.perf_counter() - began
    busy1, total1 = machine_ticks()
    pg1 = postgres_cpu_seconds(database)
    pg = sum(v - pg0.get(pid, 0.0) for pid, v in pg1.items())
    cpus = os.cpu_count() or 1
    figures = {
        "wall_s": round(wall, 2),
        "requests": run.requests(),
        "rps": round(run.requests() / wall, 1),
        "cpu": {
            # shares of the whole machine (1.0 = every core busy for the whole run)
            "generator": round((time.process_time() - cpu0) / wall / cpus, 3),
            "gunicorn": round((server.cpu_seconds() - server_cpu0) / wall / cpus, 3),
            "postgres": round(pg / wall / cpus, 3),
            "machine_busy": round((busy1 - busy0) / max(1, total1 - total0), 3),
        },
    }
    share = figures["cpu"]
    # Everything else on the machine (other work on the shared host, the kernel).
    share["other"] = round(
        max(
            0.0, share["machine_busy"] - share["generator"] - share["gunicorn"] - share["postgres"]
        ),
        3,
    )
    return run, figures


def kill_run(port: int, server: Server, contest_id: int, correct: dict,
             participants: list[Participant], concurrency: int,
             kill_at: float) -> tuple[Run, dict]:  # fmt: skip
    """The flow with retries; SIGKILL of the server group at ``kill_at`` of the
    submissions acknowledged, then a restart on the same port."""
    run = Run(port, contest_id, correct, retry=True)
    target = max(1, int(len(participants) * kill_at))
    outage: dict = {}

    async def killer() -> None:
        while run.acked < target:
            await asyncio.sleep(0.005)
        failed_before = run.failed_requests
        run.kill_time = time.perf_counter()
        server.kill()
        outage["killed_after_acks"] = run.acked
        server.start()
        loop = asyncio.get_running_loop()
        while True:
            try:
                if await loop.run_in_executor(None, healthz, port):
                    break
            except Exception:  # noqa: S110 - not up yet
                pass
            await asyncio.sleep(0.05)
        outage["healthy_at"] = time.perf_counter()
        outage["failed_before_kill"] = failed_before

    async def main() -> None:
        await asyncio.gather(run.drive(participants, concurrency), killer())

    began = time.perf_counter()
    asyncio.run(main())
    wall = time.perf_counter() - began
    first_answer = run.first_success_after.get("api", outage["healthy_at"])
    figures = {
        "wall_s": round(wall, 2),
        "requests_answered": run.requests(),
        "killed_after_acks": outage.get("killed_after_acks"),
        # SIGKILL → the restarted server answers (/healthz or a client, whichever first)
        "downtime_s": round(min(outage["healthy_at"], first_answer) - run.kill_time, 2),
        "healthz_after_s": round(outage["healthy_at"] - run.kill_time, 2),
        "first_api_answer_after_s": round(first_answer - run.kill_time, 2),
        "failed_requests": run.failed_requests - outage.get("failed_before_kill", 0),
        "failed_before_kill": outage.get("failed_before_kill", 0),
        "retries": run.retries,
    }
    return run, figures


def close_due(env: dict) -> dict:
    command = ROOT / "pbgdpl" / "contests" / "management" / "commands" / "contest_close_due.py"
    if command.exists():
        proc = subprocess.run(
            [sys.executable, "manage.py", "contest_close_due"],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if proc.returncode != 0:
            raise SystemExit(f"contest_close_due: lỗi\n{proc.stderr[-3000:]}")
        return {"via": "manage.py contest_close_due", "output": proc.stdout.strip()[-300:]}
    return {"via": "services.attempts_close_due", **role_run(env, "close_due")}


def check(env: dict, name: str, contest_id: int, round_number: int, records: list[dict]) -> dict:
    path = WORK / f"client-{name}.json"
    path.write_text(
        json.dumps({"contest_id": contest_id, "round": round_number, "records": records})
    )
    return role_run(env, "check", str(path))


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--role", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parser.add_argument(
        "--database", default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE
    )
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="sync")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--preload", action="store_true", help="gunicorn --preload")
    parser.add_argument(
        "--app", default="pbgdpl.wsgi", help="the WSGI module gunicorn serves (to try a change)"
    )
    parser.add_argument("--kill-at", type=float, default=0.4)
    parser.add_argument("--no-kill", action="store_true", help="only the load run")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=300,
        help="seconds to wait at most for a quiet machine before each timed run (0: no wait)",
    )
    parser.add_argument("--no-save", action="store_true", help="print, do not write results")
    args = parser.parse_args()
    if args.role:
        role_main(args.role)
        return

    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "gunicorn.log").write_text("")
    begun = time.perf_counter()
    env = server_env(args.database)
    database_reset(args.database)
    migrate(env)
    fixture = role_run(env, "fixture")
    setup_s = round(time.perf_counter() - begun, 1)
    loadavg_before = Path("/proc/loadavg").read_text().split()[:3]

    port = free_port()
    server = Server(
        env,
        port=port,
        workers=args.workers,
        worker_class=args.worker_class,
        threads=args.threads,
        preload=args.preload,
        app=args.app,
    )
    server.start()
    correct = fixture["correct"]
    contests = fixture["contests"]
    try:
        server.ready()
        registered = {}
        people = {}
        for key, prefix in (("load", "091"), ("kill", "092")):
            people[key], registered[key] = asyncio.run(
                register(port, contests[key]["id"], fixture["communes"], prefix=prefix,
                         n=args.participants, concurrency=args.concurrency)
            )  # fmt: skip

        quiet = {"load": wait_quiet(args.quiet_wait)}
        run, figures = load_run(
            port, server, contests["load"]["id"], correct, people["load"], args.concurrency
        )
        load_check = check(
            env, "load", contests["load"]["id"], contests["load"]["round"],
            run.records(people["load"]),
        )  # fmt: skip

        kill: dict = {}
        if not args.no_kill:
            quiet["kill"] = wait_quiet(args.quiet_wait)
            krun, kfigures = kill_run(
                port, server, contests["kill"]["id"], correct, people["kill"],
                args.concurrency, args.kill_at,
            )  # fmt: skip
            closing = close_due(env)
            kcheck = check(
                env, "kill", contests["kill"]["id"], contests["kill"]["round"],
                krun.records(people["kill"]),
            )  # fmt: skip
            kill = {
                **kfigures,
                "acknowledged": kcheck["acknowledged"],
                "present_graded": kcheck["present_graded"],
                "lost": kcheck["lost"],
                "doubled": kcheck["doubled"],
                "attempts": kcheck["attempts"],
                "by_status": kcheck["by_status"],
                "participants_unfinished": sum(1 for p in people["kill"] if not p.acked),
                "problems": kcheck["problems"],
                "errors": dict(krun.errors),
                "steps": {k: v.summary() for k, v in krun.steps.items()},
                "close_due": closing,
            }
    finally:
        server.stop()

    steps = {k: v.summary() for k, v in run.steps.items()}
    p99_ok = all(s["p99_ms"] <= P99_TARGET_MS for s in steps.values() if s["n"])
    failures = []
    if not p99_ok:
        failures.append("p99 > 500 ms")
    if figures["wall_s"] > WALL_BUDGET_S:
        failures.append(f"load run {figures['wall_s']} s > {WALL_BUDGET_S} s")
    if run.errors:
        failures.append(f"errors {dict(run.errors)}")
    if load_check["attempts"] != args.participants:
        failures.append(f"{load_check['attempts']} attempts, not {args.participants}")
    if load_check["acknowledged"] != args.participants:
        failures.append(f"{load_check['acknowledged']} submissions acknowledged")
    if load_check["lost"] or load_check["doubled"] or load_check["unknown_to_clients"]:
        failures.append(f"load check {load_check}")
    if kill:
        if kill["lost"] or kill["doubled"] or kcheck["unknown_to_clients"]:
            failures.append(f"kill check lost {kill['lost']} doubled {kill['doubled']}")
        if kill["participants_unfinished"] or kill["attempts"] != args.participants:
            failures.append(f"kill run: {kill['participants_unfinished']} unfinished")
    result = {
        "name": NAME,
        "participants": args.participants,
        "concurrency": args.concurrency,
        "wall_s": figures["wall_s"],
        "wall_budget_s": WALL_BUDGET_S,
        "requests": figures["requests"],
        "rps": figures["rps"],
        "steps": steps,
        "errors": dict(run.errors),
        "lost": load_check["lost"],
        "doubled": load_check["doubled"],
        "check": load_check,
        "p99_target_ms": P99_TARGET_MS,
        "p99_ok": p99_ok,
        "cpu": figures["cpu"],
        "kill": kill,
        "workers": {
            "count": args.workers,
            "class": args.worker_class,
            "threads": args.threads if args.worker_class == "gthread" else 1,
            "preload": args.preload,
            "app": args.app,
            "db_conn_max_age": int(env.get("DB_CONN_MAX_AGE", "60")),
        },
        "registration": registered,
        "machine": {
            "cpus": os.cpu_count(),
            "loadavg_before": loadavg_before,
            "before_runs": quiet,
            "quiet_threshold": QUIET_BUSY,
        },
        "database": "postgresql",
        "setup_s": setup_s,
        "total_s": round(time.perf_counter() - begun, 1),
        "ok": not failures,
        "failures": failures,
    }
    if args.no_save:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
    else:
        emit(NAME, result)
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
