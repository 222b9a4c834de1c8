"""The one-row reads every web request makes, run on the driver's own cursor.

Every request reads the data's version (``data_version.py``) and the signed-in
user (``store/users.py``). Through SQLAlchemy's ``Connection.execute`` such a read is
cheap in a warm loop but several times dearer inside a request, between the page's
other work: its execution path is long, and there it runs with cold caches. On the
DBAPI cursor it costs a fraction of that (docs/benchmarks.md, the web benchmark).

So the statement is still built with SQLAlchemy (portable, no hand-written SQL),
compiled once per dialect, and run on the cursor. Rows come back as the driver
gives them, without SQLAlchemy's result processing: only statements whose columns
need none (integers, text) belong here.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Connection, Dialect, Select


@functools.lru_cache(maxsize=64)
def compiled_sql(statement: Select, dialect: Dialect) -> tuple[str, tuple[str, ...] | None]:
    """The statement's SQL for ``dialect``, and the order of its parameters when the
    driver takes them by position (SQLite's ``?``); ``None`` when by name."""
    compiled = statement.compile(dialect=dialect)
    order = tuple(compiled.positiontup or ()) if dialect.positional else None
    return compiled.string, order


def first_row(connection: Connection, statement: Select, **params: Any) -> tuple | None:
    """The statement's first row as the driver returns it, or ``None``."""
    sql, order = compiled_sql(statement, connection.dialect)
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, params if order is None else [params[name] for name in order])
        return cursor.fetchone()
    finally:
        cursor.close()
