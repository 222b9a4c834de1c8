"""The search index's reads of the database: events as ``EventRow`` values (what
the index keeps of each), and what changed since a data version (new events, events
with new revisions).

Every change the application makes to an event, its links or its topics writes a
revision (``store/revisions.py``), so the events to re-index after version
(e, r) are those with an id above e and those named by a revision above r.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, or_, select

from binational.domain import DatePrecision
from binational.store.tables import event_institutions, event_topics, events, revisions


@dataclass(frozen=True)
class EventRow:
    """What the index keeps of one event: its texts, date, status, and its live
    institution links and topics."""

    id: int
    title: str
    summary: str
    implications: str
    day: dt.date
    status: str
    date_precision: str = DatePrecision.DAY.value
    institutions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()



_events = events
_links = event_institutions
_topics = event_topics
_revisions = revisions

_ROW_COLUMNS = (
    _events.c.id, _events.c.title, _events.c.summary, _events.c.implications,
    _events.c.date_value, _events.c.status, _events.c.date_precision,
)  # fmt: skip
_ids = bindparam("ids", expanding=True)
ROWS_BY_ID = select(*_ROW_COLUMNS).where(_events.c.id.in_(_ids))
LINKS_BY_ID = select(_links.c.event_id, _links.c.slug).where(
    _links.c.event_id.in_(_ids), _links.c.removed.is_(False)
)
TOPICS_BY_ID = select(_topics.c.event_id, _topics.c.slug).where(
    _topics.c.event_id.in_(_ids), _topics.c.removed.is_(False)
)
_low, _high = bindparam("low"), bindparam("high")
ROWS_IN_RANGE = (
    select(*_ROW_COLUMNS).where(_events.c.id > _low, _events.c.id <= _high).order_by(_events.c.id)
)
LINKS_IN_RANGE = select(_links.c.event_id, _links.c.slug).where(
    _links.c.event_id > _low, _links.c.event_id <= _high, _links.c.removed.is_(False)
)
TOPICS_IN_RANGE = select(_topics.c.event_id, _topics.c.slug).where(
    _topics.c.event_id > _low, _topics.c.event_id <= _high, _topics.c.removed.is_(False)
)
CHUNK = 5000


def _rows(rows, links, topics) -> list[EventRow]:
    institutions: dict[int, list[str]] = {}
    for event_id, slug in links:
        institutions.setdefault(event_id, []).append(slug)
    tags: dict[int, list[str]] = {}
    for event_id, slug in topics:
        tags.setdefault(event_id, []).append(slug)
    return [
        EventRow(
            event_id, title, summary or "", implications or "", day, status, precision,
            tuple(institutions.get(event_id, ())), tuple(tags.get(event_id, ())),
        )  # fmt: skip
        for event_id, title, summary, implications, day, status, precision in rows
    ]


def read_rows(connection: Connection, ids: Collection[int]) -> list[EventRow]:
    """The events ``ids`` that exist, in id order."""
    found: list[EventRow] = []
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        chunk = {"ids": ordered[start : start + CHUNK]}
        found += _rows(
            connection.execute(ROWS_BY_ID, chunk),
            connection.execute(LINKS_BY_ID, chunk),
            connection.execute(TOPICS_BY_ID, chunk),
        )
    return sorted(found, key=lambda row: row.id)


def all_rows(connection: Connection, last_id: int, chunk: int = CHUNK) -> Iterator[list[EventRow]]:
    """Every event up to id ``last_id``, a chunk of ids at a time, in id order."""
    for low in range(0, last_id, chunk):
        bounds = {"low": low, "high": min(low + chunk, last_id)}
        rows = _rows(
            connection.execute(ROWS_IN_RANGE, bounds),
            connection.execute(LINKS_IN_RANGE, bounds),
            connection.execute(TOPICS_IN_RANGE, bounds),
        )
        if rows:
            yield rows


def new_events(
    connection: Connection, after: int, upto: int, also: Sequence[int] = ()
) -> list[int]:
    """Ids of the events numbered in (``after``, ``upto``], and of those of ``also``
    that exist now."""
    condition = _events.c.id > after
    if also:
        condition = or_(condition, _events.c.id.in_(list(also)))
    statement = select(_events.c.id).where(condition, _events.c.id <= max(upto, *also, 0))
    return list(connection.scalars(statement))


def new_revisions(
    connection: Connection, after: int, upto: int, also: Sequence[int] = ()
) -> list[tuple[int, int]]:
    """(revision id, event id) of the revisions numbered in (``after``, ``upto``],
    and of those of ``also`` that exist now."""
    condition = _revisions.c.id > after
    if also:
        condition = or_(condition, _revisions.c.id.in_(list(also)))
    statement = select(_revisions.c.id, _revisions.c.event_id).where(
        condition, _revisions.c.id <= max(upto, *also, 0)
    )
    return [(row[0], row[1]) for row in connection.execute(statement)]


def recent_ids(connection: Connection, table: str, upto: int, window: int) -> list[int]:
    """Ids of ``table`` ('events' or 'revisions') in (``upto`` − ``window``,
    ``upto``]: after a full build, the missing ones may still be committed."""
    column = (_events if table == "events" else _revisions).c.id
    return list(connection.scalars(select(column).where(column > upto - window, column <= upto)))


def institution_slugs(connection: Connection) -> list[str]:
    """Every institution or agency some event links, in slug order."""
    live = select(_links.c.slug).where(_links.c.removed.is_(False))
    return list(connection.scalars(live.distinct().order_by(_links.c.slug)))


def topic_slugs(connection: Connection) -> list[str]:
    """Every topic some event has, in slug order."""
    return list(connection.scalars(select(_topics.c.slug).distinct().order_by(_topics.c.slug)))
