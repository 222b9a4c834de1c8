"""``binational index``: bring the search index up to date, or build it.

Searches keep the index current by themselves (each applies the changes since the
last one); building a new index at a million events takes minutes, so a server
runs this once when it is deployed, before the first visitor searches.
"""

from __future__ import annotations

import time

from binational.cli.options import DbOption, JsonOption, open_database, settings_for
from binational.cli.output import make_console, print_json


def index_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Bring the search index up to date (built whole when it is missing, damaged or
    made by another version)."""
    from binational.registry.loader import load_registry
    from binational.search import open_engine, synchronize

    settings = settings_for(db)
    database = open_database(settings)
    engine = open_engine(database, load_registry(), settings)
    started = time.perf_counter()
    outcome = synchronize(engine, patience=float("inf"))
    record = {
        "outcome": outcome.kind, "events_written": outcome.events,
        "seconds": round(time.perf_counter() - started, 3), "directory": str(engine.directory),
    }  # fmt: skip
    if json_output:
        print_json(record)
        return
    make_console().print(
        f"search index {outcome.kind}: {outcome.events} events written in "
        f"{record['seconds']} s ({engine.directory})"
    )
