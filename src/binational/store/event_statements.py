"""The statements of the hot event reads (``event_reads.py``), in SQLAlchemy Core.

Defined once, here, with bind parameters; ``event_reads.py`` runs them by name
(``named_statements.py``) on a SQLAlchemy connection or, compiled ahead of time for
SQLite, on the stdlib ``sqlite3`` module (``cached_reader.py``).
"""

from __future__ import annotations

from sqlalchemy import bindparam, exists, func, select

from binational.store import tables
from binational.store.records import CARD_SUMMARY

_events = tables.events
_links = tables.event_institutions
_topics = tables.event_topics
_sources = tables.event_sources
_revisions = tables.revisions
_reports = tables.reports
_items = tables.report_items

# The event page's row says which of its lists have anything in them: most events
# have no extra sources, placements or revisions, and a query skipped is a round trip
# saved.
_this_event = bindparam("event_id")
EVENT_PAGE = select(
    _events,
    exists().where(_sources.c.event_id == _this_event).label("has_sources"),
    exists().where(_items.c.event_id == _this_event).label("has_placements"),
    exists().where(_revisions.c.event_id == _this_event).label("has_revisions"),
).where(_events.c.id == _this_event)
# What an event's number in its report is worked out from (``reports/numbers.py``).
EVENT_DAY = select(_events.c.id, _events.c.date_value, _events.c.status).where(
    _events.c.id == bindparam("event_id")
)
LINKS = select(_links).where(_links.c.event_id == bindparam("event_id")).order_by(_links.c.id)
TOPICS = select(_topics).where(_topics.c.event_id == bindparam("event_id")).order_by(_topics.c.id)

MANY_EVENTS = select(_events).where(_events.c.id.in_(bindparam("ids", expanding=True)))
MANY_LINKS = (
    select(_links)
    .where(_links.c.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(_links.c.id)
)
MANY_TOPICS = (
    select(_topics)
    .where(_topics.c.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(_topics.c.id)
)

MANY_CARDS = select(
    _events.c.id, _events.c.title, _events.c.date_value, _events.c.date_precision,
    _events.c.status, func.substr(_events.c.summary, 1, CARD_SUMMARY).label("summary"),
).where(_events.c.id.in_(bindparam("ids", expanding=True)))  # fmt: skip
MANY_CARD_LINKS = select(_links.c.event_id, _links.c.slug).where(
    _links.c.event_id.in_(bindparam("ids", expanding=True)), _links.c.removed.is_(False)
)

SOURCES = (
    select(_sources.c.url, _sources.c.title, _sources.c.role, _sources.c.added_at)
    .where(_sources.c.event_id == bindparam("event_id"))
    .order_by(_sources.c.id)
)
PLACEMENTS = (
    select(_reports.c.period, _reports.c.kind, _items.c.position, _items.c.printed_number,
           _items.c.excluded)
    .join(_reports, _reports.c.id == _items.c.report_id)
    .where(_items.c.event_id == bindparam("event_id"))
    .order_by(_reports.c.period)
)  # fmt: skip
_event_revisions = select(_revisions).where(_revisions.c.event_id == bindparam("event_id"))
REVISIONS = _event_revisions.order_by(_revisions.c.id.desc())
REVISIONS_OLDEST_FIRST = _event_revisions.order_by(_revisions.c.id)

