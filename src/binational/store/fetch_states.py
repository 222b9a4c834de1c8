"""What the database remembers of each fetched URL (``FetchState`` rows)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from binational.store.ingest_models import FetchState


def find_fetch_state(session: Session, url: str) -> FetchState | None:
    return session.scalars(select(FetchState).where(FetchState.url == url)).one_or_none()


def fetch_state_for(session: Session, url: str) -> FetchState:
    """The URL's state, added (with no failures) when it has none yet."""
    state = find_fetch_state(session, url)
    if state is None:
        state = FetchState(url=url, failures=0)
        session.add(state)
    return state
