"""Opening a database (store/database.py): the schema check that needs no Alembic."""

import subprocess
import sys

from sqlalchemy import inspect, text

from binational.store.database import SCHEMA_HEADS, Database, is_current, script_heads


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
        connection.execute(text("DROP TABLE event_drafts"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0004_event_context' "
                                "WHERE version_num = '0009_drop_database_fts'"))  # fmt: skip
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
