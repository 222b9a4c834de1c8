"""Fetch states remember failures: how many in a row, and when a later run may try
the URL again (``page_retry_backoff``, doubled after each further failure).

Revision ID: 0005_fetch_retry
Revises: 0002_ingest (the ingestion branch, which made the table it changes)
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_fetch_retry"
down_revision = "0002_ingest"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ingest_fetch_states") as batch:
        batch.add_column(sa.Column("failures", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("ingest_fetch_states") as batch:
        batch.drop_column("next_attempt_at")
        batch.drop_column("failures")
