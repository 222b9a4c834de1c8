"""The API as a script meets it: ``binational serve`` in a child process on
127.0.0.1 over a seeded database (the sample report's events, three accounts with an
API token each, and a few queued candidates), stopped by its own pid."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from tests.web.conftest import ACCOUNTS, build_sample_database

from binational.accounts.users import find_user, issue_token
from binational.ingest.clusters import NewDocument, store_document
from binational.store.database import Database

BINATIONAL = Path(sys.executable).with_name("binational")
CANDIDATES = 18


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


class ApiServer:
    """``binational serve`` over its own copy of the seeded database."""

    def __init__(self, seeded: Path, directory: Path, public_read: bool = False) -> None:
        self.database = directory / "api.db"
        shutil.copyfile(seeded, self.database)
        self.tokens = issue_tokens(self.database)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = directory / "server.log"
        self._log = self.log_path.open("wb")
        env = {**os.environ, "BINATIONAL_SECRET_KEY": "api-tests",
               "BINATIONAL_PUBLIC_READ": "true" if public_read else "false"}  # fmt: skip
        env.pop("BINATIONAL_LLM_URL", None)
        self.process = subprocess.Popen(
            [str(BINATIONAL), "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--db", str(self.database)],
            env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log()}")
            try:
                if httpx.get(self.url + "/api/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not answer within 30 s")

    def cpu_seconds(self) -> float:
        """The server's CPU time so far (user and system), from /proc."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def client(self, role: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
