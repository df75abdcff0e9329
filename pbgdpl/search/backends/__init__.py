"""Search engines behind one interface (:class:`SearchBackend`).

The embedded default is tantivy (chosen by measurement, docs/search.md). A scale-out
engine (OpenSearch) would implement the same three methods.
"""

from dataclasses import dataclass, field
from typing import Protocol

from pbgdpl.search.registry import IndexDocument


@dataclass
class EngineQuery:
    """A query in index terms with weights, built by the query planner (never raw text)."""

    kind: str | None
    should: list[tuple[str, str, float]] = field(default_factory=list)  # (field, term, boost)
    phrases: list[list[str]] = field(default_factory=list)  # must match (body field)
    doc_type: str = ""
    issuer: str = ""
    legal_field: str = ""
    year: int | None = None
    in_force_on: int | None = None  # day ordinal: effective <= day < expiry
    not_in_force_on: int | None = None  # expired on that day
    not_yet_on: int | None = None  # not yet effective on that day
    types: tuple[str, ...] = ()
    all_kinds: tuple[str, ...] = ()  # every registered kind (lets the engine filter cheaply)


@dataclass
class EngineHit:
    key: str
    score: float
    title: str
    body: str
    data: dict
    folded: str = ""  # fold(body), for snippets


@dataclass
class EngineResult:
    total: int
    hits: list[EngineHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class SearchBackend(Protocol):
    def apply(self, *, upserts: list[IndexDocument], deletes: list[str]) -> None:
        """Add or replace ``upserts`` and remove the ``deletes`` keys, then commit."""

    def search(self, query: EngineQuery, *, limit: int, offset: int) -> EngineResult:
        """The best ``limit`` hits after ``offset`` and the total number of matches."""

    def doc_freq(self, field: str, term: str) -> int:
        """How many indexed items hold ``term`` in ``field`` (for query planning)."""

    def num_docs(self) -> int:
        """How many items are indexed."""
