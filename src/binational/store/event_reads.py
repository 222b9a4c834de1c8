"""Events read as plain records on the hot paths: the web's event page, its JSON twin,
the page of a listing and the command line's listings.

The statements are defined once, with bind parameters, in ``event_statements.py``,
and run by name (``named_statements.rows``) on a plain connection: no ORM session,
identity map or per-request statement building, which were most of the web's event
page's time in the store (``benchmarks/bench_web.py``). The command line passes a
``CachedReader`` instead, which runs them on a SQLite file without SQLAlchemy.
Writes, and reads that lead to writes, keep using the ORM (``store/events.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from binational.domain import DatePrecision, InstitutionLabel, PartialDate
from binational.store.named_statements import NamedStatement, first, rows
from binational.store.records import event_card, event_record, revision_record

if TYPE_CHECKING:
    from binational.store.cached_reader import Readable

# Events read by id are read this many at a time: a listing of every event must not
# send more bound values than the database takes in one statement.
CHUNK = 500

_MODULE = "binational.store.event_statements"
EVENT_PAGE = NamedStatement(_MODULE, "EVENT_PAGE")
EVENT_DAY = NamedStatement(_MODULE, "EVENT_DAY")
LINKS = NamedStatement(_MODULE, "LINKS")
TOPICS = NamedStatement(_MODULE, "TOPICS")
MANY_EVENTS = NamedStatement(_MODULE, "MANY_EVENTS")
MANY_LINKS = NamedStatement(_MODULE, "MANY_LINKS")
MANY_TOPICS = NamedStatement(_MODULE, "MANY_TOPICS")
MANY_CARDS = NamedStatement(_MODULE, "MANY_CARDS")
MANY_CARD_LINKS = NamedStatement(_MODULE, "MANY_CARD_LINKS")
SOURCES = NamedStatement(_MODULE, "SOURCES")
PLACEMENTS = NamedStatement(_MODULE, "PLACEMENTS")
REVISIONS = NamedStatement(_MODULE, "REVISIONS")
REVISIONS_OLDEST_FIRST = NamedStatement(_MODULE, "REVISIONS_OLDEST_FIRST")


def read_event_page(
    connection: Readable,
    event_id: int,
    labels: Mapping[str, InstitutionLabel],
    statuses: Sequence[str] | None,
    with_revisions: bool,
) -> dict[str, Any] | None:
    """The event's record (as ``event_record`` makes it) with its ``sources``, report
    placements (``reports``) and, if asked, ``revisions``; None if there is no such
    event or its status is not among ``statuses``."""
    event = read_event_row(connection, event_id, statuses)
    if event is None:
        return None
    return event_page_record(connection, event, labels, with_revisions)


def read_event_row(
    connection: Readable, event_id: int, statuses: Sequence[str] | None
) -> Any | None:
    """The event's row for its page (the events table's columns and whether it has
    sources, placements and revisions); None as for ``read_event_page``."""
    event = first(connection, EVENT_PAGE, {"event_id": event_id})
    if event is None or (statuses is not None and event.status not in statuses):
        return None
    return event


def event_page_record(
    connection: Readable, event: Any, labels: Mapping[str, InstitutionLabel], with_revisions: bool
) -> dict[str, Any]:
    """``read_event_page``'s record of an event's row (``read_event_row``). Lists that
    are empty are known from the row and not queried."""
    event_id = event.id
    links = rows(connection, LINKS, {"event_id": event_id})
    topics = rows(connection, TOPICS, {"event_id": event_id})
    record = event_record(event, None, labels, links=links, topics=topics)
    record["sources"] = read_sources(connection, event_id) if event.has_sources else []
    record["reports"] = read_placements(connection, event_id) if event.has_placements else []
    if with_revisions:
        record["revisions"] = read_revisions(connection, event_id) if event.has_revisions else []
    return record


def read_event_day(connection: Readable, event_id: int) -> tuple | None:
    """(id, date_value, status) of the event, or None if there is no such event."""
    return first(connection, EVENT_DAY, {"event_id": event_id})


def read_events(
    connection: Readable,
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
        found = {row.id: row for row in rows(connection, MANY_EVENTS, {"ids": chunk})}
        events.update(found)
        links.update({event_id: [] for event_id in found})
        topics.update({event_id: [] for event_id in found})
        for link in rows(connection, MANY_LINKS, {"ids": list(found)}):
            links[link.event_id].append(link)
        for topic in rows(connection, MANY_TOPICS, {"ids": list(found)}):
            topics[topic.event_id].append(topic)
    numbers = numbers or {}
    return [
        event_record(events[i], numbers.get(i), labels, links=links[i], topics=topics[i])
        for i in ids
        if i in events
    ]


def read_event_cards(connection: Readable, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Cards (``records.event_card``) of the events ``ids``, in that order (missing
    ids skipped). Two queries; a third of the time of ``read_events`` for a page."""
    if not ids:
        return []
    found = {row.id: row for row in rows(connection, MANY_CARDS, {"ids": list(ids)})}
    slugs: dict[int, list[str]] = {event_id: [] for event_id in found}
    for link in rows(connection, MANY_CARD_LINKS, {"ids": list(found)}):
        slugs[link.event_id].append(link.slug)
    cards = []
    for event_id in ids:
        row = found.get(event_id)
        if row is not None:
            date = PartialDate(row.date_value, DatePrecision(row.date_precision)).iso()
            cards.append(event_card(row.id, row.title, date, row.status, row.summary,
                                    slugs[event_id]))  # fmt: skip
    return cards


def read_sources(connection: Readable, event_id: int) -> list[dict[str, Any]]:
    return [
        {"url": s.url, "title": s.title, "role": s.role, "added_at": s.added_at.isoformat()}
        for s in rows(connection, SOURCES, {"event_id": event_id})
    ]


def read_placements(connection: Readable, event_id: int) -> list[dict[str, Any]]:
    """Where the event stands in reports: period, kind, position, printed number."""
    return [
        {"report": p.period, "kind": p.kind, "position": p.position,
         "printed_number": p.printed_number, "excluded": p.excluded}
        for p in rows(connection, PLACEMENTS, {"event_id": event_id})
    ]  # fmt: skip


def read_revisions(
    connection: Readable, event_id: int, newest_first: bool = True
) -> list[dict[str, Any]]:
    """The event's revisions, newest first (or oldest first)."""
    statement = REVISIONS if newest_first else REVISIONS_OLDEST_FIRST
    return [revision_record(r) for r in rows(connection, statement, {"event_id": event_id})]
