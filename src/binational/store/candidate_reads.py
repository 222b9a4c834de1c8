"""Candidates of the queue read as plain rows, for listing and showing them.

The statements are defined in ``candidate_statements.py`` and run by name
(``named_statements.py``), so the command line's listing of the queue needs no ORM
(and, on a ``CachedReader``, no SQLAlchemy); accepting or rejecting a candidate goes
through the ORM (``candidates.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from binational.store.named_statements import NamedStatement, rows

if TYPE_CHECKING:
    from binational.store.cached_reader import Readable

# Documents are read for this many candidates at a time, so that a long queue never
# sends more bound values than the database takes in one statement.
CHUNK = 500

_MODULE = "binational.store.candidate_statements"
_BY_STATUS = NamedStatement(_MODULE, "BY_STATUS")
_BY_STATUS_LIMITED = NamedStatement(_MODULE, "BY_STATUS_LIMITED")
_ONE = NamedStatement(_MODULE, "ONE")
_DOCUMENTS = NamedStatement(_MODULE, "DOCUMENTS")


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
    connection: Readable, status: str, min_score: float = 0.0, limit: int | None = None
) -> list[CandidateRows]:
    """Candidates with ``status`` scoring at least ``min_score``, highest first, with
    their documents."""
    params = {"status": status, "score": min_score}
    if limit is None:
        return _with_documents(connection, rows(connection, _BY_STATUS, params))
    found = rows(connection, _BY_STATUS_LIMITED, {**params, "limit": limit})
    return _with_documents(connection, found)


def one_candidate_rows(connection: Readable, candidate_id: int) -> CandidateRows | None:
    """The candidate with its documents, or None if there is no such candidate."""
    found = _with_documents(connection, rows(connection, _ONE, {"candidate_id": candidate_id}))
    return found[0] if found else None


def _with_documents(connection: Readable, found: Sequence[Any]) -> list[CandidateRows]:
    members: dict[int, list[Any]] = {row.id: [] for row in found}
    ids = list(members)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for document in rows(connection, _DOCUMENTS, {"ids": chunk}):
            members[document.candidate_id].append(document)
    return [CandidateRows(row, tuple(members[row.id])) for row in found]
