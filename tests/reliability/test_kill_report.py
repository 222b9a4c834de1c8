"""``binational report`` killed with SIGKILL at random points (issue 12, items 6 and
8): every report file left under its own name is whole (byte for byte what an
uninterrupted build writes: the builds are deterministic), an unfinished one is only
ever a ``.partial`` file, no process of the build outlives it, the database is
untouched, and a rerun writes every file and leaves no ``.partial`` behind."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

KILLS = 6
FORMATS = "md,txt,html,pdf,docx"


def start_report(directory: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "binational", "report", "2023Q2", "--format", FORMATS,
         "--out", str(out)],
        cwd=directory, env={**os.environ, "BINATIONAL_DB": str(directory / "report.db")},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line names ``text`` (a killed build's children
    would still name its output directory)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if text in command:
            found.append(int(entry.name))
    return found


def files(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in out.iterdir()} if out.exists() else {}


def check_left(out: Path, expected: dict[str, bytes]) -> list[str]:
    """Every file under a report's name is whole; the rest are .partial ones."""
    left = files(out)
    for name, data in left.items():
        if name.endswith(".partial"):
            assert name.removesuffix(".partial") in expected, name
        else:
            assert data == expected[name], f"{name} is not whole"
    return sorted(left)


def database_digest(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute(
            "SELECT id, title, summary, updated_at FROM events ORDER BY id"
        ).fetchall()


def test_report_killed_at_random_points_leaves_only_whole_files(tmp_path, sample_report_path):
    work = tmp_path / "work"
    work.mkdir()
    command = [sys.executable, "-m", "binational", "import", str(sample_report_path),
               "--db", str(work / "report.db")]  # fmt: skip
    made = subprocess.run(command, capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    before = database_digest(work / "report.db")
    started = time.monotonic()
    reference = start_report(work, tmp_path / "reference")
    _, err = reference.communicate(timeout=120)
    duration = time.monotonic() - started
    assert reference.returncode == 0, err
    expected = files(tmp_path / "reference")
    assert sorted(expected) == [f"report-2023Q2.{suffix}" for suffix in sorted(FORMATS.split(","))]

    out = tmp_path / "killed"
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    moments = []
    for number in range(KILLS):
        if number == KILLS // 2:
            shutil.rmtree(out, ignore_errors=True)  # half the kills over earlier files
        process = start_report(work, out)
        delay = chance.uniform(0.3 * duration, duration)  # mostly while rendering
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        time.sleep(0.05)
        assert processes_mentioning(str(out)) == [], (seed, moments)
        left = check_left(out, expected)
        moments.append(f"at {delay:.2f} s: exit {process.returncode}, {left}")

    rerun = start_report(work, out)
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, (seed, moments, err)
    assert files(out) == expected, (seed, moments)
    assert database_digest(work / "report.db") == before
    assert any("exit -9" in moment for moment in moments), moments
    print(f"seed {seed}, duration {duration:.1f} s, kills: {moments}")
