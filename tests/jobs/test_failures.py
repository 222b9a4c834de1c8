"""Failing jobs: a failure that may pass is retried with doubling waits, one that
will not (a 404) ends the job failed at once, and every failed attempt's error is
kept and shown by ``binational jobs``."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time

import pytest
from farm import start_worker, stop_gently, worker_environment
from procrastinate.jobs import Job
from sqlalchemy import text

from binational.jobs.failures import DoublingRetry, JobFailed
from binational.store.ingest_sources import sync_sources


def _job(attempts: int) -> Job:
    return Job(id=1, queue="ingest", lock=None, queueing_lock=None, task_name="t",
               attempts=attempts)  # fmt: skip


@pytest.mark.parametrize(
    ("attempts", "error", "wait"),
    [
        (0, RuntimeError("HTTP 500"), 30),
        (1, RuntimeError("HTTP 500"), 60),
        (3, RuntimeError("HTTP 500"), 240),
        (4, RuntimeError("HTTP 500"), None),  # the fifth attempt was the last
        (0, JobFailed("HTTP 404"), None),
    ],
)
def test_doubling_retry(attempts, error, wait):
    before = dt.datetime.now(dt.UTC)
    decision = DoublingRetry(attempts=5, first_wait=30).get_retry_decision(
        exception=error, job=_job(attempts)
    )
    if wait is None:
        assert decision is None
    else:
        waited = (decision.retry_at - before).total_seconds()
        assert wait <= waited < wait + 5


@pytest.mark.postgres
def test_a_failing_page_is_retried_and_a_missing_one_fails_visibly(
    postgres_database, pg_url, farm_factory, tmp_path
):
    farm = farm_factory(hosts=1, sources=1, pages=3)
    farm.failing["/news/0/1.html"] = [500, 503]  # passes at the third attempt
    farm.failing["/news/0/2.html"] = [404] * 10
    engine = postgres_database.engine
    sync_sources(engine, farm.source_rows())
    env = worker_environment(
        pg_url, tmp_path, worker_tick=1, fetch_retries=0, job_retry_wait=0.2, job_attempts=5,
        requests_per_second=50,
    )  # fmt: skip
    worker = start_worker(env, 2, tmp_path / "worker.log")
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            with engine.connect() as connection:
                pages = connection.scalar(
                    text("SELECT count(*) FROM ingest_documents WHERE kind = 'page'")
                )
                failed = connection.scalar(
                    text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'")
                )
            if pages == 2 and failed == 1:
                break
            time.sleep(0.5)
    finally:
        stop_gently(worker)
    assert (pages, failed) == (2, 1)
    with engine.connect() as connection:
        errors = connection.execute(
            text("SELECT task_name, attempt, error FROM job_errors ORDER BY id")
        ).all()
    assert [(e.attempt, e.error) for e in errors if "500" in e.error or "503" in e.error] == [
        (1, "HTTP 500 (after 1 attempts)"), (2, "HTTP 503 (after 1 attempts)"),
    ]  # fmt: skip
    assert [(e.attempt, e.error) for e in errors if "404" in e.error] == [(1, "HTTP 404")]

    shown = subprocess.run(
        [sys.executable, "-m", "binational", "jobs", "--json"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    status = json.loads(shown.stdout)
    [ingest] = [depth for depth in status["queues"] if depth["queue"] == "ingest"]
    assert ingest["failed"] == 1 and ingest["waiting"] == 0
    [job] = status["failed"]
    assert job["task"] == "ingest.process_page" and job["error"] == "HTTP 404"
    assert job["arguments"]["url"] == farm.page_url(0, 2)
