"""SQLAlchemy models of the core: reports, their ordered items, events and what hangs
off an event (sources, institution links, topics, revisions).

The schema itself is owned by the Alembic migrations in ``store/migrations``; these
models describe it for the ORM, and a test checks that the two agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from binational.domain import DatePrecision, DateSource, PartialDate


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Report(Base):
    """A published (or in-preparation) report for one period, e.g. quarterly 2023Q2."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("kind", "period", name="uq_reports_kind_period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="quarterly")
    period: Mapped[str] = mapped_column(String(20))  # '2023Q2'
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    header: Mapped[str] = mapped_column(Text, default="")
    intro: Mapped[str] = mapped_column(Text, default="")
    source_name: Mapped[str | None] = mapped_column(Text)
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    items: Mapped[list[ReportItem]] = relationship(
        back_populates="report", order_by="ReportItem.position", cascade="all, delete-orphan"
    )


class ReportItem(Base):
    """An event's place in a report: its position, the number it was printed with,
    and whether the analyst excluded it."""

    __tablename__ = "report_items"
    __table_args__ = (UniqueConstraint("report_id", "event_id", name="uq_report_items_event"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int | None] = mapped_column(Integer)
    printed_number: Mapped[int | None] = mapped_column(Integer)
    month_section: Mapped[str | None] = mapped_column(String(40))
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)

    report: Mapped[Report] = relationship(back_populates="items")
    event: Mapped[Event] = relationship(back_populates="report_items")


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    date_value: Mapped[dt.date] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(10), default=DatePrecision.DAY.value)
    date_source: Mapped[str] = mapped_column(String(10), default=DateSource.STATED.value)
    summary: Mapped[str] = mapped_column(Text, default="")
    implications: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="", server_default="")
    url: Mapped[str | None] = mapped_column(Text)
    link_text: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    truncated: Mapped[bool] = mapped_column(Boolean, default=False)
    # Provenance: where the event came from ('report', 'document', 'analyst') and a
    # reference within it ('cbi-report-2023-q2.txt#3', a URL, a user's email).
    origin: Mapped[str] = mapped_column(String(20), default="analyst")
    origin_ref: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

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

    __tablename__ = "event_sources"
    __table_args__ = (UniqueConstraint("event_id", "url", name="uq_event_sources_url"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20), default="primary")
    document_id: Mapped[int | None] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    event: Mapped[Event] = relationship(back_populates="sources")


class EventInstitution(Base):
    """A link from an event to an institution or agency of the registry, with the
    mention that justified it. An analyst's removal is kept as ``removed`` so that
    re-running the linker does not bring the link back."""

    __tablename__ = "event_institutions"
    __table_args__ = (UniqueConstraint("event_id", "slug", name="uq_event_institutions_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(12), default="institution")
    mention: Mapped[str | None] = mapped_column(Text)
    field: Mapped[str | None] = mapped_column(String(20))  # title, summary, implications
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    origin: Mapped[str] = mapped_column(String(12), default="linker")  # linker | analyst
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    event: Mapped[Event] = relationship(back_populates="institution_links")


class EventTopic(Base):
    """A topic of the fixed taxonomy on an event, with the terms that fired."""

    __tablename__ = "event_topics"
    __table_args__ = (UniqueConstraint("event_id", "slug", name="uq_event_topics_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    slug: Mapped[str] = mapped_column(String(60), index=True)
    terms: Mapped[list[Any]] = mapped_column(JSON, default=list)
    origin: Mapped[str] = mapped_column(String(12), default="tagger")  # tagger | analyst
    removed: Mapped[bool] = mapped_column(Boolean, default=False)

    event: Mapped[Event] = relationship(back_populates="topics")


class Revision(Base):
    """Who changed an event, when, and the fields before and after."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    event: Mapped[Event] = relationship(back_populates="revisions")


# Covering indexes that let the events list count its facets (dates and statuses,
# links and topics by slug) from the indexes alone; created by migration 0003_web.
FACET_INDEXES = (
    Index("ix_events_date_status", Event.date_value, Event.status),
    Index(
        "ix_event_institutions_facets",
        EventInstitution.slug,
        EventInstitution.removed,
        EventInstitution.event_id,
    ),  # fmt: skip
    Index("ix_event_topics_facets", EventTopic.slug, EventTopic.removed, EventTopic.event_id),
)
