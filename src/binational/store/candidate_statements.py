"""The statements of the candidate queue's reads (``candidate_reads.py``), in
SQLAlchemy Core, defined once with bind parameters and run by name
(``named_statements.py``)."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from binational.store.ingest_tables import candidates, documents

# Candidates with a status scoring at least a score, highest first (all, or a page).
BY_STATUS = (
    select(candidates)
    .where(candidates.c.status == bindparam("status"), candidates.c.score >= bindparam("score"))
    .order_by(candidates.c.score.desc(), candidates.c.id)
)
BY_STATUS_LIMITED = BY_STATUS.limit(bindparam("limit"))
ONE = select(candidates).where(candidates.c.id == bindparam("candidate_id"))
DOCUMENTS = (
    select(documents)
    .where(documents.c.candidate_id.in_(bindparam("ids", expanding=True)))
    .order_by(documents.c.id)
)
