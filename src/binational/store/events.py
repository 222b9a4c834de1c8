"""Events in the database: finding them by filters, reading one, and changing one
with a revision recorded. (Searching their texts is the ``search`` service's.)"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from binational.domain import DateSource, EventStatus, PartialDate
from binational.errors import UserError
from binational.store.event_filters import EventQuery, filtered_select, ordered_page
from binational.store.links import Annotator, annotate_event
from binational.store.models import Event, Revision, utcnow
from binational.store.revisions import record_revision

__all__ = [
    "EDITABLE_FIELDS", "EventQuery", "count_events", "event_fields", "filtered_statement",
    "find_event_for_edit", "find_events", "get_event", "update_event", "validate_changes",
]  # fmt: skip

EDITABLE_FIELDS = (
    "title", "date", "date_source", "summary", "context", "implications", "url", "status",
)  # fmt: skip
# The longest text each field takes, in characters: a few times the longest the
# center has written (a title of about 200, a summary or analysis of about 3,000),
# far below what makes a report build or an event's JSON balloon.
FIELD_LIMITS = {
    "title": 500, "summary": 20_000, "context": 20_000, "implications": 20_000,
    "notes": 20_000, "url": 2_000,
}  # fmt: skip


def length_problem(name: str, value: str) -> str | None:
    """One sentence if ``value`` is longer than the field takes, else None."""
    limit = FIELD_LIMITS.get(name)
    if limit is None or len(value) <= limit:
        return None
    return (
        f"the {name} is {len(value):,} characters long; an event's {name} takes at most {limit:,}"
    )


def filtered_statement(query: EventQuery) -> Select:
    """The events matching ``query``'s filters, as ``Event`` entities."""
    return filtered_select(query, Event)


def find_events(session: Session, query: EventQuery) -> list[Event]:
    """Events matching ``query``, by date (then id), with their links and topics."""
    statement = ordered_page(filtered_statement(query), query).options(
        selectinload(Event.institution_links), selectinload(Event.topics)
    )
    return list(session.scalars(statement))


def count_events(session: Session, query: EventQuery) -> int:
    statement = filtered_statement(query)
    return session.scalar(select(func.count()).select_from(statement.subquery())) or 0


def get_event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserError(f"there is no event {event_id}")
    return event


def find_event_for_edit(session: Session, event_id: int) -> Event | None:
    """The event with its links and topics loaded in the same query (an event has a
    handful of each), or None."""
    return session.get(
        Event, event_id,
        options=[joinedload(Event.institution_links), joinedload(Event.topics)],
    )  # fmt: skip


def event_fields(event: Event) -> dict[str, Any]:
    """The editable fields of an event as plain JSON values (used for revisions)."""
    return {
        "title": event.title,
        "date": event.date.iso(),
        "date_source": event.date_source,
        "summary": event.summary,
        "context": event.context,
        "implications": event.implications,
        "url": event.url,
        "status": event.status,
    }


def validate_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check and normalize a set of field changes; one clear sentence when refused."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise UserError(f"{sorted(unknown)[0]!r} is not an editable field of an event")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "title":
            value = (value or "").strip()
            if not value:
                raise UserError("an event needs a title")
        elif name == "date":
            try:
                value = PartialDate.parse(str(value)).iso()
            except ValueError as error:
                raise UserError(str(error)) from None
        elif name == "date_source":
            if value not in {s.value for s in DateSource}:
                raise UserError(f"{value!r} is not a date source")
        elif name == "status":
            if value not in {s.value for s in EventStatus}:
                valid = ", ".join(s.value for s in EventStatus)
                raise UserError(f"{value!r} is not a status; use one of {valid}")
        elif name == "url":
            value = (value or "").strip() or None
            if value and not value.startswith(("http://", "https://")):
                raise UserError(f"{value!r} is not a web address (it must start with https://)")
        elif name in ("summary", "context", "implications", "notes"):
            value = "\n".join(
                line.strip() for line in str(value or "").replace("\r", "").split("\n")
            ).strip()
        problem = length_problem(name, value) if isinstance(value, str) else None
        if problem:
            raise UserError(problem)
        clean[name] = value
    return clean


def update_event(
    session: Session,
    event: Event,
    changes: Mapping[str, Any],
    author: str,
    annotator: Annotator | None = None,
    note: Mapping[str, Any] | None = None,
) -> Revision | None:
    """Apply validated changes; record a revision with only the fields that changed
    (and ``note``, what the edit came from, in its ``after``: a draft's id and method).
    When the text changed and an annotator is given, the linker and tagger run again
    (keeping the analyst's own links and removals). Returns ``None`` when nothing
    changed."""
    clean = validate_changes(changes)
    current = event_fields(event)
    changed = {k: v for k, v in clean.items() if current.get(k) != v}
    if not changed:
        return None
    if "date" in changed and "date_source" not in clean:
        changed["date_source"] = DateSource.ANALYST.value  # a new date is the analyst's
    for name, value in changed.items():
        if name == "date":
            event.date = PartialDate.parse(value)
        else:
            setattr(event, name, value)
    event.updated_at = utcnow()
    updated = event_fields(event)
    before = {k: current[k] for k in changed}
    after = {**{k: updated[k] for k in changed}, **(note or {})}
    revision = record_revision(session, event, author, "edit", before, after)
    if annotator is not None and set(changed) & {"title", "summary", "implications"}:
        annotate_event(event, annotator)
    return revision
