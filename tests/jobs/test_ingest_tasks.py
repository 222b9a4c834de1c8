"""Ingestion by worker processes on a real PostgreSQL database against a farm of
loopback hosts: every page processed exactly once (one page document, one candidate,
one archive record on disk, the one its document points to) although workers are
killed with SIGKILL mid-job and restarted, and no host ever gets requests faster than
its limit, whatever the number of workers."""

from __future__ import annotations

import random
import time
from collections import Counter

import pytest
from farm import (
    archive_records,
    closest_spacing,
    kill_hard,
    start_worker,
    stop_gently,
    worker_environment,
)
from sqlalchemy import text

from binational.ingest.archive import ArchiveLocation, PageArchive, read_response
from binational.ingest.canonical import canonical_url
from binational.store.documents import CLUSTERS_LOCK
from binational.store.ingest_sources import sync_sources

pytestmark = pytest.mark.postgres

SPACING = 0.5  # requests_per_second = 2 per host
# A request to a host starts at least a spacing after the previous one's response came
# in (on the database's clock; the server logs on the same machine's clock): so the
# arrivals at the server are a spacing apart, whatever the load. 1 ms for rounding.
ROUNDING = 0.001


def _settings(**extra) -> dict:
    return {
        "worker_tick": 1, "worker_heartbeat": 0.5, "worker_stalled_after": 2.0,
        "requests_per_second": 1 / SPACING, "job_retry_wait": 0.5, "job_attempts": 8,
        "lock_wait": 30, **extra,
    }  # fmt: skip


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
    records = archive_records(tmp_path / "archive")
    assert {url: records[url] for url in farm.page_urls()} == dict.fromkeys(farm.page_urls(), 1)
    assert failed == 0
    assert taken_back >= 1  # some job was running when its worker was killed

    for host, times in farm.requests().items():
        assert closest_spacing(times) >= SPACING - ROUNDING, host


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.2)


def test_a_page_archived_by_a_worker_killed_before_storing_it_is_not_fetched_again(
    postgres_database, pg_url, farm_factory, tmp_path
):
    farm = farm_factory(hosts=1, sources=1, pages=2)
    engine = postgres_database.engine
    sync_sources(engine, farm.source_rows())
    env = worker_environment(pg_url, tmp_path, **_settings(lock_wait=120))
    log = tmp_path / "workers.log"
    pages = PageArchive(tmp_path / "archive")
    urls = sorted(farm.page_urls())
    # Holding the clusters lock stops every worker right where a page is archived and
    # its document not stored yet: the worker is killed there, deterministically.
    with engine.connect() as blocker:
        blocker.execute(text("SELECT pg_advisory_lock(:key)"), {"key": CLUSTERS_LOCK})
        first = start_worker(env, 3, log)
        try:
            _wait_for(lambda: all(farm.fetch_counts()[url] for url in urls), 60, "both fetched")
            time.sleep(1.0)  # both jobs now wait for the lock, inside the store step
            assert _counts(engine)["pages"] == 0 and _counts(engine)["running"] == 2
        finally:
            kill_hard(first)
        blocker.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": CLUSTERS_LOCK})
    assert all(pages.find(canonical_url(url)) for url in urls)
    assert archive_records(tmp_path / "archive") == Counter(
        {url: 1 for url in urls} | {farm.feed_url(0): 1, farm.hosts[0].base + "/robots.txt": 1}
    )
    second = start_worker(env, 3, log)
    try:
        _wait_until_done(engine, 2, timeout=60)
    finally:
        stop_gently(second)

    fetched = farm.fetch_counts()
    assert [fetched[url] for url in urls] == [1, 1]  # the retries reused the records
    records = archive_records(tmp_path / "archive")
    assert [records[url] for url in urls] == [1, 1]
    with engine.connect() as connection:
        documents = connection.execute(text(
            "SELECT canonical_url, warc_file, warc_offset, warc_length, candidate_id "
            "FROM ingest_documents WHERE kind = 'page' ORDER BY canonical_url"
        )).all()  # fmt: skip
        candidates = connection.scalar(text("SELECT count(*) FROM ingest_candidates"))
        taken_back = connection.scalar(
            text("SELECT count(*) FROM job_errors WHERE error LIKE 'its worker went silent%'")
        )
    assert [row.canonical_url for row in documents] == urls
    assert len({row.candidate_id for row in documents}) == 2 == candidates
    for row in documents:
        assert ArchiveLocation(row.warc_file, row.warc_offset, row.warc_length) == pages.find(
            row.canonical_url
        )
    assert taken_back == 2  # both page jobs were handed back from the killed worker
