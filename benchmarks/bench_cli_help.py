"""Start-up time of the command line: ``binational --help`` in a new process.

Target (issue 2): < 0.4 s. Heavy libraries (SQLAlchemy, WeasyPrint, trafilatura,
pydantic, FastAPI) are imported inside the commands that need them, so ``--help``
pays only for Typer, Click and Rich.
Run: .venv/bin/python benchmarks/bench_cli_help.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

BINATIONAL = Path(sys.executable).with_name("binational")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    subprocess.run([BINATIONAL, "--help"], check=True, capture_output=True)  # warm the disk cache
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        subprocess.run([BINATIONAL, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    heavy = subprocess.run(
        [sys.executable, "-c",
         "import sys, binational.cli; print(sorted(m for m in ('sqlalchemy', 'weasyprint', "
         "'trafilatura', 'pydantic', 'fastapi', 'docx', 'httpx') if m in sys.modules))"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    print(
        f"binational --help: median {statistics.median(times) * 1000:.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, n={args.runs}); "
        f"heavy modules loaded by the CLI module: {heavy}"
    )


if __name__ == "__main__":
    main()
