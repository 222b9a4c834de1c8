"""Fetched documents and the candidates (clusters) they belong to, in the database.

Which cluster a new document joins, and which member represents a cluster, are
ingestion's decisions (``ingest/clusters.py``, ``ingest/dedup.py``); this module finds
matches and writes rows, inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from binational.store.ingest_models import Candidate, Document
from binational.store.models import EventSource


@dataclass(frozen=True)
class NewDocument:
    """Everything known about a fetched page or feed entry before it is stored."""

    kind: str  # page | feed_entry
    url: str
    canonical_url: str
    title: str
    text: str
    text_sha256: str
    source_name: str | None = None
    official: bool = False
    http_status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_length: int | None = None
    published: dt.date | None = None
    published_stated: bool = False
    language: str | None = None
    signature: bytes | None = None
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    institutions: tuple[dict[str, Any], ...] = ()
    topics: tuple[str, ...] = ()
    fetched_at: dt.datetime | None = field(default=None)


def known_document(
    session: Session, canonical_url: str, kind: str | None = None
) -> Document | None:
    """A stored document at this canonical URL (of this kind, if given)."""
    statement = select(Document).where(Document.canonical_url == canonical_url)
    if kind is not None:
        statement = statement.where(Document.kind == kind)
    return session.scalars(statement.order_by(Document.id).limit(1)).first()


def same_text_document(session: Session, sha256: str) -> Document | None:
    statement = select(Document).where(Document.text_sha256 == sha256).order_by(Document.id)
    return session.scalars(statement.limit(1)).first()


# The key of PostgreSQL's advisory lock that serializes storing documents (any
# number: the same in every process).
CLUSTERS_LOCK = 0x62696E61


def lock_clusters(session: Session) -> None:
    """Hold, until the transaction ends, the right to choose clusters and store
    documents: two workers storing copies of one story at once must not both found a
    cluster. SQLite's transactions already hold its one write lock from the start."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CLUSTERS_LOCK})


def stored_signatures(session: Session, after_id: int = 0) -> Iterator[tuple[int, int, bytes]]:
    """(document id, candidate id, signature) of every stored document that has one,
    past ``after_id``, in id order."""
    statement = select(Document.id, Document.candidate_id, Document.signature).where(
        Document.signature.is_not(None), Document.candidate_id.is_not(None),
        Document.id > after_id,
    ).order_by(Document.id)  # fmt: skip
    for document_id, candidate_id, sig in session.execute(statement):
        yield document_id, candidate_id, bytes(sig)


def candidate_of_document(session: Session, document_id: int) -> int | None:
    """The candidate a stored document belongs to now."""
    return session.scalar(select(Document.candidate_id).where(Document.id == document_id))


def add_document(session: Session, new: NewDocument, candidate_id: int | None) -> Document:
    """Add ``new`` to candidate ``candidate_id`` (a new queued candidate when None);
    a document joining an accepted candidate becomes a source of its event."""
    if candidate_id is None:
        candidate = Candidate(status="queued", score=0.0, reasons=[])
        session.add(candidate)
    else:
        candidate = session.get(Candidate, candidate_id)
        if candidate is None:
            raise LookupError(f"there is no candidate {candidate_id}")
    values = asdict(new)
    values["reasons"] = list(new.reasons)
    values["institutions"] = [dict(item) for item in new.institutions]
    values["topics"] = list(new.topics)
    if values["fetched_at"] is None:
        values.pop("fetched_at")
    document = Document(**values)
    candidate.documents.append(document)
    session.flush()
    if candidate.status == "accepted" and candidate.event_id is not None:
        _add_event_source(session, candidate.event_id, document)
    return document


def move_documents(
    session: Session, keep_id: int, absorb_id: int
) -> tuple[Candidate, list[int]] | None:
    """Move the documents of candidate ``absorb_id`` into ``keep_id`` and delete the
    emptied candidate; returns the kept candidate and the ids moved, or None when
    nothing moved (either is missing, or the absorbed one was already decided)."""
    keep = session.get(Candidate, keep_id)
    absorb = session.get(Candidate, absorb_id)
    if keep is None or absorb is None or absorb.status != "queued":
        return None
    moved = list(absorb.documents)
    for document in moved:
        document.candidate = keep
    session.flush()
    session.delete(absorb)
    return keep, [document.id for document in moved]


def _add_event_source(session: Session, event_id: int, document: Document) -> None:
    exists = session.scalars(
        select(EventSource).where(EventSource.event_id == event_id, EventSource.url == document.url)
    ).first()
    if exists is None:
        session.add(
            EventSource(
                event_id=event_id, url=document.url, title=document.title or None,
                role="duplicate", document_id=document.id,
            )  # fmt: skip
        )
