"""The command line's search as the user runs it (issue 11, item 1):
``binational events --search 'sembrando vida' --limit 50 --json`` on the database of
1,000,000 synthetic events (``million.py``), each run a whole new process: start-up,
imports, the search, numbering the 50 results in their quarters' reports, the JSON.

Target: under 1 s for the whole process, under 200 MB of memory.

Each run is a new interpreter and reads the database and the search index from disk
as a user's next command would (the operating system's file cache is shared, as it
is for the user); nothing the command computes is kept between runs. The search
index must exist already (the first search after building the database writes it:
minutes at a million events), so one untimed run comes first.

With ``--against PATH --against-db DB``, each round also runs the same command with
``PYTHONPATH=PATH`` (another checkout's ``src``, e.g. the previous commit's) on its
own copy of the database (the two may keep different index formats), alternately, so
both see the same machine load.

Run: .venv/bin/python benchmarks/bench_search_command.py [--db PATH] [--runs 5]
     [--against OTHER/src --against-db COPY.db]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from million import ensure

BINATIONAL = Path(sys.executable).with_name("binational")
COMMAND = ("events", "--search", "sembrando vida", "--limit", "50", "--json")


def run(db: Path, pythonpath: str | None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one run."""
    environment = dict(os.environ)
    if pythonpath:
        environment["PYTHONPATH"] = pythonpath
    started = time.perf_counter()
    process = subprocess.Popen([str(BINATIONAL), *COMMAND, "--db", str(db)],
                               env=environment, stdout=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)  # this child's own CPU time and memory
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"the command failed (exit status {process.returncode})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def summary(name: str, runs: list[tuple[float, float, float]]) -> str:
    walls, cpus, rss = zip(*runs, strict=True)
    return (f"{name}: wall median {statistics.median(walls):.2f} s "
            f"({min(walls):.2f}-{max(walls):.2f}), CPU median {statistics.median(cpus):.2f} s "
            f"({min(cpus):.2f}-{max(cpus):.2f}), peak RSS median {statistics.median(rss):.0f} MB "
            f"(n={len(runs)})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="default: million.py's")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", default=None, help="another checkout's src directory")
    parser.add_argument("--against-db", type=Path, default=None)
    args = parser.parse_args()
    if (args.against is None) != (args.against_db is None):
        raise SystemExit("--against and --against-db go together")
    db = args.db or ensure(1_000_000)
    sides = [("this checkout", db, None)]
    if args.against:
        sides.append((f"PYTHONPATH={args.against}", args.against_db, args.against))
    print(f"binational {' '.join(COMMAND)}; load average {os.getloadavg()}")
    for _, path, pythonpath in sides:  # untimed: each side's index exists afterwards
        run(path, pythonpath)
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _, _ in sides}
    for round_number in range(args.runs):
        order = sides if round_number % 2 == 0 else sides[::-1]
        for name, path, pythonpath in order:
            results[name].append(run(path, pythonpath))
    for name, runs in results.items():
        print(summary(name, runs))
    print(f"load average at the end: {os.getloadavg()}; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
