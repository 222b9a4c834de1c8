"""Each institution's linked events, for checking its status against its activity.

One query: the events linked to a registry slug through a link the analyst has not
removed, leaving out rejected events and candidates (not yet accepted), oldest
first. ``registry check`` compares them with the registry's statuses; the
scorecard reads the same activity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from binational.domain import EventStatus
from binational.store.models import Event, EventInstitution

NOT_ACTIVITY = (EventStatus.REJECTED.value, EventStatus.CANDIDATE.value)


@dataclass(frozen=True)
class LinkedEvent:
    """An event linked to an institution: its id, date (first day of its precision),
    title and status; the date's precision and the source URL, for showing it as
    evidence (the scorecard)."""

    id: int
    date: dt.date
    title: str
    status: str
    precision: str = "day"
    url: str | None = None


def institution_activity(
    connection: Connection | Session, slugs: Iterable[str] | None = None
) -> dict[str, tuple[LinkedEvent, ...]]:
    """slug -> its linked events, oldest first; only slugs with at least one event
    appear. ``slugs`` limits the query to those slugs (None: every slug)."""
    links = EventInstitution.__table__
    events = Event.__table__
    query = (
        select(
            links.c.slug,
            events.c.id,
            events.c.date_value,
            events.c.title,
            events.c.status,
            events.c.date_precision,
            events.c.url,
        )
        .join(events, events.c.id == links.c.event_id)
        .where(links.c.removed.is_(False), events.c.status.not_in(NOT_ACTIVITY))
        .order_by(links.c.slug, events.c.date_value, events.c.id)
    )
    if slugs is not None:
        query = query.where(links.c.slug.in_(list(slugs)))
    activity: dict[str, list[LinkedEvent]] = {}
    for slug, *row in connection.execute(query):
        activity.setdefault(slug, []).append(LinkedEvent(*row))
    return {slug: tuple(found) for slug, found in activity.items()}
