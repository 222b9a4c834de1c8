"""The job queue's admin page and its JSON twin."""

from __future__ import annotations

import pytest
from tests.web.conftest import Browser, build_sample_database, fast_passwords

from binational.config import Settings
from binational.jobs.app import make_app
from binational.web.app import create_app


def test_admins_only_and_no_queue_with_sqlite(browser):
    assert browser("editor").get("/jobs").status_code == 403
    assert browser("editor").get("/api/jobs").status_code == 403
    page = browser("admin").get("/jobs")
    assert page.status_code == 200 and "There is no job queue: the database is SQLite" in page.text
    assert browser("admin").get("/api/jobs").json() == {"queue": None}


@pytest.mark.postgres
def test_the_queue_as_binational_jobs_shows_it(postgres_database, sample_report_path):
    url = postgres_database.engine.url.render_as_string(hide_password=False)
    build_sample_database(url, sample_report_path)
    settings = Settings(db=url, secret_key="test-key")
    queue = make_app(settings, pool_size=1)
    with queue.open():
        job_id = queue.configure_task("reports.build").defer(period="2023Q2", format="md")
    client = Browser(create_app(settings, postgres_database, passwords=fast_passwords()))
    client.sign_in("admin@example.org")
    status = client.get("/api/jobs").json()
    assert status["queues"] == [
        {"queue": "builds", "waiting": 1, "running": 0, "failed": 0,
         "oldest_waiting": status["queues"][0]["oldest_waiting"]}
    ]  # fmt: skip
    assert 0 <= status["queues"][0]["oldest_waiting"] < 60
    page = client.get("/jobs").text
    assert "<td>builds</td><td>1</td>" in page and f"#{job_id}" not in page  # waiting, not running
