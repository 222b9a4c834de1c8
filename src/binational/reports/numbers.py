"""An event's number in its quarter's report, without loading the report.

Lists of events (``binational events``, the JSON API) show each event's number in
its quarter's report. Ordering the whole report to find it (``ordering``) loads
every event of the quarter: at a million events, a search touching four quarters
loaded a million rows. Here the number is worked out from counts instead:

* the report's items (a report places tens of events, not thousands);
* how many reviewed or published events each day of the quarter holds (one
  grouped, index-only count);
* for an event that no item places, how many such events share its day with a
  lower id (one indexed count).

Why that is enough: within a month, ``ordering.merge_month`` merges the placed
lines (in their order) with the others (by date, then id), taking a loose line
first when its date is before the placed line's. A loose line therefore comes
before the placed line *i* exactly when its date is before the latest date among
placed lines 0..*i* (the running maximum), and after it otherwise. A test holds
this equal to ``ordering.report_numbers`` on many random reports.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from binational.domain import Period, Quarter
from binational.store.report_counts import (
    REPORTABLE_STATUSES,
    PlacedItem,
    placed_items,
    reportable_before_on_day,
    reportable_day_counts,
)

if TYPE_CHECKING:
    from binational.store.cached_reader import Readable

Month = tuple[int, int]


@dataclass(frozen=True)
class Target:
    """An event whose number is wanted: its id, its date's day value and status."""

    event_id: int
    day: dt.date
    status: str


def _month(day: dt.date) -> Month:
    return (day.year, day.month)


def _included(item: PlacedItem) -> bool:
    return not item.excluded and item.status != "rejected"


def _loose_change(item: PlacedItem) -> int:
    """How an item corrects the daily count of reviewed or published events into
    the count of loose lines: -1 for a counted event that is placed or excluded,
    +1 for an uncounted one (a draft, say) that the report includes unplaced."""
    counted = item.status in REPORTABLE_STATUSES
    positioned = item.position is not None
    if counted and (positioned or not _included(item)):
        return -1
    if not counted and _included(item) and not positioned:
        return 1
    return 0


class ReportShape:
    """One report's order, known from its items and its daily counts alone (the
    counts may stop at a day: numbers of events dated before it, or placed before
    lines dated before it, are exact)."""

    def __init__(
        self, period: Period, day_counts: Mapping[dt.date, int], items: Sequence[PlacedItem]
    ) -> None:
        self.period = period
        self.items = {item.event_id: item for item in items}
        self.loose_by_day: Counter[dt.date] = Counter(day_counts)
        placed: dict[Month, list[PlacedItem]] = {}
        for item in items:
            self.loose_by_day[item.day] += _loose_change(item)
            if item.position is not None and _included(item):
                placed.setdefault(_month(item.day), []).append(item)
        self.placed = {month: sorted(rows, key=lambda row: row.position)
                       for month, rows in placed.items()}  # fmt: skip
        # The running maximum of the placed lines' dates, month by month.
        self.reach: dict[Month, list[dt.date]] = {}
        for month, rows in self.placed.items():
            latest, reach = dt.date.min, []
            for row in rows:
                latest = max(latest, row.day)
                reach.append(latest)
            self.reach[month] = reach
        self.per_month: Counter[Month] = Counter()
        for day, count in self.loose_by_day.items():
            self.per_month[_month(day)] += count
        for month, rows in self.placed.items():
            self.per_month[month] += len(rows)

    def includes(self, target: Target) -> bool:
        if not self.period.contains(target.day):
            return False
        item = self.items.get(target.event_id)
        if item is not None:
            return _included(item)
        return target.status in REPORTABLE_STATUSES

    def _loose_before(self, month: Month, day: dt.date) -> int:
        """Loose lines of ``month`` dated before ``day``."""
        return sum(count for d, count in self.loose_by_day.items()
                   if _month(d) == month and d < day)  # fmt: skip

    def _loose_same_day_before(self, target: Target, reportable_before: int) -> int:
        """Loose lines of the target's day with a lower id, from the count of
        reviewed or published events there with a lower id."""
        return reportable_before + sum(
            _loose_change(item)
            for item in self.items.values()
            if item.day == target.day and item.event_id < target.event_id
        )

    def number(self, target: Target, reportable_before: Callable[[], int]) -> int | None:
        """The target's number (None when the report leaves it out);
        ``reportable_before`` counts the reviewed or published events of its day
        with a lower id, and is called only for a loose line."""
        if not self.includes(target):
            return None
        month = _month(target.day)
        earlier = sum(n for m, n in self.per_month.items() if m < month)
        placed = self.placed.get(month, [])
        reach = self.reach.get(month, [])
        item = self.items.get(target.event_id)
        if item is not None and item.position is not None:
            index = next(i for i, row in enumerate(placed) if row.event_id == target.event_id)
            return earlier + index + self._loose_before(month, reach[index]) + 1
        loose = self._loose_before(month, target.day)
        loose += self._loose_same_day_before(target, reportable_before())
        placed_before = sum(1 for latest in reach if latest <= target.day)
        return earlier + loose + placed_before + 1


# A quarter's report shape whose daily counts reach at least the day before a
# horizon (``report_shape``'s signature, the session bound).
ShapeOf = Callable[[Period, dt.date], ReportShape]


def report_shape(session: Readable, period: Period, horizon: dt.date | None = None) -> ReportShape:
    """The report's shape from its items and its daily counts: every day's, or (with
    ``horizon``) those a number of an event dated up to ``horizon`` needs. A number
    counts the lines dated before its event, or before the latest placed line up to
    it: the days after the latest of those are never read."""
    items = placed_items(session, period)
    before = None if horizon is None else max([horizon] + [item.day for item in items])
    return ReportShape(period, reportable_day_counts(session, period, before=before), items)


def event_numbers(
    session: Readable, targets: Iterable[Target], shape_of: ShapeOf | None = None
) -> dict[int, int]:
    """event id -> its number in its quarter's report, for the events that the
    report includes; a handful of counting queries per quarter touched (on a
    connection, or a session). ``shape_of`` gives a quarter's shape for events dated
    up to a day (a caller that keeps shapes, as the web does per data version; by
    default each is worked out here)."""
    if shape_of is None:
        shape_of = partial(report_shape, session)
    by_quarter: dict[Quarter, list[Target]] = {}
    for target in targets:
        by_quarter.setdefault(Quarter.containing(target.day), []).append(target)
    numbers: dict[int, int] = {}
    for quarter, wanted in by_quarter.items():
        shape = shape_of(Period.of_quarter(quarter), max(target.day for target in wanted))
        for target in wanted:
            number = shape.number(
                target, lambda t=target: reportable_before_on_day(session, t.day, t.event_id)
            )
            if number is not None:
                numbers[target.event_id] = number
    return numbers
