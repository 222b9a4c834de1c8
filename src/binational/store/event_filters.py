"""Which events a listing shows: the filters of ``EventQuery`` as SQL conditions, the
statement that applies them (ranked when searching), and its order and page.

Written on the Core tables (``tables.py``), so a listing that needs no ORM runs
without importing it; the ORM's ``find_events`` (``events.py``) uses the same
conditions and order on its ``Event`` entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, false, func, select

from binational.domain import Period
from binational.store.tables import event_institutions, event_topics, events


@dataclass(frozen=True)
class EventQuery:
    """Filters for listing events; every one is optional."""

    period: Period | None = None
    month: int | None = None  # 1-12, within the period or any year
    search: str | None = None
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


def filtered_select(
    dialect: str, query: EventQuery, *columns: Any
) -> tuple[Select, Subquery | None]:
    """``select(*columns)`` of the events matching ``query`` and, when searching, the
    ranked matches, for a database of ``dialect`` ('sqlite', 'postgresql')."""
    conditions = event_conditions(query)
    if not query.search:
        return select(*columns).where(*conditions), None
    # The ranked search is imported only by a query that searches.
    from binational.store.search import ranked_matches

    matches = ranked_matches(dialect, query.search, conditions)
    if matches is None:
        return select(*columns).where(false()), None
    return select(*columns).join(matches, matches.c.id == events.c.id), matches


def ordered_page(statement: Select, matches: Subquery | None, query: EventQuery) -> Select:
    """The statement in the listing's order (best match first when searching, else by
    date, then id) and cut to the query's page."""
    if matches is not None:
        statement = statement.order_by(matches.c.score.desc(), events.c.id)
    else:
        statement = statement.order_by(events.c.date_value, events.c.id)
    if query.limit is not None:
        statement = statement.limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
    return statement


def matching_events(dialect: str, query: EventQuery) -> Select:
    """(id, date_value, status) of the events matching ``query``, in the listing's
    order and page."""
    statement, matches = filtered_select(
        dialect, query, events.c.id, events.c.date_value, events.c.status
    )
    return ordered_page(statement, matches, query)
