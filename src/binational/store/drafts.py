"""Kept drafts in the database: keeping one (with its ``draft`` revision) and reading
an event's latest draft, or one by id, as a plain record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from binational.errors import UserError
from binational.store.draft_models import EventDraft
from binational.store.models import Event
from binational.store.revisions import record_revision

DRAFT_ACTION = "draft"

_drafts = EventDraft.__table__
LATEST = (
    select(_drafts)
    .where(_drafts.c.event_id == bindparam("event_id"))
    .order_by(_drafts.c.id.desc())
    .limit(1)
)
ONE = select(_drafts).where(
    _drafts.c.id == bindparam("draft_id"), _drafts.c.event_id == bindparam("event_id")
)


@dataclass(frozen=True)
class StoredDraft:
    """A kept draft: ``draft`` is its JSON record, ``sources`` the texts it points into."""

    id: int
    event_id: int
    created_at: dt.datetime
    author: str
    method: str
    draft: dict[str, Any]
    sources: tuple[dict[str, Any], ...]


def save_draft(
    session: Session,
    event_id: int,
    method: str,
    draft: Mapping[str, Any],
    sources: Sequence[Mapping[str, Any]],
    author: str,
) -> int:
    """Keep ``draft`` as the event's latest and record a ``draft`` revision by
    ``author`` with the method, the draft's id and how many warnings it has; returns
    the draft's id."""
    event = session.get(Event, event_id)
    if event is None:
        raise UserError(f"there is no event {event_id}")
    row = EventDraft(
        event_id=event_id, author=author, method=method, draft=dict(draft),
        sources=[dict(source) for source in sources],
    )  # fmt: skip
    session.add(row)
    session.flush()
    warnings = len(draft.get("warnings") or ())
    record_revision(session, event, author, DRAFT_ACTION, {},
                    {"method": method, "draft": row.id, "warnings": warnings})  # fmt: skip
    return row.id


def latest_draft(connection: Connection, event_id: int) -> StoredDraft | None:
    """The event's most recent draft, or None."""
    row = connection.execute(LATEST, {"event_id": event_id}).first()
    return _stored(row) if row is not None else None


def find_draft(connection: Connection, event_id: int, draft_id: int) -> StoredDraft | None:
    """Draft ``draft_id`` if it is one of event ``event_id``'s, else None."""
    row = connection.execute(ONE, {"event_id": event_id, "draft_id": draft_id}).first()
    return _stored(row) if row is not None else None


def _stored(row: Any) -> StoredDraft:
    return StoredDraft(
        row.id, row.event_id, row.created_at, row.author, row.method, dict(row.draft),
        tuple(dict(source) for source in row.sources or ()),
    )  # fmt: skip
