"""The search benchmarks' large database: synthetic events (1,000,000 by default)
with links and topics like the web benchmark's (``bench_web.build_database``),
built once under ``benchmarks/.data/`` (git-ignored) and reused.

The events are generated and inserted a chunk at a time, so that building a
million of them needs a few hundred MB rather than the whole list in memory.
Run: .venv/bin/python benchmarks/million.py [--events 1000000] [--path PATH]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_web import event_rows

DATA = Path(__file__).resolve().parent / ".data"
CHUNK = 20_000


def default_path(count: int) -> Path:
    return DATA / f"events-{count}.db"


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
    for events, links, tags in event_rows(count, chunk=CHUNK):
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
