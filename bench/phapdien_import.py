"""Pháp điển import budget: the whole corpus into a fresh database, ≤ 10 min, ≤ 1.5 GB.

Runs `manage.py laws_import --format phapdien ../shared/data/phapdien/demuc.tar.xz` in a
child process on a new SQLite database (or BENCH_DATABASE_URL) and measures wall time and
peak resident memory (the child's ru_maxrss), then runs it again to measure the idempotent
re-import. The database and index stay in var/bench/phapdien/ for bench/search_latency.py.

    .venv/bin/python bench/phapdien_import.py [--keep]   (--keep: skip if already imported)
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import DATA, ROOT, emit

ARCHIVE = DATA / "phapdien" / "demuc.tar.xz"


def run_import(env: dict) -> tuple[float, float, str]:
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "laws_import",
            "--format",
            "phapdien",
            str(ARCHIVE),
            "--no-progress",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        raise SystemExit(f"import failed: {proc.stderr[-2000:]}")
    return seconds, max(peak_kb, before) / 1024, proc.stdout


def main() -> None:
    if not ARCHIVE.exists():
        print(json.dumps({"skipped": f"{ARCHIVE} not found"}))
        return
    work = ROOT / "var" / "bench" / "phapdien"
    keep = "--keep" in sys.argv
    if not keep and work.exists():
        import shutil

        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pbgdpl.settings",
        "SECRET_KEY": "bench-only-secret-key",
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{work / 'db.sqlite3'}",
        "SEARCH_INDEX_DIR": str(work / "search"),
    }
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "-v0"],
        env=env,
        check=True,
    )
    first_s, first_mb, out = run_import(env)
    second_s, _mb, out2 = run_import(env)
    stats = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    stats2 = dict(line.split(": ", 1) for line in out2.splitlines() if ": " in line)
    emit(
        "phapdien_import",
        {
            "articles": int(stats.get("articles", 0)),
            "pages": int(stats.get("pages", 0)),
            "source_documents_created": int(stats.get("source_documents_created", 0)),
            "relations_created": int(stats.get("relations_created", 0)),
            "import_and_index_seconds": round(first_s, 1),
            "peak_rss_mb": round(first_mb, 1),
            "reimport_seconds": round(second_s, 1),
            "reimport_pages_unchanged": int(stats2.get("pages_unchanged", 0)),
            "reimport_source_documents_created": int(stats2.get("source_documents_created", 0)),
            "budget_seconds": 600,
            "budget_mb": 1536,
            "within_budget": first_s <= 600 and first_mb <= 1536,
            "detail": stats.get("seconds", ""),
        },
    )


if __name__ == "__main__":
    main()
