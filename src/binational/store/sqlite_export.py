"""A standalone SQLite file of exported tables (for Datasette and any SQLite tool):
each table with its primary and foreign keys, and a full-text index (FTS5) over the
chosen table's text columns. The tables are described by the caller (``export/``):
objects with ``name``, ``columns`` (each with ``name``, ``type``, ``required``),
``primary_key`` and ``foreign_keys`` ((column, table, column) triples).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

SQL_TYPES = {"integer": "INTEGER", "string": "TEXT", "date": "TEXT", "datetime": "TEXT",
             "boolean": "INTEGER", "number": "REAL"}  # fmt: skip


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: Any) -> str:
    columns = [
        f"{_quote(c.name)} {SQL_TYPES[c.type]}{' NOT NULL' if c.required else ''}"
        for c in table.columns
    ]
    columns.append(f"PRIMARY KEY ({', '.join(_quote(k) for k in table.primary_key)})")
    for column, other, key in table.foreign_keys:
        columns.append(f"FOREIGN KEY ({_quote(column)}) REFERENCES {_quote(other)} ({_quote(key)})")
    return f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(columns) + "\n)"


def write_sqlite(
    path: Path,
    tables: Sequence[Any],
    rows: Mapping[str, Sequence[Mapping[str, Any]]],
    fts: tuple[str, Sequence[str]],
) -> None:
    """Write a new SQLite file at ``path`` (replacing any) with ``tables`` filled
    from ``rows``, referenced tables first, and an FTS5 index ``<table>_fts`` over
    ``fts`` = (table, columns), kept as an external-content index of that table."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        # A new file written once: no journal to keep, no syncing until it is closed.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA foreign_keys = ON")
        for table in tables:
            connection.execute(create_table_sql(table))
        for table in sorted(tables, key=lambda t: len(t.foreign_keys)):
            names = [c.name for c in table.columns]
            statement = (
                f"INSERT INTO {_quote(table.name)} ({', '.join(map(_quote, names))}) "
                f"VALUES ({', '.join('?' for _ in names)})"
            )
            connection.executemany(
                statement, ([row.get(n) for n in names] for row in rows[table.name])
            )
        fts_table, fts_columns = fts
        index = _quote(f"{fts_table}_fts")
        listed = ", ".join(map(_quote, fts_columns))
        connection.execute(
            f"CREATE VIRTUAL TABLE {index} USING fts5({listed}, "
            f"content={_quote(fts_table)}, content_rowid='rowid')"
        )
        connection.execute(
            f"INSERT INTO {index} (rowid, {listed}) SELECT rowid, {listed} FROM {_quote(fts_table)}"
        )
        connection.commit()
    finally:
        connection.close()
