"""Kept drafts: ``event_drafts`` holds each machine draft of an event (its JSON and
the texts its offsets point into), so the edit page can show the latest one.

Revision ID: 0007_drafts
Revises: 0004_event_context
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_drafts"
down_revision = "0004_event_context"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("method", sa.String(200), nullable=False),
        sa.Column("draft", sa.JSON, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
    )
    op.create_index("ix_event_drafts_event_id", "event_drafts", ["event_id"])


def downgrade() -> None:
    op.drop_index("ix_event_drafts_event_id", table_name="event_drafts")
    op.drop_table("event_drafts")
