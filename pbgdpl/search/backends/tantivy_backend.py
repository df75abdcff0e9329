"""The embedded engine: a tantivy index in a directory of this app server.

Fields hold pre-analysed text (folded syllables and syllable bigrams, see
``search.analysis``) split on white space, so tantivy never sees raw user text.
"""

import json
import shutil
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import tantivy

from pbgdpl.core.text import fold, fold_clean
from pbgdpl.search.analysis import bigrams, folded_tokens, index_tokens, number_keys
from pbgdpl.search.backends import EngineHit, EngineQuery, EngineResult
from pbgdpl.search.registry import IndexDocument
from pbgdpl.search.snippets import MAX_SCAN

SCHEMA_VERSION = "4"
# Day ordinals bounding "no date": before everything, after everything.
NO_START = 0
NO_END = date(9999, 12, 31).toordinal()
TEXT_FIELDS = ("body", "body2", "head", "head2", "ctx")


def _schema() -> tantivy.Schema:
    b = tantivy.SchemaBuilder()
    b.add_text_field("key", stored=True, tokenizer_name="raw")
    b.add_text_field("type", tokenizer_name="raw")
    b.add_text_field("kind", tokenizer_name="raw")
    b.add_text_field("body", tokenizer_name="whitespace", index_option="position")
    b.add_text_field("body2", tokenizer_name="whitespace", index_option="freq")
    b.add_text_field("head", tokenizer_name="whitespace", index_option="freq")
    b.add_text_field("head2", tokenizer_name="whitespace", index_option="freq")
    b.add_text_field("ctx", tokenizer_name="whitespace", index_option="freq")
    b.add_text_field("number", tokenizer_name="raw", index_option="basic")
    b.add_text_field("doc_type", tokenizer_name="raw", index_option="basic")
    b.add_text_field("issuer", tokenizer_name="raw", index_option="basic")
    b.add_text_field("field", tokenizer_name="raw", index_option="basic")
    b.add_integer_field("year", indexed=True, fast=True)
    b.add_integer_field("eff", indexed=True, fast=True)
    b.add_integer_field("exp", indexed=True, fast=True)
    b.add_bytes_field("stored", stored=True)
    return b.build()


def index_document_fields(doc: IndexDocument) -> dict:
    """The tantivy field values of one document (analysis happens here, once)."""
    folded_title, folded_body = fold(doc.title), fold_clean(doc.body)
    head_tokens = folded_tokens(folded_title)
    body_tokens = head_tokens + folded_tokens(folded_body)
    ctx_tokens = index_tokens(doc.context)
    numbers: list[str] = []
    for number in doc.numbers:
        numbers.extend(number_keys(number))
    return {
        "key": doc.key,
        "type": doc.type,
        "kind": doc.kind,
        "body": " ".join(body_tokens),
        "body2": " ".join(bigrams(body_tokens)),
        "head": " ".join(head_tokens),
        "head2": " ".join(bigrams(head_tokens)),
        "ctx": " ".join(ctx_tokens + bigrams(ctx_tokens)),
        "number": numbers,
        "doc_type": doc.doc_type,
        "issuer": doc.issuer,
        "field": list(doc.fields),
        "year": doc.year or 0,
        "eff": doc.effective_on.toordinal() if doc.effective_on else NO_START,
        "exp": doc.expires_on.toordinal() if doc.expires_on else NO_END,
        "stored": json.dumps(
            {"t": doc.title, "b": doc.body, "f": folded_body[:MAX_SCAN], "d": doc.data},
            ensure_ascii=False,
        ).encode(),
    }


