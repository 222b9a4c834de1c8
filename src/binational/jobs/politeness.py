"""Politeness per host across every worker: each request to a host reserves the next
slot of that host's schedule in the database (``store/host_slots.py``) and waits for
it, so a host gets no more than its limit whatever the number of workers and
machines. A reserved slot is never given back (a killed worker's slot stays unused),
which errs on the polite side."""

from __future__ import annotations

import asyncio

from sqlalchemy import Engine

from binational.store.host_slots import reserve_host_slot


class DatabaseThrottle:
    """Spaces requests to each host by at least ``1 / requests_per_second`` (or the
    host's robots.txt Crawl-delay, if longer), counted over all workers."""

    def __init__(self, engine: Engine, requests_per_second: float) -> None:
        self.engine = engine
        self.interval = 1.0 / requests_per_second if requests_per_second > 0 else 0.0

    async def wait(self, host: str, min_interval: float | None = None) -> None:
        spacing = max(self.interval, min_interval or 0.0)
        if spacing <= 0:
            return
        wait = await asyncio.to_thread(reserve_host_slot, self.engine, host, spacing)
        if wait > 0:
            await asyncio.sleep(wait)
