"""Backups (store/backup.py, store/snapshot.py) on SQLite and PostgreSQL: a restore
into a fresh place has every table's rows and every archive record; a backup taken
while a writer works is one consistent moment; damaged or mismatched backups and
occupied targets are refused with nothing changed."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from warcio.archiveiterator import ArchiveIterator

from binational.accounts.passwords import Passwords
from binational.accounts.sessions import start_session
from binational.accounts.throttle import LoginThrottle
from binational.accounts.users import create_user, issue_token
from binational.errors import UserError
from binational.ingest.archive import WarcArchive
from binational.intake.importer import import_reports
from binational.store.backup import back_up, restore_backup, verify_backup
from binational.store.database import Database

BATCH = 20
INSERT_BATCH_ROW = text(
    "INSERT INTO sign_in_failures (kind, key, failed_at) VALUES ('batch', :key, 0)"
)


def fill(database: Database, sample_report_path: Path, archive: Path) -> None:
    """Events from the sample report, an account with a token, a session and a
    failed sign-in, and two WARC files of responses."""
    import_reports(database, [sample_report_path])
    with database.transaction() as session:
        user = create_user(session, Passwords(), "ana@example.org", "admin", "a long password")
        issue_token(session, user, "cron")
        start_session(session, user, 12, time.time())
        LoginThrottle().failed(session, "bob@example.org", "192.0.2.7")
    for run in range(2):
        with WarcArchive(archive, f"binational-run{run}.warc.gz") as warc:
            for page in range(3):
                body = f"<html><p>run {run} page {page} – señal</p></html>".encode()
                warc.write_response(f"https://www.gob.mx/sre/{run}/{page}", 200, "OK",
                                    [("Content-Type", "text/html")], body)  # fmt: skip


def tables(database: Database) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    rows = {}
    with database.connect() as connection:
        for name in sorted(inspect(connection).get_table_names()):
            result = connection.execute(text(f'SELECT * FROM "{name}"'))
            rows[name] = sorted((tuple(row) for row in result), key=repr)
    return rows


def records(archive: Path) -> list[tuple]:
    found = []
    for path in sorted(archive.rglob("*.warc.gz")):
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                found.append((path.name, record.rec_headers.get_header("WARC-Target-URI"),
                              tuple(record.http_headers.headers),
                              record.content_stream().read()))  # fmt: skip
    return found


@pytest.fixture
def second_database(request, tmp_path):
    """A fresh place of the same kind as ``database`` to restore into."""
    if request.node.callspec.params["database"] == "sqlite":
        return str(tmp_path / "restored" / "binational.db")
    from sqlalchemy import create_engine

    server = request.getfixturevalue("postgres_server")
    name = server.fresh_database()
    engine = create_engine(server.url(name))
    with engine.begin() as connection:  # emptied: a database made for the restore
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    request.addfinalizer(lambda: server.drop(name))
    return server.url(name)


def database_target(database: Database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def test_a_restore_into_a_fresh_place_has_every_row_and_every_record(
    database, second_database, sample_report_path, tmp_path
):
    archive = tmp_path / "archive"
    fill(database, sample_report_path, archive)
    manifest = back_up(database_target(database), archive, tmp_path / "backup")
    assert [entry.path for entry in manifest.files][1:] == [
        "archive/binational-run0.warc.gz", "archive/binational-run1.warc.gz"
    ]  # fmt: skip
    restored_archive = tmp_path / "restored-archive"
    restore_backup(tmp_path / "backup", second_database, restored_archive, force=False)

    restored = Database.open(second_database)
    before, after = tables(database), tables(restored)
    restored.close()
    assert set(after) == set(before) and before["events"] and before["api_tokens"]
    assert before["sessions"] and after["sessions"] == []  # everyone signs in again
    for name in set(before) - {"sessions"}:
        assert after[name] == before[name], name
    assert records(restored_archive) == records(archive) and len(records(archive)) == 6


def test_a_backup_taken_while_a_writer_works_is_one_moment(database, tmp_path):
    """The writer commits batches of 20 rows; every backup must hold whole batches,
    and the writer is not held up for the backup's length."""
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        number = 0
        while not stop.is_set():
            with database.transaction() as session:
                for _ in range(BATCH):
                    session.execute(INSERT_BATCH_ROW, {"key": f"b{number}"})
            written.append(number)
            number += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        counts = []
        for attempt in range(3):
            while len(written) < 5 * (attempt + 1):
                time.sleep(0.01)
            directory = tmp_path / f"backup-{attempt}"
            back_up(database_target(database), tmp_path / "no-archive", directory)
            counts.append(batches_in(directory, database.dialect, tmp_path / f"check-{attempt}"))
    finally:
        stop.set()
        thread.join()
    for sizes in counts:
        assert sizes and set(sizes.values()) == {BATCH}, sizes
    assert len(written) > max(len(sizes) for sizes in counts)  # it went on writing


