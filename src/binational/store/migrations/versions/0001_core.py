"""Core tables: reports, report items, events, sources, institution links, topics,
revisions; full-text search over events (FTS5 on SQLite, tsvector on PostgreSQL).

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_FTS = [
    # External-content FTS5 index over the three searchable fields; diacritics are
    # folded so "lopez" finds "López".
    """CREATE VIRTUAL TABLE events_fts USING fts5(
        title, summary, implications,
        content='events', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, title, summary, implications)
        VALUES (new.id, new.title, new.summary, new.implications);
    END""",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, summary, implications)
        VALUES ('delete', old.id, old.title, old.summary, old.implications);
    END""",
    """CREATE TRIGGER events_fts_update AFTER UPDATE OF title, summary, implications
        ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, summary, implications)
        VALUES ('delete', old.id, old.title, old.summary, old.implications);
        INSERT INTO events_fts(rowid, title, summary, implications)
        VALUES (new.id, new.title, new.summary, new.implications);
    END""",
]

POSTGRES_FTS = [
    # A text search configuration that folds accents when the unaccent extension can
    # be created (it is a trusted extension, so a database owner may), else 'simple'.
    """DO $$
    BEGIN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'unaccent unavailable; search will not fold accents';
        END;
        CREATE TEXT SEARCH CONFIGURATION binational_text (COPY = simple);
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
            ALTER TEXT SEARCH CONFIGURATION binational_text
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END $$""",
    """ALTER TABLE events ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('binational_text'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('binational_text'::regconfig, coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('binational_text'::regconfig, coalesce(implications, '')), 'C')
    ) STORED""",
    "CREATE INDEX ix_events_search_vector ON events USING gin (search_vector)",
]


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("date_value", sa.Date, nullable=False),
        sa.Column("date_precision", sa.String(10), nullable=False),
        sa.Column("date_source", sa.String(10), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("implications", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("link_text", sa.String(200)),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("truncated", sa.Boolean, nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("origin_ref", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_events_date_value", "events", ["date_value"])
    op.create_index("ix_events_status", "events", ["status"])

    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("header", sa.Text, nullable=False),
        sa.Column("intro", sa.Text, nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("source_sha256", sa.String(64)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("kind", "period", name="uq_reports_kind_period"),
    )
    op.create_table(
        "report_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer),
        sa.Column("printed_number", sa.Integer),
        sa.Column("month_section", sa.String(40)),
        sa.Column("excluded", sa.Boolean, nullable=False),
        sa.UniqueConstraint("report_id", "event_id", name="uq_report_items_event"),
    )
    op.create_index("ix_report_items_report_id", "report_items", ["report_id"])
    op.create_index("ix_report_items_event_id", "report_items", ["event_id"])

    op.create_table(
        "event_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("document_id", sa.Integer),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("event_id", "url", name="uq_event_sources_url"),
    )
    op.create_index("ix_event_sources_event_id", "event_sources", ["event_id"])

    op.create_table(
        "event_institutions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("mention", sa.Text),
        sa.Column("field", sa.String(20)),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("origin", sa.String(12), nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("event_id", "slug", name="uq_event_institutions_slug"),
    )
    op.create_index("ix_event_institutions_event_id", "event_institutions", ["event_id"])
    op.create_index("ix_event_institutions_slug", "event_institutions", ["slug"])

    op.create_table(
        "event_topics",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("slug", sa.String(60), nullable=False),
        sa.Column("terms", sa.JSON, nullable=False),
        sa.Column("origin", sa.String(12), nullable=False),
        sa.Column("removed", sa.Boolean, nullable=False),
        sa.UniqueConstraint("event_id", "slug", name="uq_event_topics_slug"),
    )
    op.create_index("ix_event_topics_event_id", "event_topics", ["event_id"])
    op.create_index("ix_event_topics_slug", "event_topics", ["slug"])

    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("before", sa.JSON, nullable=False),
        sa.Column("after", sa.JSON, nullable=False),
    )
    op.create_index("ix_revisions_event_id", "revisions", ["event_id"])

    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE_FTS, "postgresql": POSTGRES_FTS}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS events_fts")
    for table in (
        "revisions",
        "event_topics",
        "event_institutions",
        "event_sources",
        "report_items",
        "reports",
        "events",
    ):
        op.drop_table(table)
    if dialect == "postgresql":
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS binational_text")
