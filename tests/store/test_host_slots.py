"""Turns per host in the database: one request to a host at a time across processes,
the next a spacing after the last one ended, a lapsed lease freed, and a lapsed turn
given back late taking nothing from its new holder."""

from __future__ import annotations

import threading
import time

import pytest

from binational.store.host_slots import give_back_host_turn, take_host_turn

pytestmark = pytest.mark.postgres


def test_one_turn_at_a_time_and_a_spacing_after_it(postgres_database):
    engine = postgres_database.engine
    token, wait = take_host_turn(engine, "a.gov", lease=30)
    assert token is not None and wait == 0
    other, wait = take_host_turn(engine, "a.gov", lease=30)
    assert other is None and 29 < wait <= 30  # held: free when the lease ends at the latest
    assert take_host_turn(engine, "b.gov", lease=30)[0] is not None  # another host is free
    give_back_host_turn(engine, "a.gov", token, spacing=0.3)
    other, wait = take_host_turn(engine, "a.gov", lease=30)
    assert other is None and 0.2 < wait <= 0.3
    time.sleep(wait)
    assert take_host_turn(engine, "a.gov", lease=30)[0] is not None


def test_a_lapsed_turn_given_back_late_changes_nothing(postgres_database):
    engine = postgres_database.engine
    lapsed, _ = take_host_turn(engine, "a.gov", lease=0.1)
    time.sleep(0.15)
    holder, _ = take_host_turn(engine, "a.gov", lease=30)
    assert holder is not None  # the lease of a killed worker's request ran out
    give_back_host_turn(engine, "a.gov", lapsed, spacing=0.0)  # the first process, late
    assert take_host_turn(engine, "a.gov", lease=30)[0] is None  # still the holder's


def test_turns_never_overlap_across_threads(postgres_database):
    engine = postgres_database.engine
    spans: list[tuple[float, float]] = []
    lock = threading.Lock()

    def requests() -> None:
        for _ in range(5):
            while (token := take_host_turn(engine, "a.gov", lease=30)[0]) is None:
                time.sleep(0.005)
            start = time.monotonic()
            time.sleep(0.01)  # the request
            end = time.monotonic()
            with lock:
                spans.append((start, end))
            give_back_host_turn(engine, "a.gov", token, spacing=0.02)

    threads = [threading.Thread(target=requests) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spans.sort()
    assert len(spans) == 20
    gaps = [later[0] - earlier[1] for earlier, later in zip(spans, spans[1:], strict=False)]
    assert min(gaps) >= 0.02 - 0.001  # no overlap, and a spacing between every two
