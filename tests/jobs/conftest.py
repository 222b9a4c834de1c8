"""Fixtures of the job tests: a PostgreSQL database (the queue lives there), its URL
for worker processes, and a farm of loopback news hosts (``farm.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from farm import Farm  # noqa: E402


@pytest.fixture
def pg_url(postgres_database) -> str:
    return postgres_database.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def farm_factory():
    farms: list[Farm] = []

    def start(**options) -> Farm:
        farms.append(Farm.start(**options))
        return farms[-1]

    yield start
    for farm in farms:
        farm.stop()
