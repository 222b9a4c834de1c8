"""The workers' sources table: synchronized from the declared sources by name, and
claimed when due by one claimer only."""

from __future__ import annotations

import threading

import pytest

from binational.store.ingest_sources import (
    claim_due_sources,
    make_all_due,
    record_poll,
    source_rows,
    sync_sources,
)


def _declared(name: str, url: str | None = None, interval: float | None = None) -> dict:
    return {"name": name, "url": url or f"https://{name}.gov/feed", "kind": "rss",
            "language": "en", "country": "US", "agency": "", "selector": "",
            "official": None, "interval": interval}  # fmt: skip


def test_sync_adds_changes_and_removes_by_name(database):
    engine = database.engine
    counts = sync_sources(engine, [_declared("a"), _declared("b")])
    assert (counts.added, counts.changed, counts.removed) == (2, 0, 0)
    assert claim_due_sources(engine, 600)  # both due now, moved on
    record_poll(engine, source_rows(engine)[0]["id"], "failed", "HTTP 500")
    counts = sync_sources(engine, [_declared("a", interval=60), _declared("c")])
    assert (counts.added, counts.changed, counts.removed) == (1, 1, 1)
    rows = {row["name"]: row for row in source_rows(engine)}
    assert set(rows) == {"a", "c"}
    assert rows["a"]["interval"] == 60 and rows["a"]["next_poll_at"] is not None  # state kept
    assert rows["a"]["last_error"] == "HTTP 500" and rows["a"]["failures"] == 1
    assert sync_sources(engine, [_declared("a", interval=60), _declared("c")]).changed == 0


def test_a_changed_url_is_due_at_once(database):
    engine = database.engine
    sync_sources(engine, [_declared("a")])
    claim_due_sources(engine, 600)
    assert claim_due_sources(engine, 600) == []
    sync_sources(engine, [_declared("a", url="https://a.gov/other")])
    assert [row["url"] for row in claim_due_sources(engine, 600)] == ["https://a.gov/other"]


def test_due_sources_wait_their_own_interval(database):
    engine = database.engine
    sync_sources(engine, [_declared("a", interval=3600), _declared("b")])
    claimed = claim_due_sources(engine, default_interval=0.0)
    assert {row["name"] for row in claimed} == {"a", "b"}
    # b's interval is the default (0 s): due again at once; a waits an hour
    assert [row["name"] for row in claim_due_sources(engine, default_interval=0.0)] == ["b"]
    assert make_all_due(engine) == 2
    assert len(claim_due_sources(engine, 0.0)) == 2


@pytest.mark.postgres
def test_concurrent_claimers_never_claim_one_source_twice(postgres_database):
    engine = postgres_database.engine
    sync_sources(engine, [_declared(f"s{i}") for i in range(200)])
    claimed: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(6)

    def claim() -> None:
        barrier.wait()
        for _ in range(5):
            rows = claim_due_sources(engine, 3600, limit=20)
            with lock:
                claimed.extend(row["name"] for row in rows)

    threads = [threading.Thread(target=claim) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed) == sorted(f"s{i}" for i in range(200))  # each exactly once
