"""Opening a database (store/database.py): the schema check that needs no Alembic,
what is not a database, and writers meeting a locked SQLite file."""

import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import inspect, text

from binational.errors import Busy, UserError
from binational.store.database import (
    SCHEMA_HEADS,
    Database,
    DatabaseBusy,
    database_url,
    is_current,
    script_heads,
)


def test_the_known_heads_are_the_scripts_heads(database):
    assert script_heads(database.engine) == SCHEMA_HEADS


def test_a_new_database_is_migrated_to_every_head(database):
    assert is_current(database.engine)
    with database.engine.connect() as connection:
        stored = set(connection.scalars(text("SELECT version_num FROM alembic_version")))
    assert stored == SCHEMA_HEADS


def test_a_database_behind_a_head_is_migrated_on_open(tmp_path):
    path = tmp_path / "old.db"
    Database.open(str(path)).close()
    behind = Database.open(str(path), migrate=False)
    with behind.engine.begin() as connection:  # back to 0004_event_context, before 0007_drafts
        for table in ("event_drafts", "ingest_sources", "ingest_host_slots", "job_errors"):
            connection.execute(text(f"DROP TABLE {table}"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0004_event_context' "
                                "WHERE version_num = '0010_jobs'"))  # fmt: skip
    assert not is_current(behind.engine)
    behind.close()
    reopened = Database.open(str(path))
    assert is_current(reopened.engine)
    with reopened.engine.connect() as connection:
        connection.execute(text("SELECT draft FROM event_drafts"))
    reopened.close()


def test_opening_a_current_database_does_not_import_alembic(tmp_path):
    path = tmp_path / "current.db"
    Database.open(str(path)).close()
    code = (
        "import sys\n"
        "from binational.store.database import Database\n"
        f"Database.open({str(path)!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_database_keeps_no_full_text_index_of_its_own(database):
    """The search service answers every search; the database's FTS5 table (SQLite)
    or tsvector column (PostgreSQL) of migration 0001 is dropped by 0009."""
    tables = set(database.table_names())
    assert "events_fts" not in tables
    columns = {column["name"] for column in inspect(database.engine).get_columns("events")}
    assert "search_vector" not in columns


def hold_write_lock(path, seconds: float, taken: threading.Event) -> threading.Thread:
    """Another writer: a plain sqlite3 connection that holds the write lock a while."""

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO sign_in_failures (kind, key, failed_at) VALUES ('x', 'y', 0)"
        )
        taken.set()
        time.sleep(seconds)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    return thread


def failures(database) -> int:
    with database.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM sign_in_failures")).scalar()


def test_a_writer_waits_for_the_lock_with_backoff_and_then_writes(tmp_path):
    path = tmp_path / "busy.db"
    database = Database.open(str(path), lock_wait=5.0)
    taken = threading.Event()
    holder = hold_write_lock(path, 0.6, taken)
    taken.wait()
    started = time.monotonic()
    with database.transaction() as session:
        session.execute(text("INSERT INTO sign_in_failures (kind, key, failed_at) "
                             "VALUES ('a', 'b', 1)"))  # fmt: skip
    waited = time.monotonic() - started
    holder.join()
    assert 0.4 < waited < 4.0
    assert failures(database) == 2
    database.close()


def test_past_lock_wait_a_writer_gives_up_in_one_sentence_with_nothing_changed(tmp_path):
    path = tmp_path / "busy.db"
    database = Database.open(str(path), lock_wait=0.5)
    taken = threading.Event()
    holder = hold_write_lock(path, 3.0, taken)
    taken.wait()
    started = time.monotonic()
    with pytest.raises(DatabaseBusy) as refused, database.transaction() as session:
        session.execute(text("INSERT INTO sign_in_failures (kind, key, failed_at) "
                             "VALUES ('a', 'b', 1)"))  # fmt: skip
    waited = time.monotonic() - started
    holder.join()
    assert 0.4 < waited < 2.5
    assert isinstance(refused.value, Busy) and refused.value.retry_after == 1
    assert str(refused.value) == (
        "the database is busy with another change (an import or an ingest run, say) and "
        "stayed locked for 0.5 s; nothing was changed, try again in a moment"
    )
    assert failures(database) == 1  # the other writer's row only
    database.close()


