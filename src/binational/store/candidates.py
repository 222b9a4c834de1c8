"""The candidate queue in the database: reading candidates, counting them, and the
draft event an accepted one becomes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from binational.store.ingest_models import Candidate, Document
from binational.store.models import Event, EventSource


def queued_candidates(
    session: Session, status: str, min_score: float = 0.0, limit: int | None = None
) -> list[Candidate]:
    """Candidates with ``status`` scoring at least ``min_score``, highest first, with
    their documents."""
    statement = (
        select(Candidate)
        .where(Candidate.status == status, Candidate.score >= min_score)
        .order_by(Candidate.score.desc(), Candidate.id)
        .options(selectinload(Candidate.documents))
    )
    if limit is not None:
        statement = statement.limit(limit)
    return list(session.scalars(statement))


def decided_candidates(session: Session, status: str, limit: int | None = None) -> list[Candidate]:
    """Candidates with ``status`` (accepted or rejected), the latest decision first,
    with their documents."""
    statement = (
        select(Candidate)
        .where(Candidate.status == status)
        .order_by(Candidate.decided_at.desc(), Candidate.id.desc())
        .options(selectinload(Candidate.documents))
    )
    if limit is not None:
        statement = statement.limit(limit)
    return list(session.scalars(statement))


def requeue_candidate(
    session: Session, candidate_id: int, from_status: str, to_status: str
) -> bool:
    """Put a decided candidate back in the queue: its status becomes ``to_status`` and
    its decision is forgotten, only if its status is still ``from_status`` (one
    statement, so two editors restoring at once change it once). True if it changed."""
    result = session.execute(
        update(Candidate)
        .where(Candidate.id == candidate_id, Candidate.status == from_status)
        .values(status=to_status, decided_by=None, decided_at=None)
        .execution_options(synchronize_session="fetch")
    )
    return result.rowcount == 1


def find_candidate(session: Session, candidate_id: int) -> Candidate | None:
    return session.get(Candidate, candidate_id)


def count_candidates(session: Session, status: str) -> int:
    return session.scalar(select(func.count(Candidate.id)).where(Candidate.status == status)) or 0


def add_event_from_documents(
    session: Session, event: Event, primary: Document, members: Sequence[Document]
) -> Event:
    """Add a new event with one source row per member document's URL (the primary
    first) and give it its id."""
    session.add(event)
    seen: set[str] = set()
    for member in [primary, *members]:
        if member.url in seen:
            continue
        seen.add(member.url)
        event.sources.append(
            EventSource(
                url=member.url, title=member.title or None, document_id=member.id,
                role="primary" if member is primary else "duplicate",
            )  # fmt: skip
        )
    session.flush()
    return event
