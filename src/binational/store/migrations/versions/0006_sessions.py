"""Sessions kept on the server, and failed sign-ins kept in the database.

A browser's session is a row of ``sessions`` (the SHA-256 of the random token its
cookie carries, its user, when it ends), so that signing out, a new password or an
admin's "sign out everywhere" end it at once, in every server process. The users'
``session_version`` that did this from inside the cookie goes. Failed sign-ins are
rows of ``sign_in_failures`` (per account and per address), so the limit holds
across server processes and ``binational users unlock`` reaches them.

Revision ID: 0006_sessions
Revises: 0003_web (the web branch, which made the users table)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_sessions"
down_revision = "0003_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("key", sa.String(254), nullable=False),
        sa.Column("failed_at", sa.Float, nullable=False),
    )
    op.create_index("ix_sign_in_failures_key", "sign_in_failures", ["kind", "key", "failed_at"])
    # A plain ALTER TABLE (SQLite 3.35+), not a batch copy of the table: dropping the
    # old ``users`` table of a copy would cascade to the tokens and sessions.
    op.drop_column("users", "session_version")


def downgrade() -> None:
    op.add_column(
        "users", sa.Column("session_version", sa.Integer, nullable=False, server_default="1")
    )
    op.drop_index("ix_sign_in_failures_key", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_index("ix_sessions_user_id", table_name="sessions")
    op.drop_table("sessions")
