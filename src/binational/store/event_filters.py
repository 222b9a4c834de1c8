"""Which events a listing shows: the filters of ``EventQuery`` as SQL conditions, the
statement that applies them, and its order and page. (Searching the events' texts is
the ``search`` service's.)

Written on the Core tables (``tables.py``), so a listing that needs no ORM runs
without importing it; the ORM's ``find_events`` (``events.py``) uses the same
conditions and order on its ``Event`` entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from binational.domain import Period
from binational.store.tables import event_institutions, event_topics, events


@dataclass(frozen=True)
class EventQuery:
    """Filters for listing events; every one is optional."""

    period: Period | None = None
    month: int | None = None  # 1-12, within the period or any year
    status: str | None = None
    institution: str | None = None  # registry slug
    any_institution: tuple[str, ...] | None = None  # linked to any of these (a category)
    topic: str | None = None
    statuses: tuple[str, ...] | None = None  # e.g. what the public may see
    limit: int | None = None
    offset: int = 0


def event_conditions(query: EventQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.period:
        conditions.append(events.c.date_value.between(query.period.start, query.period.end))
    if query.month:
        conditions.append(func.extract("month", events.c.date_value) == query.month)
    if query.status:
        conditions.append(events.c.status == query.status)
    if query.statuses is not None:
        conditions.append(events.c.status.in_(query.statuses))
    if query.institution:
        conditions.append(
            events.c.id.in_(
                select(event_institutions.c.event_id).where(
                    event_institutions.c.slug == query.institution,
                    event_institutions.c.removed.is_(False),
                )
            )
        )
    if query.any_institution is not None:
        conditions.append(
            events.c.id.in_(
                select(event_institutions.c.event_id).where(
                    event_institutions.c.slug.in_(query.any_institution),
                    event_institutions.c.removed.is_(False),
                )
            )
        )
    if query.topic:
        conditions.append(
            events.c.id.in_(
                select(event_topics.c.event_id).where(
                    event_topics.c.slug == query.topic, event_topics.c.removed.is_(False)
                )
            )
        )
    return conditions


def filtered_select(query: EventQuery, *columns: Any) -> Select:
    """``select(*columns)`` of the events matching ``query``."""
    return select(*columns).where(*event_conditions(query))


def ordered_page(statement: Select, query: EventQuery) -> Select:
    """The statement in the listing's order (by date, then id), cut to the query's
    page."""
    statement = statement.order_by(events.c.date_value, events.c.id)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
    return statement


def matching_events(query: EventQuery) -> Select:
    """(id, date_value, status) of the events matching ``query``, in the listing's
    order and page."""
    statement = filtered_select(query, events.c.id, events.c.date_value, events.c.status)
    return ordered_page(statement, query)
