"""What the public may see, read as plain frozen values: published events with
their institution links and sources, and the periods of saved reports.

The static site (``site/``) and the open-data exports (``export/``) read only
through here, so a draft, a candidate or a user never reaches them: every query
below filters on ``status = 'published'``. Reads run on a plain connection with a
fixed number of queries whatever the number of events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from binational.domain import DatePrecision, PartialDate, Period
from binational.store.models import Event, EventInstitution, EventSource, Report

PUBLISHED = "published"

_events = Event.__table__
_links = EventInstitution.__table__
_sources = EventSource.__table__


@dataclass(frozen=True, slots=True)
class PublicLink:
    """An event's link to a registry entry, with the mention that justified it."""

    slug: str
    kind: str
    mention: str | None
    field: str | None
    origin: str


@dataclass(frozen=True, slots=True)
class PublicSource:
    """A URL an event cites: its primary link or one of its extra sources."""

    url: str
    title: str | None
    role: str


@dataclass(frozen=True, slots=True)
class PublicEvent:
    id: int
    title: str
    date: PartialDate
    summary: str
    context: str
    implications: str
    updated_at: dt.datetime
    links: tuple[PublicLink, ...]
    sources: tuple[PublicSource, ...]

    @property
    def year(self) -> int:
        return self.date.value.year


_PUBLISHED_EVENTS = (
    select(
        _events.c.id, _events.c.title, _events.c.date_value, _events.c.date_precision,
        _events.c.summary, _events.c.context, _events.c.implications, _events.c.url,
        _events.c.link_text, _events.c.updated_at,
    )
    .where(_events.c.status == PUBLISHED)
    .order_by(_events.c.date_value, _events.c.id)
)  # fmt: skip
_PUBLISHED_LINKS = (
    select(_links.c.event_id, _links.c.slug, _links.c.kind, _links.c.mention, _links.c.field,
           _links.c.origin)
    .join(_events, _events.c.id == _links.c.event_id)
    .where(_events.c.status == PUBLISHED, _links.c.removed.is_(False))
    .order_by(_links.c.id)
)  # fmt: skip
_PUBLISHED_SOURCES = (
    select(_sources.c.event_id, _sources.c.url, _sources.c.title, _sources.c.role)
    .join(_events, _events.c.id == _sources.c.event_id)
    .where(_events.c.status == PUBLISHED)
    .order_by(_sources.c.id)
)


def published_events(connection: Connection, period: Period | None = None) -> list[PublicEvent]:
    """Every published event (of ``period``, if given), oldest first, with its live
    links and its sources (the primary URL first). Three queries."""
    statement = _PUBLISHED_EVENTS
    if period is not None:
        statement = statement.where(
            _events.c.date_value >= period.start, _events.c.date_value <= period.end
        )
    rows = connection.execute(statement).all()
    links: dict[int, list[PublicLink]] = {row.id: [] for row in rows}
    sources: dict[int, list[PublicSource]] = {
        row.id: [PublicSource(row.url, row.link_text, "primary")] if row.url else [] for row in rows
    }
    for link in connection.execute(_PUBLISHED_LINKS):
        if link.event_id in links:
            links[link.event_id].append(
                PublicLink(link.slug, link.kind, link.mention, link.field, link.origin)
            )
    for source in connection.execute(_PUBLISHED_SOURCES):
        cited = sources.get(source.event_id)
        if cited is not None and all(known.url != source.url for known in cited):
            cited.append(PublicSource(source.url, source.title, source.role))
    return [
        PublicEvent(
            id=row.id,
            title=row.title,
            date=PartialDate(row.date_value, DatePrecision(row.date_precision)),
            summary=row.summary or "",
            context=row.context or "",
            implications=row.implications or "",
            updated_at=row.updated_at,
            links=tuple(links[row.id]),
            sources=tuple(sources[row.id]),
        )  # fmt: skip
        for row in rows
    ]


def published_urls(connection: Connection) -> list[str]:
    """Every URL a published event cites, once each, in first-cited order."""
    seen: dict[str, None] = {}
    primary = (
        select(_events.c.url)
        .where(_events.c.status == PUBLISHED, _events.c.url.is_not(None))
        .order_by(_events.c.id)
    )
    for (url,) in connection.execute(primary):
        seen.setdefault(url, None)
    for source in connection.execute(_PUBLISHED_SOURCES):
        seen.setdefault(source.url, None)
    return list(seen)


def saved_report_periods(
    connection: Connection, kinds: Sequence[str] = ("quarterly",)
) -> list[str]:
    """The periods of saved reports, oldest first."""
    statement = (
        select(Report.period).where(Report.kind.in_(list(kinds))).order_by(Report.period_start)
    )
    return list(connection.scalars(statement))
