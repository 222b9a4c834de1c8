"""The citations' read statements, run by name (``named_statements.py``)."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from binational.store.citation_models import Citation

_citations = Citation.__table__

# The last re-check of each of a list of URLs that was checked.
CHECKS_OF_URLS = select(
    _citations.c.url, _citations.c.check_state, _citations.c.check_status,
    _citations.c.final_url, _citations.c.check_note, _citations.c.checked_at,
).where(
    _citations.c.url.in_(bindparam("urls", expanding=True)), _citations.c.checked_at.is_not(None)
)  # fmt: skip
