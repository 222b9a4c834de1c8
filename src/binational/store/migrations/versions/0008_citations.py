"""Citations: the archived copy fetched for a URL a published event cites (when
ingestion archived none) and what the last re-check of that URL found.

Revision ID: 0008_citations
Revises: 0005_fetch_retry
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_citations"
down_revision = "0005_fetch_retry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "citations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("warc_file", sa.Text),
        sa.Column("warc_offset", sa.BigInteger),
        sa.Column("warc_length", sa.Integer),
        sa.Column("archived_at", sa.DateTime),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text),
        sa.Column("archive_error", sa.Text),
        sa.Column("checked_at", sa.DateTime),
        sa.Column("check_state", sa.String(12)),
        sa.Column("check_status", sa.Integer),
        sa.Column("final_url", sa.Text),
        sa.Column("check_note", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("citations")
