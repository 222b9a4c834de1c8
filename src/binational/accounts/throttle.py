"""Limits on sign-in attempts, per account and per client address.

A sliding window of failed attempts: after ``per_account`` failures for one email,
or ``per_address`` failures from one address, within ``window`` seconds, further
attempts are refused (even with the right password) until enough failures leave the
window. The failures are rows in the database (``store/sign_in_failures.py``), so
every server process sees the same count and ``binational users unlock EMAIL`` ends
an account's lockout at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from binational.store import sign_in_failures as stored

ACCOUNT, ADDRESS = "account", "address"
MAX_KEY = 254


def account_key(email: str) -> str:
    return email.strip().lower()[:MAX_KEY]


def wait_for(times: list[float], limit: int, window: float, now: float) -> float | None:
    """Seconds until fewer than ``limit`` of ``times`` are within the window ending
    now, or None if they already are (pure)."""
    if len(times) < limit:
        return None
    return max(0.0, times[-limit] + window - now)


@dataclass(frozen=True)
class LoginThrottle:
    per_account: int = 5
    per_address: int = 20
    window: float = 15 * 60
    clock: Callable[[], float] = field(default=time.time, compare=False)

    def _wait(self, session: Session, kind: str, key: str, limit: int) -> float | None:
        now = self.clock()
        times = stored.failure_times(session, kind, key, now - self.window)
        return wait_for(times, limit, self.window, now)

    def retry_after(self, session: Session, account: str, address: str) -> float | None:
        """Seconds until this account may try again from this address, or None."""
        waits = [
            wait
            for wait in (
                self._wait(session, ACCOUNT, account_key(account), self.per_account),
                self._wait(session, ADDRESS, address[:MAX_KEY], self.per_address),
            )
            if wait is not None
        ]
        return max(waits) if waits else None

    def failed(self, session: Session, account: str, address: str) -> None:
        """Count a failure against the account and the address (in the caller's
        transaction); failures older than the window are forgotten."""
        now = self.clock()
        stored.forget_failures_before(session, now - self.window)
        stored.add_failure(session, ACCOUNT, account_key(account), now)
        stored.add_failure(session, ADDRESS, address[:MAX_KEY], now)

    def succeeded(self, session: Session, account: str) -> None:
        stored.forget_failures(session, ACCOUNT, account_key(account))

    def unlock(self, session: Session, account: str) -> int:
        """Forget an account's failures (its lockout ends); how many there were."""
        return stored.forget_failures(session, ACCOUNT, account_key(account))