def test_reads_do_not_wait_for_a_writer(tmp_path):
    path = tmp_path / "busy.db"
    database = Database.open(str(path), lock_wait=0.2)
    taken = threading.Event()
    holder = hold_write_lock(path, 1.0, taken)
    taken.wait()
    started = time.monotonic()
    assert failures(database) == 0  # the writer has not committed: WAL shows the last commit
    assert time.monotonic() - started < 0.5
    holder.join()
    database.close()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("foo://bar", "'foo' in 'foo://bar' is not a database this program opens; give a file "
                      "path, sqlite:///PATH or postgresql+psycopg://…"),
        ("mysql://u:secret@db/x", "'mysql' in 'mysql://u:***@db/x' is not a database this "
                                  "program opens; give a file path, sqlite:///PATH or "
                                  "postgresql+psycopg://…"),
    ],
)  # fmt: skip
def test_unknown_database_urls_are_one_sentence(target, message):
    with pytest.raises(UserError) as refused:
        database_url(target)
    assert str(refused.value) == message


def test_a_url_without_a_driver_means_psycopg():
    assert database_url("postgresql://u:p@h/x") == "postgresql+psycopg://u:p@h/x"
    assert database_url("postgres://u:p@h/x") == "postgresql+psycopg://u:p@h/x"


@pytest.mark.parametrize("content", [b"hello, these are notes\n", b"\x00" * 64, b"PK\x03\x04zip"])
def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path, content):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(UserError) as refused:
        Database.open(str(path))
    assert str(refused.value) == (
        f"{path} is not a SQLite database; give the database file (setting db, --db or "
        "BINATIONAL_DB), a new file name, or a postgresql+psycopg:// URL"
    )
    assert path.read_bytes() == content


def test_an_empty_file_is_a_new_database(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    Database.open(str(path)).close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_server_that_cannot_be_reached_is_one_sentence_without_the_password():
    with pytest.raises(UserError) as refused:
        Database.open("postgresql+psycopg://someone:hunter2secret@127.0.0.1:9/nothing")
    message = str(refused.value)
    assert message.startswith("cannot open the database postgresql+psycopg://someone:***@")
    assert "hunter2secret" not in message and "\n" not in message


def test_a_process_killed_while_creating_the_schema_leaves_none_of_it_half_made(tmp_path):
    """Every migration runs in one transaction on SQLite too (the driver would commit
    each CREATE TABLE alone): a kill at any moment leaves the schema whole or absent,
    and the next open finishes the job."""
    import random
    import signal

    chance = random.Random()
    code = "import sys\nfrom binational.store.database import Database\n"
    code += "Database.open(sys.argv[1])\n"
    kills = []
    for attempt in range(8):
        path = tmp_path / f"new-{attempt}.db"
        process = subprocess.Popen([sys.executable, "-c", code, str(path)])
        wal = tmp_path / f"new-{attempt}.db-wal"
        while process.poll() is None and not (wal.exists() and wal.stat().st_size):
            time.sleep(0.0005)  # until the migrations write
        delay = chance.uniform(0.0, 0.1)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills.append((round(delay, 2), process.returncode))
        reopened = Database.open(str(path))
        assert is_current(reopened.engine), kills
        reopened.close()
    assert any(code == -9 for _, code in kills), kills


def test_a_postgresql_writer_waits_for_a_held_row_no_longer_than_lock_wait(postgres_server):
    name = postgres_server.fresh_database()
    url = postgres_server.url(name)
    holder, database = Database.open(url), Database.open(url, lock_wait=0.5)
    try:
        with holder.transaction() as session:
            session.execute(text("INSERT INTO sign_in_failures (kind, key, failed_at) "
                                 "VALUES ('x', 'y', 0)"))  # fmt: skip
        with holder.engine.connect() as other:
            other.execute(text("SELECT * FROM sign_in_failures FOR UPDATE"))  # holds the row
            started = time.monotonic()
            with pytest.raises(DatabaseBusy), database.transaction() as session:
                session.execute(text("UPDATE sign_in_failures SET key = 'z'"))
            waited = time.monotonic() - started
            other.rollback()
        assert 0.4 < waited < 3.0
        with database.connect() as connection:
            assert connection.execute(text("SELECT key FROM sign_in_failures")).scalar() == "y"
    finally:
        holder.close()
        database.close()
        postgres_server.drop(name)
