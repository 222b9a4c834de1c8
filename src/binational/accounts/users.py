"""Users and API tokens: the service the ``users`` CLI commands, the sign-in form and
the admin pages share. Every rule lives here; the queries are ``store/users.py``."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from binational.accounts.passwords import Passwords, password_problem
from binational.accounts.roles import Actor, Role, parse_role
from binational.accounts.sessions import end_user_sessions
from binational.accounts.tokens import new_api_token, token_digest
from binational.errors import UserError
from binational.store import users as stored
from binational.store.account_models import User
from binational.store.users import find_user, get_user, list_users

__all__ = [
    "WrongPassword", "actor_for_token", "admin_count", "authenticate", "change_own_password",
    "create_user", "find_user", "get_user", "issue_token", "list_users", "normalize_email",
    "set_active", "set_password", "set_role", "user_record",
]  # fmt: skip

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(email: str) -> str:
    clean = email.strip().lower()
    if not EMAIL.match(clean) or len(clean) > 254:
        raise UserError(f"{email!r} is not an email address")
    return clean


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
    return stored.add_user(session, email, passwords.hash(password), checked_role.value)


def set_password(session: Session, passwords: Passwords, user: User, password: str) -> None:
    """A new password; every open session of the account ends."""
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
    user.password_hash = passwords.hash(password)
    end_user_sessions(session, user)


class WrongPassword(UserError):
    """The password given to confirm a change is not the account's."""


def change_own_password(
    session: Session, passwords: Passwords, user: User, current: str, new: str, repeated: str
) -> None:
    """A user changes their password: the current one must be right and the new one
    typed twice. Every open session of the account ends (``set_password``); the
    caller starts a new one for the browser that made the change."""
    if not passwords.verify(user.password_hash, current):
        raise WrongPassword("the current password is wrong")
    if new != repeated:
        raise UserError("the two new passwords differ")
    set_password(session, passwords, user, new)


def set_role(session: Session, user: User, role: str) -> None:
    """A new role; the account's open sessions end, so that it signs in again."""
    user.role = parse_role(role).value
    end_user_sessions(session, user)


def set_active(session: Session, user: User, active: bool) -> None:
    """Activate or deactivate; a deactivated account's sessions end and its API
    tokens are revoked."""
    if user.active != active:
        user.active = active
        if not active:
            end_user_sessions(session, user)
            for token in user.tokens:
                token.revoked = True


def admin_count(session: Session) -> int:
    return stored.count_active(session, Role.ADMIN.value)


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
    stored.add_token(session, user, token_digest(token), label[:100])
    return token


def actor_for_token(connection: Connection, token: str) -> Actor | None:
    row = stored.user_by_token_digest(connection, token_digest(token))
    return Actor(row[0], row[1], Role(row[2]), "token") if row else None


def user_record(user: User, sessions: int | None = None) -> dict[str, Any]:
    """A user as the API and the CLI show it; ``sessions`` the open sessions, when
    counted (``accounts.sessions.open_session_counts``)."""
    record = {
        "id": user.id,
        "email": user.email,
        "role": user.role,
        "active": user.active,
        "created_at": user.created_at.isoformat(timespec="seconds"),
        "tokens": sum(1 for token in user.tokens if not token.revoked),
    }
    if sessions is not None:
        record["sessions"] = sessions
    return record
