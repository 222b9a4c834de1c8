"""The statements a report's numbering counts with (``report_counts.py``), in
SQLAlchemy Core, defined once with bind parameters and run by name
(``named_statements.py``)."""

from __future__ import annotations

from sqlalchemy import Date, bindparam, func, select

from binational.store.report_counts import REPORTABLE_STATUSES
from binational.store.tables import events, report_items, reports

_first_day = bindparam("first_day", type_=Date)
_last_day = bindparam("last_day", type_=Date)
_in_period = (events.c.date_value >= _first_day, events.c.date_value <= _last_day)
_reportable = events.c.status.in_(REPORTABLE_STATUSES)

# A quarterly report's items whose events are dated in its period.
PLACED_ITEMS = (
    select(report_items.c.event_id, events.c.date_value, events.c.status,
           report_items.c.position, report_items.c.excluded)
    .join(reports, reports.c.id == report_items.c.report_id)
    .join(events, events.c.id == report_items.c.event_id)
    .where(reports.c.kind == "quarterly", reports.c.period == bindparam("period"))
    .where(*_in_period)
)  # fmt: skip
# How many reviewed or published events each day of a period holds.
REPORTABLE_DAY_COUNTS = (
    select(events.c.date_value, func.count())
    .where(*_in_period)
    .where(_reportable)
    .group_by(events.c.date_value)
)
# How many reviewed or published events of a day have a lower id than an event.
REPORTABLE_BEFORE_ON_DAY = select(func.count()).where(
    events.c.date_value == bindparam("day", type_=Date), _reportable,
    events.c.id < bindparam("event_id"),
)  # fmt: skip
