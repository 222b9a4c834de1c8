"""``binational serve`` in a child process on 127.0.0.1, over a database holding the
sample report and three accounts (with an API token each), for the reliability
tests of the web app. Stopped by its own pid; its log is kept for the tests."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from tests.serving import ServedApp

from binational.accounts.users import find_user, issue_token
from binational.store.database import Database

PASSWORD = "correct horse battery"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def add_tokens(database_path: Path, emails: list[str]) -> dict[str, str]:
    """An API token for each account, by email."""
    database = Database.open(str(database_path))
    tokens = {}
    with database.transaction() as session:
        for email in emails:
            tokens[email] = issue_token(session, find_user(session, email), "reliability")
    database.close()
    return tokens


class Served(ServedApp):
    def __init__(self, database: Path, log: Path, workers: int = 1, **settings: str) -> None:
        super().__init__(database, log, workers, secret_key="reliability-secret", **settings)

    def rss_kib(self) -> int:
        """The server's resident memory (one process), from /proc."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))

    def sign_in(self, email: str, password: str = PASSWORD, **headers: str) -> httpx.Client:
        client = httpx.Client(base_url=self.url, headers=headers, timeout=30)
        token = CSRF_INPUT.search(client.get("/login").text).group(1)
        response = client.post("/login", data={"email": email, "password": password,
                                               "csrf_token": token})  # fmt: skip
        assert response.status_code == 303, response.text
        return client
