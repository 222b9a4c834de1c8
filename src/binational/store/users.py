"""Users and API tokens in the database: the queries behind ``accounts.users``.

The lookup of a bearer token's user, made by every request of a script, is built
once with bind parameters and run on the driver's cursor (``store/driver_reads.py``),
not through an ORM session; the signed-in user's is ``store/sessions.py``.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, func, select
from sqlalchemy.orm import Session

from binational.errors import UserError
from binational.store.account_models import ApiToken, User
from binational.store.driver_reads import first_row


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise UserError(f"there is no user {user_id}")
    return user


def add_user(session: Session, email: str, password_hash: str, role: str) -> User:
    user = User(email=email, password_hash=password_hash, role=role, active=True)
    session.add(user)
    session.flush()
    return user


def add_token(session: Session, user: User, digest: str, label: str) -> ApiToken:
    token = ApiToken(user=user, token_hash=digest, label=label)
    session.add(token)
    session.flush()
    return token


def count_active(session: Session, role: str) -> int:
    return session.scalar(
        select(func.count(User.id)).where(User.role == role, User.active.is_(True))
    ) or 0  # fmt: skip


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.email)))


_users = User.__table__
_tokens = ApiToken.__table__
USER_BY_TOKEN = (
    select(_users.c.id, _users.c.email, _users.c.role)
    .join(_tokens, _tokens.c.user_id == _users.c.id)
    .where(
        _tokens.c.token_hash == bindparam("digest"),
        _tokens.c.revoked.is_(False),
        _users.c.active.is_(True),
    )
)


def user_by_token_digest(connection: Connection, digest: str) -> tuple[int, str, str] | None:
    """(id, email, role) of the active user whose unrevoked token has this digest."""
    return first_row(connection, USER_BY_TOKEN, digest=digest)
