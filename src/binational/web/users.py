"""Users and API tokens in the database: the service the ``users`` CLI commands,
the sign-in form and the admin pages share."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, bindparam, func, select
from sqlalchemy.orm import Session

from binational.errors import UserError
from binational.store.driver_reads import first_row
from binational.store.web_models import ApiToken, User
from binational.web.auth import (
    Actor,
    Passwords,
    Role,
    new_api_token,
    parse_role,
    password_problem,
    token_digest,
)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(email: str) -> str:
    clean = email.strip().lower()
    if not EMAIL.match(clean) or len(clean) > 254:
        raise UserError(f"{email!r} is not an email address")
    return clean


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise UserError(f"there is no user {user_id}")
    return user


def create_user(
    session: Session, passwords: Passwords, email: str, role: str, password: str
) -> User:
    email = normalize_email(email)
    checked_role = parse_role(role)
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    if find_user(session, email) is not None:
        raise UserError(f"there is already a user {email}")
    user = User(
        email=email, password_hash=passwords.hash(password), role=checked_role.value,
        active=True, session_version=1,
    )  # fmt: skip
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, passwords: Passwords, user: User, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    user.password_hash = passwords.hash(password)
    user.session_version += 1


class WrongPassword(UserError):
    """The password given to confirm a change is not the account's."""


def change_own_password(
    session: Session, passwords: Passwords, user: User, current: str, new: str, repeated: str
) -> None:
    """A user changes their password: the current one must be right and the new one
    typed twice. Other open sessions of the account end (``set_password``)."""
    if not passwords.verify(user.password_hash, current):
        raise WrongPassword("the current password is wrong")
    if new != repeated:
        raise UserError("the two new passwords differ")
    set_password(session, passwords, user, new)


def set_role(session: Session, user: User, role: str) -> None:
    user.role = parse_role(role).value
    user.session_version += 1


def set_active(session: Session, user: User, active: bool) -> None:
    if user.active != active:
        user.active = active
        user.session_version += 1
        if not active:
            for token in user.tokens:
                token.revoked = True


def admin_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count(User.id)).where(User.role == Role.ADMIN.value, User.active.is_(True))
        )
        or 0
    )


def authenticate(session: Session, passwords: Passwords, email: str, password: str) -> User | None:
    """The active user with this email and password, else None (in the same time)."""
    user = find_user(session, email)
    if user is None or not user.active:
        passwords.burn(password)
        return None
    if not passwords.verify(user.password_hash, password):
        return None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash(password)
    return user


def issue_token(session: Session, user: User, label: str = "") -> str:
    """A new API token for ``user``; returned once, stored only as its digest."""
    if not user.active:
        raise UserError(f"{user.email} is deactivated; activate the account first")
    token = new_api_token()
    session.add(ApiToken(user=user, token_hash=token_digest(token), label=label[:100]))
    session.flush()
    return token


# The two lookups behind every request, built once with bind parameters and run on the
# driver's cursor (store/driver_reads.py), not through an ORM session.
_users = User.__table__
_tokens = ApiToken.__table__
ACTOR_BY_TOKEN = (
    select(_users.c.id, _users.c.email, _users.c.role)
    .join(_tokens, _tokens.c.user_id == _users.c.id)
    .where(
        _tokens.c.token_hash == bindparam("digest"),
        _tokens.c.revoked.is_(False),
        _users.c.active.is_(True),
    )
)
ACTOR_BY_SESSION = select(_users.c.email, _users.c.role).where(
    _users.c.id == bindparam("user_id"),
    _users.c.active.is_(True),
    _users.c.session_version == bindparam("version"),
)


def actor_for_token(connection: Connection, token: str) -> Actor | None:
    row = first_row(connection, ACTOR_BY_TOKEN, digest=token_digest(token))
    return Actor(row[0], row[1], Role(row[2]), "token") if row else None


def actor_for_session(connection: Connection, user_id: int, version: int) -> Actor | None:
    """The user behind a session cookie, if the account is active and the cookie's
    version is current (a new password or role ends older sessions)."""
    row = first_row(connection, ACTOR_BY_SESSION, user_id=user_id, version=version)
    return Actor(user_id, row[0], Role(row[1]), "session") if row else None


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.email)))


def user_record(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "role": user.role,
        "active": user.active,
        "created_at": user.created_at.isoformat(timespec="seconds"),
        "tokens": sum(1 for token in user.tokens if not token.revoked),
    }
