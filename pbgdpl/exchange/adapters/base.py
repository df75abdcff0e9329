"""The adapter interface: how the puller reads one peer, whatever it speaks.

An adapter turns a peer's protocol (our change feed, OAI-PMH, a ministry's REST API)
into :class:`FetchedBatch` objects holding entries in OUR feed format (docs/exchange.md):
``{"seq", "uri", "type", "op", "version", "hash", "updated_at", "origin", "licence",
"data"}``. The puller validates each entry, stores the good ones and the new cursor in
one transaction, and logs the bad ones. A new peer kind is one new module that
subclasses :class:`Adapter` and calls :func:`register_adapter`.
"""

from dataclasses import dataclass, field
from typing import Any, ClassVar


class PeerError(Exception):
    """The peer could not be read this time (timeout, connection, HTTP 5xx, 429): the
    puller retries with backoff, then gives up for this run; nothing is stored."""


class PeerProtocolError(Exception):
    """The peer answered, but not with something we can read (garbage, wrong shape, a
    cursor going backwards, a response too large): not retried; nothing is stored."""


@dataclass
class FetchedBatch:
    """Entries after ``cursor``; ``next_cursor`` is where the next call continues."""

    items: list[dict[str, Any]]
    next_cursor: str
    has_more: bool
    raw_bytes: int = 0
    notes: list[str] = field(default_factory=list)


class Adapter:
    """Base class. ``peer`` is an ``exchange.models.Peer``; ``session`` an optional
    ``requests.Session`` (tests pass a fake one)."""

    kind: ClassVar[str] = ""

    def __init__(self, peer: Any, *, session: Any = None) -> None:
        self.peer = peer
        self.session = session

    def fetch(self, cursor: str, *, limit: int) -> FetchedBatch:  # pragma: no cover
        raise NotImplementedError

    def initial_cursor(self) -> str:
        """The cursor of a peer never pulled (and of a full reconciliation)."""
        return ""


_ADAPTERS: dict[str, type[Adapter]] = {}


def register_adapter(cls: type[Adapter]) -> type[Adapter]:
    """Class decorator: make ``cls`` the adapter of peers whose ``kind`` is ``cls.kind``."""
    if not cls.kind:
        raise ValueError("an adapter needs a kind")
    _ADAPTERS[cls.kind] = cls
    return cls


def _adapters_load() -> None:
    """Import every module of this package: each registers its adapter (one file per
    peer kind, nothing to list anywhere else)."""
    import importlib
    import pkgutil

    from .. import adapters

    for module in pkgutil.iter_modules(adapters.__path__):
        if module.name != "base":
            importlib.import_module(f"{adapters.__name__}.{module.name}")


def adapter_kinds() -> list[str]:
    """The peer kinds an adapter exists for."""
    _adapters_load()
    return sorted(_ADAPTERS)


def adapter_for(peer: Any, *, session: Any = None) -> Adapter:
    """The adapter of ``peer``'s kind (LookupError for a kind with no adapter)."""
    _adapters_load()
    try:
        cls = _ADAPTERS[peer.kind]
    except KeyError:
        raise LookupError(f"no adapter for peer kind {peer.kind!r}") from None
    return cls(peer, session=session)


# ----------------------------------------------------------------------------- HTTP bodies
CHUNK_BYTES = 64 * 1024
# The whole response must arrive within this many read timeouts: a peer sending a byte at
# a time cannot hold a worker forever.
DEADLINE_FACTOR = 3


def seconds_text(value: float) -> str:
    """A number of seconds as Vietnamese writes it (decimal comma): 0,2; 8; 1,5."""
    return f"{value:g}".replace(".", ",")


def response_body_read(
    response: Any,
    *,
    label: str,
    maximum: int,
    timeout: float,
    too_large: Exception,
    cap: bool = True,
) -> bytes:
    """Read a streamed ``requests`` response under a size cap and a wall-clock deadline.

    ``label`` names the peer as messages say it ("nút X", "kho OAI-PMH X"). Over
    ``maximum`` bytes (declared or received) ``too_large`` is raised, or with
    ``cap=False`` the body is cut at ``maximum``. Timeouts, broken connections and a
    deadline of ``timeout × DEADLINE_FACTOR`` raise :class:`PeerError` (retried); a body
    that cannot be decompressed raises :class:`PeerProtocolError`.
    """
    import time

    import requests

    declared = response.headers.get("Content-Length") or ""
    if cap and declared.isdigit() and int(declared) > maximum:
        raise too_large
    subject = label[:1].upper() + label[1:]
    deadline = time.monotonic() + timeout * DEADLINE_FACTOR
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(CHUNK_BYTES):
            if not chunk:
                continue
            size += len(chunk)
            if size > maximum:
                if cap:
                    chunks.clear()  # the traceback keeps this frame: free the body now
                    raise too_large
                chunks.append(chunk[: len(chunk) - (size - maximum)])
                break
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise PeerError(
                    f"{subject} gửi phản hồi quá chậm "
                    f"(quá {seconds_text(timeout * DEADLINE_FACTOR)} giây)."
                )
    except requests.Timeout:
        raise PeerError(f"Quá thời gian chờ {label} ({seconds_text(timeout)} giây).") from None
    except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
        raise PeerError(f"Kết nối với {label} bị ngắt: {exc}") from None
    except requests.exceptions.ContentDecodingError as exc:
        raise PeerProtocolError(f"Không giải nén được phản hồi của {label}: {exc}") from None
    return b"".join(chunks)
