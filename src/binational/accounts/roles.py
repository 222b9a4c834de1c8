"""Roles, and the ``Actor``: the person (or script) behind a request."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from binational.errors import UserError


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
