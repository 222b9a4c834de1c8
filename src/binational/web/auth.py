"""Who is asking, and what they may do: roles, argon2 password hashes, API tokens,
and the ``Actor`` every route is handed.

Pure helpers (hashing, role ranks, bearer parsing) plus the small FastAPI
dependencies that resolve the actor from the signed session or a bearer token and
refuse what the actor's role does not allow.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Role(StrEnum):
    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return ROLE_RANKS[self]

    def allows(self, needed: Role) -> bool:
        """An admin may do what an editor may, an editor what a viewer may."""
        return self.rank >= needed.rank


ROLE_RANKS = {Role.VIEWER: 1, Role.EDITOR: 2, Role.ADMIN: 3}


def parse_role(text: str) -> Role:
    from binational.errors import UserError

    try:
        return Role(text.strip().lower())
    except ValueError:
        raise UserError(f"{text!r} is not a role; use viewer, editor or admin") from None


@dataclass(frozen=True)
class Actor:
    """The person (or script) behind a request; ``None`` user id for an anonymous
    visitor. ``via`` says how they proved it: 'session', 'token' or None."""

    user_id: int | None
    email: str | None
    role: Role | None
    via: str | None

    @property
    def anonymous(self) -> bool:
        return self.user_id is None

    def can(self, needed: Role) -> bool:
        return self.role is not None and self.role.allows(needed)


ANONYMOUS = Actor(None, None, None, None)


class Passwords:
    """argon2id hashing with the library's current recommended parameters."""

    MIN_LENGTH = 10

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        return self._hasher.check_needs_rehash(password_hash)

    def burn(self, password: str) -> None:
        """Spend the time a verification would, so that an unknown email answers as
        slowly as a wrong password."""
        self._hasher.hash(password)


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None."""
    if len(password) < Passwords.MIN_LENGTH:
        return f"a password needs at least {Passwords.MIN_LENGTH} characters"
    if password.strip() != password:
        return "a password cannot start or end with spaces"
    return None


TOKEN_PREFIX = "bn_"


def new_api_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer …`` header, else None."""
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()
