"""What a draft is made from, read from the store: the event with its links and
topics, its archived documents (primary first, at most a limit, none without text),
the texts of documents by id, and published events that share an institution or a
topic; the same answers from SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from binational.store.draft_inputs import (
    read_document_texts,
    read_event,
    read_examples,
    read_source_documents,
)
from binational.store.ingest_models import Document
from binational.store.models import Event, EventInstitution, EventSource, EventTopic


def add_event(session, title, day, status="published", slugs=(), topics=(), removed=(),
              summary="A summary.", implications=""):  # fmt: skip
    event = Event(title=title, date_value=day, status=status, summary=summary,
                  implications=implications, context="Background.")  # fmt: skip
    for slug in slugs:
        event.institution_links.append(EventInstitution(slug=slug, origin="analyst"))
    for slug in removed:
        event.institution_links.append(EventInstitution(slug=slug, removed=True))
    for slug in topics:
        event.topics.append(EventTopic(slug=slug, terms=[]))
    session.add(event)
    session.flush()
    return event


def add_document(session, url, text, language="en"):
    document = Document(
        url=url,
        canonical_url=url,
        title=f"Title of {url}",
        text=text,
        text_sha256=str(abs(hash(url))).zfill(64)[:64],
        language=language,
    )
    session.add(document)
    session.flush()
    return document


def test_the_event_with_its_links_and_topics(database) -> None:
    with database.transaction() as session:
        event_id = add_event(session, "HLED", dt.date(2023, 9, 29), "draft", ["hled", "state"],
                             ["trade-economy"], removed=["usmca"]).id  # fmt: skip
    with database.connect() as connection:
        stored = read_event(connection, event_id)
        assert read_event(connection, event_id + 100) is None
    assert (stored.title, stored.date_value, stored.status) == ("HLED", dt.date(2023, 9, 29),
                                                                "draft")  # fmt: skip
    assert (stored.summary, stored.context) == ("A summary.", "Background.")
    assert stored.links == ("hled", "state") and stored.topics == ("trade-economy",)


def test_source_documents_primary_first_with_text_and_limited(database) -> None:
    with database.transaction() as session:
        event = add_event(session, "E", dt.date(2023, 5, 1), "draft")
        copy = add_document(session, "https://b.example/copy", "The copy.")
        primary = add_document(session, "https://a.example/release", "The release.", "es")
        empty = add_document(session, "https://c.example/empty", "")
        third = add_document(session, "https://d.example/third", "A third copy.")
        for document, role in ((copy, "duplicate"), (primary, "primary"), (empty, "duplicate"),
                               (third, "duplicate")):  # fmt: skip
            session.add(EventSource(event_id=event.id, url=document.url, role=role,
                                    document_id=document.id))  # fmt: skip
        session.add(EventSource(event_id=event.id, url="https://no.example/document"))
        event_id, ids = event.id, (primary.id, copy.id, third.id)
    with database.connect() as connection:
        found = read_source_documents(connection, event_id, 5)
        two = read_source_documents(connection, event_id, 2)
        texts = read_document_texts(connection, [ids[0], ids[1], 10_000])
    assert [d.url for d in found] == ["https://a.example/release", "https://b.example/copy",
                                      "https://d.example/third"]  # fmt: skip
    assert [d.document_id for d in found] == list(ids)
    assert (found[0].text, found[0].language, found[0].title) == (
        "The release.",
        "es",
        "Title of https://a.example/release",
    )
    assert [d.url for d in two] == ["https://a.example/release", "https://b.example/copy"]
    assert texts == {ids[0]: "The release.", ids[1]: "The copy."}


def test_examples_are_published_events_sharing_an_institution_or_a_topic(database) -> None:
    with database.transaction() as session:
        this = add_event(session, "This", dt.date(2023, 9, 29), "draft", ["hled"], ["trade"])
        by_link = add_event(session, "By link", dt.date(2022, 9, 12), slugs=["hled", "state"],
                            implications="It matters.")  # fmt: skip
        by_topic = add_event(session, "By topic", dt.date(2023, 1, 5), topics=["trade"])
        add_event(session, "Draft", dt.date(2023, 2, 1), "draft", ["hled"])
        add_event(session, "No summary", dt.date(2023, 2, 2), slugs=["hled"], summary="")
        add_event(session, "Removed link", dt.date(2023, 2, 3), removed=["hled"])
        add_event(session, "Unrelated", dt.date(2023, 2, 4), slugs=["usmca"], topics=["water"])
        ids = this.id, by_link.id, by_topic.id
    with database.connect() as connection:
        found = read_examples(connection, ["hled"], ["trade"], ids[0], 10)
        newest = read_examples(connection, ["hled"], ["trade"], ids[0], 1)
        none = read_examples(connection, [], [], ids[0], 10)
    assert [e.id for e in found] == [ids[2], ids[1]]  # most recent first
    assert found[1].links == frozenset({"hled", "state"}) and found[0].topics == {"trade"}
    assert (found[1].summary, found[1].implications) == ("A summary.", "It matters.")
    assert [e.id for e in newest] == [ids[2]] and none == []