def batches_in(directory: Path, dialect: str, scratch: Path) -> dict[str, int]:
    """Rows per batch in a backup, read back from the backup's own file."""
    if dialect == "sqlite":
        import sqlite3

        connection = sqlite3.connect(directory / "database.sqlite")
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = connection.execute("SELECT key, count(*) FROM sign_in_failures "
                                  "WHERE kind = 'batch' GROUP BY key").fetchall()  # fmt: skip
        connection.close()
        return dict(rows)
    import subprocess

    listing = subprocess.run(["pg_restore", "--data-only", "--table=sign_in_failures", "-f", "-",
                              str(directory / "database.dump")],
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
    sizes: dict[str, int] = {}
    for line in listing.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[1] == "batch":
            sizes[parts[2]] = sizes.get(parts[2], 0) + 1
    return sizes


def test_a_damaged_backup_is_refused_before_anything_changes(sqlite_database, tmp_path):
    archive = tmp_path / "archive"
    with WarcArchive(archive, "one.warc.gz") as warc:
        warc.write_response("https://www.state.gov/x", 200, "OK", [], b"<p>x</p>")
    back_up(database_target(sqlite_database), archive, tmp_path / "backup")
    damaged = tmp_path / "backup" / "archive" / "one.warc.gz"
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte
    damaged.write_bytes(bytes(data))
    target = tmp_path / "new" / "binational.db"
    with pytest.raises(UserError) as refused:
        restore_backup(tmp_path / "backup", str(target), tmp_path / "new-archive", force=False)
    assert str(refused.value) == (
        f"{damaged} does not match the backup's manifest: the backup is damaged"
    )
    assert not target.exists() and not (tmp_path / "new-archive").exists()


def test_restoring_over_a_database_or_archive_needs_force(sqlite_database, tmp_path):
    archive = tmp_path / "archive"
    with WarcArchive(archive, "one.warc.gz") as warc:
        warc.write_response("https://www.state.gov/x", 200, "OK", [], b"<p>x</p>")
    target = database_target(sqlite_database)
    back_up(target, archive, tmp_path / "backup")
    with sqlite_database.transaction() as session:
        create_user(session, Passwords(), "late@example.org", "viewer", "a long password")
    with pytest.raises(UserError, match="already exists; restore over it with --force"):
        restore_backup(tmp_path / "backup", target, tmp_path / "other-archive", force=False)
    fresh = str(tmp_path / "fresh.db")
    with pytest.raises(UserError, match=f"the archive directory {archive} is not empty"):
        restore_backup(tmp_path / "backup", fresh, archive, force=False)
    sqlite_database.close()
    restore_backup(tmp_path / "backup", target, archive, force=True)
    reopened = Database.open(target)
    assert tables(reopened)["users"] == []  # the user added after the backup is gone
    reopened.close()


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda d: None, "has no manifest.json: it is not a whole binational backup"),
        (lambda d: (d / "manifest.json").write_text("{"), "is not a binational backup manifest"),
        (lambda d: (d / "manifest.json").write_text(json.dumps(
            {"format": 9, "created_at": "", "dialect": "sqlite", "database": "x", "schema": [],
             "files": []})), "is a backup of format 9; this version reads format 1"),
    ],
)  # fmt: skip
def test_what_is_not_a_backup_is_one_sentence(tmp_path, prepare, message):
    directory = tmp_path / "backup"
    directory.mkdir()
    prepare(directory)
    with pytest.raises(UserError, match=message):
        verify_backup(directory)


def test_a_backup_goes_into_a_new_or_empty_directory(sqlite_database, tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("x")
    with pytest.raises(UserError, match="exists and is not empty; give a new directory"):
        back_up(database_target(sqlite_database), tmp_path / "archive", tmp_path / "used")


def test_a_sqlite_backup_is_not_restored_into_postgresql(sqlite_database, tmp_path):
    back_up(database_target(sqlite_database), tmp_path / "archive", tmp_path / "backup")
    with pytest.raises(UserError, match="holds a sqlite database; restore it to a sqlite"):
        restore_backup(tmp_path / "backup", "postgresql+psycopg://u:p@127.0.0.1:9/x",
                       tmp_path / "archive", force=False)  # fmt: skip
