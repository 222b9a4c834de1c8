"""Fixtures shared by the whole test tree: real SQLite files and real PostgreSQL
databases.

PostgreSQL tests need ``BINATIONAL_TEST_PG_ADMIN_URL`` (``.ci/run`` starts the server
and sets it; ``scripts/start-postgres.sh`` prints it). The admin URL is used only to
create a test role and one fresh database per test, cloned from a migrated template.
Without it the PostgreSQL variants are skipped, unless ``BINATIONAL_REQUIRE_PG=1``
(set by CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from binational.store.database import Database

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_REPORT = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"
SAMPLE_EXPECTED = ROOT / "data" / "samples" / "cbi-report-2023-q2.expected.json"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

PG_ROLE = "binational_test"
PG_PASSWORD = "binational_test"


@pytest.fixture(scope="session")
def sample_report_path() -> Path:
    return SAMPLE_REPORT


@pytest.fixture(scope="session")
def sample_report_text() -> str:
    return SAMPLE_REPORT.read_text(encoding="utf-8")


def _admin_url() -> str | None:
    url = os.environ.get("BINATIONAL_TEST_PG_ADMIN_URL")
    if not url:
        if os.environ.get("BINATIONAL_REQUIRE_PG") == "1":
            pytest.fail("BINATIONAL_REQUIRE_PG=1 but BINATIONAL_TEST_PG_ADMIN_URL is not set")
        pytest.skip("PostgreSQL not configured (set BINATIONAL_TEST_PG_ADMIN_URL)")
    return url


class PostgresServer:
    """Creates throwaway databases owned by a non-superuser test role."""

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        self._text = text
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.base_url = make_url(admin_url).set(username=PG_ROLE, password=PG_PASSWORD)
        with self.admin.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": PG_ROLE}
            )
            if not exists:
                connection.execute(
                    text(f"CREATE ROLE {PG_ROLE} LOGIN CREATEDB PASSWORD '{PG_PASSWORD}'")
                )
        self.template = f"binational_tmpl_{uuid.uuid4().hex[:8]}"
        self._create(self.template)
        Database.open(self.url(self.template)).close()  # migrate the template once

    def url(self, name: str) -> str:
        return self.base_url.set(database=name).render_as_string(hide_password=False)

    def _create(self, name: str, template: str | None = None) -> None:
        clause = f" TEMPLATE {template}" if template else ""
        with self.admin.connect() as connection:
            connection.execute(self._text(f"CREATE DATABASE {name} OWNER {PG_ROLE}{clause}"))

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(self._text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def fresh_database(self) -> str:
        name = f"binational_t_{uuid.uuid4().hex[:12]}"
        self._create(name, self.template)
        return name

    def close(self) -> None:
        self.drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer(_admin_url())
    yield server
    server.close()


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(str(tmp_path / "test.db"))
    yield db
    db.close()


@pytest.fixture
def postgres_database(postgres_server: PostgresServer) -> Iterator[Database]:
    name = postgres_server.fresh_database()
    db = Database.open(postgres_server.url(name))
    yield db
    db.close()
    postgres_server.drop(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest) -> Database:
    """The same test against a SQLite file and a PostgreSQL database."""
    return request.getfixturevalue(f"{request.param}_database")
