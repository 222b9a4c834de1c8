"""The connection a read command reads through: the stdlib ``sqlite3`` module when it
can (``cached_reader.py``), SQLAlchemy otherwise.

On a SQLite file with a current schema and the statements compiled for the current
code in the cache directory, a ``CachedReader``: the command imports no SQLAlchemy.
Otherwise (PostgreSQL, a new or old database, no cache yet or a stale one) the
database is opened as every command opens it (``Database.open``, migrating if
needed) and read on a SQLAlchemy connection; SQLAlchemy being imported anyway, a
missing or stale cache is then written for the next command.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from binational.store.cached_reader import open_cached_reader, sqlite_file
from binational.store.statement_cache import cache_key, read_cached


@contextmanager
def read_connection(target: str, lock_wait: float, cache_dir: Path | None) -> Iterator[Any]:
    """A ``CachedReader`` or a SQLAlchemy connection of the database ``target``
    (the read functions of the store take either), closed at the end."""
    statements = read_cached(cache_dir, cache_key()) if cache_dir is not None else None
    if statements is not None:
        reader = open_cached_reader(target, lock_wait, statements)
        if reader is not None:
            with reader:
                yield reader
            return
    from binational.store.database import Database

    database = Database.open(target, lock_wait=lock_wait)
    try:
        if statements is None and cache_dir is not None and sqlite_file(target) is not None:
            from binational.store.compiled import write_statement_cache

            write_statement_cache(cache_dir)
        with database.connect() as connection:
            yield connection
    finally:
        database.close()
