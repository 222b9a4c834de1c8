"""The tables of ingestion as SQLAlchemy Core: what was fetched from the watched
sources and the candidate queue built from it.

- ``ingest_fetch_states``: the validators (ETag, Last-Modified) and body hash last
  seen for a watched URL (a feed, a listing page, a sitemap), so an unchanged source
  costs one conditional request and extracts nothing; and, for a page that failed in
  a way a later run may get past, how many times in a row and when it may be tried
  again.
- ``ingest_documents``: one fetched page or feed entry: where it came from, where its
  raw response sits in the WARC archive, what was extracted from it, its MinHash
  signature, and its relevance score with reasons.
- ``ingest_candidates``: one story, i.e. a cluster of documents that are the same
  release (exact or near duplicates). It is what the analyst sees in the queue,
  accepts into a draft event or rejects; a rejected cluster keeps every later copy
  out of the queue.

The ORM classes of ``ingest_models.py`` are mapped onto these tables; they are
declared apart from the ORM for the same reason as ``tables.py``. The schema is
owned by migrations ``0002_ingest`` and ``0005_fetch_retry``; a test checks that the
two agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from binational.store.tables import metadata, utcnow

fetch_states = Table(
    "ingest_fetch_states",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False, unique=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("content_sha256", String(64)),
    Column("last_status", Integer),
    Column("last_error", Text),
    Column("fetched_at", DateTime, nullable=False, default=utcnow),
    Column("failures", Integer, nullable=False, default=0, server_default="0"),
    Column("next_attempt_at", DateTime),
)

candidates = Table(
    "ingest_candidates",
    metadata,
    Column("id", Integer, primary_key=True),
    # queued | accepted | rejected
    Column("status", String(12), nullable=False, default="queued", index=True),
    Column("score", Float, nullable=False, default=0.0, index=True),
    Column("reasons", JSON, nullable=False, default=list),
    Column("representative_id", Integer),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="SET NULL"), index=True),
    Column("decided_by", String(200)),
    Column("decided_at", DateTime),
    Column("created_at", DateTime, nullable=False, default=utcnow),
    Column("updated_at", DateTime, nullable=False, default=utcnow, onupdate=utcnow),
)

documents = Table(
    "ingest_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(12), nullable=False, default="page"),  # page | feed_entry
    Column("url", Text, nullable=False),
    Column("canonical_url", Text, nullable=False, index=True),
    Column("source_name", String(200)),
    Column("official", Boolean, nullable=False, default=False),
    # Fetch metadata and the raw response in the archive (file relative to archive_dir).
    Column("http_status", Integer),
    Column("content_type", String(200)),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("fetched_at", DateTime, nullable=False, default=utcnow),
    Column("warc_file", Text),
    Column("warc_offset", BigInteger),
    Column("warc_length", Integer),
    # Extraction.
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("text_sha256", String(64), nullable=False, index=True),
    Column("published", Date),
    Column("published_stated", Boolean, nullable=False, default=False),
    Column("language", String(8)),
    Column("signature", LargeBinary),
    # Relevance and what the linker found.
    Column("score", Float, nullable=False, default=0.0),
    Column("reasons", JSON, nullable=False, default=list),
    Column("institutions", JSON, nullable=False, default=list),
    Column("topics", JSON, nullable=False, default=list),
    Column(
        "candidate_id", Integer, ForeignKey("ingest_candidates.id", ondelete="SET NULL"),
        index=True,
    ),  # fmt: skip
    UniqueConstraint("canonical_url", "kind", name="uq_ingest_documents_canonical_kind"),
)
