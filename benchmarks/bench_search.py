"""Search latency over 100,000 synthetic events in SQLite (FTS5, bm25 ranking).

Target (issue 2): p95 < 30 ms for a first page of 50 results.
Run: .venv/bin/python benchmarks/bench_search.py [--events 100000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert
from synthetic import synthetic_events

from binational.store.database import Database
from binational.store.models import Event, utcnow
from binational.store.search import search_event_ids

QUERIES = [
    "fentanyl", "consular", "labor rights", "USMCA", "migration", "Bicentennial Framework",
    "arms trafficking", "López Obrador", "water", "economic dialogue", "HLED", "border",
    "commission", "Rapid Response", "clean energy", "institutional implications",
    "mexico", "united states", "\"consular notification\"", "sembrando vida",
]  # fmt: skip


def build(path: Path, count: int) -> Database:
    db = Database.open(str(path))
    now = utcnow()
    rows = [
        {**event, "date_precision": "day", "date_source": "stated", "status": "published",
         "truncated": False, "origin": "analyst", "created_at": now, "updated_at": now}
        for event in synthetic_events(count)
    ]  # fmt: skip
    with db.transaction() as session:
        for chunk in range(0, len(rows), 5000):
            session.execute(insert(Event), rows[chunk : chunk + 5000])
    with db.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO events_fts(events_fts) VALUES ('optimize')")
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        db = build(Path(tmp) / "bench.db", args.events)
        print(f"built {args.events} events in {time.perf_counter() - started:.1f} s")
        timings: list[float] = []
        with db.sessions() as session:
            for query in QUERIES:  # warm the page cache once
                search_event_ids(session, query)
            for _ in range(args.rounds):
                for query in QUERIES:
                    t0 = time.perf_counter()
                    search_event_ids(session, query, limit=50)
                    timings.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{len(timings)} searches: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
        )
        db.close()


if __name__ == "__main__":
    main()
