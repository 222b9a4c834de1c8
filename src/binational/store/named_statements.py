"""Statements of the store known by name, run on either kind of connection.

A read statement is defined once, with SQLAlchemy Core, in a statements module
(``event_statements.py``, ``report_statements.py``, ...). The functions that run it
(``event_reads.py``, ``report_counts.py``, ...) refer to it by a ``NamedStatement``,
which names the module and the attribute without importing them, and run it with
``rows``:

- on a SQLAlchemy connection or session, ``rows`` builds the statement (importing
  its module, once per process) and executes it, as any store read;
- on a ``CachedReader`` (``cached_reader.py``: the stdlib ``sqlite3`` module and the
  statements compiled for SQLite ahead of time, ``compiled.py``), it runs the
  compiled text, so a short command reads a SQLite file without importing
  SQLAlchemy.

A test runs every named statement both ways on the same data and holds the results
equal (``tests/store/test_cached_reader.py``).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NamedStatement:
    """The statement ``module.name`` (or, for a family, ``module.name(*args)``)."""

    module: str
    name: str
    args: tuple[Any, ...] = ()

    @property
    def key(self) -> str:
        """The statement's name in the compiled cache."""
        short = self.module.rsplit(".", 1)[-1]
        return f"{short}.{self.name}" + (repr(self.args) if self.args else "")

    def build(self) -> Any:
        """The SQLAlchemy statement (imports its module; built once per process)."""
        return _built(self.module, self.name, self.args)


@functools.cache
def _built(module: str, name: str, args: tuple[Any, ...]) -> Any:
    defined = getattr(importlib.import_module(module), name)
    return defined(*args) if args else defined


def rows(connection: Any, statement: NamedStatement, params: Mapping[str, Any] | None = None):
    """The rows of ``statement`` run with ``params`` on ``connection`` (a SQLAlchemy
    connection or session, or a ``CachedReader``): a list of rows with named fields."""
    run_cached = getattr(connection, "run_cached", None)
    if run_cached is not None:
        return run_cached(statement, params or {})
    return connection.execute(statement.build(), dict(params or {})).all()


def first(connection: Any, statement: NamedStatement, params: Mapping[str, Any] | None = None):
    """The first row of ``statement``, or None."""
    found = rows(connection, statement, params)
    return found[0] if found else None
