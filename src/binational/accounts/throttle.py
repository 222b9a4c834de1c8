"""Limits on sign-in attempts, per account and per client address.

A sliding window of failed attempts: after ``per_account`` failures for one email,
or ``per_ip`` failures from one address, within ``window`` seconds, further attempts
are refused (even with the right password) until the oldest failure leaves the
window. The state is in memory, per server process.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable


class SlidingWindow:
    """Timestamps of recent events per key, with a bound on how many keys it keeps."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float], max_keys: int = 10_000
    ) -> None:
        self.limit, self.window, self.clock, self.max_keys = limit, window, clock, max_keys
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, key: str) -> deque[float]:
        events = self._events.get(key)
        if events is None:
            return deque()
        horizon = self.clock() - self.window
        while events and events[0] <= horizon:
            events.popleft()
        if not events:
            del self._events[key]
        return events

    def retry_after(self, key: str) -> float | None:
        """Seconds until ``key`` may try again, or None if it may now."""
        events = self._recent(key)
        if len(events) < self.limit:
            return None
        return max(0.0, events[0] + self.window - self.clock())

    def add(self, key: str) -> None:
        events = self._events.setdefault(key, deque())
        events.append(self.clock())
        self._events.move_to_end(key)
        while len(self._events) > self.max_keys:
            self._events.popitem(last=False)

    def clear(self, key: str) -> None:
        self._events.pop(key, None)


class LoginThrottle:
    def __init__(
        self,
        per_account: int = 5,
        per_ip: int = 20,
        window: float = 15 * 60,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.accounts = SlidingWindow(per_account, window, clock)
        self.addresses = SlidingWindow(per_ip, window, clock)

    def retry_after(self, account: str, address: str) -> float | None:
        waits = [
            wait
            for wait in (
                self.accounts.retry_after(account.strip().lower()),
                self.addresses.retry_after(address),
            )
            if wait is not None
        ]
        return max(waits) if waits else None

    def failed(self, account: str, address: str) -> None:
        self.accounts.add(account.strip().lower())
        self.addresses.add(address)

    def succeeded(self, account: str) -> None:
        self.accounts.clear(account.strip().lower())
