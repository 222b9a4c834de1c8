"""The queue as the analyst reads it: each candidate's JSON record (stable field
names, ISO dates), shared by ``binational candidates`` and the web app, and the
queue read as records.

The reads run on a plain connection (``store/candidate_reads.py``): listing the queue
needs no ORM. Deciding on a candidate is ``queue.py``'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from binational.errors import UserError
from binational.ingest.summary import first_paragraphs
from binational.store.candidate_reads import candidate_rows, one_candidate_rows, representative_of

if TYPE_CHECKING:
    from sqlalchemy import Connection

QUEUED, ACCEPTED, REJECTED = "queued", "accepted", "rejected"


def no_such_candidate(candidate_id: int) -> UserError:
    return UserError(
        f"there is no candidate {candidate_id}; run `binational candidates` to see the queue"
    )


def _institutions(members: Sequence[Any], representative: Any) -> list[dict[str, Any]]:
    """Institutions and agencies found in any member, the representative's first."""
    seen: dict[str, dict[str, Any]] = {}
    others = [d for d in members if d.id != representative.id]
    for document in [representative, *others]:
        for item in document.institutions or []:
            seen.setdefault(item["slug"], dict(item))
    return list(seen.values())


def candidate_record(candidate: Any, documents: Sequence[Any] | None = None) -> dict[str, Any]:
    """The record of ``candidate``: an ORM ``Candidate``, or a row of the candidates
    table with its ``documents`` rows (in id order)."""
    members = candidate.documents if documents is None else documents
    representative = representative_of(candidate.representative_id, members)
    if representative is None:
        raise UserError(f"candidate {candidate.id} has no documents")
    urls = list(dict.fromkeys(d.url for d in members))
    canonical = {d.canonical_url for d in members}
    return {
        "id": candidate.id,
        "url": representative.url,
        "title": representative.title,
        "published": representative.published.isoformat() if representative.published else None,
        "published_stated": representative.published_stated,
        "language": representative.language,
        "source": representative.source_name,
        "official": representative.official,
        "score": round(candidate.score, 3),
        "reasons": list(candidate.reasons or []),
        "institutions": _institutions(members, representative),
        "topics": sorted({t for d in members for t in (d.topics or [])}),
        "summary": first_paragraphs(representative.text),
        "cluster_size": len(canonical),
        "duplicate_urls": [url for url in urls if url != representative.url],
        "status": candidate.status,
        "event_id": candidate.event_id,
        "fetched_at": representative.fetched_at.isoformat(timespec="seconds"),
    }


def queued_records(
    connection: Connection, min_score: float = 0.0, limit: int | None = None
) -> list[dict[str, Any]]:
    """The records of the queued candidates scoring at least ``min_score``, highest
    score first."""
    return [
        candidate_record(found.candidate, found.documents)
        for found in candidate_rows(connection, QUEUED, min_score, limit)
    ]


def record_of(connection: Connection, candidate_id: int) -> dict[str, Any]:
    """The record of one candidate, whatever its status."""
    found = one_candidate_rows(connection, candidate_id)
    if found is None or not found.documents:
        raise no_such_candidate(candidate_id)
    return candidate_record(found.candidate, found.documents)
