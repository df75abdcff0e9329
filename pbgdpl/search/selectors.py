"""Reads of the search app: the one search function used by the portal, the API and
every later app."""

import time
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from .analysis import AnalyzedQuery, bigrams, query_analyze, telex_repair
from .backends import EngineQuery
from .node import search_node
from .registry import kinds as registry_kinds
from .registry import registered_types
from .services import search_index_ensure_current
from .snippets import snippet_html
from .synonyms import SYNONYMS

MAX_LIMIT = 50
MAX_OFFSET = 1000


class SearchInputError(ValueError):
    """A search request that cannot be answered as asked (message is for the user)."""


@dataclass(frozen=True)
class Weights:
    """How much each kind of match counts (chosen on half of the ALQAC questions,
    checked on the other half: bench/retrieval.py, docs/search.md)."""

    body: float = 1.0
    body2: float = 2.0
    head: float = 0.5
    head2: float = 0.5
    ctx: float = 1.0
    max_df_ratio: float = 0.1  # drop query syllables found in more than this share
    min_terms_kept: int = 3
    synonym: float = 0.5  # weight of a legal term added for an everyday word


DEFAULT_WEIGHTS = Weights()
STATUS_FILTERS = ("con_hieu_luc", "het_hieu_luc", "chua_hieu_luc")


@dataclass
class SearchRequest:
    q: str
    kind: str | None = None
    limit: int = 10
    offset: int = 0
    doc_type: str = ""
    issuer: str = ""
    legal_field: str = ""
    status: str = ""
    year: int | None = None
    on: date | None = None
    types: tuple[str, ...] = ()


@dataclass
class SearchResults:
    count: int
    took_ms: float
    results: list[dict]
    jump: dict | None = None
    query: AnalyzedQuery | None = None
    engine_ms: float = 0.0
    terms: list[str] = field(default_factory=list)


def _plan(query: AnalyzedQuery, request: SearchRequest, weights: Weights) -> EngineQuery:
    backend = search_node().backend
    total = max(backend.num_docs(), 1)
    terms: list[str] = []
    for term in query.terms:
        if backend.doc_freq("body", term) == 0:
            repaired = telex_repair(term)
            if repaired and backend.doc_freq("body", repaired):
                term = repaired
        terms.append(term)
    counts: dict[str, int] = {}
    for term in terms:
        counts[term] = counts.get(term, 0) + 1
    dfs = {t: backend.doc_freq("body", t) for t in counts}
    common = {t for t, df in dfs.items() if df / total > weights.max_df_ratio}
    if len(counts) - len(common) < weights.min_terms_kept:
        # A short query of common words: keep its rarest words anyway.
        keep = sorted(common, key=lambda t: dfs[t])[: weights.min_terms_kept]
        common -= set(keep)
    plan = EngineQuery(kind=request.kind, types=request.types, all_kinds=tuple(registry_kinds()))
    for term, n in counts.items():
        if term in common or dfs[term] == 0:
            continue
        plan.should.append(("body", term, weights.body * n))
        plan.should.append(("head", term, weights.head * n))
        if weights.ctx:
            plan.should.append(("ctx", term, weights.ctx * n))
    for pair in dict.fromkeys(bigrams(terms)):
        if backend.doc_freq("body2", pair):
            plan.should.append(("body2", pair, weights.body2))
            plan.should.append(("head2", pair, weights.head2))
            if weights.ctx:
                plan.should.append(("ctx", pair, weights.ctx))
    if weights.synonym:
        _expand_synonyms(plan, terms, weights, common, backend)
    plan.phrases = [p for p in query.phrases if all(backend.doc_freq("body", t) for t in p)]
    plan.doc_type, plan.issuer, plan.legal_field = (
        request.doc_type,
        request.issuer,
        request.legal_field,
    )
    plan.year = request.year
    day = (request.on or timezone.localdate()).toordinal()
    if request.status == "con_hieu_luc":
        plan.in_force_on = day
    elif request.status == "het_hieu_luc":
        plan.not_in_force_on = day
    elif request.status == "chua_hieu_luc":
        plan.not_yet_on = day
    return plan


