"""``binational backup DIR`` and ``binational restore DIR [--force]`` as a user runs
them: a whole process, one sentence when refused."""

import json
import subprocess
import sys
from pathlib import Path

from binational.ingest.archive import WarcArchive


def binational(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "binational", *args], cwd=cwd,
                          env={**os.environ, **env}, capture_output=True, text=True)  # fmt: skip


def test_backup_then_restore_elsewhere_and_refusals(tmp_path, sample_report_path):
    work = tmp_path / "work"
    work.mkdir()
    assert binational("import", str(sample_report_path), cwd=work).returncode == 0
    with WarcArchive(work / "archive", "run.warc.gz") as warc:
        warc.write_response("https://www.state.gov/a", 200, "OK", [], b"<p>a</p>")
    made = binational("backup", str(tmp_path / "nightly"), "--json", cwd=work)
    assert made.returncode == 0, made.stderr
    summary = json.loads(made.stdout)
    assert summary["dialect"] == "sqlite" and summary["archive_files"] == 1
    assert "0006_sessions" in summary["schema"]

    again = binational("backup", str(tmp_path / "nightly"), cwd=work)
    assert again.returncode == 1
    assert again.stderr == (f"error: {tmp_path / 'nightly'} exists and is not empty; give a new "
                            "directory for the backup\n")  # fmt: skip
    over = binational("restore", str(tmp_path / "nightly"), cwd=work)
    assert over.returncode == 1 and over.stderr.count("\n") == 1
    assert "already exists; restore over it with --force" in over.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    restored = binational("restore", str(tmp_path / "nightly"), cwd=elsewhere)
    assert restored.returncode == 0, restored.stderr
    listed = binational("events", "--json", cwd=elsewhere)
    assert len(json.loads(listed.stdout)) == 14
    assert (elsewhere / "archive" / "run.warc.gz").read_bytes() == (
        work / "archive" / "run.warc.gz"
    ).read_bytes()
    forced = binational("restore", str(tmp_path / "nightly"), "--force", cwd=work)
    assert forced.returncode == 0, forced.stderr
