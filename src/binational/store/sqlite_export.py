"""A standalone SQLite file of exported tables (for Datasette and any SQLite tool):
each table with its primary and foreign keys, and a full-text index (FTS5) over the
chosen table's text columns. The tables are described by the caller (``export/``):
objects with ``name``, ``columns`` (each with ``name``, ``type``, ``required``),
``primary_key`` and ``foreign_keys`` ((column, table, column) triples).
"""

from __future__ import annotations

import contextlib
import operator
import shutil
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
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


def _schema_sql(tables: Sequence[Any], fts: tuple[str, Sequence[str]]) -> list[str]:
    """The statements that make the file's tables and its full-text index."""
    fts_table, fts_columns = fts
    listed = ", ".join(map(_quote, fts_columns))
    index = _quote(f"{fts_table}_fts")
    return [
        *(create_table_sql(table) for table in tables),
        f"CREATE VIRTUAL TABLE {index} USING fts5({listed}, "
        f"content={_quote(fts_table)}, content_rowid='rowid')",
    ]


def _schema_of(connection: sqlite3.Connection) -> list[tuple[str, str, str | None]]:
    return connection.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()


def _values(table: Any, rows: Sequence[Mapping[str, Any]]) -> list[tuple]:
    """The rows as tuples in the table's column order (a missing column is NULL)."""
    names = [column.name for column in table.columns]
    pick = operator.itemgetter(*names)
    try:
        # itemgetter of one name gives the value itself, not a 1-tuple.
        return [pick(row) for row in rows] if len(names) > 1 else [(pick(row),) for row in rows]
    except KeyError:
        return [tuple(row.get(name) for name in names) for row in rows]


def _insert_sql(table: Any) -> str:
    names = [c.name for c in table.columns]
    return (
        f"INSERT INTO {_quote(table.name)} ({', '.join(map(_quote, names))}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )


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
        *creates, create_index = _schema_sql(tables, fts)
        for statement in creates:
            connection.execute(statement)
        for table in sorted(tables, key=lambda t: len(t.foreign_keys)):
            connection.executemany(_insert_sql(table), _values(table, rows[table.name]))
        fts_table, fts_columns = fts
        listed = ", ".join(map(_quote, fts_columns))
        connection.execute(create_index)
        connection.execute(
            f"INSERT INTO {_quote(fts_table + '_fts')} (rowid, {listed}) "
            f"SELECT rowid, {listed} FROM {_quote(fts_table)}"
        )
        connection.commit()
    finally:
        connection.close()


def update_sqlite(
    previous: Path,
    path: Path,
    tables: Sequence[Any],
    rows: Mapping[str, Sequence[Mapping[str, Any]]],
    fts: tuple[str, Sequence[str]],
) -> bool:
    """Make at ``path`` the file ``write_sqlite`` would, from ``previous``, a file it
    wrote earlier: a copy whose rows that differ from ``rows`` are deleted, inserted
    or replaced, with the full-text index kept in step. Editing one event of 10,000
    costs a copy and a read instead of writing every row and indexing every text.
    False, and ``path`` left alone, when ``previous`` is missing or not made with
    this schema. The fts table's primary key must be its rowid (one INTEGER column).
    """
    try:
        with contextlib.closing(sqlite3.connect(f"file:{previous}?mode=ro", uri=True)) as old:
            found = _schema_of(old)
    except sqlite3.Error:
        return False
    with contextlib.closing(sqlite3.connect(":memory:")) as empty:
        for statement in _schema_sql(tables, fts):
            empty.execute(statement)
        if found != _schema_of(empty):
            return False
    path.unlink(missing_ok=True)
    shutil.copyfile(previous, path)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        _bring_rows(connection, tables, rows, fts)
        connection.commit()
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    if problems:
        raise ValueError(f"the exported rows break {len(problems)} foreign keys")
    return True


def _by_key(rows: Iterable[tuple], keys: list[int]) -> dict[tuple, tuple]:
    """Rows by their primary key's values (``keys``: the key columns' positions)."""
    if len(keys) == 1:
        (only,) = keys
        return {(row[only],): row for row in rows}
    key_of = operator.itemgetter(*keys)
    return {key_of(row): row for row in rows}


def _bring_rows(
    connection: sqlite3.Connection,
    tables: Sequence[Any],
    rows: Mapping[str, Sequence[Mapping[str, Any]]],
    fts: tuple[str, Sequence[str]],
) -> None:
    """Delete, insert or replace the rows of each table that differ from ``rows``
    (compared by primary key), and the full-text index's entries of those rows."""
    fts_table, fts_columns = fts
    index = _quote(f"{fts_table}_fts")
    listed = ", ".join(map(_quote, fts_columns))
    marks = ", ".join("?" for _ in fts_columns)
    for table in tables:
        names = [c.name for c in table.columns]
        keys = [names.index(k) for k in table.primary_key]
        quoted = ", ".join(map(_quote, names))
        cursor = connection.execute(f"SELECT {quoted} FROM {_quote(table.name)}")
        old = _by_key(cursor, keys)
        new = _by_key(_values(table, rows[table.name]), keys)
        changed = [key for key in old.keys() & new.keys() if old[key] != new[key]]
        stale = [old[key] for key in [*(old.keys() - new.keys()), *changed]]
        fresh = [new[key] for key in [*(new.keys() - old.keys()), *changed]]
        searched = table.name == fts_table
        where = " AND ".join(f"{_quote(table.primary_key[n])} = ?" for n in range(len(keys)))
        text = [names.index(c) for c in fts_columns] if searched else []
        for row in stale:
            if searched:
                connection.execute(
                    f"INSERT INTO {index} ({index}, rowid, {listed}) VALUES ('delete', ?, {marks})",
                    (row[keys[0]], *(row[i] for i in text)),
                )
            connection.execute(
                f"DELETE FROM {_quote(table.name)} WHERE {where}", [row[i] for i in keys]
            )
        connection.executemany(_insert_sql(table), fresh)
        if searched:
            connection.executemany(
                f"INSERT INTO {index} (rowid, {listed}) VALUES (?, {marks})",
                [(row[keys[0]], *(row[i] for i in text)) for row in fresh],
            )
