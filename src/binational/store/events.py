"""Events in the database: finding them by filters, reading one, and changing one
with a revision recorded. (Searching their texts is the ``search`` service's.)"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from binational.domain import DateSource, EventStatus, PartialDate, Period
from binational.errors import UserError
from binational.store.links import Annotator, annotate_event
from binational.store.models import Event, EventInstitution, EventTopic, Revision, utcnow
from binational.store.revisions import record_revision

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


@dataclass(frozen=True)
class EventQuery:
    """Filters for listing events; every one is optional."""

    period: Period | None = None
    month: int | None = None  # 1-12, within the period or any year
    status: str | None = None
    institution: str | None = None  # registry slug
    any_institution: tuple[str, ...] | None = None  # linked to any of these (a category)
    topic: str | None = None
    statuses: tuple[str, ...] | None = None  # e.g. what the public may see
    limit: int | None = None
    offset: int = 0


def event_conditions(query: EventQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.period:
        conditions.append(Event.date_value.between(query.period.start, query.period.end))
    if query.month:
        conditions.append(func.extract("month", Event.date_value) == query.month)
    if query.status:
        conditions.append(Event.status == query.status)
    if query.statuses is not None:
        conditions.append(Event.status.in_(query.statuses))
    if query.institution:
        conditions.append(
            Event.id.in_(
                select(EventInstitution.event_id).where(
                    EventInstitution.slug == query.institution, EventInstitution.removed.is_(False)
                )
            )
        )
    if query.any_institution is not None:
        conditions.append(
            Event.id.in_(
                select(EventInstitution.event_id).where(
                    EventInstitution.slug.in_(query.any_institution),
                    EventInstitution.removed.is_(False),
                )
            )
        )
    if query.topic:
        conditions.append(
            Event.id.in_(
                select(EventTopic.event_id).where(
                    EventTopic.slug == query.topic, EventTopic.removed.is_(False)
                )
            )
        )
    return conditions


def filtered_statement(query: EventQuery) -> Select:
    """The events matching ``query``'s filters."""
    return select(Event).where(*event_conditions(query))


def find_events(session: Session, query: EventQuery) -> list[Event]:
    """Events matching ``query``, by date (then id), with their links and topics."""
    statement = filtered_statement(query).order_by(Event.date_value, Event.id)
    statement = statement.options(selectinload(Event.institution_links), selectinload(Event.topics))
    if query.limit is not None:
        statement = statement.limit(query.limit)
    if query.offset:
        statement = statement.offset(query.offset)
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
