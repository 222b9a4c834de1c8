"""The in-memory search index (``binational.index``) against the database's search,
in one process: one new search of the events list (rank, count every facet, read
the first page's cards), 100,000 synthetic events in SQLite, every query new.

Also: the index's build time and size.
Run: .venv/bin/python benchmarks/bench_index.py [--db PATH (reused; else built)]
     [--events 100000] [--queries 300]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from bench_web import build_database, new_queries

from binational.config import Settings
from binational.index.live import LiveIndex
from binational.registry.loader import load_registry
from binational.store.data_version import data_version
from binational.store.database import Database
from binational.web.app import create_app
from binational.web.views.event_list import list_events, parse_filters


def resident_mb() -> float:
    """The process's resident memory now, from /proc."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def timed_listings(database: Database, web, queries: list[str]) -> list[float]:
    """Milliseconds per listing; the result cache is emptied before each one."""
    timings = []
    with database.connect() as connection:
        version = data_version(connection)
        for query in queries:
            web.results._entries.clear()
            started = time.perf_counter()
            list_events(connection, parse_filters({"q": query}), None, web, version, cards=True)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def summary(timings: list[float]) -> str:
    cuts = statistics.quantiles(timings, n=20)
    return f"median {statistics.median(timings):.2f} ms, p95 {cuts[18]:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="bench-index-")) / "bench.db"
    if not db.exists():
        print(f"building {args.events:,} events in {db} … {build_database(db, args.events):.1f} s")
    database = Database.open(str(db))

    resident_before, peak_before = resident_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    live = LiveIndex(database, load_registry(), background=False)
    with database.connect() as connection:
        version = data_version(connection)
    started = time.perf_counter()
    index = live.current(version)
    build_seconds = time.perf_counter() - started
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    arrays = index.posting_events.nbytes + index.posting_weights.nbytes
    print(f"index of {index.event_count:,} events built in {build_seconds:.1f} s; "
          f"{len(index.posting_events):,} postings ({arrays / 2**20:.0f} MB of arrays); "
          f"memory of the process +{resident_mb() - resident_before:.0f} MB once built, "
          f"+{peak:.0f} MB at the peak of the build")  # fmt: skip

    by_index = create_app(Settings(), database, search_index=live).state.web
    by_database = create_app(Settings(search_index=False), database).state.web
    warm = new_queries(50, random.Random(1))
    timed_listings(database, by_index, warm), timed_listings(database, by_database, warm)
    queries = new_queries(args.queries, random.Random(2))
    with_index = timed_listings(database, by_index, queries)
    with_database = timed_listings(database, by_database, queries)
    print(f"new search, in-memory index: {summary(with_index)}")
    print(f"new search, database only:   {summary(with_database)}")
    ratio = statistics.median(with_database) / statistics.median(with_index)
    print(f"ratio of medians (database / index): {ratio:.1f}×")
    database.close()


if __name__ == "__main__":
    main()
