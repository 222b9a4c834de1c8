"""The data's version: what tells a cache or an index that events may have changed.

It is the largest event id and the largest revision id: every change the
application makes to events either adds an event or writes a revision
(``store/revisions.py``), so a new version means something may have changed.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from binational.store.driver_reads import first_row
from binational.store.tables import events, revisions

Version = tuple[int, int]

DATA_VERSION = select(
    select(func.max(events.c.id)).scalar_subquery(),
    select(func.max(revisions.c.id)).scalar_subquery(),
)


def data_version(connection: Connection) -> Version:
    """(largest event id, largest revision id): two index lookups, on the driver's
    cursor (every web request reads it: see driver_reads)."""
    row = first_row(connection, DATA_VERSION)
    return (row[0] or 0, row[1] or 0)
