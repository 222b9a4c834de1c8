"""How long ``binational import`` holds SQLite's write lock, as another writer meets it.

A report of N synthetic items (the render benchmark's quarter, printed as text by the
txt renderer) is imported by a whole ``binational import FILE`` process into a fresh,
migrated SQLite file, while a probe in this process tries to take the write lock
(``BEGIN IMMEDIATE`` with no busy wait, then ``ROLLBACK``) every 2 ms. The figure is
the longest stretch during which the probe could not write: what a web edit made
during the import waits (``lock_wait`` is 5 s by default). The import's whole time is
printed beside it. Each size runs ``--runs`` times, sizes interleaved; medians with
their range; the load average before and after.

Run: .venv/bin/python benchmarks/bench_write_lock.py [--items 135,500,2000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_render import synthetic_quarter  # noqa: E402

from binational.publish.formats import RENDERERS  # noqa: E402
from binational.store.database import Database  # noqa: E402

BINATIONAL = Path(sys.executable).with_name("binational")


class LockProbe(threading.Thread):
    """Tries to write every ``interval`` s; remembers the longest time it could not."""

    def __init__(self, path: Path, interval: float = 0.002) -> None:
        super().__init__(daemon=True)
        self.path, self.interval = path, interval
        self.longest = 0.0
        self.stop = threading.Event()

    def run(self) -> None:
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        blocked_since = None
        while not self.stop.is_set():
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("ROLLBACK")
                if blocked_since is not None:
                    self.longest = max(self.longest, time.perf_counter() - blocked_since)
                    blocked_since = None
            except sqlite3.OperationalError:
                if blocked_since is None:
                    blocked_since = time.perf_counter()
            time.sleep(self.interval)
        connection.close()


def one_import(report: Path, template: Path, work: Path) -> tuple[float, float]:
    database = work / "lock.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    shutil.copyfile(template, database)
    probe = LockProbe(database)
    probe.start()
    started = time.perf_counter()
    result = subprocess.run([str(BINATIONAL), "import", str(report), "--db", str(database)],
                            capture_output=True, text=True)  # fmt: skip
    elapsed = time.perf_counter() - started
    probe.stop.set()
    probe.join()
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    return probe.longest, elapsed


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", default="135,500,2000")
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.items.split(",")]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        template = work / "template.db"
        Database.open(str(template)).close()
        reports = {}
        for size in sizes:
            reports[size] = work / f"report-{size}.txt"
            reports[size].write_bytes(RENDERERS["txt"].render(synthetic_quarter(size)))
        held: dict[int, list[float]] = {size: [] for size in sizes}
        whole: dict[int, list[float]] = {size: [] for size in sizes}
        for _ in range(arguments.runs):
            for size in sizes:
                longest, elapsed = one_import(reports[size], template, work)
                held[size].append(longest)
                whole[size].append(elapsed)
    for size in sizes:
        print(f"{size:5d} items: write lock held {spread(held[size])}; "
              f"whole import {spread(whole[size])}")  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
