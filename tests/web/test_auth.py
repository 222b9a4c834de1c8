"""Roles, password hashing and bearer tokens (web/auth.py)."""

import pytest
from tests.web.conftest import fast_passwords

from binational.errors import UserError
from binational.web.auth import (
    Actor,
    Role,
    bearer_token,
    new_api_token,
    parse_role,
    password_problem,
    token_digest,
)


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


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short", "at least 10 characters"),
        (" padded password ", "cannot start or end with spaces"),
        ("long enough password", None),
    ],
)
def test_password_rules(password, problem):
    found = password_problem(password)
    assert (found is None) if problem is None else (problem in found)


def test_argon2_hash_verifies_only_the_right_password():
    passwords = fast_passwords()
    stored = passwords.hash("correct horse battery")
    assert stored.startswith("$argon2id$")
    assert passwords.verify(stored, "correct horse battery")
    assert not passwords.verify(stored, "correct horse batterY")
    assert not passwords.verify("not a hash", "correct horse battery")


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer abc", "abc"),
        ("bearer  abc ", "abc"),
        ("Basic abc", None),
        ("Bearer", None),
        ("", None),
        (None, None),
    ],
)
def test_bearer_token(header, token):
    assert bearer_token(header) == token


def test_tokens_are_random_and_stored_as_digests():
    first, second = new_api_token(), new_api_token()
    assert first != second and first.startswith("bn_") and len(first) > 40
    assert len(token_digest(first)) == 64 and token_digest(first) != token_digest(second)
