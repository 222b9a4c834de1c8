"""Events gain ``context``: the background paragraph of the center's 2022 layout
("Institutional context - ..."), apart from the summary and the implications.

Revision ID: 0004_event_context
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_event_context"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("context", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("context")
