"""Which events a listing shows, as plain values: the filters of ``EventQuery``, the
values they bind, and the named listing statement that applies them.

The SQL is ``event_filters.py``'s (SQLAlchemy Core), defined once per filter with a
named bind parameter; this module names the statement a query needs (it depends only
on which filters are set) and gives its values, so the command line runs a listing
by name (``named_statements.rows``), with or without SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from binational.domain import Period
from binational.store.named_statements import NamedStatement, rows


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


def filter_values(query: EventQuery) -> dict[str, Any]:
    """The values the query's filters bind, by parameter name; only the filters that
    are set (``event_filters.filter_conditions`` makes one condition for each)."""
    values: dict[str, Any] = {}
    if query.period:
        values["period_start"], values["period_end"] = query.period.start, query.period.end
    if query.month:
        values["month"] = query.month
    if query.status:
        values["status"] = query.status
    if query.statuses is not None:
        values["statuses"] = list(query.statuses)
    if query.institution:
        values["institution"] = query.institution
    if query.any_institution is not None:
        values["any_institution"] = list(query.any_institution)
    if query.topic:
        values["topic"] = query.topic
    return values


def page_values(query: EventQuery) -> dict[str, int]:
    """The values of the listing's page: ``limit`` and ``offset`` when set."""
    values = {} if query.limit is None else {"limit": query.limit}
    return {**values, "offset": query.offset} if query.offset else values


def listing(names: tuple[str, ...]) -> NamedStatement:
    """The listing statement that binds the parameters ``names`` (sorted): (id,
    date_value, status) of the matching events, by date then id."""
    return NamedStatement("binational.store.event_filters", "listing", (names,))


def listing_of(query: EventQuery) -> tuple[NamedStatement, dict[str, Any]]:
    """The listing statement of ``query`` and the values to run it with."""
    values = {**filter_values(query), **page_values(query)}
    return listing(tuple(sorted(values))), values


def listed_events(connection: Any, query: EventQuery) -> list[Any]:
    """(id, date_value, status) of the events matching ``query``, in the listing's
    order and page, on a connection, a session or a ``CachedReader``."""
    statement, values = listing_of(query)
    return rows(connection, statement, values)


# The filters of ``binational events``: every combination of them is compiled ahead
# of time for the command line (``compiled.py``).
COMMAND_LINE_FILTERS = (
    EventQuery(period=Period.parse("2000Q1")), EventQuery(status="draft"),
    EventQuery(institution="slug"), EventQuery(topic="topic"), EventQuery(limit=1),
)  # fmt: skip


def command_line_listings() -> tuple[NamedStatement, ...]:
    """The listing statements ``binational events`` can run (one per combination of
    its filters)."""
    shapes = [tuple(sorted(listing_of(query)[1])) for query in COMMAND_LINE_FILTERS]
    statements = []
    for mask in range(2 ** len(shapes)):
        names = [name for i, shape in enumerate(shapes) if mask >> i & 1 for name in shape]
        statements.append(listing(tuple(sorted(names))))
    return tuple(statements)
