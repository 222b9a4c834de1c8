"""What the database remembers of each fetched URL between runs (``FetchState``).

For a source: the validators and body hash of its last good fetch, so an unchanged
source costs one conditional request. For a page that failed in a way a later run
may get past (a timeout, the deadline, a 5xx, a network error): how many times in a
row, and when it may be tried again, ``page_retry_backoff`` seconds after the first
failure, doubled after each further one, never more than a day. Each write is its
own transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from binational.ingest.fetch import FetchResult, Validators
from binational.store.fetch_states import fetch_state_for, find_fetch_state
from binational.store.models import utcnow

MAX_RETRY_DELAY = 86_400.0


def retry_delay(failures: int, backoff: float) -> float:
    """Seconds to wait after ``failures`` failures in a row (1 or more)."""
    return min(backoff * 2 ** max(failures - 1, 0), MAX_RETRY_DELAY)


@dataclass(frozen=True)
class KnownSource:
    validators: Validators | None = None
    content_sha256: str | None = None


def known_source(database, url: str) -> KnownSource:
    with database.sessions() as session:
        state = find_fetch_state(session, url)
        if state is None:
            return KnownSource()
        return KnownSource(Validators(state.etag, state.last_modified), state.content_sha256)


def save_source_state(
    database, url: str, result: FetchResult, error: str | None = None,
    keep_validators: bool = False,
) -> None:  # fmt: skip
    """Record a source's fetch; its validators and hash only when it was read whole
    (else the next run must read it again)."""
    with database.transaction() as session:
        state = fetch_state_for(session, url)
        state.last_status, state.last_error = result.status, error
        state.fetched_at = utcnow()
        if not keep_validators:
            state.etag, state.last_modified = (
                result.header("etag"),
                result.header("last-modified"),
            )
            state.content_sha256 = hashlib.sha256(result.body).hexdigest()


def page_retry_at(database, url: str) -> dt.datetime | None:
    """When a page that failed before may be tried again (None: now)."""
    with database.sessions() as session:
        state = find_fetch_state(session, url)
        return state.next_attempt_at if state is not None else None


def record_page_failure(
    database, url: str, result: FetchResult, backoff: float, now: dt.datetime | None = None
) -> dt.datetime:
    """Count one more failure of a page and set when it may be tried again."""
    now = now or utcnow()
    with database.transaction() as session:
        state = fetch_state_for(session, url)
        state.failures = (state.failures or 0) + 1
        state.last_status, state.last_error, state.fetched_at = result.status, result.error, now
        state.next_attempt_at = now + dt.timedelta(seconds=retry_delay(state.failures, backoff))
        return state.next_attempt_at


def clear_page_failures(database, url: str) -> None:
    """Forget a page's failures once it was fetched."""
    with database.transaction() as session:
        state = find_fetch_state(session, url)
        if state is not None and state.failures:
            state.failures, state.next_attempt_at, state.last_error = 0, None, None
