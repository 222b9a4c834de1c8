"""Roles and actors (accounts/roles.py)."""

import pytest

from binational.accounts.roles import Actor, Role, parse_role
from binational.errors import UserError


@pytest.mark.parametrize(
    ("role", "needed", "allowed"),
    [
        (Role.VIEWER, Role.VIEWER, True),
        (Role.VIEWER, Role.EDITOR, False),
        (Role.VIEWER, Role.ADMIN, False),
        (Role.EDITOR, Role.VIEWER, True),
        (Role.EDITOR, Role.EDITOR, True),
        (Role.EDITOR, Role.ADMIN, False),
        (Role.ADMIN, Role.EDITOR, True),
        (Role.ADMIN, Role.ADMIN, True),
    ],
)
def test_role_ranks(role, needed, allowed):
    assert role.allows(needed) is allowed
    assert Actor(1, "a@b.org", role, "session").can(needed) is allowed


def test_anonymous_can_nothing():
    anonymous = Actor(None, None, None, None)
    assert anonymous.anonymous
    assert not any(anonymous.can(role) for role in Role)


@pytest.mark.parametrize(("text", "role"), [("admin", Role.ADMIN), (" Editor ", Role.EDITOR)])
def test_parse_role(text, role):
    assert parse_role(text) is role


def test_parse_role_refuses_unknown():
    with pytest.raises(UserError, match="'owner' is not a role"):
        parse_role("owner")
