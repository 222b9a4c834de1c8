"""The job queue: procrastinate's schema (PostgreSQL only: the queue lives there),
the sources every worker polls, the per-host request slots shared by the workers,
and the errors of failed job attempts.

Procrastinate's schema is applied here, from the ``schema.sql`` of the installed
procrastinate (pinned to one minor version in ``pyproject.toml``), rather than by
procrastinate's own ``schema --apply`` command: opening a database then brings
everything to the current schema in one step, as it always has, and the schema is
versioned with ours. Moving procrastinate to a new minor version means a new
migration that runs the SQL files procrastinate ships for that step
(``procrastinate/sql/migrations``).

Revision ID: 0010_jobs
Revises: 0009_drop_database_fts
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_jobs"
down_revision = "0009_drop_database_fts"
branch_labels = None
depends_on = None

PROCRASTINATE_OBJECTS = """
DROP TABLE IF EXISTS procrastinate_periodic_defers, procrastinate_events,
    procrastinate_jobs, procrastinate_workers CASCADE;
DO $$
DECLARE name text;
BEGIN
    FOR name IN SELECT oid::regprocedure::text FROM pg_proc
                WHERE proname LIKE 'procrastinate\\_%' LOOP
        EXECUTE 'DROP FUNCTION IF EXISTS ' || name || ' CASCADE';
    END LOOP;
    FOR name IN SELECT quote_ident(typname) FROM pg_type
                WHERE typname LIKE 'procrastinate\\_%' AND typtype IN ('c', 'e') LOOP
        EXECUTE 'DROP TYPE IF EXISTS ' || name || ' CASCADE';
    END LOOP;
END $$;
"""


def _run_script(sql: str) -> None:
    """Run a multi-statement script through the driver itself: with no parameters,
    psycopg sends it as it is (SQLAlchemy would read its colons and percents)."""
    cursor = op.get_bind().connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def upgrade() -> None:
    op.create_table(
        "ingest_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("selector", sa.Text, nullable=False),
        sa.Column("official", sa.Boolean),
        sa.Column("interval", sa.Float),
        sa.Column("next_poll_at", sa.DateTime),
        sa.Column("last_polled_at", sa.DateTime),
        sa.Column("last_outcome", sa.String(12)),
        sa.Column("last_error", sa.Text),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "ingest_host_slots",
        sa.Column("host", sa.String(300), primary_key=True),
        sa.Column("next_at", sa.Float, nullable=False),
    )
    op.create_table(
        "job_errors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("job_id", sa.BigInteger, nullable=False),
        sa.Column("task_name", sa.String(128), nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_job_errors_job_id", "job_errors", ["job_id"])
    if op.get_bind().dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        _run_script(SchemaManager.get_schema())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _run_script(PROCRASTINATE_OBJECTS)
    op.drop_index("ix_job_errors_job_id", "job_errors")
    op.drop_table("job_errors")
    op.drop_table("ingest_host_slots")
    op.drop_table("ingest_sources")
