"""One event: reading it for the page or the API, and applying an editor's changes
(fields, topics, institution links) through the store's services, each of which
records a revision."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session, joinedload

from binational.domain import DatePrecision, PartialDate, Quarter
from binational.errors import UserError
from binational.store.event_reads import read_event_page
from binational.store.events import EDITABLE_FIELDS, update_event
from binational.store.links import add_link, remove_link, set_topics
from binational.store.models import Event
from binational.web.auth import Actor
from binational.web.context import WebContext
from binational.web.errors import NotFound


@dataclass(frozen=True)
class EventChanges:
    """What an editor asked to change; empty parts change nothing."""

    fields: Mapping[str, Any] = field(default_factory=dict)
    topics: tuple[str, ...] | None = None
    add_links: tuple[str, ...] = ()
    remove_links: tuple[str, ...] = ()


def compose_date(day: str, precision: str) -> str:
    """The ISO partial date for a picked day and precision: ('2023-05-12', 'month')
    → '2023-05'; a quarter is the one containing the day."""
    try:
        chosen = DatePrecision(precision)
    except ValueError:
        raise UserError(
            f"{precision!r} is not a date precision; use day, month or quarter"
        ) from None
    try:
        value = PartialDate.parse(day)
    except ValueError as error:
        raise UserError(str(error)) from None
    if chosen is DatePrecision.DAY:
        if value.precision is not DatePrecision.DAY:
            raise UserError(f"{day!r} is not a whole date; write it like 2023-05-12")
        return value.iso()
    if chosen is DatePrecision.MONTH:
        return value.value.strftime("%Y-%m")
    return str(Quarter.containing(value.value))


def form_changes(form: Mapping[str, str], topics: Iterable[str] | None) -> EventChanges:
    """The changes an edit form carries: every editable field present in it, the
    date composed from its day and precision, and the ticked topics."""
    fields = {name: form[name] for name in EDITABLE_FIELDS if name in form and name != "date"}
    if form.get("date"):
        fields["date"] = compose_date(form["date"], form.get("date_precision", "day"))
    return EventChanges(fields=fields, topics=tuple(topics) if topics is not None else None)


def load_event(session: Session, event_id: int, statuses: tuple[str, ...] | None) -> Event:
    """The event, if it exists and the actor may see it (a hidden event is 'not
    found', so its existence does not leak)."""
    # Links and topics come in the same query (an event has a handful of each).
    event = session.get(
        Event, event_id,
        options=[joinedload(Event.institution_links), joinedload(Event.topics)],
    )  # fmt: skip
    if event is None or (statuses is not None and event.status not in statuses):
        raise NotFound(f"there is no event {event_id}")
    return event


def event_detail(
    connection: Connection,
    event_id: int,
    statuses: tuple[str, ...] | None,
    actor: Actor,
    web: WebContext,
) -> dict[str, Any]:
    """The event's record with its sources, report placements and, for signed-in
    users, its revision history (authors are not shown to the public); 'not found'
    if it does not exist or the actor may not see it."""
    record = read_event_page(connection, event_id, web.labels, statuses, not actor.anonymous)
    if record is None:
        raise NotFound(f"there is no event {event_id}")
    return record


def check_changes(changes: EventChanges, web: WebContext) -> None:
    for slug in (*changes.add_links, *changes.remove_links):
        if web.entry_kind(slug) is None:
            raise UserError(f"{slug!r} is not an institution or agency of the registry")
    for slug in changes.topics or ():
        if slug not in web.topic_names:
            raise UserError(f"{slug!r} is not a topic of the taxonomy")


def apply_changes(
    session: Session, event: Event, changes: EventChanges, author: str, web: WebContext
) -> int:
    """Apply every part of ``changes`` in the caller's transaction; returns how many
    revisions were written. Refused as a whole (UserError) if any part is wrong."""
    check_changes(changes, web)
    before = len(event.revisions)
    if changes.fields:
        update_event(session, event, changes.fields, author, annotator=web.annotator)
    if changes.topics is not None:
        set_topics(session, event, changes.topics, author)
    for slug in changes.add_links:
        add_link(session, event, slug, web.entry_kind(slug) or "institution", author)
    for slug in changes.remove_links:
        if not remove_link(session, event, slug, author):
            raise UserError(f"event {event.id} is not linked to {slug}")
    session.flush()
    return len(event.revisions) - before
