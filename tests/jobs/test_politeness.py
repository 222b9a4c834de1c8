"""The database throttle: two of them (as in two worker processes) never let requests
to one host overlap, space them by the limit or a longer Crawl-delay after each
response, and leave other hosts alone."""

from __future__ import annotations

import asyncio
import time

import pytest

from binational.jobs.politeness import DatabaseThrottle

pytestmark = pytest.mark.postgres


async def _requests(throttle, host: str, count: int, spans: list, delay: float | None = None):
    for _ in range(count):
        async with throttle.slot(host, delay):
            start = time.monotonic()
            await asyncio.sleep(0.02)  # the request
            spans.append((host, start, time.monotonic()))


def _gaps(spans: list, host: str) -> list[float]:
    mine = sorted((start, end) for name, start, end in spans if name == host)
    return [later[0] - earlier[1] for earlier, later in zip(mine, mine[1:], strict=False)]


def test_two_throttles_share_each_hosts_turns(postgres_database):
    first = DatabaseThrottle(postgres_database.engine, requests_per_second=10, longest_request=5)
    second = DatabaseThrottle(postgres_database.engine, requests_per_second=10, longest_request=5)
    spans: list = []

    async def main() -> None:
        await asyncio.gather(
            _requests(first, "a.gov", 4, spans), _requests(second, "a.gov", 4, spans),
            _requests(first, "b.gov", 3, spans, delay=0.3),
            _requests(second, "b.gov", 3, spans, delay=0.3),
        )  # fmt: skip

    started = time.monotonic()
    asyncio.run(main())
    assert min(_gaps(spans, "a.gov")) >= 0.1 - 0.002  # a response, then the spacing
    assert min(_gaps(spans, "b.gov")) >= 0.3 - 0.002  # the longer Crawl-delay
    # b.gov's six requests take five delays; a.gov's go on meanwhile, not after them
    first_b = min(start for name, start, _ in spans if name == "b.gov")
    last_a = max(end for name, _, end in spans if name == "a.gov")
    assert last_a - started < 5 * 0.3 and first_b - started < 0.5
