"""Which embedded engine? The candidates on the full Bộ pháp điển, measured side by side.

Every engine gets the same 69,705 articles as folded syllables (search.analysis) and the
same queries built from normalised terms (never raw text): short citizen queries and the
530 ALQAC questions as OR queries, top 10 by the engine's own ranking. Measured: build
time, p50/p95 query time (engine only, one query at a time, in this process), and the
recall@10 of each engine's own ranking on the ALQAC questions cannot be computed here
(the gold articles are ALQAC laws, not Pháp điển articles), so quality is compared in
bench/retrieval.py. PostgreSQL runs when BENCH_PG_URL (or 127.0.0.1:5432/test) answers.

    .venv/bin/python bench/search_engines.py [--limit N]   (N: articles, default all)
"""

import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import DATA, ROOT, emit, percentile
from search_latency import SHORT, strip


def load_corpus(limit: int | None) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from pbgdpl.laws.parsers import phapdien_iter_pages, phapdien_parse_page

    texts = []
    for name, html in phapdien_iter_pages(DATA / "phapdien" / "demuc.tar.xz"):
        page = phapdien_parse_page(html, source=name)
        texts.extend(f"{a.heading}\n{a.body}" for a in page.articles)
        if limit and len(texts) >= limit:
            return texts[:limit]
    return texts


def timed(fn, queries) -> dict:
    times = []
    for q in queries:
        started = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95)}


def bench_tantivy(docs: list[list[str]], queries: dict) -> dict:
    import tantivy

    b = tantivy.SchemaBuilder()
    b.add_integer_field("id", stored=True, indexed=False)
    b.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    schema = b.build()
    folder = tempfile.mkdtemp(prefix="bench-tantivy-")
    index = tantivy.Index(schema, path=folder)
    started = time.perf_counter()
    writer = index.writer(heap_size=128_000_000, num_threads=1)
    for i, tokens in enumerate(docs):
        writer.add_document(tantivy.Document(id=i, body=" ".join(tokens)))
    writer.commit()
    writer.wait_merging_threads()
    build = time.perf_counter() - started
    index.reload()
    searcher = index.searcher()

    def run(terms):
        clauses = [
            (tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in terms
        ]
        return searcher.search(tantivy.Query.boolean_query(clauses), limit=10).hits

    out = {"build_s": round(build, 1)}
    for name, qs in queries.items():
        out[name] = timed(run, qs)
    return out


def bench_bm25s(docs: list[list[str]], queries: dict) -> dict:
    import bm25s

    started = time.perf_counter()
    model = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    model.index(docs, show_progress=False)
    build = time.perf_counter() - started
    vocab = model.vocab_dict

    def run(terms):
        known = [t for t in terms if t in vocab]
        if known:
            model.retrieve([known], k=10, show_progress=False, n_threads=1)

    out = {"build_s": round(build, 1)}
    for name, qs in queries.items():
        out[name] = timed(run, qs)
    return out


def bench_sqlite_fts5(docs: list[list[str]], queries: dict) -> dict:
    folder = tempfile.mkdtemp(prefix="bench-fts5-")
    db = sqlite3.connect(os.path.join(folder, "fts.db"))
    started = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE a USING fts5(body, tokenize='unicode61')")
    db.executemany(
        "INSERT INTO a(rowid, body) VALUES (?, ?)", ((i, " ".join(t)) for i, t in enumerate(docs))
    )
    db.commit()
    build = time.perf_counter() - started

    def run(terms):
        # every term quoted: FTS5 syntax never comes from the text
        match = " OR ".join(f'"{t}"' for t in terms if t.isalnum())
        if match:
            db.execute(
                "SELECT rowid FROM a WHERE a MATCH ? ORDER BY rank LIMIT 10", (match,)
            ).fetchall()

    out = {"build_s": round(build, 1)}
    for name, qs in queries.items():
        out[name] = timed(run, qs)
    return out


def bench_postgres(docs: list[list[str]], queries: dict) -> dict:
    try:
        import psycopg
    except ImportError:
        return {"skipped": "psycopg missing"}
    url = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
    try:
        conn = psycopg.connect(url, autocommit=True)
    except psycopg.OperationalError as exc:
        return {"skipped": f"PostgreSQL not reachable: {exc}"[:200]}
    started = time.perf_counter()
    conn.execute("DROP TABLE IF EXISTS bench_fts")
    conn.execute("CREATE TABLE bench_fts (id int primary key, body text, tsv tsvector)")
    with conn.cursor().copy("COPY bench_fts (id, body) FROM STDIN") as copy:
        for i, tokens in enumerate(docs):
            copy.write_row((i, " ".join(tokens)))
    conn.execute("UPDATE bench_fts SET tsv = to_tsvector('simple', body)")
    conn.execute("CREATE INDEX ON bench_fts USING gin (tsv)")
    conn.execute("ANALYZE bench_fts")
    build = time.perf_counter() - started

    def run(terms):
        words = [t for t in terms if t.isalnum()]
        if words:
            conn.execute(
                "SELECT id FROM bench_fts, to_tsquery('simple', %s) q WHERE tsv @@ q "
                "ORDER BY ts_rank_cd(tsv, q, 1) DESC LIMIT 10",
                (" | ".join(words),),
            ).fetchall()

    out = {"build_s": round(build, 1)}
    for name, qs in queries.items():
        out[name] = timed(run, qs[:60])  # the slowest engine: a sample keeps the run short
    conn.execute("DROP TABLE bench_fts")
    return out


def main() -> None:
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    if not (DATA / "phapdien" / "demuc.tar.xz").exists():
        print(json.dumps({"skipped": "Pháp điển data absent"}))
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbgdpl.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from pbgdpl.search.analysis import index_tokens, query_analyze

    texts = load_corpus(limit)
    docs = [index_tokens(t) for t in texts]
    questions = [q["text"] for q in json.loads((DATA / "alqac2024" / "train.json").read_text())]
    queries = {
        "short": [query_analyze(q).terms for q in SHORT + [strip(q) for q in SHORT]],
        "questions": [query_analyze(q).terms for q in questions],
    }
    result = {
        "articles": len(docs),
        "question_terms_mean": round(sum(map(len, queries["questions"])) / len(questions), 1),
        "tantivy": bench_tantivy(docs, queries),
        "bm25s": bench_bm25s(docs, queries),
        "sqlite_fts5": bench_sqlite_fts5(docs, queries),
        "postgresql": bench_postgres(docs, queries),
    }
    emit("search_engines", result)


if __name__ == "__main__":
    main()
