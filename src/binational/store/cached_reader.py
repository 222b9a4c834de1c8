"""Reading a SQLite database with the stdlib ``sqlite3`` module and the store's
statements compiled ahead of time (``statement_cache.py``): the short read commands'
way in, which spares them importing SQLAlchemy (about twice the start-up of
``binational --help`` on its own).

A ``CachedReader`` stands where the read functions take a connection
(``named_statements.rows``): it runs a named statement's compiled text with the
values bound as SQLAlchemy's SQLite types bind them, and gives rows (named tuples)
with the values read as SQLAlchemy reads them (``sqlite_values.py``). A
test runs every compiled statement both ways and holds the rows equal.

``open_cached_reader`` gives one only for a SQLite file whose schema is current,
opened read-only; anything else (no file, another database, an old schema that needs
migrating, an unreadable file) is None, and the caller opens the database through
SQLAlchemy as usual, which migrates or says what is wrong.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from binational.store.named_statements import NamedStatement
from binational.store.schema_version import STORED_VERSIONS, is_current_schema
from binational.store.sqlite_values import READ, bound
from binational.store.statement_cache import Compiled

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session


def sql_and_values(compiled: Compiled, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """The statement's text with its lists spelled out, and its values in order."""
    sql, values = compiled.sql, []
    for parameter in compiled.parameters:
        if parameter.name in params:
            value = params[parameter.name]
            value = (
                [bound(parameter.kind, item) for item in value]
                if parameter.expanding
                else bound(parameter.kind, value)
            )
        elif parameter.has_default:
            value = parameter.default
        else:
            raise KeyError(f"no value for the parameter {parameter.name!r}")
        if parameter.expanding:
            sql = sql.replace(f"__[POSTCOMPILE_{parameter.name}]", ", ".join("?" * len(value)))
            values.extend(value)
        else:
            values.append(value)
    return sql, values


class CompiledStatements:
    """The named statements compiled for SQLite and the row type of each column list,
    shared by the readers of a process (making either costs more than a read). A
    statement missing from the set is compiled on first use (importing SQLAlchemy),
    so a reader is never wrong, only slower."""

    def __init__(self, statements: Mapping[str, Compiled] | None = None):
        self._statements = dict(statements or {})
        self._row_types: dict[tuple[str, ...], type] = {}

    def run(
        self, connection: sqlite3.Connection, statement: NamedStatement, params: Mapping[str, Any]
    ) -> list[Any]:
        """The statement's rows on ``connection``, read as SQLAlchemy reads them."""
        compiled = self._statements.get(statement.key)
        if compiled is None:
            from binational.store.compiled import compile_statement

            compiled = self._statements[statement.key] = compile_statement(statement)
        sql, values = sql_and_values(compiled, params)
        cursor = connection.execute(sql, values)
        names = tuple(column[0] for column in cursor.description)
        row_type = self._row_types.get(names)
        if row_type is None:
            row_type = self._row_types[names] = namedtuple("Row", names)
        readers = [READ[kind] for kind in compiled.columns]
        return [
            row_type._make(None if value is None else read(value)
                           for read, value in zip(readers, row, strict=True))
            for row in cursor
        ]  # fmt: skip


class CachedReader:
    """A ``sqlite3`` connection that runs the store's named statements from their
    compiled text: a short command's read-only connection (``open_cached_reader``,
    closed by it), or the web's pooled connection's own (``Database.reader``, left
    open: the pool owns it)."""

    def __init__(self, connection: sqlite3.Connection, compiled: CompiledStatements):
        self._connection = connection
        self._compiled = compiled

    def run_cached(self, statement: NamedStatement, params: Mapping[str, Any]) -> list[Any]:
        return self._compiled.run(self._connection, statement, params)

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> CachedReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# What the store's read functions read through: a SQLAlchemy connection or session,
# or a ``CachedReader`` (``named_statements.rows`` runs a statement on any of them).
Readable: TypeAlias = "Connection | Session | CachedReader"


def sqlite_file(target: str) -> Path | None:
    """The SQLite file a database target names (a path, or a plain ``sqlite:///``
    URL); None for anything else (left to SQLAlchemy's URL parsing)."""
    if "://" not in target:
        return Path(target).expanduser()
    prefix = "sqlite:///"
    if target.startswith(prefix) and not any(c in target for c in "?%#"):
        return Path(target.removeprefix(prefix))
    return None


def open_cached_reader(
    target: str, lock_wait: float, statements: Mapping[str, Compiled]
) -> CachedReader | None:
    """A reader of the SQLite file ``target`` names, if its schema is current; else
    None (see the module's docstring)."""
    path = sqlite_file(target)
    if path is None or not path.is_file():
        return None
    try:
        # Read-only; the store's pragmas that matter to a reader (journal_mode=WAL is
        # the file's own, set by the writers; synchronous concerns writes only).
        connection = sqlite3.connect(
            path.resolve().as_uri() + "?mode=ro", uri=True, timeout=lock_wait
        )
    except sqlite3.Error:
        return None
    reader = CachedReader(connection, CompiledStatements(statements))
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute(f"PRAGMA busy_timeout={int(lock_wait * 1000)}")
        current = is_current_schema(row[0] for row in reader.run_cached(STORED_VERSIONS, {}))
    except sqlite3.Error:
        current = False
    if not current:
        reader.close()
        return None
    return reader