def _expand_synonyms(
    plan: EngineQuery, terms: list[str], weights: Weights, common: set[str], backend
) -> None:
    """Add the legal terms for everyday words found in the query (whole syllables)."""
    padded = f" {' '.join(terms)} "
    present = {(f, t) for f, t, _b in plan.should}
    for everyday, legal_terms in SYNONYMS.items():
        if f" {everyday} " not in padded:
            continue
        for legal in legal_terms:
            syllables = legal.split()
            for term in syllables:
                if (
                    term not in common
                    and ("body", term) not in present
                    and backend.doc_freq("body", term)
                ):
                    plan.should.append(("body", term, weights.synonym))
                    present.add(("body", term))
            for pair in bigrams(syllables):
                if ("body2", pair) not in present and backend.doc_freq("body2", pair):
                    plan.should.append(("body2", pair, weights.synonym * weights.body2))
                    present.add(("body2", pair))


def _validate(request: SearchRequest) -> None:
    if request.kind is not None and request.kind not in {
        t.kind for t in registered_types().values()
    }:
        raise SearchInputError(f"Loại kết quả không hợp lệ: {request.kind}")
    if not 1 <= request.limit <= MAX_LIMIT:
        raise SearchInputError(f"limit phải từ 1 đến {MAX_LIMIT}.")
    if not 0 <= request.offset <= MAX_OFFSET:
        raise SearchInputError(f"offset phải từ 0 đến {MAX_OFFSET}.")
    if request.status and request.status not in STATUS_FILTERS:
        raise SearchInputError("Tình trạng hiệu lực không hợp lệ.")
    if request.year is not None and not 1945 <= request.year <= 2100:
        raise SearchInputError("Năm không hợp lệ.")


def search_run(request: SearchRequest, *, weights: Weights = DEFAULT_WEIGHTS) -> SearchResults:
    """Run a search: analysis, plan, engine, snippets. Raises :class:`SearchInputError`
    for bad parameters; an empty or unusable query gives no results, never an error."""
    started = time.perf_counter()
    _validate(request)
    search_index_ensure_current()
    query = query_analyze(request.q)
    node = search_node()
    backend = node.backend
    jump = None
    if query.number_keys:
        keys: list[str] = []
        for key in query.number_keys:
            keys.extend(backend.keys_for_number(key, kind="document"))
        keys = list(dict.fromkeys(keys))
        if keys:
            jump_docs = backend.search(
                EngineQuery(
                    kind="document", should=[("number", k, 1.0) for k in query.number_keys]
                ),
                limit=5,
                offset=0,
            ).hits
            day = request.on or timezone.localdate()
            jump = {"count": len(keys), "results": [_present(h, set(), day) for h in jump_docs]}
    engine_started = time.perf_counter()
    plan = _plan(query, request, weights)
    result = backend.search(plan, limit=request.limit, offset=request.offset)
    engine_ms = (time.perf_counter() - engine_started) * 1000
    # Mark the words that were searched for (not the very common ones the plan dropped).
    marked = {term for field, term, _boost in plan.should if field == "body"}
    day = request.on or timezone.localdate()
    results = [_present(hit, marked, day) for hit in result.hits]
    return SearchResults(
        count=result.total,
        took_ms=round((time.perf_counter() - started) * 1000, 2),
        results=results,
        jump=jump,
        query=query,
        engine_ms=round(engine_ms, 2),
        terms=[t for _f, t, _b in plan.should if _f == "body"],
    )


def _present(hit, marked: set[str], day: date) -> dict:
    type_name = hit.key.split(":", 1)[0]
    search_type = registered_types().get(type_name)
    data = dict(hit.data)
    if search_type is not None and search_type.present is not None:
        data = search_type.present(data, day)
    return {
        "kind": data.pop("kind", None) or (search_type.kind if search_type else ""),
        "uri": data.pop("uri", ""),
        "url": data.pop("url", ""),
        "title": hit.title,
        "snippet": snippet_html(hit.body, marked, folded=hit.folded) if marked else "",
        "score": round(hit.score, 4),
        **data,
    }
