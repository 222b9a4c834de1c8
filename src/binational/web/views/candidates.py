"""The candidate queue as the page and the API show it (the ingestion service's
records, plus the queue's size), its Rejected view, and one candidate's page."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from binational.accounts.roles import Actor
from binational.errors import UserError
from binational.ingest.queue import (
    accept_candidate,
    candidate_count,
    candidate_record,
    get_candidate,
    list_candidates,
    list_rejected,
)
from binational.web.context import WebContext

QUEUE_LIMIT = 100


def parse_min_score(text: str | None) -> float:
    if text is None or not text.strip():
        return 0.0
    try:
        value = float(text)
    except ValueError:
        raise UserError(f"min_score must be a number, not {text!r}") from None
    if not 0.0 <= value <= 1000.0:
        raise UserError("min_score must be between 0 and 1000")
    return value


def candidate_queue(session: Session, min_score: float, limit: int = QUEUE_LIMIT) -> dict[str, Any]:
    candidates = list_candidates(session, min_score=min_score, limit=limit)
    return {
        "queued": candidate_count(session),
        "min_score": min_score,
        "candidates": [candidate_record(candidate) for candidate in candidates],
    }


def queue_counts(session: Session) -> dict[str, int]:
    """How many candidates wait in the queue and how many were rejected (the tabs)."""
    return {"queued": candidate_count(session), "rejected": candidate_count(session, "rejected")}


def rejected_queue(session: Session, limit: int = QUEUE_LIMIT) -> dict[str, Any]:
    """The rejected candidates, the latest rejection first, as the queue page shows them."""
    return {"candidates": [candidate_record(c) for c in list_rejected(session, limit)]}


def candidate_page(session: Session, candidate_id: int) -> dict[str, Any]:
    """One candidate as its page shows it: the record, the archived text of the
    document standing for it, and every document folded into it (the duplicates)."""
    candidate = get_candidate(session, candidate_id)
    record = candidate_record(candidate)
    representative = candidate.representative
    assert representative is not None
    members = [
        {
            "url": document.url, "title": document.title, "source": document.source_name,
            "official": document.official, "language": document.language,
            "published": document.published.isoformat() if document.published else None,
            "fetched_at": document.fetched_at.isoformat(timespec="minutes"),
            "representative": document.id == representative.id,
        }
        for document in candidate.documents
    ]  # fmt: skip
    return {**record, "text": representative.text, "documents": members,
            "decided_by": candidate.decided_by,
            "decided_at": candidate.decided_at.isoformat(timespec="minutes")
            if candidate.decided_at else None}  # fmt: skip


def accept_in_transaction(web: WebContext, candidate_id: int, actor: Actor) -> int:
    """Accept the candidate in one transaction; the new draft event's id (the route
    then drafts it, as ``binational candidates accept`` does)."""
    with web.database.transaction() as session:
        event = accept_candidate(session, candidate_id, actor.email or "", web.annotator)
        session.flush()
        return event.id
