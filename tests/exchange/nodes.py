"""Real PBGDPL Số nodes for integration tests: each one its own SQLite database file,
settings and (when asked) its own HTTP server on loopback, all in subprocesses.

The nodes never share anything with the test process: they always use SQLite files
under the test's temporary directory, whatever ``DATABASE_URL`` the suite itself runs
with (PostgreSQL or SQLite), and none of the caller's Redis, media or search settings.
Migrating takes 10–30 s, so one template database is migrated once per test session
(fixture ``node_template``) and each node starts from a copy of it.

Usage (fixture ``make_node``; a test module imports ``make_node`` and ``node_template``)::

    a = make_node("a", serve=True)          # gunicorn on 127.0.0.1:<free port>
    n = a.shell("from pbgdpl.laws.models import LegalDocument as D\nemit(D.objects.count())")
    b = make_node("b")
    b.manage("exchange_peer_add", "a", a.base_url)
    feed = a.feed_all()                      # every entry of A's change feed, over HTTP
    items = b.items()                        # B's SharedItem rows, read with sqlite3

Where no TCP port can be opened on 127.0.0.1 the tests using these fixtures are skipped
with that reason (never silently).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
RESULT_MARK = "@@KET-QUA@@"
# Settings of the caller that must never leak into a node.
_DROPPED_ENV = (
    "DATABASE_URL",
    "REDIS_URL",
    "EXCHANGE_NODE_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "SEARCH_INDEX_DIR",
    "VAR_DIR",
    "DJANGO_SETTINGS_MODULE",
    "PYTEST_XDIST_WORKER",
    "PYTEST_CURRENT_TEST",
    "CACHE_KEY_PREFIX",
    "SITE_BASE_URL",
)

# Prepended to every shell script: ``emit(obj)`` hands a JSON result back to the test.
_PRELUDE = f"""
import json as _json
def emit(obj):
    print({RESULT_MARK!r} + _json.dumps(obj, default=str), flush=True)
"""


class NodeError(AssertionError):
    """A node's command failed; the message carries its output."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (skips the test when loopback cannot be bound)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]
    except OSError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"Không mở được cổng TCP trên 127.0.0.1 để chạy nút thử nghiệm: {exc}")


