"""Sign-in throttling (accounts/throttle.py): the window's arithmetic, and the limit
kept in the database (SQLite and PostgreSQL) with a fake clock."""

import pytest

from binational.accounts.throttle import LoginThrottle, wait_for


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("times", "limit", "now", "expected"),
    [
        ([], 3, 1000.0, None),
        ([1000.0, 1010.0], 3, 1020.0, None),  # under the limit
        ([1000.0, 1010.0, 1030.0], 3, 1050.0, 10.0),  # until 1000 leaves the 60 s window
        ([1000.0, 1010.0, 1030.0, 1040.0], 3, 1050.0, 20.0),  # until 1010 leaves it
        ([1000.0], 1, 1070.0, 0.0),  # never negative
    ],
)
def test_wait_for(times, limit, now, expected):
    assert wait_for(times, limit, 60.0, now) == expected


def test_throttle_per_account_and_per_address(database):
    clock = Clock()
    throttle = LoginThrottle(per_account=2, per_address=3, window=60, clock=clock)
    with database.transaction() as session:
        throttle.failed(session, "Ana@x.org", "1.1.1.1")
        clock.now += 10
        throttle.failed(session, "ana@x.org", "2.2.2.2")
    with database.sessions() as session:
        assert throttle.retry_after(session, "ana@x.org", "3.3.3.3") == 50.0  # the account
        assert throttle.retry_after(session, "bob@x.org", "1.1.1.1") is None
    with database.transaction() as session:
        throttle.failed(session, "bob@x.org", "1.1.1.1")
        throttle.failed(session, "eve@x.org", "1.1.1.1")
    with database.sessions() as session:
        assert throttle.retry_after(session, "zed@x.org", "1.1.1.1") is not None  # the address
    with database.transaction() as session:
        throttle.succeeded(session, "ana@x.org")
    with database.sessions() as session:
        assert throttle.retry_after(session, "ana@x.org", "3.3.3.3") is None
    clock.now += 61
    with database.sessions() as session:
        assert throttle.retry_after(session, "zed@x.org", "1.1.1.1") is None  # the window moved


def test_unlock_ends_an_accounts_lockout_and_says_how_many_failures_went(database):
    throttle = LoginThrottle(per_account=2, window=60, clock=Clock())
    with database.transaction() as session:
        for _ in range(3):
            throttle.failed(session, "admin@x.org", "9.9.9.9")
    with database.transaction() as session:
        assert throttle.retry_after(session, "admin@x.org", "8.8.8.8") is not None
        assert throttle.unlock(session, " Admin@X.org ") == 3
    with database.sessions() as session:
        assert throttle.retry_after(session, "admin@x.org", "8.8.8.8") is None


def test_old_failures_are_forgotten_when_new_ones_come(database):
    from sqlalchemy import func, select

    from binational.store.account_models import SignInFailure

    clock = Clock()
    throttle = LoginThrottle(window=60, clock=clock)
    with database.transaction() as session:
        throttle.failed(session, "a@x.org", "1.1.1.1")
        clock.now += 120
        throttle.failed(session, "b@x.org", "1.1.1.1")
    with database.sessions() as session:
        assert session.scalar(select(func.count(SignInFailure.id))) == 2  # b's two rows only
