"""Events read as plain records on the hot paths: the web's event page, its JSON twin,
the page of a listing and the command line's listings.

The statements are built once, here, with bind parameters, and run on a plain
connection: no ORM session, identity map or per-request statement building, which
were most of the web's event page's time in the store (``benchmarks/bench_web.py``).
Writes, and reads that lead to writes, keep using the ORM (``store/events.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, exists, func, select

from binational.domain import DatePrecision, InstitutionLabel, PartialDate
from binational.store import tables
from binational.store.records import CARD_SUMMARY, event_card, event_record, revision_record

_events = tables.events
_links = tables.event_institutions
_topics = tables.event_topics
_sources = tables.event_sources
_revisions = tables.revisions
_reports = tables.reports
_items = tables.report_items

# Events read by id are read this many at a time: a listing of every event must not
# send more bound values than the database takes in one statement.
CHUNK = 500

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


def read_event_page(
    connection: Connection,
    event_id: int,
    labels: Mapping[str, InstitutionLabel],
    statuses: Sequence[str] | None,
    with_revisions: bool,
) -> dict[str, Any] | None:
    """The event's record (as ``event_record`` makes it) with its ``sources``, report
    placements (``reports``) and, if asked, ``revisions``; None if there is no such
    event or its status is not among ``statuses``. Lists that are empty are known
    from the event's row and not queried."""
    event = connection.execute(EVENT_PAGE, {"event_id": event_id}).first()
    if event is None or (statuses is not None and event.status not in statuses):
        return None
    links = connection.execute(LINKS, {"event_id": event_id}).all()
    topics = connection.execute(TOPICS, {"event_id": event_id}).all()
    record = event_record(event, None, labels, links=links, topics=topics)
    record["sources"] = read_sources(connection, event_id) if event.has_sources else []
    record["reports"] = read_placements(connection, event_id) if event.has_placements else []
    if with_revisions:
        record["revisions"] = read_revisions(connection, event_id) if event.has_revisions else []
    return record


def read_event_day(connection: Connection, event_id: int) -> tuple | None:
    """(id, date_value, status) of the event, or None if there is no such event."""
    return connection.execute(EVENT_DAY, {"event_id": event_id}).first()


def read_events(
    connection: Connection,
    ids: Sequence[int],
    labels: Mapping[str, InstitutionLabel],
    numbers: Mapping[int, int] | None = None,
) -> list[dict[str, Any]]:
    """The records of the events ``ids``, in that order (missing ids are skipped),
    each with its number from ``numbers`` if there: three queries for every
    ``CHUNK`` events."""
    events: dict[int, Any] = {}
    links: dict[int, list] = {}
    topics: dict[int, list] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        found = {row.id: row for row in connection.execute(MANY_EVENTS, {"ids": chunk})}
        events.update(found)
        links.update({event_id: [] for event_id in found})
        topics.update({event_id: [] for event_id in found})
        for link in connection.execute(MANY_LINKS, {"ids": list(found)}):
            links[link.event_id].append(link)
        for topic in connection.execute(MANY_TOPICS, {"ids": list(found)}):
            topics[topic.event_id].append(topic)
    numbers = numbers or {}
    return [
        event_record(events[i], numbers.get(i), labels, links=links[i], topics=topics[i])
        for i in ids
        if i in events
    ]


def read_event_cards(connection: Connection, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Cards (``records.event_card``) of the events ``ids``, in that order (missing
    ids skipped). Two queries; a third of the time of ``read_events`` for a page."""
    if not ids:
        return []
    rows = {row.id: row for row in connection.execute(MANY_CARDS, {"ids": list(ids)})}
    slugs: dict[int, list[str]] = {event_id: [] for event_id in rows}
    for link in connection.execute(MANY_CARD_LINKS, {"ids": list(rows)}):
        slugs[link.event_id].append(link.slug)
    cards = []
    for event_id in ids:
        row = rows.get(event_id)
        if row is not None:
            date = PartialDate(row.date_value, DatePrecision(row.date_precision)).iso()
            cards.append(event_card(row.id, row.title, date, row.status, row.summary,
                                    slugs[event_id]))  # fmt: skip
    return cards


def read_sources(connection: Connection, event_id: int) -> list[dict[str, Any]]:
    return [
        {"url": s.url, "title": s.title, "role": s.role, "added_at": s.added_at.isoformat()}
        for s in connection.execute(SOURCES, {"event_id": event_id})
    ]


def read_placements(connection: Connection, event_id: int) -> list[dict[str, Any]]:
    """Where the event stands in reports: period, kind, position, printed number."""
    return [
        {"report": p.period, "kind": p.kind, "position": p.position,
         "printed_number": p.printed_number, "excluded": p.excluded}
        for p in connection.execute(PLACEMENTS, {"event_id": event_id})
    ]  # fmt: skip


def read_revisions(
    connection: Connection, event_id: int, newest_first: bool = True
) -> list[dict[str, Any]]:
    """The event's revisions, newest first (or oldest first)."""
    statement = REVISIONS if newest_first else REVISIONS_OLDEST_FIRST
    return [revision_record(r) for r in connection.execute(statement, {"event_id": event_id})]