def node_env(*, root: Path, db_path: Path, base_url: str) -> dict[str, str]:
    """The environment of a node process: its own database, directories and URL."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
    env.update(
        DATABASE_URL=f"sqlite:///{db_path}",
        VAR_DIR=str(root / "var"),
        SEARCH_INDEX_DIR=str(root / "search"),
        MEDIA_ROOT=str(root / "media"),
        STATIC_ROOT=str(root / "static"),
        SECRET_KEY="khoa-chi-dung-cho-nut-thu-nghiem-khong-dung-that",
        TESTING="1",
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_BASE_URL=base_url,
        PAGE_CACHE_SECONDS="0",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _describe(proc: subprocess.CompletedProcess | subprocess.Popen, out: str, err: str) -> str:
    args = proc.args if isinstance(proc.args, str) else " ".join(map(str, proc.args))
    return (
        f"{args[:300]}\n-- exit {proc.returncode}\n"
        f"-- stdout:\n{out[-4000:]}\n-- stderr:\n{err[-6000:]}"
    )


@dataclass
class Node:
    """One node: a database file, an environment, optionally a running server."""

    name: str
    root: Path
    db_path: Path
    port: int
    base_url: str
    env: dict[str, str] = field(repr=False)
    server: subprocess.Popen | None = field(default=None, repr=False)
    processes: list[subprocess.Popen] = field(default_factory=list, repr=False)
    _server_log: Path | None = field(default=None, repr=False)

    # --- processes ----------------------------------------------------------------
    def manage(
        self, *args: str, timeout: float = 180, check: bool = True
    ) -> subprocess.CompletedProcess:
        """Run ``manage.py <args>`` for this node and wait (NodeError when it fails)."""
        proc = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and proc.returncode != 0:
            raise NodeError(f"nút {self.name}: " + _describe(proc, proc.stdout, proc.stderr))
        return proc

    def manage_popen(self, *args: str) -> subprocess.Popen:
        """Start ``manage.py <args>`` for this node without waiting (output in pipes);
        :meth:`stop` kills it if it still runs then."""
        proc = subprocess.Popen(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.processes.append(proc)
        return proc

    def shell(self, script: str, *, params: dict | None = None, timeout: float = 180):
        """Run a Python script in ``manage.py shell`` on this node's database and return
        what it passed to ``emit(obj)`` (the last call; None without one). The script
        sees ``params`` (JSON-serialisable) as a global of that name."""
        code = (
            _PRELUDE
            + f"params = _json.loads({json.dumps(params or {})!r})\n"
            + textwrap.dedent(script)
        )
        proc = self.manage("shell", "-v", "0", "--no-imports", "-c", code, timeout=timeout)
        results = [
            line[len(RESULT_MARK) :]
            for line in proc.stdout.splitlines()
            if line.startswith(RESULT_MARK)
        ]
        return json.loads(results[-1]) if results else None

    def serve(self, *, wait: bool = True) -> None:
        """Start gunicorn for this node on 127.0.0.1:<port>; with ``wait``, return once
        ``/healthz`` answers."""
        if self.server is not None:
            return
        self._server_log = self.root / "server.log"
        log = self._server_log.open("wb")
        self.server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "pbgdpl.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "4",
                "--timeout",
                "120",
                "--graceful-timeout",
                "2",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        if wait:
            self.wait_ready()

    def wait_ready(self, timeout: float = 90) -> None:
        """Wait until the server answers ``/healthz`` with 200."""
        assert self.server is not None, "serve() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise NodeError(f"máy chủ của nút {self.name} đã dừng:\n{self.server_log()}")
            try:
                if requests.get(f"{self.base_url}/healthz", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise NodeError(f"máy chủ của nút {self.name} không trả lời sau {timeout} s:\n")

    def server_log(self) -> str:
        if self._server_log is None or not self._server_log.exists():
            return ""
        return self._server_log.read_text(errors="replace")[-6000:]

    def stop(self) -> None:
        """Stop this node's server and commands still running (only processes this
        harness started, each by its own handle)."""
        for proc in self.processes:
            if proc.poll() is None:
                proc.kill()
            proc.communicate(timeout=30)
        self.processes.clear()
        if self.server is None:
            return
        if self.server.poll() is None:
            self.server.send_signal(signal.SIGINT)  # gunicorn: quick shutdown
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait(timeout=10)
        self.server = None

    # --- reading the node ----------------------------------------------------------
    def get(self, path: str, **params) -> requests.Response:
        return requests.get(f"{self.base_url}{path}", params=params, timeout=60)

    def feed_all(self, *, limit: int = 500, types: str = "") -> list[dict]:
        """Every entry of the node's change feed, paged over HTTP with the cursor to the
        end (checks that sequence numbers only grow and the cursor never goes back)."""
        entries: list[dict] = []
        after = 0
        while True:
            params = {"after": after, "limit": limit}
            if types:
                params["types"] = types
            response = self.get("/api/v1/exchange/changes", **params)
            assert response.status_code == 200, response.text[:2000]
            body = response.json()
            seqs = [e["seq"] for e in body["items"]]
            assert seqs == sorted(seqs) and all(s > after for s in seqs), seqs
            assert body["next"] >= after
            entries += body["items"]
            after = body["next"]
            if not body["has_more"]:
                return entries

    def query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        """Rows of a read-only SQL query on the node's database (safe while it runs)."""
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=30)
        conn.row_factory = sqlite3.Row
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def items(self) -> dict[str, dict]:
        """The node's SharedItem rows by URI (``data`` decoded; ``peer`` is the peer's
        name, None for the node's own items)."""
        rows = self.query(
            "SELECT i.uri, i.type, i.version, i.hash, i.deleted, i.origin, i.data, i.seq,"
            " p.name AS peer FROM exchange_shareditem i"
            " LEFT JOIN exchange_peer p ON p.id = i.peer_id"
        )
        return {
            r["uri"]: {
                "uri": r["uri"],
                "type": r["type"],
                "version": r["version"],
                "hash": r["hash"],
                "deleted": bool(r["deleted"]),
                "origin": r["origin"],
                "data": json.loads(r["data"]),
                "seq": r["seq"],
                "peer": r["peer"],
            }
            for r in rows
        }

    def item_count(self) -> int:
        return self.query("SELECT COUNT(*) FROM exchange_shareditem")[0][0]

    def changes(self) -> list[tuple[str, int, str]]:
        """The node's change history: (uri, version, op) in sequence order."""
        rows = self.query("SELECT uri, version, op FROM exchange_itemchange ORDER BY seq")
        return [(r["uri"], r["version"], r["op"]) for r in rows]

    def peer(self, name: str) -> dict | None:
        rows = self.query("SELECT * FROM exchange_peer WHERE name = ?", (name,))
        return dict(rows[0]) if rows else None


def template_build(directory: Path) -> Path:
    """Migrate a fresh SQLite database under ``directory``; return its file, with its
    write-ahead log merged into it so that the file alone can be copied."""
    directory.mkdir(parents=True, exist_ok=True)
    db_path = directory / "template.sqlite3"
    env = node_env(root=directory, db_path=db_path, base_url="http://127.0.0.1:1")
    proc = subprocess.run(
        [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        raise NodeError("migrate: " + _describe(proc, proc.stdout, proc.stderr))
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return db_path


def node_create(*, name: str, template: Path, directory: Path) -> Node:
    """A node with a copy of the template database (not serving yet)."""
    root = directory / name
    root.mkdir(parents=True)
    db_path = root / f"{name}.sqlite3"
    shutil.copyfile(template, db_path)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    return Node(
        name=name,
        root=root,
        db_path=db_path,
        port=port,
        base_url=base_url,
        env=node_env(root=root, db_path=db_path, base_url=base_url),
    )


@pytest.fixture(scope="session")
def node_template(tmp_path_factory) -> Path:
    """One migrated SQLite database per test session (per xdist worker), copied by each
    node."""
    free_port()  # skip early (with the reason) where loopback is not available
    return template_build(tmp_path_factory.mktemp("node-template"))


@pytest.fixture
def make_node(node_template, tmp_path) -> Iterator[Callable[..., Node]]:
    """Factory ``make_node(name, serve=False)``; every server is stopped afterwards."""
    nodes: list[Node] = []

    def make(name: str, *, serve: bool = False) -> Node:
        node = node_create(name=name, template=node_template, directory=tmp_path)
        nodes.append(node)
        if serve:
            node.serve()
        return node

    yield make
    for node in nodes:
        node.stop()
