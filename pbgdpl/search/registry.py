"""What can be searched: feature apps register their types here in AppConfig.ready().

Search never imports a feature app. A type tells search how to turn ids into
:class:`IndexDocument` objects and how to list every id (for a rebuild).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class IndexDocument:
    """One searchable item as the index sees it.

    ``title`` and ``body`` are matched and shown (the snippet comes from ``body``);
    ``context`` (the law's title, the chapter, the đề mục) is matched with a lower weight;
    ``numbers`` are the canonical số ký hiệu the item answers to when typed as a query.
    ``effective_on``/``expires_on`` bound the period in force (for the status filter).
    ``data`` is returned untouched in each result (urls, document and provision facts).
    """

    type: str
    id: str
    kind: str
    title: str
    body: str
    context: str = ""
    numbers: tuple[str, ...] = ()
    doc_type: str = ""
    issuer: str = ""
    fields: tuple[str, ...] = ()
    year: int | None = None
    effective_on: date | None = None
    expires_on: date | None = None
    data: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.type}:{self.id}"


@dataclass(frozen=True)
class SearchType:
    """A registered searchable type.

    ``fetch(ids)`` returns the documents of those ids that exist and are public (missing
    ids are simply left out: search then drops them from the index); ``all_ids()`` yields
    every id, for rebuilds; ``present(data, day)`` may finish a result's data at query
    time (e.g. the status in force on ``day``).
    """

    name: str
    kind: str
    fetch: Callable[[list[str]], list[IndexDocument]]
    all_ids: Callable[[], Iterable[str]]
    present: Callable[[dict, date], dict] | None = None  # finish ``data`` at query time


_TYPES: dict[str, SearchType] = {}


def register(search_type: SearchType) -> None:
    """Register (or re-register, e.g. after a reload) a searchable type."""
    _TYPES[search_type.name] = search_type


def registered_types() -> dict[str, SearchType]:
    return dict(_TYPES)


def search_type_get(name: str) -> SearchType:
    try:
        return _TYPES[name]
    except KeyError:
        raise LookupError(f"Search type {name!r} is not registered") from None


def kinds() -> list[str]:
    """The result kinds the registered types produce ("provision", "document", …)."""
    return sorted({t.kind for t in _TYPES.values()})


_FILTER_CHOICES: dict[str, Callable[[], list[tuple[str, str]]]] = {}


def register_filter_choices(name: str, choices: Callable[[], list[tuple[str, str]]]) -> None:
    """Let the search page offer (value, label) choices for filter ``name`` ("types",
    "fields", "topics"): feature apps own those tables, search only shows them."""
    _FILTER_CHOICES[name] = choices


def filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The current choices of every registered filter."""
    return {name: list(choices()) for name, choices in _FILTER_CHOICES.items()}


_KIND_LABELS: dict[str, object] = {}


def register_kind_label(kind: str, label: object) -> None:
    """Name a result kind for the search page's "what to search" choice ("page" ->
    "Bài viết"); the library's own kinds are named by search itself."""
    _KIND_LABELS[kind] = label


def kind_labels() -> dict[str, object]:
    """Labels of the kinds registered by feature apps, in registration order."""
    return dict(_KIND_LABELS)
