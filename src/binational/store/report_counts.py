"""The counts a report's numbering rests on (``reports/numbers.py``): the items of a
period's report with their events' dates and statuses, and how many reviewed or
published events each day holds.

The statements are defined in ``report_statements.py`` and run by name, so numbering
a listing needs no ORM (and, on a ``CachedReader``, no SQLAlchemy); each function
takes a connection, a session or a ``CachedReader``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from binational.domain import Period
from binational.store.named_statements import NamedStatement, first, rows

if TYPE_CHECKING:
    from binational.store.cached_reader import Readable

# Events a report includes unless the analyst excludes them.
REPORTABLE_STATUSES = ("reviewed", "published")

_MODULE = "binational.store.report_statements"
PLACED_ITEMS = NamedStatement(_MODULE, "PLACED_ITEMS")
REPORTABLE_DAY_COUNTS = NamedStatement(_MODULE, "REPORTABLE_DAY_COUNTS")
REPORTABLE_BEFORE_ON_DAY = NamedStatement(_MODULE, "REPORTABLE_BEFORE_ON_DAY")


@dataclass(frozen=True)
class PlacedItem:
    """A report item with its event's current date and status (for numbering)."""

    event_id: int
    day: dt.date
    status: str
    position: int | None
    excluded: bool


def _days(period: Period) -> dict[str, dt.date]:
    return {"first_day": period.start, "last_day": period.end}


def placed_items(connection: Readable, period: Period) -> list[PlacedItem]:
    """The period's report items whose events are dated in the period."""
    found = rows(connection, PLACED_ITEMS, {"period": str(period), **_days(period)})
    return [PlacedItem(*row) for row in found]


def reportable_day_counts(
    connection: Readable, period: Period, before: dt.date | None = None
) -> dict[dt.date, int]:
    """How many reviewed or published events each day of the period holds, or each
    of its days before ``before`` (an index-only count: the events themselves are not
    read, and the count stops where the caller's need does)."""
    days = _days(period)
    if before is not None:
        days["last_day"] = min(period.end, before - dt.timedelta(days=1))
    return {day: count for day, count in rows(connection, REPORTABLE_DAY_COUNTS, days)}


def reportable_before_on_day(
    connection: Readable, day: dt.date, event_id: int
) -> int:
    """How many reviewed or published events of ``day`` have a lower id."""
    row = first(connection, REPORTABLE_BEFORE_ON_DAY, {"day": day, "event_id": event_id})
    return (row[0] if row else 0) or 0
