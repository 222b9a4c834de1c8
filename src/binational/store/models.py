"""The ORM classes of the core: reports, their ordered items, events and what hangs off
an event (sources, institution links, topics, revisions).

Each class is mapped onto its Core table in ``tables.py`` (where the columns are
declared, so that reads needing no ORM can do without importing it); here are the
relationships between them and the typed attributes.

The schema itself is owned by the Alembic migrations in ``store/migrations``; tests
check that the two agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from binational.domain import DatePrecision, PartialDate
from binational.store import tables
from binational.store.tables import FACET_INDEXES, utcnow

__all__ = [
    "FACET_INDEXES", "Base", "Event", "EventInstitution", "EventSource", "EventTopic",
    "Report", "ReportItem", "Revision", "utcnow",
]  # fmt: skip


class Base(DeclarativeBase):
    metadata = tables.metadata
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Report(Base):
    """A published (or in-preparation) report for one period, e.g. quarterly 2023Q2."""

    __table__ = tables.reports

    id: Mapped[int]
    kind: Mapped[str]
    period: Mapped[str]
    period_start: Mapped[dt.date]
    period_end: Mapped[dt.date]
    header: Mapped[str]
    intro: Mapped[str]
    source_name: Mapped[str | None]
    source_sha256: Mapped[str | None]
    created_at: Mapped[dt.datetime]

    items: Mapped[list[ReportItem]] = relationship(
        back_populates="report", order_by="ReportItem.position", cascade="all, delete-orphan"
    )


class ReportItem(Base):
    """An event's place in a report: its position, the number it was printed with,
    and whether the analyst excluded it."""

    __table__ = tables.report_items

    id: Mapped[int]
    report_id: Mapped[int]
    event_id: Mapped[int]
    position: Mapped[int | None]
    printed_number: Mapped[int | None]
    month_section: Mapped[str | None]
    excluded: Mapped[bool]

    report: Mapped[Report] = relationship(back_populates="items")
    event: Mapped[Event] = relationship(back_populates="report_items")


class Event(Base):
    __table__ = tables.events

    id: Mapped[int]
    title: Mapped[str]
    date_value: Mapped[dt.date]
    date_precision: Mapped[str]
    date_source: Mapped[str]
    summary: Mapped[str]
    implications: Mapped[str]
    context: Mapped[str]
    url: Mapped[str | None]
    link_text: Mapped[str | None]
    status: Mapped[str]
    truncated: Mapped[bool]
    origin: Mapped[str]
    origin_ref: Mapped[str | None]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

    report_items: Mapped[list[ReportItem]] = relationship(back_populates="event")
    sources: Mapped[list[EventSource]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSource.id"
    )
    institution_links: Mapped[list[EventInstitution]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventInstitution.id"
    )
    topics: Mapped[list[EventTopic]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventTopic.id"
    )
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Revision.id"
    )

    @property
    def date(self) -> PartialDate:
        return PartialDate(self.date_value, DatePrecision(self.date_precision))

    @date.setter
    def date(self, value: PartialDate) -> None:
        self.date_value = value.value
        self.date_precision = value.precision.value


class EventSource(Base):
    """A source of an event beyond its primary URL: a republished copy, a feed entry,
    an archived document."""

    __table__ = tables.event_sources

    id: Mapped[int]
    event_id: Mapped[int]
    url: Mapped[str]
    title: Mapped[str | None]
    role: Mapped[str]
    document_id: Mapped[int | None]
    added_at: Mapped[dt.datetime]

    event: Mapped[Event] = relationship(back_populates="sources")


class EventInstitution(Base):
    """A link from an event to an institution or agency of the registry, with the
    mention that justified it (``removed``: the analyst's removal, kept)."""

    __table__ = tables.event_institutions

    id: Mapped[int]
    event_id: Mapped[int]
    slug: Mapped[str]
    kind: Mapped[str]
    mention: Mapped[str | None]
    field: Mapped[str | None]
    start: Mapped[int | None]
    end: Mapped[int | None]
    confidence: Mapped[float]
    origin: Mapped[str]
    removed: Mapped[bool]
    updated_at: Mapped[dt.datetime]

    event: Mapped[Event] = relationship(back_populates="institution_links")


class EventTopic(Base):
    """A topic of the fixed taxonomy on an event, with the terms that fired."""

    __table__ = tables.event_topics

    id: Mapped[int]
    event_id: Mapped[int]
    slug: Mapped[str]
    terms: Mapped[list[Any]]
    origin: Mapped[str]
    removed: Mapped[bool]

    event: Mapped[Event] = relationship(back_populates="topics")


class Revision(Base):
    """Who changed an event, when, and the fields before and after."""

    __table__ = tables.revisions

    id: Mapped[int]
    event_id: Mapped[int]
    at: Mapped[dt.datetime]
    author: Mapped[str]
    action: Mapped[str]
    before: Mapped[dict[str, Any]]
    after: Mapped[dict[str, Any]]

    event: Mapped[Event] = relationship(back_populates="revisions")
