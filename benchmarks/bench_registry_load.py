"""Whole-process time of two read commands with the registry validated vs. cached.

``binational registry list`` and ``binational events --json`` (on a demo database
made from the bundled sample report) are each run in new processes, the variants
interleaved run by run:

- ``validated``: the registry cache is unusable (``XDG_CACHE_HOME`` is a file), so
  every process validates the YAML with pydantic, as before the cache existed;
- ``cached``: a warm cache in a temporary ``XDG_CACHE_HOME``;
- ``baseline`` (with ``--baseline-src DIR``): another checkout's ``src`` (e.g. the
  commit before the cache, ``git archive 7c461f8 src | tar -x -C /tmp/before``) on
  ``PYTHONPATH``, with the same interpreter and libraries.

Prints the median, min and max wall time of each, the median and min CPU time (user +
system, less sensitive to a busy machine), and the machine's load before and after.
Run: .venv/bin/python benchmarks/bench_registry_load.py [--runs 7] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline-src", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        database = work / "demo.db"
        base_env = {**os.environ, "BINATIONAL_DB": str(database)}
        base_env.pop("PYTHONPATH", None)
        blocked = work / "no-cache"
        blocked.write_text("a file: the cache directory cannot be made here")
        variants = {
            "validated": {**base_env, "XDG_CACHE_HOME": str(blocked)},
            "cached": {**base_env, "XDG_CACHE_HOME": str(work / "cache")},
        }
        if args.baseline_src:
            variants["baseline"] = {
                **base_env,
                "XDG_CACHE_HOME": str(blocked),
                "PYTHONPATH": str(args.baseline_src.resolve()),
            }
        binational = [sys.executable, "-m", "binational"]
        subprocess.run(
            [*binational, "import", str(SAMPLE)], env=variants["validated"], check=True,
            capture_output=True,
        )  # fmt: skip
        commands = {
            "registry list": [*binational, "registry", "list"],
            "events --json": [*binational, "events", "--json"],
            "--help": [*binational, "--help"],
        }
        for env in variants.values():  # warm the disk cache and the registry cache
            for command in commands.values():
                timed(command, env)
        load_before = os.getloadavg()
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for _ in range(args.runs):
            for label, command in commands.items():
                for variant, env in variants.items():
                    times.setdefault((label, variant), []).append(timed(command, env))
        load_after = os.getloadavg()
    print(f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")
    for (label, variant), values in times.items():
        wall = [value[0] * 1000 for value in values]
        cpu = [value[1] * 1000 for value in values]
        print(
            f"{label:15} {variant:10} wall median {statistics.median(wall):5.0f} ms "
            f"(min {min(wall):.0f}, max {max(wall):.0f}); CPU median "
            f"{statistics.median(cpu):5.0f} ms (min {min(cpu):.0f}); n={len(values)}"
        )
    print(f"load average after:  {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")


if __name__ == "__main__":
    main()