class TantivyBackend:
    """One tantivy index in ``path``. Writers must hold the node's sync lock (the caller's
    job); readers in any process see a commit after :meth:`reload`."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self.schema = _schema()
        self.path.mkdir(parents=True, exist_ok=True)
        marker = self.path / "schema_version"
        if marker.exists() and marker.read_text() != SCHEMA_VERSION:
            shutil.rmtree(self.path)
            self.path.mkdir(parents=True)
        self.index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        marker.write_text(SCHEMA_VERSION)
        self.index.config_reader(reload_policy="Manual")
        self._searcher = self.index.searcher()

    # ------------------------------------------------------------------ writing
    def apply(self, *, upserts: Iterable[IndexDocument], deletes: Iterable[str]) -> int:
        """Remove ``deletes`` keys, add or replace ``upserts``; one commit. Returns the
        number of documents written. Nothing is visible to readers before the commit."""
        writer = self.index.writer(heap_size=128_000_000, num_threads=1)
        written = 0
        try:
            for doc in upserts:
                writer.delete_documents_by_term("key", doc.key)
                writer.add_document(tantivy.Document(**index_document_fields(doc)))
                written += 1
            # After the upserts: ``deletes`` may be filled while they are produced.
            for key in deletes:
                writer.delete_documents_by_term("key", key)
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        self.reload()
        return written

    def clear(self) -> None:
        writer = self.index.writer(heap_size=15_000_000, num_threads=1)
        writer.delete_all_documents()
        writer.commit()
        writer.wait_merging_threads()
        self.reload()

    def reload(self) -> None:
        with self._lock:
            self.index.reload()
            self._searcher = self.index.searcher()

    # ------------------------------------------------------------------ reading
    def num_docs(self) -> int:
        return self._searcher.num_docs

    def doc_freq(self, field: str, term: str) -> int:
        return self._searcher.doc_freq(field, term)

    def _filters(self, q: EngineQuery) -> list[tuple]:
        must, schema = tantivy.Occur.Must, self.schema
        out = []

        def term(field, value):
            out.append((must, tantivy.Query.term_query(schema, field, value)))

        def int_range(field, lo, hi):
            out.append(
                (must, tantivy.Query.range_query(schema, field, tantivy.FieldType.Integer, lo, hi))
            )

        if q.kind:
            others = [k for k in q.all_kinds if k != q.kind]
            wanted = self._searcher.doc_freq("kind", q.kind)
            if others and wanted * 2 > self._searcher.num_docs:
                # The kind holds most items: excluding the few others is much cheaper for
                # tantivy than intersecting with a posting list of nearly every item.
                for other in others:
                    out.append(
                        (tantivy.Occur.MustNot, tantivy.Query.term_query(schema, "kind", other))
                    )
            else:
                term("kind", q.kind)
        if len(q.types) == 1:
            term("type", q.types[0])
        elif q.types:
            out.append((must, tantivy.Query.term_set_query(schema, "type", list(q.types))))
        if q.doc_type:
            term("doc_type", q.doc_type)
        if q.issuer:
            term("issuer", q.issuer)
        if q.legal_field:
            term("field", q.legal_field)
        if q.year:
            int_range("year", q.year, q.year)
        if q.in_force_on is not None:
            int_range("eff", 1, q.in_force_on)
            int_range("exp", q.in_force_on + 1, None)
        if q.not_in_force_on is not None:
            int_range("exp", None, q.not_in_force_on)
        if q.not_yet_on is not None:
            int_range("eff", q.not_yet_on + 1, None)
        return out

    def build(self, q: EngineQuery) -> tantivy.Query:
        schema, should = self.schema, tantivy.Occur.Should
        clauses = []
        for field, term, boost in q.should:
            tq = tantivy.Query.term_query(schema, field, term)
            clauses.append((should, tantivy.Query.boost_query(tq, boost) if boost != 1 else tq))
        for phrase in q.phrases:
            clauses.append((tantivy.Occur.Must, tantivy.Query.phrase_query(schema, "body", phrase)))
        filters = self._filters(q)
        if not clauses:
            return tantivy.Query.empty_query()
        scoring = tantivy.Query.boolean_query(clauses)
        if not filters:
            return scoring
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, scoring), *filters])

    def search(self, query: EngineQuery, *, limit: int, offset: int) -> EngineResult:
        with self._lock:
            searcher = self._searcher
        result = searcher.search(self.build(query), limit=limit, offset=offset, count=True)
        hits = []
        for score, address in result.hits:
            stored = searcher.doc(address)
            payload = json.loads(bytes(stored["stored"][0]))
            hits.append(
                EngineHit(
                    key=stored["key"][0],
                    score=float(score),
                    title=payload["t"],
                    body=payload["b"],
                    data=payload["d"],
                    folded=payload.get("f", ""),
                )
            )
        return EngineResult(total=result.count or 0, hits=hits)

    def keys_for_number(self, key: str, *, kind: str | None = None, limit: int = 5) -> list[str]:
        """Keys of the items that answer to a document-number look-up key."""
        q = EngineQuery(kind=kind, should=[("number", key, 1.0)])
        return [h.key for h in self.search(q, limit=limit, offset=0).hits]
