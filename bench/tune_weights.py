"""How the search weights were chosen: a grid over the tuning half of the ALQAC questions.

Only the questions whose id hashes even (bench/retrieval.py `held_out` is False) are used;
the other half is kept for checking. Prints one JSON line: the best weights by MRR@10 on
the tuning half, with their scores on both halves (the held-out scores are reported, never
used to choose). Uses the database and index of bench/retrieval.py.
"""

import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import DATA, django_setup, emit
from retrieval import held_out, metrics


def main() -> None:
    django_setup("retrieval")
    from pbgdpl.core.text import fold
    from pbgdpl.laws.services import document_import_alqac
    from pbgdpl.search.analysis import query_analyze
    from pbgdpl.search.node import search_node
    from pbgdpl.search.selectors import DEFAULT_WEIGHTS, SearchRequest, _plan
    from pbgdpl.search.services import search_index_ensure_current

    document_import_alqac(path=DATA / "alqac2024" / "law.json")
    search_index_ensure_current()
    backend = search_node().backend
    questions = json.loads((DATA / "alqac2024" / "train.json").read_text())
    gold = [
        {(fold(a["law_id"]), str(a["article_id"])) for a in q["relevant_articles"]}
        for q in questions
    ]
    tune = [i for i, q in enumerate(questions) if not held_out(q["question_id"])]
    check = [i for i, q in enumerate(questions) if held_out(q["question_id"])]
    analysed = [query_analyze(q["text"]) for q in questions]

    def run(weights, idx):
        ranked = []
        for i in idx:
            plan = _plan(analysed[i], SearchRequest(q="", kind="provision"), weights)
            hits = backend.search(plan, limit=10, offset=0).hits
            ranked.append(
                [
                    (fold(h.data["document"]["title"]), h.data["provision"]["article_number"])
                    for h in hits
                ]
            )
        return metrics(ranked, [gold[i] for i in idx])

    # The first grid (243 points: body2, head, head2 in {0.5, 1, 2}, ctx in {0, 0.3, 1},
    # max_df_ratio in {0.1, 0.25, 1}) chose body2=2, head=head2=0.5, ctx=1, max_df=0.1 —
    # three on the grid's edge, so this second grid looks past those edges.
    grid = {
        "body2": [2.0, 3.0],
        "head": [0.25, 0.5],
        "head2": [0.5],
        "ctx": [1.0, 1.5],
        "max_df_ratio": [0.05, 0.1],
    }
    best, best_score, tried = None, -1.0, 0
    for values in itertools.product(*grid.values()):
        weights = replace(DEFAULT_WEIGHTS, **dict(zip(grid, values, strict=True)))
        score = run(weights, tune)["mrr@10"]
        tried += 1
        if score > best_score:
            best, best_score = weights, score
    emit(
        "tune_weights",
        {
            "tried": tried,
            "best": best.__dict__,
            "default": DEFAULT_WEIGHTS.__dict__,
            "best_tune_half": run(best, tune),
            "best_held_out": run(best, check),
            "default_tune_half": run(DEFAULT_WEIGHTS, tune),
            "default_held_out": run(DEFAULT_WEIGHTS, check),
        },
    )


if __name__ == "__main__":
    main()
