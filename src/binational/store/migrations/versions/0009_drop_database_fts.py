"""The database's own full-text search over events goes: the search service
(``binational.search``, an index on disk) answers every search, so the FTS5 table and
its triggers (SQLite) and the generated tsvector column and its index (PostgreSQL)
only cost every write. The downgrade brings them back from 0001's statements.

Revision ID: 0009_drop_database_fts
Revises: 0007_drafts
Create Date: 2026-11-30
"""

from alembic import op

revision = "0009_drop_database_fts"
down_revision = "0007_drafts"
branch_labels = None
depends_on = None

SQLITE = [
    "DROP TRIGGER IF EXISTS events_fts_insert",
    "DROP TRIGGER IF EXISTS events_fts_delete",
    "DROP TRIGGER IF EXISTS events_fts_update",
    "DROP TABLE IF EXISTS events_fts",
]
POSTGRES = [
    "DROP INDEX IF EXISTS ix_events_search_vector",
    "ALTER TABLE events DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS binational_text",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("core", Path(__file__).with_name("0001_core.py"))
    core = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(core)
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": core.SQLITE_FTS, "postgresql": core.POSTGRES_FTS}.get(dialect, []):
        op.execute(statement)
    if dialect == "sqlite":
        op.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
