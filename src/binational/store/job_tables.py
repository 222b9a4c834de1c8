"""The tables of the job queue's side of ingestion and of seeing the queue, as
SQLAlchemy Core (the queue's own tables are procrastinate's, created by migration
``0010_jobs`` from the schema procrastinate ships).

- ``ingest_sources``: the sources every worker polls, synchronized from the sources
  file (``binational sources sync``, ``sources add`` and ``remove``), with each one's
  interval and state: when it is due, when it was last polled and how that went.
- ``ingest_host_slots``: for each host, the earliest time (epoch seconds, the
  database's clock) the next request to it may start; a worker takes the host's
  turn here before each request and gives it back after the response
  (``host_slots.py``), so one host's limit holds whatever the number of workers.
- ``job_errors``: the error of each failed attempt of a job, which the queue's own
  tables do not keep; ``binational jobs`` shows a failed job with its last one.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Float, Integer, String, Table, Text

from binational.store.tables import metadata, utcnow

sources = Table(
    "ingest_sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("url", Text, nullable=False),
    Column("kind", String(12), nullable=False),
    Column("language", String(8), nullable=False, default="en"),
    Column("country", String(2), nullable=False, default="US"),
    Column("agency", String(200), nullable=False, default=""),
    Column("selector", Text, nullable=False, default=""),
    Column("official", Boolean),
    Column("interval", Float),  # seconds between polls; NULL: the ingest_interval setting
    Column("next_poll_at", DateTime),  # NULL: due now
    Column("last_polled_at", DateTime),
    Column("last_outcome", String(12)),  # fetched | unchanged | failed
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, default=0, server_default="0"),
    Column("updated_at", DateTime, nullable=False, default=utcnow, onupdate=utcnow),
)

host_slots = Table(
    "ingest_host_slots",
    metadata,
    Column("host", String(300), primary_key=True),
    Column("next_at", Float, nullable=False),
)

job_errors = Table(
    "job_errors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("job_id", BigInteger, nullable=False, index=True),
    Column("task_name", String(128), nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("error", Text, nullable=False),
    Column("at", DateTime, nullable=False, default=utcnow),
)
