"""What this node shares: feature apps register their types here in AppConfig.ready().

Exchange never imports a feature app. A type tells exchange how to turn local ids into
:class:`SharedRecord` objects (the published representation) and how to list every id
(for a full re-publication), and publishes a JSON Schema of its ``data``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True)
class SharedRecord:
    """One local object as peers see it.

    ``uuid`` is stable for the life of the object (it makes the global URI);
    ``data`` must validate against the type's schema and be JSON-serialisable;
    ``updated_at`` is when the object last changed at its origin.
    """

    local_id: str
    uuid: UUID
    data: dict
    updated_at: datetime


@dataclass(frozen=True)
class ExchangeType:
    """A registered shareable type.

    ``fetch(ids)`` returns the records of those local ids that exist and are shareable
    (missing ids are simply left out: exchange then publishes a tombstone for them);
    ``all_ids()`` yields every shareable local id; ``schema`` is the JSON Schema of
    ``data``; ``public`` types are readable without a peer token.
    """

    name: str
    title: str
    schema: dict
    fetch: Callable[[list[str]], list[SharedRecord]]
    all_ids: Callable[[], Iterable[str]]
    public: bool = True
    licence: str = ""
    # Dublin Core for OAI-PMH: data -> {"title": [...], "date": [...], ...}
    dublin_core: Callable[[dict], dict[str, list[str]]] | None = None
    extra: dict = field(default_factory=dict)


_TYPES: dict[str, ExchangeType] = {}


def register(exchange_type: ExchangeType) -> None:
    """Register (or re-register, e.g. after a reload) a shareable type."""
    _TYPES[exchange_type.name] = exchange_type


def registered_types() -> dict[str, ExchangeType]:
    return dict(_TYPES)


def exchange_type_get(name: str) -> ExchangeType:
    try:
        return _TYPES[name]
    except KeyError:
        raise LookupError(f"Exchange type {name!r} is not registered") from None
