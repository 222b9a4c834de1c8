"""The analyst's candidate queue: list the stories ingestion found, best first;
accept one into a draft event, or reject it (kept, so that no copy of it is queued
again; an editor can restore it to the queue).

This is the service the CLI (``binational candidates``) and the web app share; the
command line accepts with ``accept_and_draft``, which drafts the new event too. A
candidate is a cluster of documents (one release and its republished copies); its
id is stable, and its JSON record (``candidate_record``, in ``candidate_records.py``)
has stable field names and ISO dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from binational.domain import DatePrecision, DateSource, EventStatus, PartialDate
from binational.errors import UserError
from binational.ingest.candidate_records import (
    ACCEPTED,
    QUEUED,
    REJECTED,
    candidate_record,
    no_such_candidate,
)
from binational.ingest.summary import first_paragraphs
from binational.store.candidates import (
    add_event_from_documents,
    count_candidates,
    decided_candidates,
    find_candidate,
    queued_candidates,
    requeue_candidate,
)
from binational.store.database import Database
from binational.store.events import event_fields
from binational.store.ingest_models import Candidate
from binational.store.links import annotate_event
from binational.store.models import Event, utcnow
from binational.store.records import event_record
from binational.store.revisions import record_revision

if TYPE_CHECKING:  # drafting imports its sentence splitter; the queue's readers need none
    from binational.drafting.keep import Drafter, DraftOutcome

__all__ = [
    "ACCEPTED", "QUEUED", "REJECTED", "accept_and_draft", "accept_candidate",
    "candidate_count", "candidate_record", "get_candidate", "list_candidates",
    "list_rejected", "reject_candidate", "restore_candidate",
]  # fmt: skip


def list_candidates(
    session: Session, min_score: float = 0.0, limit: int | None = None
) -> list[Candidate]:
    """Queued candidates scoring at least ``min_score``, highest score first."""
    return queued_candidates(session, QUEUED, min_score, limit)


def get_candidate(session: Session, candidate_id: int) -> Candidate:
    candidate = find_candidate(session, candidate_id)
    if candidate is None or not candidate.documents:
        raise no_such_candidate(candidate_id)
    return candidate


def _undecided(session: Session, candidate_id: int) -> Candidate:
    candidate = get_candidate(session, candidate_id)
    if candidate.status != QUEUED:
        detail = f" into event {candidate.event_id}" if candidate.event_id else ""
        raise UserError(
            f"candidate {candidate_id} was already {candidate.status}{detail} "
            f"by {candidate.decided_by}; nothing to do"
        )
    return candidate


def accept_candidate(
    session: Session, candidate_id: int, author: str, annotator: Any = None
) -> Event:
    """Turn a queued candidate into a draft event: title, date, summary and URL from
    its representative document, institution links and topics from the annotator
    (the registry's, by default), one source row per member document, and an
    ``accept`` revision. The candidate is marked accepted."""
    candidate = _undecided(session, candidate_id)
    document = candidate.representative
    assert document is not None
    if annotator is None:
        from binational.registry.annotate import registry_annotator

        annotator = registry_annotator()
    day = document.published or document.fetched_at.date()
    stated = document.published is not None and document.published_stated
    event = Event(
        title=document.title or document.url,
        summary=first_paragraphs(document.text),
        implications="",
        url=document.url,
        link_text=(document.source_name or None) and document.source_name[:200],
        status=EventStatus.DRAFT.value,
        origin="document",
        origin_ref=document.url,
        date_source=(DateSource.STATED if stated else DateSource.INFERRED).value,
    )
    event.date = PartialDate(day, DatePrecision.DAY)
    annotate_event(event, annotator)
    others = [d for d in candidate.documents if d.id != document.id]
    add_event_from_documents(session, event, document, others)
    candidate.status, candidate.event_id = ACCEPTED, event.id
    candidate.decided_by, candidate.decided_at = author, utcnow()
    record_revision(
        session, event, author, "accept", {},
        {**event_fields(event), "candidate": candidate.id, "document": document.id},
    )  # fmt: skip
    return event


@dataclass(frozen=True)
class Accepted:
    """The event a candidate became (its JSON record) and the draft made of it, if any."""

    event: dict[str, Any]
    draft: DraftOutcome | None


def accept_and_draft(
    database: Database, candidate_id: int, author: str, drafter: Drafter | None,
    draft_now: bool = True,
) -> Accepted:  # fmt: skip
    """Accept the candidate (one transaction) and, with a ``drafter``, draft the new
    event at once and keep the draft (``drafting/keep.py``: read, draft with no
    transaction open, keep in another). The accept stands whatever the draft says: a
    model that fails leaves the extractive draft with a warning. ``draft_now`` False:
    the drafter links the event, and its draft is left to a job of the queue."""
    annotator = drafter.annotator() if drafter is not None else None
    with database.transaction() as session:
        event = accept_candidate(session, candidate_id, author, annotator)
        session.flush()
        record = event_record(event)
    if drafter is None or not draft_now:
        return Accepted(record, None)
    return Accepted(record, drafter.draft_and_keep(database, record["id"]))


def reject_candidate(session: Session, candidate_id: int, author: str) -> None:
    """Reject a queued candidate. It stays in the database as rejected, so neither
    its documents nor any later copy of them is queued again."""
    candidate = _undecided(session, candidate_id)
    candidate.status = REJECTED
    candidate.decided_by, candidate.decided_at = author, utcnow()


def restore_candidate(session: Session, candidate_id: int) -> None:
    """Undo a rejection: the candidate is queued again, as if never decided."""
    candidate = get_candidate(session, candidate_id)
    if candidate.status != REJECTED or not requeue_candidate(
        session, candidate_id, REJECTED, QUEUED
    ):
        raise UserError(
            f"candidate {candidate_id} is {candidate.status}, not rejected; nothing to restore"
        )


def list_rejected(session: Session, limit: int | None = None) -> list[Candidate]:
    """Rejected candidates, the latest rejection first."""
    return decided_candidates(session, REJECTED, limit)


def candidate_count(session: Session, status: str = QUEUED) -> int:
    return count_candidates(session, status)
