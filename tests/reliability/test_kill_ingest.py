"""``binational ingest --once`` killed with SIGKILL at random points, against the
loopback newsroom (at random moments, start-up included, and at random counts of
stored documents, so that kills land mid-ingest): after each kill the SQLite
database passes ``integrity_check``, nothing is half-written (every document has
its story and a readable archived response, every story has its documents), and a
rerun completes with what an uninterrupted run stores."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import newsroom
import pages
import pytest
from sqlalchemy import create_engine, text
from webserver import start_sites

from binational.ingest.archive import ArchiveLocation, read_response
from binational.ingest.sources import save_sources

KILLS = 6


@pytest.fixture(scope="module")
def watched(tmp_path_factory) -> Path:
    sites, servers = start_sites()
    releases = {release["id"]: release for release in pages.load_releases()}
    path = tmp_path_factory.mktemp("kill") / "watch.toml"
    save_sources(path, newsroom.build(sites, releases))
    yield path
    for server in servers:
        server.shutdown()
        server.server_close()


def environment(directory: Path) -> dict[str, str]:
    return {
        **os.environ,
        "BINATIONAL_DB": str(directory / "ingest.db"),
        "BINATIONAL_ARCHIVE_DIR": str(directory / "archive"),
        "BINATIONAL_REQUESTS_PER_SECOND": "5",  # slow enough for kills to land mid-run
        "BINATIONAL_FETCH_TIMEOUT": "2",
        "BINATIONAL_FETCH_RETRIES": "1",
        "BINATIONAL_RETRY_BACKOFF": "0.05",
        "BINATIONAL_FETCH_ALLOW_NETWORKS": "127.0.0.0/8",
        "BINATIONAL_PAGE_RETRY_BACKOFF": "0",
    }


def ingest(directory: Path, sources: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "binational", "ingest", "--sources", str(sources),
               "--once", "--json"]  # fmt: skip
    return subprocess.Popen(
        command, cwd=directory, env=environment(directory),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def document_count(directory: Path) -> int:
    try:
        with sqlite3.connect(f"file:{directory / 'ingest.db'}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM ingest_documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or being migrated
        return 0


def kill_when(process: subprocess.Popen, ready) -> None:
    while process.poll() is None and not ready():
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)


def stored(directory: Path) -> dict:
    """What the database holds, after checking that none of it is half-written."""
    engine = create_engine(f"sqlite:///{directory / 'ingest.db'}")
    try:
        with engine.connect() as db:
            assert db.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert db.execute(text("PRAGMA foreign_key_check")).fetchall() == []
            if "ingest_documents" not in {
                row[0] for row in db.execute(text("SELECT name FROM sqlite_master"))
            }:
                return {"documents": set(), "stories": 0}  # killed before the schema
            documents = db.execute(text(
                "SELECT d.canonical_url, d.kind, d.candidate_id, c.id, d.warc_file,"
                " d.warc_offset, d.warc_length, d.url FROM ingest_documents d"
                " LEFT JOIN ingest_candidates c ON c.id = d.candidate_id"
            )).fetchall()  # fmt: skip
            empty_stories = db.execute(text(
                "SELECT count(*) FROM ingest_candidates c WHERE NOT EXISTS"
                " (SELECT 1 FROM ingest_documents d WHERE d.candidate_id = c.id)"
            )).scalar()  # fmt: skip
            stories = db.execute(text("SELECT count(*) FROM ingest_candidates")).scalar()
    finally:
        engine.dispose()
    assert empty_stories == 0
    for canonical, kind, candidate_id, story, warc_file, offset, length, url in documents:
        assert candidate_id is not None and story == candidate_id, canonical
        if kind == "page":
            location = ArchiveLocation(warc_file, offset, length)
            record = read_response(directory / "archive", location)
            assert record.url == url and record.status == 200 and record.body
    return {"documents": {(c, k) for c, k, *_ in documents}, "stories": stories}


def test_ingest_killed_at_random_points_leaves_nothing_half_written(tmp_path, watched):
    reference_dir, killed_dir = tmp_path / "reference", tmp_path / "killed"
    reference_dir.mkdir()
    killed_dir.mkdir()
    started = time.monotonic()
    reference = ingest(reference_dir, watched)
    out, err = reference.communicate(timeout=120)
    duration = time.monotonic() - started
    assert reference.returncode == 0, err
    assert json.loads(out)["new"] == 12
    expected = stored(reference_dir)
    assert expected["stories"] == 12

    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    moments = []
    total = len(expected["documents"])
    for number in range(KILLS):
        before = document_count(killed_dir)
        process = ingest(killed_dir, watched)
        # The first kill waits for a count of documents short of the whole, so at least
        # one lands mid-run: a moment drawn from the reference run's duration may come
        # after a faster run has already finished.
        if number % 2 == 1:
            delay = chance.uniform(0.2, duration)
            moment = time.monotonic() + delay
            kill_when(process, lambda: time.monotonic() >= moment)  # noqa: B023
            point = f"at {delay:.2f} s"
        else:
            target = before + chance.randint(1, max(1, total - before - 1))
            kill_when(process, lambda: document_count(killed_dir) >= target)  # noqa: B023
            point = f"at {target} documents"
        partial = stored(killed_dir)  # checks integrity and completeness of what is there
        moments.append(f"{point}: exit {process.returncode}, {len(partial['documents'])} stored")
        assert partial["documents"] <= expected["documents"], (seed, moments)

    rerun = ingest(killed_dir, watched)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, (seed, moments, err)
    final = stored(killed_dir)
    assert final == expected, (seed, moments)
    assert any("exit -9" in m for m in moments), moments  # at least one kill was mid-run
    print(f"seed {seed}, duration {duration:.1f} s, kills: {moments}")
