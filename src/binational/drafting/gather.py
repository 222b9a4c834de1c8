"""A stored event's drafting inputs, read from the database (``store/draft_inputs.py``,
``store/institution_activity.py``) and turned into drafting's plain data.

- the event's fields, links and topics;
- its sources: the archived documents it was accepted from, the primary first (at
  most ``MAX_SOURCES``: the others of a cluster are near-copies, which add time and
  no sentence); an event with none (an imported one) gives its own stored summary
  and context instead, marked ``stored`` so the draft says so;
- the history of its institutions: every event linked to them (not rejected, not a
  candidate), for the facts;
- published events sharing an institution or a topic (the ``EXAMPLE_POOL`` most
  recent), from which the prompt chooses its examples.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from binational.domain import DatePrecision, PartialDate
from binational.drafting.inputs import EventFields, PastEvent, SourceText
from binational.errors import UserError
from binational.store.draft_inputs import (
    StoredEvent,
    read_event,
    read_examples,
    read_source_documents,
)
from binational.store.institution_activity import institution_activity

MAX_SOURCES = 5
EXAMPLE_POOL = 100
STORED_URL = "urn:binational:event:{event_id}:stored-text"


@dataclass(frozen=True)
class DraftInputs:
    event: EventFields
    sources: tuple[SourceText, ...]
    history: tuple[PastEvent, ...]


def gather_inputs(connection: Connection, event_id: int) -> DraftInputs:
    """Everything ``service.draft_event`` needs for event ``event_id``."""
    stored = read_event(connection, event_id)
    if stored is None:
        raise UserError(f"there is no event {event_id}")
    date = PartialDate(stored.date_value, DatePrecision(stored.date_precision))
    event = EventFields(stored.id, stored.title, date, stored.links, stored.topics)
    return DraftInputs(event, event_sources(connection, stored), history(connection, stored))


def event_sources(connection: Connection, event: StoredEvent) -> tuple[SourceText, ...]:
    documents = read_source_documents(connection, event.id, MAX_SOURCES)
    if documents:
        return tuple(
            SourceText(d.url, d.text, d.language, d.title, document_id=d.document_id)
            for d in documents
        )
    text = stored_text(event.summary, event.context)
    if not text:
        return ()
    url = STORED_URL.format(event_id=event.id)
    return (SourceText(url, text, None, event.title, stored=True),)


def stored_text(summary: str, context: str) -> str:
    """The event's own text, as the source of an event without an archived one."""
    return "\n\n".join(part.strip() for part in (summary, context) if part.strip())


def history(connection: Connection, event: StoredEvent) -> tuple[PastEvent, ...]:
    """The events linked to the event's institutions, and the published ones that
    share an institution or a topic with it, each once (an example's record, with
    its text, wins over the bare activity record)."""
    past: dict[int, PastEvent] = {}
    activity = institution_activity(connection, event.links) if event.links else {}
    for slug, linked in activity.items():
        for item in linked:
            known = past.get(item.id)
            links = (known.links if known else frozenset()) | {slug}
            past[item.id] = PastEvent(item.id, item.date, item.title, links, status=item.status)
    for example in read_examples(connection, event.links, event.topics, event.id, EXAMPLE_POOL):
        past[example.id] = PastEvent(
            example.id, example.date, example.title, example.links, example.topics,
            "published", example.summary, example.implications,
        )  # fmt: skip
    past.pop(event.id, None)
    return tuple(sorted(past.values(), key=lambda item: (item.date, item.id)))


def source_records(sources: tuple[SourceText, ...] | list[SourceText]) -> list[dict[str, Any]]:
    """What a kept draft remembers of its sources: enough to show a passage later.
    An archived document is named by its id with a hash of its text (a changed text
    is noticed); the event's own stored text is kept whole, since the event's fields
    may change (by using this very draft, say)."""
    records = []
    for source in sources:
        record: dict[str, Any] = {
            "url": source.url, "title": source.title, "language": source.lang,
            "document_id": source.document_id, "stored": source.stored,
            "sha256": text_sha256(source.text),
        }  # fmt: skip
        if source.stored:
            record["text"] = source.text
        records.append(record)
    return records


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
