"""The jobs after ingestion, run by a real worker on PostgreSQL: a page ingested from
a loopback host becomes a candidate; accepted with ``--queue``, its event is linked
at once and drafted by the worker."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from farm import start_worker, stop_gently, worker_environment
from sqlalchemy import text

from binational.store.ingest_sources import sync_sources

pytestmark = pytest.mark.postgres
BINATIONAL = Path(sys.executable).with_name("binational")


def _wait_for(engine, query: str, timeout: float = 90) -> int:
    deadline = time.monotonic() + timeout
    while True:
        with engine.connect() as connection:
            if found := connection.execute(text(query)).scalar():
                return found
        assert time.monotonic() < deadline, query
        time.sleep(0.5)


def test_an_ingested_candidate_accepted_with_queue_is_drafted_by_a_worker(
    postgres_database, pg_url, farm_factory, tmp_path
):
    farm = farm_factory(hosts=1, sources=1, pages=1)
    engine = postgres_database.engine
    sync_sources(engine, farm.source_rows())
    env = worker_environment(pg_url, tmp_path, worker_tick=1, requests_per_second=50)
    worker = start_worker(env, 2, tmp_path / "worker.log")
    try:
        candidate = _wait_for(
            engine, "SELECT candidate_id FROM ingest_documents WHERE kind = 'page'"
        )
        accepted = subprocess.run(
            [str(BINATIONAL), "candidates", "accept", str(candidate), "--queue",
             "--author", "analyst"], env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert accepted.returncode == 0, accepted.stderr
        assert "queued as job #" in accepted.stdout
        event = _wait_for(engine, "SELECT id FROM events")
        drafted = _wait_for(engine, f"SELECT count(*) FROM event_drafts WHERE event_id = {event}")
    finally:
        stop_gently(worker)
    assert drafted == 1
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM job_errors")) == 0


def test_accept_with_queue_needs_postgresql(tmp_path):
    result = subprocess.run(
        [str(BINATIONAL), "candidates", "accept", "1", "--queue", "--db", tmp_path / "x.db"],
        capture_output=True, text=True, env={**os.environ, "BINATIONAL_CONFIG": "/none.toml"},
    )  # fmt: skip
    assert result.returncode == 1 and "the job queue needs a PostgreSQL database" in result.stderr
    assert not (tmp_path / "x.db").exists()
