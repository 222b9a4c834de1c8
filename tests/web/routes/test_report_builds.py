"""Report downloads as builds: built in a thread within build_time_limit without a
queue (503 past it), and with the job queue on PostgreSQL a build job, whose page
follows it and offers the file a real worker wrote."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from tests.web.conftest import Browser, build_sample_database, fast_passwords

from binational.config import Settings
from binational.web.app import create_app


def test_without_a_queue_the_file_is_built_at_once(browser):
    response = browser("viewer").get("/reports/2023Q2/download/md")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="report-2023Q2.md"'
    assert response.text.startswith("#")


def test_a_build_past_its_time_limit_is_503(make_app):
    client = Browser(make_app(build_time_limit=0.000001)).sign_in("viewer@example.org")
    response = client.get("/reports/2023Q2/download/pdf")
    assert response.status_code == 503
    assert "took longer than 1e-06 s to build (build_time_limit)" in response.text


@pytest.mark.postgres
def test_with_a_queue_a_worker_builds_the_file_and_the_page_offers_it(
    postgres_database, sample_report_path, tmp_path
):
    url = postgres_database.engine.url.render_as_string(hide_password=False)
    build_sample_database(url, sample_report_path)
    builds = tmp_path / "builds"
    settings = Settings(db=url, secret_key="test-key", job_queue=True, builds_dir=str(builds))
    client = Browser(create_app(settings, postgres_database, passwords=fast_passwords()))
    client.sign_in("viewer@example.org")
    assert 'href="/reports/2023Q2/download/md">' in client.get("/reports/2023Q2").text

    asked = client.get("/reports/2023Q2/download/md", follow_redirects=False)
    assert asked.status_code == 303
    page_url = asked.headers["location"]
    again = client.get("/reports/2023Q2/download/md", follow_redirects=False)
    assert again.headers["location"] == page_url  # the same build, waiting once
    waiting = client.get(page_url)
    assert 'data-build-state="waiting"' in waiting.text and waiting.headers["refresh"] == "2"
    assert client.get(page_url + "/file").status_code == 404

    env = {**os.environ, "BINATIONAL_DB": url, "BINATIONAL_BUILDS_DIR": str(builds),
           "BINATIONAL_CONFIG": str(tmp_path / "none.toml")}  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "-m", "binational", "worker", "--queue", "builds"], env=env
    )
    try:
        deadline = time.monotonic() + 60
        while 'data-build-state="done"' not in (page := client.get(page_url)).text:
            assert time.monotonic() < deadline, page.text
            time.sleep(0.5)
    finally:
        worker.terminate()
        worker.wait(20)
    assert "refresh" not in page.headers
    file = client.get(page_url + "/file")
    assert file.status_code == 200
    assert file.headers["content-disposition"] == 'attachment; filename="report-2023Q2.md"'
    assert file.content == (builds / "report-2023Q2.md").read_bytes()
    assert file.text.startswith("#")
