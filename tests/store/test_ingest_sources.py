"""The workers' sources table: synchronized from the declared sources by name; a
source is due until a poll of it ends, then waits its own interval."""

from __future__ import annotations

from binational.store.ingest_sources import (
    due_sources,
    is_due,
    record_poll,
    source_rows,
    sync_sources,
)


def _declared(name: str, url: str | None = None, interval: float | None = None) -> dict:
    return {"name": name, "url": url or f"https://{name}.gov/feed", "kind": "rss",
            "language": "en", "country": "US", "agency": "", "selector": "",
            "official": None, "interval": interval}  # fmt: skip


def _ids(engine) -> dict[str, int]:
    return {row["name"]: row["id"] for row in source_rows(engine)}


def test_sync_adds_changes_and_removes_by_name(database):
    engine = database.engine
    counts = sync_sources(engine, [_declared("a"), _declared("b")])
    assert (counts.added, counts.changed, counts.removed) == (2, 0, 0)
    record_poll(engine, _ids(engine)["a"], "failed", "HTTP 500", default_interval=600)
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
    record_poll(engine, _ids(engine)["a"], "fetched", None, default_interval=600)
    assert due_sources(engine) == []
    sync_sources(engine, [_declared("a", url="https://a.gov/other")])
    assert [row["url"] for row in due_sources(engine)] == ["https://a.gov/other"]


def test_due_until_polled_then_after_its_own_interval(database):
    engine = database.engine
    sync_sources(engine, [_declared("a", interval=3600), _declared("b")])
    assert {row["name"] for row in due_sources(engine)} == {"a", "b"}
    assert {row["name"] for row in due_sources(engine)} == {"a", "b"}  # looking changes nothing
    ids = _ids(engine)
    record_poll(engine, ids["a"], "fetched", None, default_interval=0.0)
    record_poll(engine, ids["b"], "failed", "HTTP 503", default_interval=0.0)
    # b's interval is the default (0 s): due again at once; a waits an hour
    assert [row["name"] for row in due_sources(engine)] == ["b"]
    rows = {row["name"]: row for row in source_rows(engine)}
    assert not is_due(rows["a"]) and is_due(rows["b"])
    assert rows["b"]["failures"] == 1 and rows["a"]["last_outcome"] == "fetched"
