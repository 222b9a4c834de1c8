"""``binational import`` killed with SIGKILL at random points (issue 12, item 8): at
random moments, start-up and the schema's creation included, and while its one
transaction is being written out (the WAL growing): after each kill the SQLite file
passes ``integrity_check`` and holds the report whole or not at all, and a rerun
imports exactly what an uninterrupted import does. A kill that came too late (the
report whole) starts the next attempt on a new file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from big_report import big_report

KILLS = 6
ITEMS = 400


def start_import(directory: Path, report: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "binational", "import", str(report), "--json"],
        cwd=directory, env={**os.environ, "BINATIONAL_DB": str(directory / "import.db")},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wal_size(directory: Path) -> int:
    try:
        return (directory / "import.db-wal").stat().st_size
    except FileNotFoundError:
        return 0


def kill_when(process: subprocess.Popen, ready) -> None:
    while process.poll() is None and not ready():
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)


def stored(directory: Path) -> dict:
    """The quarter as stored, once the file is checked: whole or absent, never part."""
    path = directory / "import.db"
    if not path.exists():
        return {"reports": 0, "events": []}
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        if "reports" not in names:
            return {"reports": 0, "events": []}  # killed before the schema was made
        reports = db.execute("SELECT count(*) FROM reports").fetchone()[0]
        items = db.execute("SELECT count(*) FROM report_items").fetchone()[0]
        events = [row[0] for row in db.execute("SELECT title FROM events ORDER BY date_value, id")]
    assert (reports, items, len(events)) in ((0, 0, 0), (1, ITEMS, ITEMS)), (reports, items)
    return {"reports": reports, "events": events}


def test_import_killed_at_random_points_leaves_the_report_whole_or_absent(tmp_path):
    report = tmp_path / "big.txt"
    report.write_bytes(big_report(ITEMS))
    reference_dir, killed_dir = tmp_path / "reference", tmp_path / "killed"
    reference_dir.mkdir()
    killed_dir.mkdir()
    started = time.monotonic()
    reference = start_import(reference_dir, report)
    out, err = reference.communicate(timeout=120)
    duration = time.monotonic() - started
    assert reference.returncode == 0, err
    expected = stored(reference_dir)
    assert len(expected["events"]) == ITEMS

    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    moments = []
    for number in range(KILLS):
        process = start_import(killed_dir, report)
        if number % 2 == 0:
            delay = chance.uniform(0.05, duration)
            moment = time.monotonic() + delay
            kill_when(process, lambda: time.monotonic() >= moment)  # noqa: B023
            point = f"at {delay:.2f} s"
        else:  # while the transaction is being written
            before = wal_size(killed_dir)
            grown = chance.randint(4096, 256 * 1024)
            kill_when(process, lambda: wal_size(killed_dir) > before + grown)  # noqa: B023
            point = f"after {grown} WAL bytes"
        state = stored(killed_dir)
        moments.append(f"{point}: exit {process.returncode}, {len(state['events'])} events")
        if state["reports"]:
            assert state == expected, (seed, moments)
            for suffix in ("", "-wal", "-shm"):  # start again, so the next kill can land
                Path(f"{killed_dir / 'import.db'}{suffix}").unlink(missing_ok=True)

    rerun = start_import(killed_dir, report)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, (seed, moments, err)
    assert stored(killed_dir) == expected, (seed, moments)
    assert any("exit -9" in moment for moment in moments), moments
    print(f"seed {seed}, duration {duration:.1f} s, kills: {moments}")
