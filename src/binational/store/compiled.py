"""Compiling the store's named read statements for SQLite, into the values the
statement cache keeps (``statement_cache.py``) and ``cached_reader.py`` runs.

Each statement is compiled with SQLAlchemy's SQLite dialect: its text (``?`` for a
value, ``__[POSTCOMPILE_name]`` for a list, spelled out at run time), its parameters
in the text's order with the kind of each (how SQLAlchemy's type binds it) and the
kind of each result column (how its type reads it). A statement with a type whose
binding or reading is not one of the kinds ``cached_reader`` mirrors is refused
(``NotCompilable``); the cache leaves it out and the reader compiles nothing it
cannot mirror.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import types
from sqlalchemy.dialects import sqlite

from binational.store.event_query import command_line_listings
from binational.store.named_statements import NamedStatement
from binational.store.sqlite_values import bound
from binational.store.statement_cache import Compiled, Parameter, cache_key, write_cached

DIALECT = sqlite.dialect()
# The modules whose named statements the cache holds (every ``NamedStatement`` among
# their attributes), besides the command line's listings.
STATEMENT_MODULES = (
    "binational.store.schema_version",
    "binational.store.event_reads",
    "binational.store.report_counts",
    "binational.store.candidate_reads",
    "binational.store.citations",
)


class NotCompilable(ValueError):
    """A statement ``cached_reader`` cannot run as SQLAlchemy would."""


def kind_of(type_: types.TypeEngine) -> str:
    """How ``cached_reader`` binds and reads a value of ``type_``."""
    if isinstance(type_, types.Boolean):
        return "bool"
    if isinstance(type_, types.DateTime):
        return "datetime"
    if isinstance(type_, types.Date):
        return "date"
    if isinstance(type_, types.JSON):
        return "json"
    implementation = type_.dialect_impl(DIALECT)
    if implementation.result_processor(DIALECT, None) is not None:
        raise NotCompilable(f"no reader of {type_!r} values")
    if isinstance(type_, types.Float) and not type_.asdecimal:
        return "float"
    if implementation.bind_processor(DIALECT) is not None:
        raise NotCompilable(f"no binding of {type_!r} values")
    return "plain"


def compile_statement(statement: NamedStatement) -> Compiled:
    """The statement compiled for SQLite (``NotCompilable`` if it cannot be run
    without SQLAlchemy as with it)."""
    built = statement.build()
    compiled = built.compile(dialect=DIALECT)
    by_name = {name: bind for bind, name in compiled.bind_names.items()}
    parameters = []
    for name in compiled.positiontup or ():
        bind = by_name[name]
        kind = kind_of(bind.type)
        if bind.callable is not None or bind.literal_execute or kind == "json":
            raise NotCompilable(f"{statement.key}: the parameter {name!r} is not a plain value")
        default = None
        if not bind.required:
            default = (
                [bound(kind, item) for item in bind.value]
                if bind.expanding
                else bound(kind, bind.value)
            )
        parameters.append(Parameter(name, kind, bind.expanding, not bind.required, default))
    columns = tuple(kind_of(column.type) for column in built.selected_columns)
    return Compiled(sql=compiled.string, parameters=tuple(parameters), columns=columns)


def named_statements() -> tuple[NamedStatement, ...]:
    """Every statement the cache holds."""
    found: list[NamedStatement] = []
    for module in STATEMENT_MODULES:
        found += [v for v in vars(importlib.import_module(module)).values()
                  if isinstance(v, NamedStatement)]  # fmt: skip
    return tuple(dict.fromkeys([*found, *command_line_listings()]))


def compile_all(statements: Iterable[NamedStatement] | None = None) -> dict[str, Compiled]:
    """The compiled form of ``statements`` (default: ``named_statements()``), by key."""
    return {s.key: compile_statement(s) for s in statements or named_statements()}


def write_statement_cache(directory: Path) -> Path | None:
    """Compile every named statement and write them to the cache in ``directory``
    (None if it is unwritable)."""
    return write_cached(directory, cache_key(), compile_all())
