"""Import of the bundled sample report, in-process, into a fresh SQLite file.

Target (issue 2): < 0.3 s. Two numbers, each the median of N runs:
- first import in a fresh process: building the registry linker and SQLAlchemy's
  one-time mapper set-up are on the clock (each run is a new Python process; the
  interpreter start and module imports are not counted);
- steady: further imports in the same process, linker already built.
The database file is created and migrated before the clock starts.
Run: .venv/bin/python benchmarks/bench_import.py [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.store.database import Database

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "cbi-report-2023-q2.txt"


def timed_import(path: Path, annotator=None) -> float:
    db = Database.open(str(path))
    started = time.perf_counter()
    [outcome] = import_reports(db, [SAMPLE], annotator=annotator or registry_annotator())
    elapsed = time.perf_counter() - started
    assert outcome.status == "imported" and outcome.items == 14
    db.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--first-in-process", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_in_process:
        print(timed_import(args.first_in_process))
        return
    with tempfile.TemporaryDirectory() as tmp:
        first = [
            float(subprocess.run(
                [sys.executable, __file__, "--first-in-process", f"{tmp}/first-{i}.db"],
                check=True, capture_output=True, text=True,
            ).stdout)
            for i in range(args.runs)
        ]  # fmt: skip
        annotator = registry_annotator()
        timed_import(Path(tmp) / "warm-up.db", annotator)
        steady = [timed_import(Path(tmp) / f"steady-{i}.db", annotator) for i in range(args.runs)]
    for label, times in (("first in a fresh process", first), ("steady", steady)):
        print(
            f"import sample, {label}: median {statistics.median(times) * 1000:.0f} ms "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, n={len(times)})"
        )


if __name__ == "__main__":
    main()
