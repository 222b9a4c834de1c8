"""Web application: users and API tokens; covering indexes for the events list's
facet counts (dates and statuses, links and topics by slug).

Revision ID: 0003_web
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_web"
down_revision = "0001"
branch_labels = None
depends_on = None

# Declared in store/models.py too, so the ORM metadata matches the schema.
FACET_INDEXES = (
    ("ix_events_date_status", "events", ["date_value", "status"]),
    ("ix_event_institutions_facets", "event_institutions", ["slug", "removed", "event_id"]),
    ("ix_event_topics_facets", "event_topics", ["slug", "removed", "event_id"]),
)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("session_version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    for name, table, columns in FACET_INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in FACET_INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_table("api_tokens")
    op.drop_table("users")
