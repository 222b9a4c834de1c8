"""``ingest/politeness.py``: per-host spacing and Retry-After."""

import time

from binational.ingest.politeness import HostThrottle, retry_after_seconds


async def test_throttle_is_per_host():
    throttle = HostThrottle(2.0)
    started = time.monotonic()
    for host in ("a", "b", "c"):
        await throttle.wait(host)
    assert time.monotonic() - started < 0.1
    await throttle.wait("a")
    assert time.monotonic() - started >= 0.45


def test_retry_after_reads_seconds_and_dates():
    import datetime as dt

    now = dt.datetime(2024, 1, 1, 12, tzinfo=dt.UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Mon, 01 Jan 2024 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
