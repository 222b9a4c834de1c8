"""A stored event's drafting inputs, on SQLite and PostgreSQL: an accepted candidate's
archived documents, an imported event's own text standing in (flagged), the history
of its institutions and the published examples; and what a kept draft remembers of
its sources."""

from __future__ import annotations

import pytest
from devset import store_candidate

from binational.drafting.gather import (
    STORED_URL,
    gather_inputs,
    source_records,
    stored_text,
    text_sha256,
)
from binational.drafting.inputs import SourceText
from binational.errors import UserError
from binational.ingest.queue import accept_candidate
from binational.intake.importer import import_reports
from binational.store.events import EventQuery, find_events
from binational.store.models import Event


@pytest.fixture
def imported(database, sample_report_path, linker):
    """The sample report's 14 events, linked as an import links them."""
    from binational.registry.annotate import Annotator
    from binational.registry.topics import tag_topics

    import_reports(database, [sample_report_path], annotator=Annotator(linker.find, tag_topics))
    with database.sessions() as session:
        return {e.title: e.id for e in find_events(session, EventQuery())}


def accept(database, pair, linker):
    from binational.registry.annotate import Annotator
    from binational.registry.topics import tag_topics

    candidate = store_candidate(database, pair)
    with database.transaction() as session:
        return accept_candidate(session, candidate, "ana", Annotator(linker.find, tag_topics)).id


def test_an_accepted_candidate_is_drafted_from_its_document(database, pairs, linker, imported):
    pair = next(p for p in pairs if p["item"] == 2)
    event_id = accept(database, pair, linker)
    with database.connect() as connection:
        inputs = gather_inputs(connection, event_id)
    [source] = inputs.sources
    assert (source.url, source.text, source.language) == (
        pair["source"]["url"], pair["source"]["text"], "en")  # fmt: skip
    assert source.document_id is not None and not source.stored
    assert inputs.event.id == event_id and inputs.event.title == pair["source"]["title"]
    assert inputs.event.date.iso() == "2023-04-13"
    assert "bicentennial-framework" in inputs.event.links
    # The sample report's events linked to its institutions are its history, and the
    # published ones among them are the prompt's examples (with their text).
    past = [e for e in inputs.history if "bicentennial-framework" in e.links]
    assert past and all(e.id != event_id for e in inputs.history)
    assert any(e.status == "published" and e.summary and e.implications for e in past)
    assert list(inputs.history) == sorted(inputs.history, key=lambda e: (e.date, e.id))


def test_an_imported_event_gives_its_own_text_flagged(database, imported):
    title = next(t for t in imported if "Fentanyl" in t)
    with database.connect() as connection:
        inputs = gather_inputs(connection, imported[title])
    with database.sessions() as session:
        event = session.get(Event, imported[title])
        summary, context = event.summary, event.context
    [source] = inputs.sources
    assert source.stored and source.document_id is None
    assert source.url == STORED_URL.format(event_id=imported[title])
    assert source.text == stored_text(summary, context) and summary in source.text
    assert all(e.id != imported[title] for e in inputs.history)


def test_an_event_without_text_has_no_sources(database):
    import datetime as dt

    with database.transaction() as session:
        event = Event(title="Nothing yet", date_value=dt.date(2023, 5, 1), summary="")
        session.add(event)
        session.flush()
        event_id = event.id
    with database.connect() as connection:
        inputs = gather_inputs(connection, event_id)
        with pytest.raises(UserError, match="there is no event 999"):
            gather_inputs(connection, 999)
    assert inputs.sources == () and inputs.history == () and inputs.event.links == ()


@pytest.mark.parametrize(
    ("summary", "context", "text"),
    [("S.", "", "S."), ("", "C.", "C."), (" S. ", " C. ", "S.\n\nC."), ("", " ", "")],
)
def test_stored_text(summary, context, text):
    assert stored_text(summary, context) == text


def test_source_records_keep_the_stored_text_and_hash_the_documents():
    archived = SourceText("https://a.example/r", "Released.", "en", "R", document_id=7)
    own = SourceText("urn:binational:event:3:stored-text", "Ours.", None, "T", stored=True)
    first, second = source_records([archived, own])
    assert first == {"url": "https://a.example/r", "title": "R", "language": "en",
                     "document_id": 7, "stored": False, "sha256": text_sha256("Released.")}
    assert second["text"] == "Ours." and second["stored"] and second["document_id"] is None
