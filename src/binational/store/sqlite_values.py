"""Values to and from SQLite as SQLAlchemy's SQLite types bind and read them, for
the statements ``cached_reader.py`` runs without SQLAlchemy.

A statement's parameters and result columns each have a kind (``compiled.kind_of``
gives it from the SQLAlchemy type); these are the functions of each kind. Why they
are written out here: the point is not to import SQLAlchemy, whose processors these
mirror; a test holds every compiled statement's rows equal to SQLAlchemy's.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any


def _date(value: dt.date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _datetime(value: dt.date) -> str:
    if not isinstance(value, dt.datetime):
        return _date(value) + " 00:00:00.000000"
    return (
        f"{_date(value)} {value.hour:02d}:{value.minute:02d}:{value.second:02d}"
        f".{value.microsecond:06d}"
    )


def _json(value: Any) -> Any:
    # As SQLAlchemy's SQLite JSON type: a number the database gives back as a number
    # stays one.
    return json.loads(value) if isinstance(value, str | bytes) else value


def _keep(value: Any) -> Any:
    return value


# How a value is bound, by the kind of its parameter (SQLAlchemy's SQLite types'
# bind processors); None stays None.
BIND: Mapping[str, Callable[[Any], Any]] = {
    "plain": _keep, "float": float, "bool": int, "date": _date, "datetime": _datetime,
}  # fmt: skip
# How a column's value is read (their result processors); None stays None.
READ: Mapping[str, Callable[[Any], Any]] = {
    "plain": _keep, "float": _keep, "bool": bool, "date": dt.date.fromisoformat,
    "datetime": dt.datetime.fromisoformat, "json": _json,
}  # fmt: skip


def bound(kind: str, value: Any) -> Any:
    return None if value is None else BIND[kind](value)
