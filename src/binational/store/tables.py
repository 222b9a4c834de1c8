"""The core tables as SQLAlchemy Core: reports, their items, events and what hangs off
an event (sources, institution links, topics, revisions).

The ORM classes of ``models.py`` are mapped onto these tables. They are declared here,
apart from the ORM, so that a read that needs no ORM (the command line's listings,
``event_reads.py``) runs without importing it: ``sqlalchemy.orm`` and the mapping of
the classes cost a short command about as much as the rest of its start-up.

The schema itself is owned by the Alembic migrations in ``store/migrations``; these
tables describe it, and tests check that the two agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from binational.domain import DatePrecision, DateSource

metadata = MetaData()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


def _event_id() -> Column:
    return Column(
        "event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False,
        index=True,
    )  # fmt: skip


# A published (or in-preparation) report for one period, e.g. quarterly 2023Q2.
reports = Table(
    "reports",
    metadata,
    _id(),
    Column("kind", String(20), nullable=False, default="quarterly"),
    Column("period", String(20), nullable=False),  # '2023Q2'
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("header", Text, nullable=False, default=""),
    Column("intro", Text, nullable=False, default=""),
    Column("source_name", Text),
    Column("source_sha256", String(64)),
    Column("created_at", DateTime, nullable=False, default=utcnow),
    UniqueConstraint("kind", "period", name="uq_reports_kind_period"),
)

# An event's place in a report: its position, the number it was printed with, and
# whether the analyst excluded it.
report_items = Table(
    "report_items",
    metadata,
    _id(),
    Column(
        "report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False,
        index=True,
    ),  # fmt: skip
    _event_id(),
    Column("position", Integer),
    Column("printed_number", Integer),
    Column("month_section", String(40)),
    Column("excluded", Boolean, nullable=False, default=False),
    UniqueConstraint("report_id", "event_id", name="uq_report_items_event"),
)

events = Table(
    "events",
    metadata,
    _id(),
    Column("title", Text, nullable=False),
    Column("date_value", Date, nullable=False, index=True),
    Column("date_precision", String(10), nullable=False, default=DatePrecision.DAY.value),
    Column("date_source", String(10), nullable=False, default=DateSource.STATED.value),
    Column("summary", Text, nullable=False, default=""),
    Column("implications", Text, nullable=False, default=""),
    Column("context", Text, nullable=False, default="", server_default=""),
    Column("url", Text),
    Column("link_text", String(200)),
    Column("status", String(12), nullable=False, default="draft", index=True),
    Column("truncated", Boolean, nullable=False, default=False),
    # Provenance: where the event came from ('report', 'document', 'analyst') and a
    # reference within it ('cbi-report-2023-q2.txt#3', a URL, a user's email).
    Column("origin", String(20), nullable=False, default="analyst"),
    Column("origin_ref", Text),
    Column("created_at", DateTime, nullable=False, default=utcnow),
    Column("updated_at", DateTime, nullable=False, default=utcnow, onupdate=utcnow),
)

# A source of an event beyond its primary URL: a republished copy, a feed entry, an
# archived document.
event_sources = Table(
    "event_sources",
    metadata,
    _id(),
    _event_id(),
    Column("url", Text, nullable=False),
    Column("title", Text),
    Column("role", String(20), nullable=False, default="primary"),
    Column("document_id", Integer),
    Column("added_at", DateTime, nullable=False, default=utcnow),
    UniqueConstraint("event_id", "url", name="uq_event_sources_url"),
)

# A link from an event to an institution or agency of the registry, with the mention
# that justified it. An analyst's removal is kept as ``removed`` so that re-running
# the linker does not bring the link back.
event_institutions = Table(
    "event_institutions",
    metadata,
    _id(),
    _event_id(),
    Column("slug", String(120), nullable=False, index=True),
    Column("kind", String(12), nullable=False, default="institution"),
    Column("mention", Text),
    Column("field", String(20)),  # title, summary, implications
    Column("start", Integer),
    Column("end", Integer),
    Column("confidence", Float, nullable=False, default=1.0),
    Column("origin", String(12), nullable=False, default="linker"),  # linker | analyst
    Column("removed", Boolean, nullable=False, default=False),
    Column("updated_at", DateTime, nullable=False, default=utcnow, onupdate=utcnow),
    UniqueConstraint("event_id", "slug", name="uq_event_institutions_slug"),
)

# A topic of the fixed taxonomy on an event, with the terms that fired.
event_topics = Table(
    "event_topics",
    metadata,
    _id(),
    _event_id(),
    Column("slug", String(60), nullable=False, index=True),
    Column("terms", JSON, nullable=False, default=list),
    Column("origin", String(12), nullable=False, default="tagger"),  # tagger | analyst
    Column("removed", Boolean, nullable=False, default=False),
    UniqueConstraint("event_id", "slug", name="uq_event_topics_slug"),
)

# Who changed an event, when, and the fields before and after.
revisions = Table(
    "revisions",
    metadata,
    _id(),
    _event_id(),
    Column("at", DateTime, nullable=False, default=utcnow),
    Column("author", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("before", JSON, nullable=False, default=dict),
    Column("after", JSON, nullable=False, default=dict),
)

# Covering indexes that let the events list count its facets (dates and statuses,
# links and topics by slug) from the indexes alone; created by migration 0003_web.
FACET_INDEXES = (
    Index("ix_events_date_status", events.c.date_value, events.c.status),
    Index(
        "ix_event_institutions_facets",
        event_institutions.c.slug,
        event_institutions.c.removed,
        event_institutions.c.event_id,
    ),  # fmt: skip
    Index(
        "ix_event_topics_facets",
        event_topics.c.slug,
        event_topics.c.removed,
        event_topics.c.event_id,
    ),  # fmt: skip
)
