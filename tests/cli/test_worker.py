"""``binational worker``, ``binational jobs`` and ``binational sources sync`` through
the real console script: the sources file into PostgreSQL, the queue's table, and one
sentence (nothing changed) where there can be no queue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

BINATIONAL = Path(sys.executable).with_name("binational")
SOURCES = """
[[source]]
name = "ministry"
url = "https://www.gob.mx/sre/feed"
kind = "rss"
language = "es"
country = "MX"
interval = 900

[[source]]
name = "embassy"
url = "https://mx.usembassy.gov/feed/"
kind = "rss"
"""


def run(*args, env=None):
    return subprocess.run([str(BINATIONAL), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "BINATIONAL_CONFIG": "/nonexistent.toml",
                               **(env or {})})  # fmt: skip


@pytest.mark.parametrize("command", [["worker"], ["jobs"], ["jobs", "--json"]])
def test_no_queue_with_sqlite(command, tmp_path):
    result = run(*command, "--db", tmp_path / "laptop.db")
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "the job queue needs a PostgreSQL database (the db setting); with SQLite, run "
        "`binational ingest` instead"
    )
    assert "Traceback" not in result.stderr and not (tmp_path / "laptop.db").exists()


@pytest.mark.postgres
def test_sources_sync_then_jobs(postgres_database, tmp_path):
    url = postgres_database.engine.url.render_as_string(hide_password=False)
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCES, encoding="utf-8")
    synced = run("sources", "sync", "--sources", sources, "--db", url)
    assert synced.returncode == 0, synced.stderr
    assert "2 added, 0 changed, 0 removed" in synced.stdout
    with postgres_database.engine.connect() as connection:
        rows = connection.execute(text("SELECT name, interval FROM ingest_sources ORDER BY name"))
        assert rows.all() == [("embassy", None), ("ministry", 900.0)]

    removed = run("sources", "remove", "embassy", "--sources", sources,
                  env={"BINATIONAL_DB": url})  # fmt: skip
    assert removed.returncode == 0, removed.stderr
    assert "the workers' sources: 0 added, 1 removed" in removed.stdout

    shown = run("jobs", "--json", "--db", url)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == {"queues": [], "running": [], "failed": [], "workers": []}
    table = run("jobs", "--db", url)
    assert table.returncode == 0 and "0 workers, 0 jobs running" in table.stdout


@pytest.mark.postgres
def test_an_unknown_queue_is_one_sentence(postgres_database):
    url = postgres_database.engine.url.render_as_string(hide_password=False)
    result = run("worker", "--queue", "everything", "--db", url)
    assert result.returncode == 1
    assert "there is no queue 'everything'; queues: ingest, builds, schedule" in result.stderr


@pytest.mark.postgres
def test_site_build_and_archive_check_handed_to_the_queue(
    postgres_database, sample_report_path, tmp_path
):
    from tests.web.conftest import build_sample_database

    url = postgres_database.engine.url.render_as_string(hide_password=False)
    build_sample_database(url, sample_report_path)
    out = tmp_path / "site"
    queued = run("site", "build", "--out", out, "--no-search", "--queue", "--db", url)
    assert queued.returncode == 0, queued.stderr
    assert queued.stdout.startswith("queued as job #") and not out.exists()
    again = run("site", "build", "--out", out, "--no-search", "--queue", "--db", url)
    assert again.returncode == 1
    assert "the same work is already waiting in the job queue" in again.stderr
    checked = run("archive", "check", "--limit", "5", "--queue", "--db", url)
    assert checked.returncode == 0, checked.stderr
    waiting = json.loads(run("jobs", "--json", "--db", url).stdout)
    assert waiting["queues"] == [
        {"queue": "builds", "waiting": 2, "running": 0, "failed": 0,
         "oldest_waiting": waiting["queues"][0]["oldest_waiting"]},
    ]  # fmt: skip
    with postgres_database.engine.begin() as connection:  # the check would leave loopback
        connection.execute(text("DELETE FROM procrastinate_jobs WHERE task_name = 'archive.check'"))

    env = {**os.environ, "BINATIONAL_DB": url, "BINATIONAL_CONFIG": "/nonexistent.toml"}
    log = tmp_path / "worker.log"
    with open(log, "wb") as output:
        worker = subprocess.Popen(
            [str(BINATIONAL), "worker", "--queue", "builds"], env=env, stdout=output,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while (status := json.loads(run("jobs", "--json", "--db", url).stdout))["queues"] or (
            not status["workers"]
        ):
            assert time.monotonic() < deadline, (status, log.read_text())
            time.sleep(1)
    finally:
        worker.terminate()
        worker.wait(30)
    assert (out / "index.html").exists() and (out / "es" / "index.html").exists()
    # a worker of the builds queue alone defers no periodic jobs nobody would run


def test_a_worker_silent_before_its_heartbeat_is_refused():
    settings = {"BINATIONAL_WORKER_HEARTBEAT": "30", "BINATIONAL_WORKER_STALLED_AFTER": "20"}
    result = run("worker", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/none", env=settings)
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        "worker_stalled_after (20 s) must be longer than worker_heartbeat (30 s), or live "
        "workers count as gone"
    )
