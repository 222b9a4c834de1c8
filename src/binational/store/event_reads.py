"""Events read as plain records on the hot paths: the web's event page, its JSON twin
and the page of a listing.

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
from binational.store.models import (
    Event,
    EventInstitution,
    EventSource,
    EventTopic,
    Report,
    ReportItem,
    Revision,
)
from binational.store.records import CARD_SUMMARY, event_card, event_record, revision_record

_events = Event.__table__
_links = EventInstitution.__table__
_topics = EventTopic.__table__
_sources = EventSource.__table__
_revisions = Revision.__table__

# The event page's row says which of its lists have anything in them: most events
# have no extra sources, placements or revisions, and a query skipped is a round trip
# saved.
_this_event = bindparam("event_id")
EVENT_PAGE = select(
    _events,
    exists().where(_sources.c.event_id == _this_event).label("has_sources"),
    exists().where(ReportItem.event_id == _this_event).label("has_placements"),
    exists().where(_revisions.c.event_id == _this_event).label("has_revisions"),
).where(_events.c.id == _this_event)
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
    select(Report.period, Report.kind, ReportItem.position, ReportItem.printed_number,
           ReportItem.excluded)
    .join(Report, Report.id == ReportItem.report_id)
    .where(ReportItem.event_id == bindparam("event_id"))
    .order_by(Report.period)
)  # fmt: skip
REVISIONS = (
    select(_revisions)
    .where(_revisions.c.event_id == bindparam("event_id"))
    .order_by(_revisions.c.id.desc())
)


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


def read_events(
    connection: Connection, ids: Sequence[int], labels: Mapping[str, InstitutionLabel]
) -> list[dict[str, Any]]:
    """The records of the events ``ids``, in that order (missing ids are skipped):
    three queries whatever the number of events."""
    if not ids:
        return []
    events = {row.id: row for row in connection.execute(MANY_EVENTS, {"ids": list(ids)})}
    links: dict[int, list] = {event_id: [] for event_id in events}
    topics: dict[int, list] = {event_id: [] for event_id in events}
    for link in connection.execute(MANY_LINKS, {"ids": list(events)}):
        links[link.event_id].append(link)
    for topic in connection.execute(MANY_TOPICS, {"ids": list(events)}):
        topics[topic.event_id].append(topic)
    return [
        event_record(events[i], None, labels, links=links[i], topics=topics[i])
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


def read_revisions(connection: Connection, event_id: int) -> list[dict[str, Any]]:
    """The event's revisions, newest first."""
    return [revision_record(r) for r in connection.execute(REVISIONS, {"event_id": event_id})]
