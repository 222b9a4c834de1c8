"""``binational serve`` in a child process on 127.0.0.1, for the tests that meet the
web app as its users do (the browser tests, the API's contract, the reliability
suite): a free port, the server's log kept in a file, ready when ``/api/health``
answers, stopped by its own pid."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

BINATIONAL = Path(sys.executable).with_name("binational")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServedApp:
    """The web app over ``database``, with ``settings`` as ``BINATIONAL_*`` variables."""

    def __init__(self, database: Path, log: Path, workers: int = 1, **settings: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = database
        self.log_path = log
        environment = {**os.environ, **{f"BINATIONAL_{k.upper()}": v for k, v in settings.items()}}
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

    def cpu_seconds(self) -> float:
        """The server's CPU time so far (user and system), from /proc."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
