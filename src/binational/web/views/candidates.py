"""The candidate queue as the page and the API show it (the ingestion service's
records, plus the queue's size)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from binational.accounts.roles import Actor
from binational.errors import UserError
from binational.ingest.queue import (
    accept_candidate,
    candidate_count,
    candidate_record,
    list_candidates,
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


def accept_in_transaction(web: WebContext, candidate_id: int, actor: Actor) -> int:
    """Accept the candidate in one transaction; the new draft event's id (the route
    then drafts it, as ``binational candidates accept`` does)."""
    with web.database.transaction() as session:
        event = accept_candidate(session, candidate_id, actor.email or "", web.annotator)
        session.flush()
        return event.id
