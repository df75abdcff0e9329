"""This app server's copy of the index, and how it catches up with the change log.

Layout of ``settings.SEARCH_INDEX_DIR``::

    current          name of the active index directory (switched atomically on rebuild)
    lock             file lock: one writer per node at a time, across processes
    idx-<stamp>/     a tantivy index + state.json (how far the change log is applied)

``state.json`` holds the *watermark* (every change with seq <= it is applied) and the
changes applied above it (``seen``). A change whose transaction commits late leaves a
temporary hole in the sequence: the watermark waits at the hole for
``SEARCH_GAP_GRACE_SECONDS`` so the late change is still picked up, then moves on (the
hole was a rolled-back transaction).
"""

import fcntl
import json
import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from .backends.tantivy_backend import TantivyBackend


@dataclass
class NodeState:
    watermark: int = 0
    seen: dict[int, float] = field(default_factory=dict)  # seq -> created_at (epoch s)
    built: bool = False  # filled from the database at least once

    @property
    def max_seen(self) -> int:
        return max([self.watermark, *self.seen])

    def advance(self, *, now: float, grace: float) -> None:
        """Move the watermark over contiguous seqs, and over holes older than ``grace``."""
        for seq in sorted(self.seen):
            created = self.seen[seq]
            if seq == self.watermark + 1 or created < now - grace:
                self.watermark = seq
                del self.seen[seq]
            else:
                break

    def to_json(self) -> str:
        return json.dumps({"watermark": self.watermark, "seen": self.seen, "built": self.built})

    @classmethod
    def from_json(cls, text: str) -> "NodeState":
        raw = json.loads(text)
        return cls(
            watermark=int(raw["watermark"]),
            seen={int(k): float(v) for k, v in raw.get("seen", {}).items()},
            built=bool(raw.get("built", False)),
        )


class SearchNode:
    """The index directory of this server, opened once per process."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._thread_lock = threading.RLock()
        self.backend: TantivyBackend | None = None
        self.active: str = ""
        self.state_mtime: float = 0.0
        self.checked_at: float = 0.0
        self.open()

    # ------------------------------------------------------------------ files
    @property
    def pointer(self) -> Path:
        return self.root / "current"

    def active_dir(self) -> Path:
        return self.root / self.active

    def state_path(self, name: str | None = None) -> Path:
        return self.root / (name or self.active) / "state.json"

    def read_pointer(self) -> str:
        try:
            return self.pointer.read_text().strip()
        except FileNotFoundError:
            return ""

    def open(self) -> None:
        """Open the active index, creating an empty one on a new node."""
        with self._thread_lock:
            name = self.read_pointer()
            if not name:
                with self.locked():
                    name = self.read_pointer()
                    if not name:
                        name = self.new_dir_name()
                        TantivyBackend(self.root / name)
                        self.write_state(NodeState(), name=name)
                        self.switch_to(name)
            self.active = name
            self.backend = TantivyBackend(self.root / name)
            self.state_mtime = self._mtime()

    def new_dir_name(self) -> str:
        return f"idx-{time.time_ns()}"

    def switch_to(self, name: str) -> None:
        tmp = self.root / f"current.{os.getpid()}.tmp"
        tmp.write_text(name)
        tmp.replace(self.pointer)

    def _mtime(self) -> float:
        try:
            return self.state_path().stat().st_mtime_ns
        except FileNotFoundError:
            return 0.0

    def read_state(self, name: str | None = None) -> NodeState:
        try:
            return NodeState.from_json(self.state_path(name).read_text())
        except FileNotFoundError:
            return NodeState()

    def write_state(self, state: NodeState, *, name: str | None = None) -> None:
        path = self.state_path(name)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(state.to_json())
        tmp.replace(path)

    @contextmanager
    def locked(self):
        """Hold this node's writer lock (threads and processes)."""
        with self._thread_lock, open(self.root / "lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def refresh(self) -> None:
        """See what another process of this node committed or switched to."""
        name = self.read_pointer()
        if name and name != self.active:
            self.open()
            return
        mtime = self._mtime()
        if mtime != self.state_mtime:
            self.backend.reload()
            self.state_mtime = mtime


_NODES: dict[str, SearchNode] = {}
_NODES_LOCK = threading.Lock()


def search_node() -> SearchNode:
    """This process's handle on the node index in ``settings.SEARCH_INDEX_DIR``."""
    root = str(settings.SEARCH_INDEX_DIR)
    node = _NODES.get(root)
    if node is None:
        with _NODES_LOCK:
            node = _NODES.get(root)
            if node is None:
                node = _NODES[root] = SearchNode(Path(root))
    return node


def search_nodes_forget() -> None:
    """Drop every open node handle (tests switch index directories)."""
    with _NODES_LOCK:
        _NODES.clear()
