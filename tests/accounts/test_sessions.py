"""Sessions kept on the server (accounts/sessions.py), on SQLite and PostgreSQL:
signing in through the limit, ending one session or all of a user's, and what a
token is worth once its session ended or ran out."""

import time

import pytest
from argon2 import PasswordHasher

from binational.accounts.passwords import Passwords
from binational.accounts.sessions import (
    actor_for_session,
    end_session,
    end_user_sessions,
    open_session_counts,
    sign_in,
    start_session,
)
from binational.accounts.throttle import LoginThrottle
from binational.accounts.users import create_user, find_user, set_active

PASSWORD = "a long password"


@pytest.fixture
def passwords() -> Passwords:
    return Passwords(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def ana(database, passwords) -> int:
    with database.transaction() as session:
        return create_user(session, passwords, "ana@example.org", "editor", PASSWORD).id


def who(database, token):
    with database.connect() as connection:
        return actor_for_session(connection, token, time.time())


def test_sign_in_gives_a_token_and_a_wrong_password_counts_against_the_limit(
    database, passwords, ana
):
    throttle = LoginThrottle(per_account=2)
    wrong = sign_in(database, passwords, throttle, "ana@example.org", "nope", "1.2.3.4", 12)
    assert wrong.token is None and wrong.retry_after is None
    right = sign_in(database, passwords, throttle, "Ana@Example.org", PASSWORD, "1.2.3.4", 12)
    actor = who(database, right.token)
    assert actor.user_id == ana and actor.role == "editor" and actor.via == "session"
    for _ in range(2):
        sign_in(database, passwords, throttle, "ana@example.org", "nope", "1.2.3.4", 12)
    locked = sign_in(database, passwords, throttle, "ana@example.org", PASSWORD, "5.6.7.8", 12)
    assert locked.token is None and locked.retry_after > 0
    unknown = sign_in(database, passwords, throttle, "nobody@example.org", "x", "9.9.9.9", 12)
    assert unknown.token is None and unknown.retry_after is None


def test_ending_one_session_leaves_the_others(database, ana):
    with database.transaction() as session:
        user = find_user(session, "ana@example.org")
        laptop, phone = (start_session(session, user, 12, time.time()) for _ in range(2))
    with database.transaction() as session:
        assert end_session(session, laptop) and not end_session(session, laptop)
    assert who(database, laptop) is None and who(database, phone) is not None
    with database.sessions() as session:
        assert open_session_counts(session, time.time()) == {ana: 1}


def test_sign_out_everywhere_and_deactivation_end_every_session(database, ana):
    with database.transaction() as session:
        user = find_user(session, "ana@example.org")
        tokens = [start_session(session, user, 12, time.time()) for _ in range(3)]
    with database.transaction() as session:
        assert end_user_sessions(session, find_user(session, "ana@example.org")) == 3
    assert all(who(database, token) is None for token in tokens)
    with database.transaction() as session:
        token = start_session(session, find_user(session, "ana@example.org"), 12, time.time())
    with database.transaction() as session:
        set_active(session, find_user(session, "ana@example.org"), False)
    assert who(database, token) is None


def test_a_session_runs_out_after_its_hours(database, ana):
    with database.transaction() as session:
        user = find_user(session, "ana@example.org")
        token = start_session(session, user, 1, time.time() - 3601)  # began over an hour ago
    assert who(database, token) is None
    with database.transaction() as session:  # the next sign-in clears it away
        start_session(session, find_user(session, "ana@example.org"), 1, time.time())
    with database.sessions() as session:
        assert open_session_counts(session, time.time()) == {ana: 1}
