"""The search service (``binational.search``) on a database of 1,000,000 synthetic
events (SQLite, built once by ``million.py``): a new search of the events list, in
process, as a page needs it: every match ranked, every facet counted over every
match, the first page's ids and cards.

The query mix: the texts below (a very common word, a quoted phrase, ...), each alone
and with one filter (quarter, status, institution, topic, category), and the listing
without text under the same filters. Each round runs every query once; the figures
are medians over the rounds, wall time and the thread's CPU time beside it (what a
search cost, whatever else the machine was doing). Also: memory of a fresh process
that opened the engine and ran the mix, and the delay from an edit to the next search
finding it (a delta, no rebuild).

The choice of this engine over the web's former in-memory index and the database's
own full-text search was measured with all three on the same database: see
docs/benchmarks.md ("Search"), which names the commit that still had them.

Run: .venv/bin/python benchmarks/bench_search.py [--events 1000000] [--rounds 5]
     [--edits 10] [--skip-memory]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from million import ensure

from binational.config import Settings
from binational.domain import Quarter
from binational.registry.loader import load_registry
from binational.search import SearchQuery, open_engine, search
from binational.store.database import Database

QUERIES = [
    "fentanyl", "consular", "labor rights", "USMCA", "migration", "Bicentennial Framework",
    "arms trafficking", "López Obrador", "water", "economic dialogue", "HLED", "border",
    "commission", "Rapid Response", "clean energy", "institutional implications",
    "mexico", "united states", "\"consular notification\"", "sembrando vida",
]  # fmt: skip


FILTERS: list[tuple[str, dict]] = [
    ("none", {}),
    ("quarter", {"quarter": Quarter(2019, 3)}),
    ("status", {"status": "published"}),
    ("institution", {"institution": "usmca"}),
    ("topic", {"topic": "security"}),
    ("category", {"category": "agreement"}),
]


def query_mix() -> list[tuple[str | None, str, dict]]:
    """(text, filter name, filter) for every text (and none) under every filter."""
    return [(text, name, where) for text in [*QUERIES, None] for name, where in FILTERS]


def search_query(text: str | None, where: dict, registry) -> SearchQuery:
    quarter = where.get("quarter")
    category = where.get("category")
    return SearchQuery(
        text=text, first_day=quarter.start if quarter else None,
        last_day=quarter.end if quarter else None, status=where.get("status"),
        institution=where.get("institution"), topic=where.get("topic"),
        any_institution=tuple(i.slug for i in registry.by_category(category))
        if category else None,
    )  # fmt: skip


def memory_mb() -> dict[str, float]:
    """Resident memory of this process: all of it, and its anonymous part (heap:
    what each more worker costs). The rest is mapped files (Tantivy's segments,
    SQLite's file), pages of the page cache that every worker shares."""
    fields = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return {"rss": fields["Rss"], "anonymous": fields["Anonymous"]}


def opened(database: Database, registry) -> object:
    """The engine, brought up to date and warm (building a new index is timed)."""
    started = time.perf_counter()
    engine = open_engine(database, registry, Settings())
    search(engine, SearchQuery(text="treaty"))
    print(f"engine ready in {time.perf_counter() - started:.1f} s", flush=True)
    return engine


def rounds_of_timings(engine, mix, registry, rounds: int) -> list[dict]:
    """Per round: {query key: (wall ms, CPU ms)}."""
    timings: list[dict] = []
    for number in range(rounds):
        timings.append({})
        for text, filter_name, where in mix:
            query = search_query(text, where, registry)
            started, cpu = time.perf_counter(), time.thread_time()
            search(engine, query)
            timings[number][(text, filter_name)] = (
                (time.perf_counter() - started) * 1e3, (time.thread_time() - cpu) * 1e3)
        print(f"round {number + 1} done, load average {os.getloadavg()[0]:.2f}", flush=True)
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def report(timings: list[dict]) -> None:
    """Median, p95 and max over a round's queries (medians over the rounds), wall
    and CPU; then the costliest queries of the first round."""
    keys = list(timings[0])
    figures = []
    for which in (0, 1):
        stats = [[r[key][which] for key in keys] for r in timings]
        figures += [statistics.median(statistics.median(s) for s in stats),
                    statistics.median(percentile(s, 0.95) for s in stats),
                    statistics.median(max(s) for s in stats)]  # fmt: skip
    print(f"{len(keys)} queries, {len(timings)} rounds (ms): wall median {figures[0]:.1f}, "
          f"p95 {figures[1]:.1f}, max {figures[2]:.1f}; CPU median {figures[3]:.1f}, "
          f"p95 {figures[4]:.1f}, max {figures[5]:.1f}")
    slowest = sorted(timings[0].items(), key=lambda kv: -kv[1][1])[:5]
    for (text, filter_name), (wall, cpu) in slowest:
        print(f"  costliest (round 1, CPU): {text!r} / {filter_name}: {cpu:.1f} ms "
              f"({wall:.1f} ms wall)")


def edit_delays(database: Database, registry, edits: int) -> list[float]:
    """Milliseconds from an edit's commit to the search that finds it (tantivy)."""
    from binational.store.events import get_event, update_event

    engine = open_engine(database, registry, Settings())
    search(engine, SearchQuery(text="treaty"))
    delays = []
    for number in range(edits):
        word = f"benchmarkword{number}x{int(time.time())}"
        with database.transaction() as session:
            event = get_event(session, 1000 + number)
            update_event(session, event, {"title": f"{event.title} {word}"}, "benchmark")
        started = time.perf_counter()
        found = search(engine, SearchQuery(text=word))
        delays.append((time.perf_counter() - started) * 1e3)
        assert found.ids == [1000 + number], found.ids
    assert engine.builds == 0 and engine.deltas == edits
    return delays


def memory_child(db: Path) -> None:
    """In a fresh process: open the engine, run the mix once, print memory."""
    registry = load_registry()
    database = Database.open(str(db))
    before = memory_mb()
    engine = opened(database, registry)
    for text, _, where in query_mix():
        search(engine, search_query(text, where, registry))
    print(json.dumps({"before": before, "after": memory_mb()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--skip-memory", action="store_true", help="no memory figures")
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    db = ensure(args.events)
    if args.memory:
        return memory_child(db)
    print(f"database {db} ({args.events:,} events); load average {os.getloadavg()}")
    if not args.skip_memory:
        out = subprocess.run([sys.executable, __file__, "--events", str(args.events),
                              "--memory"], capture_output=True, text=True, check=True)
        memory = json.loads(out.stdout.strip().splitlines()[-1])
        after, before = memory["after"], memory["before"]
        print(f"memory of a process that opened the engine and ran the mix: RSS "
              f"{after['rss']:.0f} MB, of which anonymous {after['anonymous']:.0f} MB and "
              f"mapped files {after['rss'] - after['anonymous']:.0f} MB (before opening: RSS "
              f"{before['rss']:.0f} MB, anonymous {before['anonymous']:.0f} MB)",
              flush=True)  # fmt: skip
    registry = load_registry()
    database = Database.open(str(db))
    engine = opened(database, registry)
    report(rounds_of_timings(engine, query_mix(), registry, args.rounds))
    if args.edits:
        delays = edit_delays(database, registry, args.edits)
        print(f"edit → found by the next search (a delta): median "
              f"{statistics.median(delays):.0f} ms, max {max(delays):.0f} ms over {len(delays)}")
    print(f"load average at the end: {os.getloadavg()}; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
