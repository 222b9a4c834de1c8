"""Documents and candidates in the database: storing a new document in the cluster
it belongs to, and keeping each candidate's representative and score current.

The decision of *which* cluster is made by the caller (``pipeline``) from the exact
and near-duplicate matches; this module only finds matches and writes rows, inside
the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from binational.ingest.dedup import Member, choose_representative
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


def stored_signatures(session: Session) -> Iterator[tuple[int, int, bytes]]:
    """(document id, candidate id, signature) of every stored document that has one."""
    statement = select(Document.id, Document.candidate_id, Document.signature).where(
        Document.signature.is_not(None), Document.candidate_id.is_not(None)
    )
    for document_id, candidate_id, sig in session.execute(statement):
        yield document_id, candidate_id, bytes(sig)


def store_document(session: Session, new: NewDocument, candidate_id: int | None) -> Document:
    """Add ``new`` to candidate ``candidate_id`` (a new queued candidate when None)."""
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
    refresh_candidate(candidate)
    if candidate.status == "accepted" and candidate.event_id is not None:
        _add_event_source(session, candidate.event_id, document)
    return document


def merge_candidates(session: Session, keep_id: int, absorb_id: int) -> list[int]:
    """Move the documents of candidate ``absorb_id`` into ``keep_id`` and delete the
    emptied candidate, unless it was already decided (then nothing moves). Returns
    the ids of the documents moved."""
    keep = session.get(Candidate, keep_id)
    absorb = session.get(Candidate, absorb_id)
    if keep is None or absorb is None or absorb.status != "queued":
        return []
    moved = list(absorb.documents)
    for document in moved:
        document.candidate = keep
    session.flush()
    session.delete(absorb)
    refresh_candidate(keep)
    return [document.id for document in moved]


def refresh_candidate(candidate: Candidate) -> None:
    """Recompute the representative and take the score and reasons of the best
    scoring member (a short feed entry must not hide a full page's evidence)."""
    members = candidate.documents
    if not members:
        return
    candidate.representative_id = choose_representative(
        [Member(d.id, d.official, d.kind, d.published) for d in members]
    )
    best = max(members, key=lambda d: (d.score, -d.id))
    candidate.score = best.score
    candidate.reasons = list(best.reasons or [])


def _add_event_source(session: Session, event_id: int, document: Document) -> None:
    exists = session.scalars(
        select(EventSource).where(EventSource.event_id == event_id, EventSource.url == document.url)
    ).first()
    if exists is None:
        session.add(
            EventSource(
                event_id=event_id,
                url=document.url,
                title=document.title or None,
                role="duplicate",
                document_id=document.id,
            )  # fmt: skip
        )
