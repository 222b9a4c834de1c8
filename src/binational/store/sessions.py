"""Browser sessions in the database: the queries behind ``accounts.sessions``.

The lookup every signed-in request makes (the session's user) is built once with
bind parameters and run on the driver's cursor (``store/driver_reads.py``); its
parameters and columns are integers and text, which every driver passes as they are.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, delete, func, select
from sqlalchemy.orm import Session

from binational.store.account_models import SessionRecord, User
from binational.store.driver_reads import first_row


def add_session(session: Session, user_id: int, digest: str, expires_at: int) -> None:
    session.add(SessionRecord(user_id=user_id, token_hash=digest, expires_at=expires_at))
    session.flush()


def delete_session(session: Session, digest: str) -> int:
    """Delete the session with this token digest; how many rows went (0 or 1)."""
    return session.execute(
        delete(SessionRecord).where(SessionRecord.token_hash == digest)
    ).rowcount  # fmt: skip


def delete_user_sessions(session: Session, user_id: int) -> int:
    """Delete every session of a user; how many there were."""
    return session.execute(delete(SessionRecord).where(SessionRecord.user_id == user_id)).rowcount


def delete_all_sessions(session: Session) -> int:
    """End every session (after a restore: everyone signs in again)."""
    return session.execute(delete(SessionRecord)).rowcount


def delete_expired_sessions(session: Session, now: int) -> int:
    return session.execute(delete(SessionRecord).where(SessionRecord.expires_at <= now)).rowcount


def live_session_counts(session: Session, now: int) -> dict[int, int]:
    """Open sessions per user id (users without any are absent)."""
    rows = session.execute(
        select(SessionRecord.user_id, func.count(SessionRecord.id))
        .where(SessionRecord.expires_at > now)
        .group_by(SessionRecord.user_id)
    )
    return {user_id: count for user_id, count in rows}


_users = User.__table__
_sessions = SessionRecord.__table__
USER_BY_SESSION = (
    select(_users.c.id, _users.c.email, _users.c.role)
    .join(_sessions, _sessions.c.user_id == _users.c.id)
    .where(
        _sessions.c.token_hash == bindparam("digest"),
        _sessions.c.expires_at > bindparam("now"),
        _users.c.active.is_(True),
    )
)


def user_by_session(connection: Connection, digest: str, now: int) -> tuple[int, str, str] | None:
    """(id, email, role) of the active user whose unexpired session has this digest."""
    return first_row(connection, USER_BY_SESSION, digest=digest, now=now)
