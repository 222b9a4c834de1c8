"""Schemathesis, an independent property-based API tester, against the live server:
it reads ``/openapi.json``, generates requests from it (examples, coverage, fuzzing
and the stateful phase that chains operations through their links) and runs every
check on every answer: no 500, every status, header, content type and body as the
document says, schema-invalid data refused, schema-valid data accepted, undeclared
methods 405 with ``Allow``, auth not ignored, a deleted or created resource behaving
so. Once with an editor's token, once with a viewer's, once anonymously (on a server
whose reads are public, so that the anonymous run reads something)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
HOOKS = Path(__file__).with_name("schemathesis_hooks.py")
EXAMPLES = int(os.environ.get("BINATIONAL_SCHEMATHESIS_EXAMPLES", "100"))
SEED = os.environ.get("BINATIONAL_SCHEMATHESIS_SEED", "18")


def run_schemathesis(url: str, token: str | None, report: Path) -> subprocess.CompletedProcess:
    """The CLI, in the test's own directory (it keeps a cache of what it found there)."""
    command = [
        str(SCHEMATHESIS), "run", f"{url}/openapi.json", "--checks", "all",
        "--phases", "examples,coverage,fuzzing,stateful", "--max-examples", str(EXAMPLES),
        "--seed", SEED, "--no-color", "--workers", "1", "--request-timeout", "60",
        "--report", "junit", "--report-junit-path", str(report),
    ]  # fmt: skip
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": HOOKS.stem,
           "PYTHONPATH": os.pathsep.join([str(HOOKS.parent), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=900,
                          cwd=report.parent)  # fmt: skip


@pytest.mark.parametrize(("role", "public_read"),
                         [("editor", False), ("viewer", False), (None, True)])  # fmt: skip
def test_schemathesis_finds_nothing(start_server, tmp_path, role, public_read):
    server = start_server(public_read=public_read)
    started, children = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run_schemathesis(server.url, server.tokens[role] if role else None,
                              tmp_path / "junit.xml")  # fmt: skip
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    tester = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    output = result.stdout + result.stderr
    load = os.getloadavg()[0]
    print(f"\nschemathesis as {role or 'anonymous'}: {elapsed:.0f} s wall, CPU: server "
          f"{server.cpu_seconds():.0f} s, schemathesis {tester:.0f} s, load {load:.1f}"
          f"\n{output[-1500:]}")  # fmt: skip
    assert result.returncode == 0, f"{output[-12000:]}\n--- server log ---\n{server.log()[-4000:]}"
    assert "No issues found" in output or " passed" in output
    assert "generated" in output  # it did run tests
