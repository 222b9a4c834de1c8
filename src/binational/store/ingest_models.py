"""SQLAlchemy models of ingestion: what was fetched from the watched sources and the
candidate queue built from it.

- ``FetchState``: the validators (ETag, Last-Modified) and body hash last seen for a
  watched URL (a feed, a listing page, a sitemap), so an unchanged source costs one
  conditional request and extracts nothing; and, for a page that failed in a way a
  later run may get past, how many times in a row and when it may be tried again.
- ``Document``: one fetched page or feed entry: where it came from, where its raw
  response sits in the WARC archive, what was extracted from it, its MinHash
  signature, and its relevance score with reasons.
- ``Candidate``: one story, i.e. a cluster of documents that are the same release
  (exact or near duplicates). It is what the analyst sees in the queue, accepts into a
  draft event or rejects; a rejected cluster keeps every later copy out of the queue.

The schema is owned by migrations ``0002_ingest`` and ``0005_fetch_retry``; a test
checks the models and the migrations agree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from binational.store.models import Base, utcnow


class FetchState(Base):
    __tablename__ = "ingest_fetch_states"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Candidate(Base):
    """A cluster of documents telling one release; the unit of the analyst's queue."""

    __tablename__ = "ingest_candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    # queued | accepted | rejected
    status: Mapped[str] = mapped_column(String(12), default="queued", index=True)
    score: Mapped[float] = mapped_column(Float, default=0.0, index=True)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    representative_id: Mapped[int | None] = mapped_column(Integer)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    documents: Mapped[list[Document]] = relationship(
        back_populates="candidate", order_by="Document.id"
    )

    @property
    def representative(self) -> Document | None:
        for document in self.documents:
            if document.id == self.representative_id:
                return document
        return self.documents[0] if self.documents else None


class Document(Base):
    __tablename__ = "ingest_documents"
    __table_args__ = (
        UniqueConstraint("canonical_url", "kind", name="uq_ingest_documents_canonical_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), default="page")  # page | feed_entry
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str] = mapped_column(Text, index=True)
    source_name: Mapped[str | None] = mapped_column(String(200))
    official: Mapped[bool] = mapped_column(Boolean, default=False)
    # Fetch metadata and the raw response in the archive (file relative to archive_dir).
    http_status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(String(200))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    warc_file: Mapped[str | None] = mapped_column(Text)
    warc_offset: Mapped[int | None] = mapped_column(BigInteger)
    warc_length: Mapped[int | None] = mapped_column(Integer)
    # Extraction.
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    text_sha256: Mapped[str] = mapped_column(String(64), index=True)
    published: Mapped[dt.date | None] = mapped_column(Date)
    published_stated: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(8))
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Relevance and what the linker found.
    score: Mapped[float] = mapped_column(Float, default=0.0)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    institutions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    topics: Mapped[list[Any]] = mapped_column(JSON, default=list)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("ingest_candidates.id", ondelete="SET NULL"), index=True
    )

    candidate: Mapped[Candidate | None] = relationship(back_populates="documents")
