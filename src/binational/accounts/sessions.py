"""Browser sessions kept on the server: signing in starts one, signing out ends it,
and a new password, a deactivation, a new role or an admin's "sign out everywhere"
ends every session of the account at once.

The browser's cookie carries a random 256-bit token; the database keeps only its
SHA-256 (as for API tokens: a fast hash is enough for a secret that long, and every
request finds its session with one index lookup).
"""

from __future__ import annotations

import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from binational.accounts.passwords import Passwords
from binational.accounts.roles import Actor, Role
from binational.accounts.throttle import LoginThrottle
from binational.accounts.tokens import token_digest
from binational.store import sessions as stored
from binational.store.account_models import User
from binational.store.database import Database
from binational.store.users import find_user, get_user


def start_session(session: Session, user: User, hours: int, now: float) -> str:
    """A new session for ``user`` lasting ``hours``; returns the cookie's token.
    Sessions that have run out are deleted on the way."""
    token = secrets.token_urlsafe(32)
    stored.delete_expired_sessions(session, int(now))
    stored.add_session(session, user.id, token_digest(token), math.floor(now + hours * 3600))
    return token


def end_session(session: Session, token: str) -> bool:
    """End the session with this token; False if there was none."""
    return stored.delete_session(session, token_digest(token)) > 0


def end_user_sessions(session: Session, user: User) -> int:
    """End every session of ``user`` (sign out everywhere); how many there were."""
    return stored.delete_user_sessions(session, user.id)


def actor_for_session(connection: Connection, token: str, now: float) -> Actor | None:
    """The user behind a session token, if the session is open and the account active."""
    row = stored.user_by_session(connection, token_digest(token), int(now))
    return Actor(row[0], row[1], Role(row[2]), "session") if row else None


def open_session_counts(session: Session, now: float) -> dict[int, int]:
    return stored.live_session_counts(session, int(now))


@dataclass(frozen=True)
class SignIn:
    """What became of a sign-in: a session token, or a wait imposed by the limit, or
    neither (wrong email or password)."""

    token: str | None = None
    retry_after: float | None = None


def sign_in(
    database: Database,
    passwords: Passwords,
    throttle: LoginThrottle,
    email: str,
    password: str,
    address: str,
    hours: int,
    clock: Callable[[], float] = time.time,
) -> SignIn:
    """Check the limit, then the password (argon2, outside any write transaction so
    that it never holds SQLite's write lock), then record the outcome: a failure, or
    a new session with the account's failures forgotten."""
    with database.sessions() as session:
        wait = throttle.retry_after(session, email, address)
        if wait is not None:
            return SignIn(retry_after=wait)
        user = find_user(session, email)
        known = user is not None and user.active
        right = known and passwords.verify(user.password_hash, password)
        if not known:
            passwords.burn(password)  # an unknown email answers as slowly as a wrong password
    with database.transaction() as session:
        if not right:
            throttle.failed(session, email, address)
            return SignIn()
        user = get_user(session, user.id)
        if passwords.needs_rehash(user.password_hash):
            user.password_hash = passwords.hash(password)
        throttle.succeeded(session, email)
        return SignIn(token=start_session(session, user, hours, clock()))
