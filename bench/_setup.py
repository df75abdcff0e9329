"""Shared set-up of the benchmarks: a Django project on its own database and index.

Each benchmark gets ``var/bench/<name>/`` (SQLite database and search index) unless
DATABASE_URL is set, migrates it, and imports what it needs once (imports are
idempotent, so a second run only checks). Results go to bench/results/<name>.json and
stdout as one JSON line.
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def django_setup(name: str, *, database_url: str | None = None) -> Path:
    """Point Django at the benchmark's own database and index, migrate, return its dir."""
    work = ROOT / "var" / "bench" / name
    work.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pbgdpl.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    os.environ["DATABASE_URL"] = (
        database_url or os.environ.get("BENCH_DATABASE_URL") or (f"sqlite:///{work / 'db.sqlite3'}")
    )
    os.environ["SEARCH_INDEX_DIR"] = str(work / "search")
    os.environ["SEARCH_SYNC_INTERVAL"] = "1"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return work


def emit(name: str, result: dict) -> None:
    """Print the one JSON line and keep a copy in bench/results/<name>.json."""
    line = json.dumps(result, ensure_ascii=False, sort_keys=True)
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / f"{name}.json").write_text(line + "\n")
    print(line)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return round(ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo), 3)
