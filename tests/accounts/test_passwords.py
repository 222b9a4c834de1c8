"""Password rules and argon2 hashing (accounts/passwords.py)."""

import pytest
from tests.web.conftest import fast_passwords

from binational.accounts.passwords import password_problem


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
