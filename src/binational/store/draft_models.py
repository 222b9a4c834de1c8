"""The ORM model of a kept draft: a machine draft of an event's summary and
implications, as it was shown, with what it was drafted from. The schema is created
by migration ``0007_drafts``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from binational.store.models import Base, utcnow


class EventDraft(Base):
    """One draft of one event. ``draft`` is the draft's JSON record (the shape of
    ``drafting/draft.py``: summary sentences with their source offsets, the facts and
    their evidence, the method, the warnings); ``sources`` says which texts its
    offsets point into (``drafting/keep.py``), so the passage of a sentence can be
    shown later even when the event's own text has changed since."""

    __tablename__ = "event_drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    author: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(200))  # extractive | llm:MODEL
    draft: Mapped[dict[str, Any]] = mapped_column(JSON)
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
