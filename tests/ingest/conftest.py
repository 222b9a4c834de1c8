"""Fixtures of the ingest tests: the loopback web server (``tests/fixtures/web``),
the releases, and settings tuned for fast tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from binational.config import Settings

WEB_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web"
sys.path.insert(0, str(WEB_FIXTURES))

import pages  # noqa: E402  (tests/fixtures/web/pages.py)
from webserver import Site, start_sites  # noqa: E402


@pytest.fixture(scope="session")
def _servers() -> Iterator[list[Site]]:
    sites, servers = start_sites()
    yield sites
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def sites(_servers) -> list[Site]:
    """The three sites, with no routes and empty logs."""
    for site in _servers:
        site.reset()
    return _servers


@pytest.fixture
def site(sites) -> Site:
    return sites[0]


@pytest.fixture
def releases() -> dict[str, dict]:
    return {release["id"]: release for release in pages.load_releases()}


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for fast tests: no politeness delay, short timeouts and backoffs, and
    the loopback network (where the fixture servers are) allowed to the fetcher."""
    return Settings(
        db=str(tmp_path / "ingest.db"),
        archive_dir=str(tmp_path / "archive"),
        requests_per_second=1000.0,
        max_concurrency=8,
        connect_timeout=2.0,
        fetch_timeout=0.5,
        max_response_bytes=2_000_000,
        fetch_retries=2,
        retry_backoff=0.05,
        max_retry_wait=2.0,
        max_redirects=5,
        fetch_deadline=5.0,
        fetch_allow_networks=("127.0.0.0/8",),
        page_retry_backoff=0.0,
    )


@pytest.fixture(scope="session")
def _analyzer():
    from binational.ingest.analyze import Analyzer

    return Analyzer.build()


@pytest.fixture
def analyzer(_analyzer):
    """The run's analyzer (registry linker, language model, extraction options)."""
    return _analyzer
