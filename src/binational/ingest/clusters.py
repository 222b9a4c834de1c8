"""Clusters of documents: a new document stored in the cluster it belongs to, two
clusters merged, and each candidate's representative and score kept current.

The decision of *which* cluster is made by the caller (``pipeline``) from the exact
and near-duplicate matches; the rows are the store's (``store/documents.py``).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from binational.ingest.dedup import Member, choose_representative
from binational.store.documents import (
    NewDocument,
    add_document,
    known_document,
    move_documents,
    same_text_document,
    stored_signatures,
)
from binational.store.ingest_models import Candidate, Document

__all__ = [
    "NewDocument", "known_document", "merge_candidates", "refresh_candidate",
    "same_text_document", "store_document", "stored_signatures",
]  # fmt: skip


def store_document(session: Session, new: NewDocument, candidate_id: int | None) -> Document:
    """Add ``new`` to candidate ``candidate_id`` (a new queued candidate when None)."""
    document = add_document(session, new, candidate_id)
    refresh_candidate(document.candidate)
    return document


def merge_candidates(session: Session, keep_id: int, absorb_id: int) -> list[int]:
    """Move the documents of candidate ``absorb_id`` into ``keep_id`` and delete the
    emptied candidate, unless it was already decided (then nothing moves). Returns
    the ids of the documents moved."""
    moved = move_documents(session, keep_id, absorb_id)
    if moved is None:
        return []
    kept, ids = moved
    refresh_candidate(kept)
    return ids


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
