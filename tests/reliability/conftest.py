"""Fixtures of the reliability suite: the hostile server and the internal service
(``hostile_web.py``), and settings that allow only 127.0.0.1/32 to the fetcher, so
127.0.0.2 stands for every internal address; and ``binational serve`` over a copy of
the sample database (``served.py``) for the web app's limits and contention. Nothing
here reaches beyond 127.0.0.0/8; tests that name other addresses put
``LoopbackOnlyBackend`` (``tests/fixtures/web/loopback_only.py``) under the guard."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "fixtures" / "web"))

from hostile_web import DEADLINE, Server, send, start  # noqa: E402

from binational.config import Settings  # noqa: E402


@pytest.fixture(scope="session")
def _servers() -> Iterator[tuple[Server, Server]]:
    started = [start(host) for host in ("127.0.0.1", "127.0.0.2")]
    yield tuple(server for server, _ in started)
    for _, http in started:
        http.shutdown()
        http.server_close()


@pytest.fixture
def hostile(_servers) -> Server:
    """The public web stand-in on 127.0.0.1 (no robots.txt: a 404)."""
    server = _servers[0]
    server.routes.clear()
    server.log.clear()
    server.sent.clear()
    server.route("/robots.txt", lambda h, s: send(h, 404, b"", "text/plain"))
    return server


@pytest.fixture
def internal(_servers) -> Server:
    """The internal service on 127.0.0.2, which must never get a request."""
    server = _servers[1]
    server.routes.clear()
    server.log.clear()
    server.page("/secret", b"<html><body><p>internal secret</p></body></html>")
    return server


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(
        db=str(tmp_path / "reliability.db"),
        archive_dir=str(tmp_path / "archive"),
        requests_per_second=1000.0,
        connect_timeout=2.0,
        fetch_timeout=1.0,
        fetch_deadline=DEADLINE,
        max_response_bytes=2_000_000,
        fetch_retries=1,
        retry_backoff=0.05,
        max_retry_wait=1.0,
        fetch_allow_networks=("127.0.0.1/32",),
        page_retry_backoff=3600.0,
        ingest_run_budget=60.0,
    )


@pytest.fixture(scope="session")
def analyzer():
    from binational.ingest.analyze import Analyzer

    return Analyzer.build()


@pytest.fixture(scope="session")
def sample_web_db(tmp_path_factory, sample_report_path) -> Path:
    """The sample report's 14 events and three accounts (web/conftest.py's), with an
    API token each: built once, copied by each test."""
    from served import add_tokens
    from tests.web.conftest import ACCOUNTS, build_sample_database

    path = tmp_path_factory.mktemp("served-template") / "sample.db"
    build_sample_database(path, sample_report_path)
    tokens = add_tokens(path, list(ACCOUNTS.values()))
    (path.parent / "tokens.json").write_text(json.dumps(tokens))
    return path


@pytest.fixture
def tokens(sample_web_db) -> dict[str, str]:
    """API tokens by role."""
    from tests.web.conftest import ACCOUNTS

    by_email = json.loads((sample_web_db.parent / "tokens.json").read_text())
    return {role: by_email[email] for role, email in ACCOUNTS.items()}


@pytest.fixture
def web_copy(sample_web_db, tmp_path) -> Path:
    path = tmp_path / "served.db"
    shutil.copyfile(sample_web_db, path)
    return path


@pytest.fixture
def serve(web_copy, tmp_path):
    """``serve(**settings)`` starts ``binational serve`` over ``web_copy``."""
    from served import Served

    started = []

    def start(workers: int = 1, **settings: str) -> Served:
        log = tmp_path / f"server-{len(started)}.log"
        server = Served(web_copy, log, workers, **settings)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
