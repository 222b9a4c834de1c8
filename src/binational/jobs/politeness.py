"""Politeness per host across every worker, through the database
(``store/host_slots.py``): a request to a host takes the host's turn, and the next
may start a spacing (``1 / requests_per_second`` or the host's robots.txt
Crawl-delay, if longer) after its response is in, whichever process sends it. So a
host gets no more than its limit whatever the number of workers and machines."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import Engine

from binational.store.host_slots import give_back_host_turn, take_host_turn

# Seconds between looks at a host whose turn another process holds (its response
# may come in any moment); a host in its spacing is looked at when the spacing ends.
LOOK_AGAIN = 0.1


class DatabaseThrottle:
    def __init__(self, engine: Engine, requests_per_second: float, longest_request: float):
        """``longest_request``: seconds a request may take (the fetcher's deadline),
        after which a turn not given back (a killed worker's) lapses."""
        self.engine = engine
        self.interval = 1.0 / requests_per_second if requests_per_second > 0 else 0.0
        self.lease = longest_request + 5.0

    @asynccontextmanager
    async def slot(self, host: str, min_interval: float | None = None) -> AsyncIterator[None]:
        spacing = max(self.interval, min_interval or 0.0)
        while True:
            token, remaining = await asyncio.to_thread(
                take_host_turn, self.engine, host, self.lease
            )
            if token is not None:
                break
            await asyncio.sleep(min(max(remaining, 0.005), LOOK_AGAIN))
        try:
            yield
        finally:
            await asyncio.to_thread(give_back_host_turn, self.engine, host, token, spacing)
