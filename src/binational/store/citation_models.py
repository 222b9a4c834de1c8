"""The citations table: one row per URL that a published event cites, holding the
archived copy fetched for it when ingestion had none (where it sits in the WARC
archive, and its readable text, extracted once), and what the last re-check of
the original URL found (still there, moved, or dead).

The schema is owned by migration ``0008_citations``; a test checks the two agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from binational.store.models import Base

# What a re-check of a cited URL found.
CHECK_STATES = ("ok", "moved", "dead", "error")


class Citation(Base):
    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    # The archived copy (WARC file relative to archive_dir), when this table made it.
    warc_file: Mapped[str | None] = mapped_column(Text)
    warc_offset: Mapped[int | None] = mapped_column(BigInteger)
    warc_length: Mapped[int | None] = mapped_column(Integer)
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The copy's readable text, extracted once when it was archived.
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    archive_error: Mapped[str | None] = mapped_column(Text)
    # The last re-check of the original URL.
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    check_state: Mapped[str | None] = mapped_column(String(12))
    check_status: Mapped[int | None] = mapped_column(Integer)
    final_url: Mapped[str | None] = mapped_column(Text)
    check_note: Mapped[str | None] = mapped_column(Text)
