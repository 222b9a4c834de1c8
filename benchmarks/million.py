"""The search benchmarks' large database: synthetic events (1,000,000 by default)
with links and topics like the web benchmark's (``bench_web.build_database``),
built once under ``benchmarks/.data/`` (git-ignored) and reused.

The events are generated and inserted a chunk at a time, so that building a
million of them needs a few hundred MB rather than the whole list in memory.
Run: .venv/bin/python benchmarks/million.py [--events 1000000] [--path PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import time
from collections.abc import Iterator
from pathlib import Path

from bench_web import STATUSES, sentences

DATA = Path(__file__).resolve().parent / ".data"
CHUNK = 20_000


def default_path(count: int) -> Path:
    return DATA / f"events-{count}.db"


def event_rows(count: int, seed: int = 5) -> Iterator[tuple[list, list, list]]:
    """Chunks of (events, links, topics) rows: events over 2014-2023, each linked to
    one to three institutions and tagged with up to two topics."""
    from binational.registry.loader import load_registry
    from binational.registry.topics import load_taxonomy
    from binational.store.models import utcnow

    rng = random.Random(seed)
    pool = sentences()
    words = sorted({w for s in pool for w in re.findall(r"[A-Za-zÁÉÍÓÚáéíóúñ]{4,}", s)})
    slugs = [i.slug for i in load_registry().institutions]
    topics = [t.slug for t in load_taxonomy().topics]
    start = dt.date(2014, 1, 1)
    now = utcnow()
    events: list[dict] = []
    links: list[dict] = []
    tags: list[dict] = []
    for event_id in range(1, count + 1):
        events.append({
            "id": event_id, "title": " ".join(rng.sample(words, 8)).capitalize(),
            "summary": "\n".join(" ".join(rng.sample(pool, 3)) for _ in range(2)),
            "implications": " ".join(rng.sample(pool, 2)),
            "date_value": start + dt.timedelta(days=rng.randrange(3650)),
            "date_precision": "day", "date_source": "stated", "status": rng.choice(STATUSES),
            "truncated": False, "origin": "analyst", "created_at": now, "updated_at": now,
            "url": f"https://www.example.gov/release/{event_id}",
        })  # fmt: skip
        for slug in rng.sample(slugs, rng.randint(1, 3)):
            links.append({"event_id": event_id, "slug": slug, "kind": "institution",
                          "mention": slug.upper(), "field": "summary", "confidence": 0.9,
                          "origin": "linker", "removed": False, "updated_at": now})  # fmt: skip
        for slug in rng.sample(topics, rng.randint(0, 2)):
            tags.append({"event_id": event_id, "slug": slug, "terms": [slug], "origin": "tagger",
                         "removed": False})  # fmt: skip
        if len(events) == CHUNK:
            yield events, links, tags
            events, links, tags = [], [], []
    if events:
        yield events, links, tags


def build(path: Path, count: int) -> float:
    """Build the database at ``path`` (which must not exist); seconds taken."""
    from sqlalchemy import insert

    from binational.store.database import Database
    from binational.store.models import Event, EventInstitution, EventTopic

    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    database = Database.open(str(partial))
    done = 0
    for events, links, tags in event_rows(count):
        with database.transaction() as session:
            for table, rows in ((Event, events), (EventInstitution, links), (EventTopic, tags)):
                session.execute(insert(table), rows)
        done += len(events)
        print(f"\r{done:,} events", end="", flush=True)
    print()
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    database.close()
    partial.rename(path)
    return time.perf_counter() - started


def ensure(count: int, path: Path | None = None) -> Path:
    """The database of ``count`` events, built if it is not there yet."""
    path = path or default_path(count)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {count:,} events in {path} …")
        print(f"built in {build(path, count):.0f} s")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--path", type=Path, default=None)
    args = parser.parse_args()
    print(ensure(args.events, args.path))


if __name__ == "__main__":
    main()
