"""Three search engines on the same database of 1,000,000 synthetic events (SQLite,
built once by ``million.py``): a new search of the events list, in process, as a
page needs it: every match ranked, every facet counted over every match, the
first page's ids and cards.

(a) ``index``: the web's in-memory index (``binational.index``), built whole;
(b) ``fts``: the database's full-text search, ranking every match (no window) and
    counting the facets in SQL over a temporary table of the matches;
(c) ``tantivy``: the ``binational.search`` service (index on disk, by deltas).

The query mix: bench_search.py's texts (a very common word, a quoted phrase, …),
each alone and with one filter (quarter, status, institution, topic, category),
and the listing without text under the same filters. The in-memory index answers
only texts of plain words (no phrase, no listing without text): the table gives
every engine on that part, and (b) and (c) on the whole mix. Each round runs
every query once on each engine, the engines' order rotating from query to query;
the figures are medians over the rounds. Also: build time, memory of a process
that opened the engine and ran the mix (``--memory ENGINE``, run by the script in
a fresh process per engine), and the delay from an edit to the search finding it.

Run: .venv/bin/python benchmarks/bench_search_engines.py [--events 1000000]
     [--rounds 3] [--engines index,fts,tantivy] [--edits 10] [--skip-memory]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench_search import QUERIES
from million import ensure

from binational.config import Settings
from binational.domain import Quarter
from binational.registry.loader import load_registry
from binational.search import SearchQuery, open_engine, search
from binational.search.facets import facet_values
from binational.store.database import Database

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


def plain_words(text: str | None) -> bool:
    return text is not None and '"' not in text


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


def engines(database: Database, registry, names: list[str]) -> dict[str, Callable]:
    """Each engine as a function of one SearchQuery: (total, page ids, facets, cards).
    Building them is timed and printed."""
    found: dict[str, Callable] = {}
    for name in names:
        started = time.perf_counter()
        if name == "tantivy":
            engine = open_engine(database, registry, Settings())
            run = _tantivy(engine)
        elif name == "index":
            run = _memory_index(database, registry)
        else:
            run = _database_fts(database, registry)
        run(SearchQuery(text="treaty"))  # opened and warm
        print(f"{name}: ready in {time.perf_counter() - started:.1f} s", flush=True)
        found[name] = run
    return found


def _tantivy(engine) -> Callable:
    def run(query: SearchQuery):
        result = search(engine, query)
        return result.total, result.ids, result.facets, result.cards

    return run


def _memory_index(database: Database, registry) -> Callable:
    from binational.index.cards import index_cards
    from binational.index.facets import facet_counts
    from binational.index.live import LiveIndex
    from binational.index.query import IndexFilter, query_terms, ranking
    from binational.store.data_version import data_version

    # Built once: the data does not change while the mix runs (no rebuild of age).
    live = LiveIndex(database, registry, background=False, max_age=float("inf"))

    def run(query: SearchQuery):
        with database.connect() as connection:
            index = live.current(data_version(connection))
        where = IndexFilter(
            first_day=query.first_day.toordinal() if query.first_day else None,
            last_day=query.last_day.toordinal() if query.last_day else None,
            status=query.status, institution=query.institution, topic=query.topic,
            any_institution=query.any_institution,
        )  # fmt: skip
        ranked = ranking(index, query_terms(query.text), where)
        counts = facet_counts(index, ranked.ids)
        facets = facet_values(counts.quarters, counts.months, counts.statuses,
                              counts.institutions, counts.categories, counts.topics)  # fmt: skip
        page = [int(i) for i in ranked[0:25]]
        return len(ranked), page, facets, index_cards(index, page)

    return run


def _database_fts(database: Database, registry) -> Callable:
    from sqlalchemy import column, func, literal_column, select, table

    from binational.store.event_reads import read_event_cards
    from binational.store.events import EventQuery, event_conditions
    from binational.store.models import Event
    from binational.store.search import fts5_query

    category_of = {i.slug: i.category.value for i in registry.institutions}
    fts = table("events_fts", column("rowid"))
    bm25 = func.bm25(literal_column("events_fts"), 10.0, 3.0, 1.0)

    def run(query: SearchQuery):
        quarter = Quarter.containing(query.first_day) if query.first_day else None
        conditions = event_conditions(EventQuery(
            quarter=quarter, status=query.status, institution=query.institution,
            topic=query.topic, any_institution=query.any_institution,
        ))  # fmt: skip
        if query.text:
            matched = select(Event.id, Event.date_value, Event.status, (-bm25).label("score"))
            matched = matched.select_from(fts.join(Event, Event.id == fts.c.rowid)).where(
                literal_column("events_fts").op("MATCH")(fts5_query(query.text)), *conditions)
            order = "score DESC, id"
        else:
            matched = select(Event.id, Event.date_value, Event.status).where(*conditions)
            order = "date_value DESC, id DESC"
        with database.connect() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS temp.matched")
            sql = str(matched.compile(connection, compile_kwargs={"literal_binds": True}))
            connection.exec_driver_sql(f"CREATE TEMP TABLE matched AS {sql}")
            page = [r[0] for r in connection.exec_driver_sql(
                f"SELECT id FROM matched ORDER BY {order} LIMIT 25")]  # fmt: skip
            periods = connection.exec_driver_sql(
                "SELECT substr(date_value, 1, 7), status, count(*) FROM matched GROUP BY 1, 2"
            ).all()
            links = connection.exec_driver_sql(
                "SELECT l.slug, count(*) FROM event_institutions l JOIN matched m "
                "ON m.id = l.event_id WHERE NOT l.removed GROUP BY l.slug").all()  # fmt: skip
            topics = connection.exec_driver_sql(
                "SELECT t.slug, count(*) FROM event_topics t JOIN matched m "
                "ON m.id = t.event_id WHERE NOT t.removed GROUP BY t.slug").all()  # fmt: skip
            pairs = connection.exec_driver_sql(
                "SELECT DISTINCT l.event_id, l.slug FROM event_institutions l JOIN matched m "
                "ON m.id = l.event_id WHERE NOT l.removed").all()  # fmt: skip
            cards = read_event_cards(connection, page)
            connection.rollback()
        quarters, months, statuses = {}, {}, {}
        for month, status, count in periods:
            year, number = int(month[:4]), int(month[5:7])
            key = f"{year}Q{(number - 1) // 3 + 1}"
            quarters[key] = quarters.get(key, 0) + count
            months[number] = months.get(number, 0) + count
            statuses[status] = statuses.get(status, 0) + count
        in_category: dict[str, set[int]] = {}
        for event_id, slug in pairs:
            if slug in category_of:
                in_category.setdefault(category_of[slug], set()).add(event_id)
        facets = facet_values(quarters.items(), months.items(), statuses.items(), links,
                              [(c, len(e)) for c, e in in_category.items()], topics)  # fmt: skip
        return sum(statuses.values()), page, facets, cards

    return run


def rounds_of_timings(runs: dict[str, Callable], mix, registry, rounds: int) -> dict:
    """{engine: [per round: {query key: ms}]}, the engines interleaved."""
    timings: dict[str, list[dict]] = {name: [] for name in runs}
    names = list(runs)
    for number in range(rounds):
        for name in names:
            timings[name].append({})
        for position, (text, filter_name, where) in enumerate(mix):
            query = search_query(text, where, registry)
            order = names[position % len(names):] + names[: position % len(names)]
            for name in order:
                if name == "index" and not plain_words(text):
                    continue
                started, cpu = time.perf_counter(), time.thread_time()
                runs[name](query)
                timings[name][number][(text, filter_name)] = (
                    (time.perf_counter() - started) * 1e3, (time.thread_time() - cpu) * 1e3)
        print(f"round {number + 1} done, load average {os.getloadavg()[0]:.2f}", flush=True)
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def report(timings: dict, mix) -> None:
    """Per engine and part of the mix: median, p95 and max over the queries of a
    round (medians over the rounds), wall time and, beside it, the CPU time of the
    thread (what the search cost, whatever else the machine was doing)."""
    plain = {(t, f) for t, f, _ in mix if plain_words(t)}
    everything = {(t, f) for t, f, _ in mix}
    print(f"{'engine':8s} {'mix':28s} {'queries':>7s}   wall: median     p95     max"
          f"   CPU: median     p95     max")  # fmt: skip
    for part, keys in (("plain words", plain), ("whole mix (phrase, listings)", everything)):
        for name, rounds in timings.items():
            if not all(key in rounds[0] for key in keys):
                continue
            figures = []
            for which in (0, 1):
                stats = [[r[key][which] for key in keys] for r in rounds]
                figures += [statistics.median(statistics.median(s) for s in stats),
                            statistics.median(percentile(s, 0.95) for s in stats),
                            statistics.median(max(s) for s in stats)]  # fmt: skip
            print(f"{name:8s} {part:28s} {len(keys):7d}        "
                  + " ".join(f"{v:7.1f}" for v in figures[:3]) + "        "
                  + " ".join(f"{v:7.1f}" for v in figures[3:]))  # fmt: skip
    if "tantivy" in timings:
        slowest = sorted(timings["tantivy"][0].items(), key=lambda kv: -kv[1][1])[:5]
        for (text, filter_name), (wall, cpu) in slowest:
            print(f"  tantivy's costliest (round 1, CPU): {text!r} / {filter_name}: "
                  f"{cpu:.1f} ms ({wall:.1f} ms wall)")


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


def memory_child(db: Path, name: str) -> None:
    """In a fresh process: open one engine, run the mix once, print memory."""
    registry = load_registry()
    database = Database.open(str(db))
    before = memory_mb()
    run = engines(database, registry, [name])[name]
    for text, _, where in query_mix():
        if name != "index" or plain_words(text):
            run(search_query(text, where, registry))
    print(json.dumps({"before": before, "after": memory_mb()}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engines", default="index,fts,tantivy")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--skip-memory", action="store_true", help="no memory figures")
    parser.add_argument("--memory", help=argparse.SUPPRESS)
    args = parser.parse_args()
    db = ensure(args.events)
    if args.memory:
        return memory_child(db, args.memory)
    names = args.engines.split(",")
    print(f"database {db} ({args.events:,} events); load average {os.getloadavg()}")
    for name in [] if args.skip_memory else names:
        out = subprocess.run([sys.executable, __file__, "--events", str(args.events),
                              "--memory", name], capture_output=True, text=True, check=True)
        memory = json.loads(out.stdout.strip().splitlines()[-1])
        after, before = memory["after"], memory["before"]
        print(f"memory, {name}: a process that opened it and ran the mix: "
              f"RSS {after['rss']:.0f} MB, of which anonymous {after['anonymous']:.0f} MB and "
              f"mapped files {after['rss'] - after['anonymous']:.0f} MB (before opening: RSS "
              f"{before['rss']:.0f} MB, anonymous {before['anonymous']:.0f} MB)",
              flush=True)  # fmt: skip
    registry = load_registry()
    database = Database.open(str(db))
    runs = engines(database, registry, names)
    mix = query_mix()
    report(rounds_of_timings(runs, mix, registry, args.rounds), mix)
    if "tantivy" in names and args.edits:
        delays = edit_delays(database, registry, args.edits)
        print(f"edit → found by the next search (tantivy, delta): median "
              f"{statistics.median(delays):.0f} ms, max {max(delays):.0f} ms over {len(delays)}")
    print(f"load average at the end: {os.getloadavg()}; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
