"""What a draft is made from, read from the database as plain records.

- the event: its fields, its links (institutions and agencies the analyst has not
  removed) and its topics;
- its archived sources: the extracted text of the documents it was accepted from
  (``event_sources.document_id`` → ``ingest_documents``), the primary first;
- published events that share an institution or a topic with it, with their
  summaries and implications (the examples of the center's voice).

The institutions' histories are ``institution_activity.py``'s. ``drafting/gather.py``
turns these records into drafting's inputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, case, or_, select

from binational.domain import EventStatus
from binational.store.ingest_models import Document
from binational.store.models import Event, EventInstitution, EventSource, EventTopic

_events = Event.__table__
_links = EventInstitution.__table__
_topics = EventTopic.__table__
_sources = EventSource.__table__
_documents = Document.__table__

EVENT = select(_events).where(_events.c.id == bindparam("event_id"))
EVENT_LINKS = (
    select(_links.c.slug)
    .where(_links.c.event_id == bindparam("event_id"), _links.c.removed.is_(False))
    .order_by(_links.c.id)
)
EVENT_TOPICS = (
    select(_topics.c.slug)
    .where(_topics.c.event_id == bindparam("event_id"), _topics.c.removed.is_(False))
    .order_by(_topics.c.id)
)
SOURCE_DOCUMENTS = (
    select(_documents.c.id, _sources.c.url, _documents.c.title, _documents.c.text,
           _documents.c.language)
    .join(_documents, _documents.c.id == _sources.c.document_id)
    .where(_sources.c.event_id == bindparam("event_id"), _documents.c.text != "")
    .order_by(case((_sources.c.role == "primary", 0), else_=1), _sources.c.id)
    .limit(bindparam("limit"))
)  # fmt: skip
DOCUMENT_TEXTS = select(_documents.c.id, _documents.c.text).where(
    _documents.c.id.in_(bindparam("ids", expanding=True))
)


@dataclass(frozen=True)
class StoredEvent:
    id: int
    title: str
    date_value: dt.date
    date_precision: str
    summary: str
    context: str
    status: str
    origin: str
    links: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True)
class SourceDocument:
    """An archived document of the event: the URL it is a source at, its title,
    extracted text and declared language."""

    document_id: int
    url: str
    title: str
    text: str
    language: str | None


@dataclass(frozen=True)
class ExampleEvent:
    """A published event with its text, links and topics."""

    id: int
    date: dt.date
    title: str
    summary: str
    implications: str
    links: frozenset[str]
    topics: frozenset[str]


def read_event(connection: Connection, event_id: int) -> StoredEvent | None:
    row = connection.execute(EVENT, {"event_id": event_id}).first()
    if row is None:
        return None
    links = tuple(connection.scalars(EVENT_LINKS, {"event_id": event_id}))
    topics = tuple(connection.scalars(EVENT_TOPICS, {"event_id": event_id}))
    return StoredEvent(row.id, row.title, row.date_value, row.date_precision, row.summary or "",
                       row.context or "", row.status, row.origin, links, topics)  # fmt: skip


def read_source_documents(
    connection: Connection, event_id: int, limit: int
) -> list[SourceDocument]:
    """Up to ``limit`` of the event's archived documents that hold text, primary first."""
    rows = connection.execute(SOURCE_DOCUMENTS, {"event_id": event_id, "limit": limit})
    return [SourceDocument(r.id, r.url, r.title or "", r.text, r.language) for r in rows]


def read_document_texts(connection: Connection, ids: Iterable[int]) -> dict[int, str]:
    """document id -> its extracted text, for the ids that exist."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    return {row.id: row.text for row in connection.execute(DOCUMENT_TEXTS, {"ids": wanted})}


def read_examples(
    connection: Connection,
    slugs: Collection[str],
    topics: Collection[str],
    exclude_id: int,
    limit: int,
) -> list[ExampleEvent]:
    """Published events with a summary, linked to any of ``slugs`` or tagged with any
    of ``topics``, the most recent ``limit`` of them, with their links and topics."""
    if not slugs and not topics:
        return []
    shared = []
    if slugs:
        shared.append(_events.c.id.in_(
            select(_links.c.event_id).where(_links.c.slug.in_(list(slugs)),
                                            _links.c.removed.is_(False))
        ))  # fmt: skip
    if topics:
        shared.append(_events.c.id.in_(
            select(_topics.c.event_id).where(_topics.c.slug.in_(list(topics)),
                                             _topics.c.removed.is_(False))
        ))  # fmt: skip
    query = (
        select(_events.c.id, _events.c.date_value, _events.c.title, _events.c.summary,
               _events.c.implications)
        .where(_events.c.status == EventStatus.PUBLISHED.value, _events.c.summary != "",
               _events.c.id != exclude_id, or_(*shared))
        .order_by(_events.c.date_value.desc(), _events.c.id.desc())
        .limit(limit)
    )  # fmt: skip
    rows = connection.execute(query).all()
    ids = [row.id for row in rows]
    links: dict[int, set[str]] = {event_id: set() for event_id in ids}
    tags: dict[int, set[str]] = {event_id: set() for event_id in ids}
    if ids:
        for event_id, slug in connection.execute(
            select(_links.c.event_id, _links.c.slug).where(
                _links.c.event_id.in_(ids), _links.c.removed.is_(False))
        ):  # fmt: skip
            links[event_id].add(slug)
        for event_id, slug in connection.execute(
            select(_topics.c.event_id, _topics.c.slug).where(
                _topics.c.event_id.in_(ids), _topics.c.removed.is_(False))
        ):  # fmt: skip
            tags[event_id].add(slug)
    return [
        ExampleEvent(row.id, row.date_value, row.title, row.summary, row.implications or "",
                     frozenset(links[row.id]), frozenset(tags[row.id]))
        for row in rows
    ]  # fmt: skip
