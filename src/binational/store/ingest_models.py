"""The ORM classes of ingestion: ``FetchState``, ``Document`` and ``Candidate``, mapped
onto the Core tables of ``ingest_tables.py`` (which says what each holds), with the
relationship between a candidate and its documents.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Mapped, relationship

from binational.store import ingest_tables
from binational.store.candidate_reads import representative_of
from binational.store.models import Base


class FetchState(Base):
    __table__ = ingest_tables.fetch_states

    id: Mapped[int]
    url: Mapped[str]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    content_sha256: Mapped[str | None]
    last_status: Mapped[int | None]
    last_error: Mapped[str | None]
    fetched_at: Mapped[dt.datetime]
    failures: Mapped[int]
    next_attempt_at: Mapped[dt.datetime | None]


class Candidate(Base):
    """A cluster of documents telling one release; the unit of the analyst's queue."""

    __table__ = ingest_tables.candidates

    id: Mapped[int]
    status: Mapped[str]  # queued | accepted | rejected
    score: Mapped[float]
    reasons: Mapped[list[Any]]
    representative_id: Mapped[int | None]
    event_id: Mapped[int | None]
    decided_by: Mapped[str | None]
    decided_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

    documents: Mapped[list[Document]] = relationship(
        back_populates="candidate", order_by="Document.id"
    )

    @property
    def representative(self) -> Document | None:
        return representative_of(self.representative_id, self.documents)


class Document(Base):
    __table__ = ingest_tables.documents

    id: Mapped[int]
    kind: Mapped[str]  # page | feed_entry
    url: Mapped[str]
    canonical_url: Mapped[str]
    source_name: Mapped[str | None]
    official: Mapped[bool]
    http_status: Mapped[int | None]
    content_type: Mapped[str | None]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    fetched_at: Mapped[dt.datetime]
    warc_file: Mapped[str | None]
    warc_offset: Mapped[int | None]
    warc_length: Mapped[int | None]
    title: Mapped[str]
    text: Mapped[str]
    text_sha256: Mapped[str]
    published: Mapped[dt.date | None]
    published_stated: Mapped[bool]
    language: Mapped[str | None]
    signature: Mapped[bytes | None]
    score: Mapped[float]
    reasons: Mapped[list[Any]]
    institutions: Mapped[list[Any]]
    topics: Mapped[list[Any]]
    candidate_id: Mapped[int | None]

    candidate: Mapped[Candidate | None] = relationship(back_populates="documents")
