"""Retrieval quality: our search API against plain BM25, on the ALQAC 2024 questions.

Runs the 530 questions of ../shared/data/alqac2024/train.json through GET
/api/v1/search?kind=provision (Django's test client: the whole request stack) over the
ALQAC laws (law.json, imported with `laws_import --format alqac`), and in the same run
through plain BM25 (bm25s, Lucene variant, k1=1.5, b=0.75) over the same 2,249 articles
tokenised into folded syllables. Each question is asked twice: as written, and with the
diacritics stripped. Prints recall@1, recall@10 and MRR@10 for both systems, on all
questions and on the held-out half (the questions whose id hashes odd: never used to
choose weights; see docs/search.md).

    .venv/bin/python bench/retrieval.py
"""

import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import DATA, django_setup, emit


def held_out(question_id: str) -> bool:
    return int(hashlib.sha256(question_id.encode()).hexdigest(), 16) % 2 == 1


def strip_diacritics(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def metrics(ranked: list[list[tuple[str, str]]], gold: list[set[tuple[str, str]]]) -> dict:
    n = len(gold)
    r1 = r10 = mrr = 0.0
    for results, relevant in zip(ranked, gold, strict=True):
        top = results[:10]
        found = [i for i, key in enumerate(top) if key in relevant]
        if results[:1] and results[0] in relevant:
            r1 += 1
        r10 += len({k for k in top if k in relevant}) / len(relevant)
        if found:
            mrr += 1 / (found[0] + 1)
    return {
        "recall@1": round(r1 / n, 4),
        "recall@10": round(r10 / n, 4),
        "mrr@10": round(mrr / n, 4),
    }


def main() -> None:
    law_path, train_path = DATA / "alqac2024" / "law.json", DATA / "alqac2024" / "train.json"
    if not law_path.exists():
        print(json.dumps({"skipped": f"{law_path} not found"}))
        return
    django_setup("retrieval")
    from django.test import Client

    from pbgdpl.core.text import fold, normalize
    from pbgdpl.laws.services import document_import_alqac
    from pbgdpl.search.analysis import index_tokens
    from pbgdpl.search.services import search_index_sync

    document_import_alqac(path=law_path)
    search_index_sync()

    import bm25s

    laws = json.loads(law_path.read_text())
    keys, corpus = [], []
    for law in laws:
        for article in law["articles"]:
            keys.append((fold(law["id"]), str(article["id"])))
            corpus.append(index_tokens(article["text"]))
    bm25 = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    bm25.index(corpus, show_progress=False)

    questions = json.loads(train_path.read_text())
    gold = [
        {(fold(a["law_id"]), str(a["article_id"])) for a in q["relevant_articles"]}
        for q in questions
    ]
    client = Client()
    out: dict = {"questions": len(questions), "articles": len(corpus)}
    timings = []
    for variant in ("accented", "stripped"):
        ours, base = [], []
        for q in questions:
            text = normalize(q["text"]) if variant == "accented" else strip_diacritics(q["text"])
            started = time.perf_counter()
            response = client.get("/api/v1/search", {"q": text, "kind": "provision", "limit": 10})
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content
            ours.append(
                [
                    (fold(r["document"]["title"]), r["provision"]["article_number"])
                    for r in response.json()["results"]
                ]
            )
            tokens = index_tokens(text)
            if tokens:
                docs, _scores = bm25.retrieve([tokens], k=10, show_progress=False)
                base.append([keys[i] for i in docs[0]])
            else:
                base.append([])
        held = [i for i, q in enumerate(questions) if held_out(q["question_id"])]
        out[variant] = {
            "ours": metrics(ours, gold),
            "bm25": metrics(base, gold),
            "ours_held_out": metrics([ours[i] for i in held], [gold[i] for i in held]),
            "bm25_held_out": metrics([base[i] for i in held], [gold[i] for i in held]),
        }
    out["held_out_questions"] = sum(1 for q in questions if held_out(q["question_id"]))
    acc, stri = out["accented"]["ours"], out["stripped"]["ours"]
    out["stripped_vs_accented"] = {
        k: round(stri[k] / acc[k] - 1, 4) if acc[k] else 0.0 for k in ("recall@10", "mrr@10")
    }
    out["ours_beats_bm25"] = all(
        out[v]["ours"][m] > out[v]["bm25"][m]
        for v in ("accented", "stripped")
        for m in ("recall@10", "mrr@10")
    )
    out["api_ms_mean"] = round(sum(timings) / len(timings), 2)
    emit("retrieval", out)


if __name__ == "__main__":
    main()
