"""Candidates of the queue read as plain rows, for listing and showing them.

Written on the Core tables (``ingest_tables.py``), so the command line's listing of
the queue needs no ORM; accepting or rejecting a candidate goes through the ORM
(``candidates.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select

from binational.store.ingest_tables import candidates, documents

# Documents are read for this many candidates at a time, so that a long queue never
# sends more bound values than the database takes in one statement.
CHUNK = 500

_BY_STATUS = (
    select(candidates)
    .where(candidates.c.status == bindparam("status"), candidates.c.score >= bindparam("score"))
    .order_by(candidates.c.score.desc(), candidates.c.id)
)
_ONE = select(candidates).where(candidates.c.id == bindparam("candidate_id"))
_DOCUMENTS = (
    select(documents)
    .where(documents.c.candidate_id.in_(bindparam("ids", expanding=True)))
    .order_by(documents.c.id)
)


@dataclass(frozen=True)
class CandidateRows:
    """A candidate's row and its documents' rows, in id order."""

    candidate: Any
    documents: tuple[Any, ...]


def representative_of(representative_id: int | None, members: Sequence[Any]) -> Any | None:
    """The member that stands for the candidate: the one it names, else the first."""
    for member in members:
        if member.id == representative_id:
            return member
    return members[0] if members else None


def candidate_rows(
    connection: Connection, status: str, min_score: float = 0.0, limit: int | None = None
) -> list[CandidateRows]:
    """Candidates with ``status`` scoring at least ``min_score``, highest first, with
    their documents."""
    statement = _BY_STATUS if limit is None else _BY_STATUS.limit(limit)
    rows = connection.execute(statement, {"status": status, "score": min_score}).all()
    return _with_documents(connection, rows)


def one_candidate_rows(connection: Connection, candidate_id: int) -> CandidateRows | None:
    """The candidate with its documents, or None if there is no such candidate."""
    rows = connection.execute(_ONE, {"candidate_id": candidate_id}).all()
    found = _with_documents(connection, rows)
    return found[0] if found else None


def _with_documents(connection: Connection, rows: Sequence[Any]) -> list[CandidateRows]:
    members: dict[int, list[Any]] = {row.id: [] for row in rows}
    ids = list(members)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for document in connection.execute(_DOCUMENTS, {"ids": chunk}):
            members[document.candidate_id].append(document)
    return [CandidateRows(row, tuple(members[row.id])) for row in rows]
