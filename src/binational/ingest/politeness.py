"""Politeness in time: the spacing of requests to one host, and the wait a server
asks for with ``Retry-After``."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds asked by a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class Throttle(Protocol):
    def slot(self, host: str, min_interval: float | None = None) -> AbstractAsyncContextManager:
        """Entered when a request to ``host`` may start; left when its response is in."""


class HostThrottle:
    """Spaces requests to each host by at least ``1 / requests_per_second``."""

    def __init__(self, requests_per_second: float, clock: Callable[[], float] = time.monotonic):
        self.interval = 1.0 / requests_per_second if requests_per_second > 0 else 0.0
        self._clock = clock
        self._next: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, host: str, min_interval: float | None = None) -> None:
        interval = max(self.interval, min_interval or 0.0)
        async with self._locks.setdefault(host, asyncio.Lock()):
            now = self._clock()
            ready = self._next.get(host, now)
            if ready > now:
                await asyncio.sleep(ready - now)
                now = ready
            self._next[host] = now + interval

    @asynccontextmanager
    async def slot(self, host: str, min_interval: float | None = None) -> AsyncIterator[None]:
        """The request's turn: spaced from the start of the one before (this process's
        requests only; the job queue's workers share ``jobs.politeness``)."""
        await self.wait(host, min_interval)
        yield
