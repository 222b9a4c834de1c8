"""The API as a script meets it: ``binational serve`` in a child process on
127.0.0.1 over a seeded database (the sample report's events, three accounts with an
API token each, and a few queued candidates), stopped by its own pid."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import httpx
import pytest
from tests.serving import ServedApp
from tests.web.conftest import ACCOUNTS, build_sample_database

from binational.accounts.users import find_user, issue_token
from binational.ingest.clusters import NewDocument, store_document
from binational.store.database import Database

CANDIDATES = 18


def candidate(number: int) -> NewDocument:
    url = f"https://www.state.gov/api-test-{number}"
    title = f"The United States and Mexico meet on border water, round {number}"
    return NewDocument(
        kind="page", url=url, canonical_url=url, title=title,
        text=f"{title}. The IBWC and the CILA met in El Paso.",
        text_sha256=f"{number:064d}", source_name="state.gov", official=True,
        published=dt.date(2023, 9, number), published_stated=True, language="en",
        score=0.5 + number / 100, reasons=("United States and Mexico both named",),
        institutions=({"slug": "ibwc", "kind": "institution", "mention": "IBWC"},),
    )  # fmt: skip


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, sample_report_path: Path) -> Path:
    path = tmp_path_factory.mktemp("api-seed") / "seeded.db"
    build_sample_database(path, sample_report_path)
    database = Database.open(str(path))
    with database.transaction() as session:
        for number in range(1, CANDIDATES + 1):
            store_document(session, candidate(number), None)
    database.close()
    return path


def issue_tokens(path: Path) -> dict[str, str]:
    database = Database.open(str(path))
    with database.transaction() as session:
        tokens = {role: issue_token(session, find_user(session, email), "api tests")
                  for role, email in ACCOUNTS.items()}  # fmt: skip
    database.close()
    return tokens


class ApiServer(ServedApp):
    """``binational serve`` over its own copy of the seeded database."""

    def __init__(self, seeded: Path, directory: Path, public_read: bool = False) -> None:
        database = directory / "api.db"
        shutil.copyfile(seeded, database)
        self.tokens = issue_tokens(database)
        super().__init__(database, directory / "server.log", secret_key="api-tests",
                         public_read="true" if public_read else "false", llm_url="")  # fmt: skip

    def client(self, role: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)
