"""Ingestion by worker processes on a real PostgreSQL database against a farm of
loopback hosts: every page processed exactly once (one page document, one candidate,
one archive record it points to) although workers are killed with SIGKILL mid-job and
restarted, and no host ever gets requests faster than its limit, whatever the number
of workers."""

from __future__ import annotations

import random
import time

import pytest
from farm import closest_spacing, kill_hard, start_worker, stop_gently, worker_environment
from sqlalchemy import text

from binational.ingest.archive import ArchiveLocation, read_response
from binational.store.ingest_sources import sync_sources

pytestmark = pytest.mark.postgres

SPACING = 0.5  # requests_per_second = 2 per host
# A request to a host starts at least a spacing after the previous one's response came
# in (on the database's clock; the server logs on the same machine's clock): so the
# arrivals at the server are a spacing apart, whatever the load. 1 ms for rounding.
ROUNDING = 0.001


def _settings(**extra) -> dict:
    return dict(
        worker_tick=1, worker_heartbeat=0.5, worker_stalled_after=2.0,
        requests_per_second=1 / SPACING, job_retry_wait=0.5, job_attempts=8, lock_wait=30,
        **extra,
    )  # fmt: skip


def _counts(engine) -> dict:
    with engine.connect() as connection:
        return {
            "pages": connection.scalar(
                text("SELECT count(*) FROM ingest_documents WHERE kind = 'page'")
            ),
            "running": connection.scalar(
                text(
                    "SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing' "
                    "AND queue_name = 'ingest'"
                )
            ),  # fmt: skip
            "busy": connection.scalar(
                text(
                    "SELECT count(*) FROM procrastinate_jobs WHERE queue_name = 'ingest' "
                    "AND status IN ('todo', 'doing')"
                )
            ),  # fmt: skip
        }


def _wait_until_done(engine, pages: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        counts = _counts(engine)
        if counts["pages"] >= pages and counts["busy"] == 0:
            return
        time.sleep(0.5)
    raise AssertionError(f"not done within {timeout} s: {_counts(engine)}")


def test_every_page_once_though_workers_are_killed_and_hosts_spared(
    postgres_database, pg_url, farm_factory, tmp_path
):
    farm = farm_factory(hosts=3, sources=6, pages=8, delay=0.3)
    engine = postgres_database.engine
    sync_sources(engine, farm.source_rows())
    env = worker_environment(pg_url, tmp_path, **_settings())
    log = tmp_path / "workers.log"
    rng = random.Random(20)
    workers = [(time.monotonic(), start_worker(env, 3, log)) for _ in range(3)]
    kills = 0
    try:
        # Kill the oldest worker (started long enough ago to be working: a worker takes
        # a few seconds to start on a busy machine) while jobs run, and start another.
        while kills < 4 and _counts(engine)["pages"] < 48:
            time.sleep(rng.uniform(1.0, 2.0))
            started, oldest = workers[0]
            if time.monotonic() - started < 6 or not _counts(engine)["running"]:
                continue
            kill_hard(oldest)
            kills += 1
            workers = [*workers[1:], (time.monotonic(), start_worker(env, 3, log))]
        _wait_until_done(engine, 48, timeout=150)
    finally:
        for _, worker in workers:
            stop_gently(worker)
    assert kills >= 3

    with engine.connect() as connection:
        documents = connection.execute(text(
            "SELECT canonical_url, candidate_id, warc_file, warc_offset, warc_length "
            "FROM ingest_documents "
            "WHERE kind = 'page'"
        )).all()  # fmt: skip
        candidates = connection.scalar(text("SELECT count(*) FROM ingest_candidates"))
        failed = connection.scalar(
            text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'")
        )
        taken_back = connection.scalar(
            text("SELECT count(*) FROM job_errors WHERE error LIKE 'its worker went silent%'")
        )
    urls = [row.canonical_url for row in documents]
    assert sorted(urls) == sorted(farm.page_urls())  # every page, each once
    assert len({row.candidate_id for row in documents}) == 48 == candidates
    for row in documents:  # the archive record each page's document points to
        location = ArchiveLocation(row.warc_file, row.warc_offset, row.warc_length)
        archived = read_response(tmp_path / "archive", location)
        assert archived.url == row.canonical_url and b"<article>" in archived.body
    assert failed == 0
    assert taken_back >= 1  # some job was running when its worker was killed

    for host, times in farm.requests().items():
        assert closest_spacing(times) >= SPACING - ROUNDING, host
