"""Ingestion: fetch states of watched URLs, fetched documents, and the candidate
queue (clusters of documents telling one release).

Revision ID: 0002_ingest
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_ingest"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingest_fetch_states",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("content_sha256", sa.String(64)),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "ingest_candidates",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("representative_id", sa.Integer),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_ingest_candidates_status", "ingest_candidates", ["status"])
    op.create_index("ix_ingest_candidates_score", "ingest_candidates", ["score"])
    op.create_index("ix_ingest_candidates_event_id", "ingest_candidates", ["event_id"])
    op.create_table(
        "ingest_documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("canonical_url", sa.Text, nullable=False),
        sa.Column("source_name", sa.String(200)),
        sa.Column("official", sa.Boolean, nullable=False),
        sa.Column("http_status", sa.Integer),
        sa.Column("content_type", sa.String(200)),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("fetched_at", sa.DateTime, nullable=False),
        sa.Column("warc_file", sa.Text),
        sa.Column("warc_offset", sa.BigInteger),
        sa.Column("warc_length", sa.Integer),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.String(64), nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("published_stated", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("institutions", sa.JSON, nullable=False),
        sa.Column("topics", sa.JSON, nullable=False),
        sa.Column(
            "candidate_id",
            sa.Integer,
            sa.ForeignKey("ingest_candidates.id", ondelete="SET NULL"),
        ),
        sa.UniqueConstraint("canonical_url", "kind", name="uq_ingest_documents_canonical_kind"),
    )
    op.create_index("ix_ingest_documents_canonical_url", "ingest_documents", ["canonical_url"])
    op.create_index("ix_ingest_documents_text_sha256", "ingest_documents", ["text_sha256"])
    op.create_index("ix_ingest_documents_candidate_id", "ingest_documents", ["candidate_id"])


def downgrade() -> None:
    op.drop_table("ingest_documents")
    op.drop_table("ingest_candidates")
    op.drop_table("ingest_fetch_states")
