"""Kept drafts: keeping one records a ``draft`` revision by its author with the
method; the latest is read back whole, a draft is found only under its own event;
the model matches migration 0007_drafts; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from binational.errors import UserError
from binational.store.draft_models import EventDraft
from binational.store.drafts import find_draft, latest_draft, save_draft
from binational.store.models import Base, Event

DRAFT = {"event_id": None, "summary": {"text": "S [unverified]."}, "method": "llm:m",
         "warnings": ["The model's summary gives “May 3”. It is marked [unverified]."]}  # fmt: skip
SOURCES = [{"url": "https://a.example/", "document_id": 4, "sha256": "ab", "stored": False}]


@pytest.fixture
def event_ids(database):
    with database.transaction() as session:
        events = [Event(title=t, date_value=dt.date(2023, 5, 1)) for t in ("One", "Two")]
        session.add_all(events)
        session.flush()
        return [event.id for event in events]


def test_keeping_drafts_and_reading_the_latest(database, event_ids) -> None:
    first, second = event_ids
    with database.transaction() as session:
        old = save_draft(session, first, "extractive", {"warnings": []}, [], "binational")
        new = save_draft(session, first, "llm:m", DRAFT, SOURCES, "binational")
        other = save_draft(session, second, "extractive", {"warnings": []}, [], "binational")
    with database.connect() as connection:
        latest = latest_draft(connection, first)
        assert latest_draft(connection, event_ids[1] + 100) is None
        assert find_draft(connection, first, old).id == old
        assert find_draft(connection, first, other) is None  # another event's draft
        assert find_draft(connection, second, other).method == "extractive"
    assert (latest.id, latest.event_id, latest.author, latest.method) == (
        new, first, "binational", "llm:m")  # fmt: skip
    assert latest.draft == DRAFT and latest.sources == tuple(SOURCES)
    assert isinstance(latest.created_at, dt.datetime)
    with database.sessions() as session:
        revisions = session.get(Event, first).revisions
        assert [(r.author, r.action, r.before, r.after) for r in revisions] == [
            ("binational", "draft", {}, {"method": "extractive", "draft": old, "warnings": 0}),
            ("binational", "draft", {}, {"method": "llm:m", "draft": new, "warnings": 1}),
        ]


def test_a_draft_of_a_missing_event_is_refused(database, event_ids) -> None:
    with pytest.raises(UserError, match="there is no event"), database.transaction() as session:
        save_draft(session, event_ids[1] + 100, "extractive", {}, [], "binational")
    with database.connect() as connection:
        assert latest_draft(connection, event_ids[1] + 100) is None


def test_the_model_matches_the_migration(database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    table = EventDraft.__tablename__
    assert [diff for diff in diffs if table in repr(diff)] == []
    assert table in database.table_names()
