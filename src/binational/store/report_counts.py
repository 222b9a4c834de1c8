"""The counts a report's numbering rests on (``reports/numbers.py``): the items of a
period's report with their events' dates and statuses, and how many reviewed or
published events each day holds.

Written on the Core tables (``tables.py``), so numbering a listing needs no ORM; each
function takes a connection or a session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from binational.domain import Period
from binational.store.tables import events, report_items, reports

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

# Events a report includes unless the analyst excludes them.
REPORTABLE_STATUSES = ("reviewed", "published")


@dataclass(frozen=True)
class PlacedItem:
    """A report item with its event's current date and status (for numbering)."""

    event_id: int
    day: dt.date
    status: str
    position: int | None
    excluded: bool


def placed_items(connection: Connection | Session, period: Period) -> list[PlacedItem]:
    """The period's report items whose events are dated in the period."""
    rows = connection.execute(
        select(report_items.c.event_id, events.c.date_value, events.c.status,
               report_items.c.position, report_items.c.excluded)
        .join(reports, reports.c.id == report_items.c.report_id)
        .join(events, events.c.id == report_items.c.event_id)
        .where(reports.c.kind == "quarterly", reports.c.period == str(period))
        .where(events.c.date_value >= period.start, events.c.date_value <= period.end)
    )  # fmt: skip
    return [PlacedItem(*row) for row in rows]


def reportable_day_counts(
    connection: Connection | Session, period: Period, before: dt.date | None = None
) -> dict[dt.date, int]:
    """How many reviewed or published events each day of the period holds, or each
    of its days before ``before`` (an index-only count: the events themselves are not
    read, and the count stops where the caller's need does)."""
    last = period.end if before is None else min(period.end, before - dt.timedelta(days=1))
    rows = connection.execute(
        select(events.c.date_value, func.count())
        .where(events.c.date_value >= period.start, events.c.date_value <= last)
        .where(events.c.status.in_(REPORTABLE_STATUSES))
        .group_by(events.c.date_value)
    )
    return {day: count for day, count in rows}


def reportable_before_on_day(
    connection: Connection | Session, day: dt.date, event_id: int
) -> int:
    """How many reviewed or published events of ``day`` have a lower id."""
    return connection.scalar(
        select(func.count()).where(
            events.c.date_value == day, events.c.status.in_(REPORTABLE_STATUSES),
            events.c.id < event_id,
        )
    ) or 0  # fmt: skip
