"""Which events a listing shows: the filters of ``EventQuery`` as SQL conditions, the
statement that applies them, and its order and page. (Searching the events' texts is
the ``search`` service's.)

Each filter is one condition on a named bind parameter (``event_query.filter_values``
gives the values), so the statement depends only on which filters are set: the
command line runs it by name (``event_query.listed_events``), compiled ahead of time
for SQLite. Written on the Core tables (``tables.py``), so a listing that needs no
ORM runs without importing it; the ORM's ``find_events`` (``events.py``) uses the
same conditions and order on its ``Event`` entity.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Date, Select, bindparam, func, select

from binational.store.event_query import EventQuery, filter_values, page_values
from binational.store.tables import event_institutions, event_topics, events

__all__ = ["EventQuery", "event_conditions", "filtered_select", "listing", "matching_events",
           "ordered_page"]  # fmt: skip


def _linked(slugs: ColumnElement[bool]) -> ColumnElement[bool]:
    return events.c.id.in_(
        select(event_institutions.c.event_id).where(slugs, event_institutions.c.removed.is_(False))
    )


def filter_conditions(
    names: Collection[str], values: Mapping[str, Any] | None = None
) -> list[ColumnElement[bool]]:
    """The conditions of the filters whose parameters are among ``names``, each on
    its named bind parameter, with its value from ``values`` if given."""

    def param(name: str, **options: Any) -> BindParameter[Any]:
        if values is None:
            return bindparam(name, **options)
        return bindparam(name, values[name], **options)

    conditions: list[ColumnElement[bool]] = []
    if "period_start" in names:
        conditions.append(events.c.date_value.between(
            param("period_start", type_=Date), param("period_end", type_=Date)
        ))  # fmt: skip
    if "month" in names:
        conditions.append(func.extract("month", events.c.date_value) == param("month"))
    if "status" in names:
        conditions.append(events.c.status == param("status"))
    if "statuses" in names:
        conditions.append(events.c.status.in_(param("statuses", expanding=True)))
    if "institution" in names:
        conditions.append(_linked(event_institutions.c.slug == param("institution")))
    if "any_institution" in names:
        conditions.append(_linked(
            event_institutions.c.slug.in_(param("any_institution", expanding=True))
        ))  # fmt: skip
    if "topic" in names:
        conditions.append(
            events.c.id.in_(
                select(event_topics.c.event_id).where(
                    event_topics.c.slug == param("topic"), event_topics.c.removed.is_(False)
                )
            )
        )
    return conditions


def event_conditions(query: EventQuery) -> list[ColumnElement[bool]]:
    """The query's conditions with its values bound."""
    values = filter_values(query)
    return filter_conditions(values, values)


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


def listing(names: tuple[str, ...]) -> Select:
    """(id, date_value, status) of the events matching the filters whose parameters
    are ``names``, by date then id, cut by ``limit`` and ``offset`` if named: the
    statement ``event_query.listing`` names."""
    statement = (
        select(events.c.id, events.c.date_value, events.c.status)
        .where(*filter_conditions(names))
        .order_by(events.c.date_value, events.c.id)
    )
    if "limit" in names:
        statement = statement.limit(bindparam("limit"))
    if "offset" in names:
        statement = statement.offset(bindparam("offset"))
    return statement


def matching_events(query: EventQuery) -> Select:
    """(id, date_value, status) of the events matching ``query``, in the listing's
    order and page, with its values bound."""
    values = {**filter_values(query), **page_values(query)}
    return listing(tuple(sorted(values))).params(values)
