"""Start-up of the command line as the user meets it: the read commands on the demo
database, each a whole new process, against ``binational --help``.

Run: .venv/bin/python benchmarks/bench_startup.py [--runs 11]

The demo database is built in a temporary directory as ``make demo`` builds it
(``binational import`` of the sample report). Each round runs every command once, as
a new process, in turn, so the commands of one round share the machine's load (2
cores shared with other work here); a command's figure is the median over the rounds
of its wall time and of its ratio to ``--help`` in the same round, and the same of
its CPU time (user + system), which another process's load disturbs less. Target
(issue 11, item 2): every read command within 2× ``--help``.

The runs see what a user's machine has after the first command, and no more: the
package's bytecode compiled (PYTHONDONTWRITEBYTECODE is dropped from their
environment), the registry's validated cache (``registry/cache.py``) and the store's
statements compiled for SQLite (``store/statement_cache.py``), all written by one
untimed run of each command into a fresh cache directory. Nothing else carries over
between repetitions: each one is a new interpreter. One more row times the first
read command after an install or an upgrade: ``events --period 2023Q2 --json`` with
the registry's cache but not the compiled statements (a new cache directory each
round), which reads through SQLAlchemy and writes them. One more run of each command
under ``-X importtime`` lists the heavy libraries it imports.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINATIONAL = Path(sys.executable).with_name("binational")
SAMPLE = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"
HELP = ("--help",)
READ_COMMANDS = (
    ("events", "--period", "2023Q2", "--json"),
    ("events", "--period", "2023Q2"),
    ("events", "show", "1", "--json"),
    ("events", "show", "1"),
    ("registry", "list"),
    ("registry", "show", "hled"),
    ("candidates", "--json"),
    ("settings",),
    ("settings", "--json"),
)
FIRST_RUN = ("events", "--period", "2023Q2", "--json")
FIRST_RUN_NAME = "(first run, no compiled statements)"
FIRST_RUN_ROW = ("first-run",)
HEAVY = (
    "sqlalchemy", "sqlalchemy.orm", "alembic", "pydantic", "rich.table", "yaml",
    "typst", "docx", "trafilatura", "numpy", "fastapi", "httpx", "jinja2",
)  # fmt: skip


def run(command: tuple[str, ...], environment: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [BINATIONAL, *command], env=environment, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def heavy_imports(command: tuple[str, ...], environment: dict[str, str]) -> list[str]:
    """The libraries of ``HEAVY`` that one run of ``command`` imports."""
    result = subprocess.run(
        [BINATIONAL, *command], env={**environment, "PYTHONPROFILEIMPORTTIME": "1"},
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()}
    return [name for name in HEAVY if name in imported]


def load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="rounds (median)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        environment = {
            key: value for key, value in os.environ.items()
            if key not in ("PYTHONDONTWRITEBYTECODE", "BINATIONAL_DEBUG")
        }  # fmt: skip
        environment["BINATIONAL_DB"] = str(Path(scratch) / "demo.db")
        environment["XDG_CACHE_HOME"] = str(Path(scratch) / "cache")
        subprocess.run(
            [BINATIONAL, "import", str(SAMPLE)], env=environment, check=True,
            capture_output=True,
        )  # fmt: skip
        commands = (HELP, *READ_COMMANDS)
        for command in commands:  # bytecode and the caches, as after a first use
            run(command, environment)
        cache = Path(scratch) / "cache" / "binational"
        registry_only = Path(scratch) / "registry-only"
        registry_only.mkdir()
        for path in cache.glob("registry-*.json"):
            shutil.copy2(path, registry_only / path.name)
        load_before = load()
        rows = (*commands, FIRST_RUN_ROW)
        wall: dict[tuple[str, ...], list[float]] = {row: [] for row in rows}
        cpu: dict[tuple[str, ...], list[float]] = {row: [] for row in rows}
        wall_ratios: dict[tuple[str, ...], list[float]] = {row: [] for row in rows}
        cpu_ratios: dict[tuple[str, ...], list[float]] = {row: [] for row in rows}
        for round_number in range(args.runs):
            help_wall, help_cpu = run(HELP, environment)
            wall[HELP].append(help_wall)
            cpu[HELP].append(help_cpu)
            for command in READ_COMMANDS:
                elapsed, used = run(command, environment)
                wall[command].append(elapsed)
                cpu[command].append(used)
                wall_ratios[command].append(elapsed / help_wall)
                cpu_ratios[command].append(used / help_cpu)
            fresh = Path(scratch) / f"first-run-{round_number}"
            shutil.copytree(registry_only, fresh / "binational")
            elapsed, used = run(FIRST_RUN, {**environment, "XDG_CACHE_HOME": str(fresh)})
            wall[FIRST_RUN_ROW].append(elapsed)
            cpu[FIRST_RUN_ROW].append(used)
            wall_ratios[FIRST_RUN_ROW].append(elapsed / help_wall)
            cpu_ratios[FIRST_RUN_ROW].append(used / help_cpu)
        load_after = load()
        heavy = {command: heavy_imports(command, environment) for command in commands}
        fresh = Path(scratch) / "first-run-imports"
        shutil.copytree(registry_only, fresh / "binational")
        heavy[FIRST_RUN_ROW] = heavy_imports(FIRST_RUN, {**environment,
                                                         "XDG_CACHE_HOME": str(fresh)})

    print(
        f"machine: {os.cpu_count()} CPUs, {platform.machine()}, Python "
        f"{platform.python_version()}; load average (1, 5, 15 min) before: {load_before}, "
        f"after: {load_after}"
    )
    print(
        f"rounds: {args.runs}; whole processes; medians of wall time, of its ratio to --help "
        "in the same round, and of CPU time (user + system) and its ratio"
    )
    print(f"{'command':40} {'wall':>7} {'ratio':>6} {'CPU':>7} {'ratio':>6}  heavy imports")

    def line(command: tuple[str, ...], ratio: str, cpu_ratio: str) -> str:
        name = "binational " + " ".join(FIRST_RUN if command == FIRST_RUN_ROW else command)
        wall_ms = statistics.median(wall[command]) * 1000
        cpu_ms = statistics.median(cpu[command]) * 1000
        return (
            f"{name:40} {wall_ms:4.0f} ms {ratio:>6} {cpu_ms:4.0f} ms {cpu_ratio:>6}  "
            + ", ".join(heavy[command])
        )

    print(line(HELP, "", ""))
    worst = worst_cpu = 0.0
    for command in READ_COMMANDS:
        ratio = statistics.median(wall_ratios[command])
        cpu_ratio = statistics.median(cpu_ratios[command])
        worst, worst_cpu = max(worst, ratio), max(worst_cpu, cpu_ratio)
        print(line(command, f"{ratio:.1f}×", f"{cpu_ratio:.1f}×"))
    print(line(FIRST_RUN_ROW, f"{statistics.median(wall_ratios[FIRST_RUN_ROW]):.1f}×",
               f"{statistics.median(cpu_ratios[FIRST_RUN_ROW]):.1f}×") + "  " + FIRST_RUN_NAME)
    print(
        f"slowest read command: {worst:.1f}× --help in wall time, {worst_cpu:.1f}× in CPU "
        "time (target ≤ 2×; the first run after an install is the row above)"
    )

if __name__ == "__main__":
    main()
