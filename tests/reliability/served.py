"""``binational serve`` in a child process on 127.0.0.1, over a database holding the
sample report and three accounts (with an API token each), for the reliability
tests of the web app. Stopped by its own pid; its log is kept for the tests."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from binational.accounts.users import find_user, issue_token
from binational.store.database import Database

BINATIONAL = Path(sys.executable).with_name("binational")
PASSWORD = "correct horse battery"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def add_tokens(database_path: Path, emails: list[str]) -> dict[str, str]:
    """An API token for each account, by email."""
    database = Database.open(str(database_path))
    tokens = {}
    with database.transaction() as session:
        for email in emails:
            tokens[email] = issue_token(session, find_user(session, email), "reliability")
    database.close()
    return tokens


class Served:
    def __init__(self, database: Path, log: Path, workers: int = 1, **settings: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = database
        self.log_path = log
        environment = {**os.environ, "BINATIONAL_SECRET_KEY": "reliability-secret",
                       **{f"BINATIONAL_{k.upper()}": v for k, v in settings.items()}}  # fmt: skip
        self._log = log.open("wb")
        self.process = subprocess.Popen(
            [str(BINATIONAL), "serve", "--host", "127.0.0.1", "--port", str(self.port),
             "--db", str(database), "--workers", str(workers)],
            env=environment, stdout=self._log, stderr=subprocess.STDOUT,
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

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

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

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
