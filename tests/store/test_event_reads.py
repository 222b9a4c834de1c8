"""The fast reads give the same records as the ORM path, on both engines."""

import datetime as dt

import pytest
from sqlalchemy import select

from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.registry.loader import load_registry
from binational.registry.records import registry_labels
from binational.store import event_reads
from binational.store.event_reads import (
    read_event_cards,
    read_event_day,
    read_event_page,
    read_events,
    read_placements,
    read_revisions,
    read_sources,
)
from binational.store.events import get_event, update_event
from binational.store.links import remove_link
from binational.store.models import Event, EventSource
from binational.store.records import CARD_SUMMARY, event_record, revision_record


@pytest.fixture
def imported(database, sample_report_path):
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    with database.sessions() as session:
        ids = list(session.scalars(select(Event.id).order_by(Event.id)))
    return database, ids


def read_event(connection, event_id, labels, statuses=None):
    """The page's record without its lists: what ``event_record`` makes."""
    page = read_event_page(connection, event_id, labels, statuses, with_revisions=False)
    if page is None:
        return None
    del page["sources"], page["reports"]
    return page


@pytest.fixture(scope="module")
def labels():
    return registry_labels(load_registry())


def test_read_event_matches_the_orm_record(imported, labels):
    database, ids = imported
    with database.transaction() as session:  # a tombstone and a revision to read back
        event = get_event(session, ids[0])
        slug = next(link.slug for link in event.institution_links)
        remove_link(session, event, slug, "ana")
        update_event(session, event, {"implications": "New analysis."}, "ana")
    with database.sessions() as session, database.connect() as connection:
        for event_id in ids:
            expected = event_record(get_event(session, event_id), None, labels)
            assert read_event(connection, event_id, labels) == expected
        revisions = [revision_record(r) for r in reversed(get_event(session, ids[0]).revisions)]
    with database.connect() as connection:
        assert read_revisions(connection, ids[0]) == revisions
        assert [r["action"] for r in revisions] == ["edit", "unlink"]
        record = read_event(connection, ids[0], labels)
    assert slug not in [i["slug"] for i in record["institutions"]]
    assert record["implications"] == "New analysis."


def test_read_event_hides_what_the_statuses_exclude(imported, labels):
    database, ids = imported
    with database.connect() as connection:
        status = read_event(connection, ids[0], labels)["status"]
        assert read_event(connection, ids[0], labels, (status,)) is not None
        assert read_event(connection, ids[0], labels, ("no-such-status",)) is None
        assert read_event(connection, 10**9, labels) is None


def test_read_events_keeps_the_order_asked_and_skips_missing_ids(imported, labels):
    database, ids = imported
    wanted = [ids[5], 10**9, ids[0], ids[3]]
    with database.connect() as connection:
        records = read_events(connection, wanted, labels)
        singles = [read_event(connection, i, labels) for i in (ids[5], ids[0], ids[3])]
        assert read_events(connection, [], labels) == []
    assert [r["id"] for r in records] == [ids[5], ids[0], ids[3]]
    assert records == singles


def test_cards_are_the_records_cut_to_what_a_list_shows(imported, labels):
    database, ids = imported
    wanted = [ids[5], 10**9, ids[0], ids[3]]
    with database.transaction() as session:  # a removed link is on no card
        session.get(Event, ids[0]).institution_links[0].removed = True
    with database.connect() as connection:
        cards = read_event_cards(connection, wanted)
        records = read_events(connection, wanted, labels)
        assert read_event_cards(connection, []) == []
    assert len(cards) == 3
    for card, record in zip(cards, records, strict=True):
        assert card == {
            "id": record["id"], "title": record["title"], "date": record["date"],
            "status": record["status"], "summary": record["summary"][:CARD_SUMMARY],
            "institutions": [{"slug": i["slug"]} for i in
                             sorted(record["institutions"], key=lambda i: i["slug"])],
            "language": "en",  # the sample report's events are written in English
        }  # fmt: skip
    assert any(len(record["summary"]) > CARD_SUMMARY for record in records)


def test_sources_and_placements(imported):
    database, ids = imported
    with database.transaction() as session:
        copy = EventSource(event_id=ids[1], url="https://example.gov/copy", title="Copy",
                           role="duplicate", added_at=dt.datetime(2023, 5, 1, 12))  # fmt: skip
        session.add(copy)
    with database.connect() as connection:
        assert read_sources(connection, ids[1]) == [
            {"url": "https://example.gov/copy", "title": "Copy", "role": "duplicate",
             "added_at": "2023-05-01T12:00:00"}
        ]  # fmt: skip
        assert read_sources(connection, ids[2]) == []
        [placement] = read_placements(connection, ids[1])
    assert placement["report"] == "2023Q2" and placement["printed_number"] == 2
    assert placement["excluded"] is False


def test_read_event_page_reads_only_the_lists_that_have_rows(imported, labels):
    database, ids = imported
    with database.transaction() as session:
        update_event(session, get_event(session, ids[1]), {"implications": "Edited."}, "ana")
        session.add(EventSource(event_id=ids[1], url="https://example.gov/copy", role="duplicate"))
    with database.connect() as connection:
        page = read_event_page(connection, ids[1], labels, None, with_revisions=True)
        assert {k: page[k] for k in ("id", "title", "implications")} == {
            k: read_event(connection, ids[1], labels)[k] for k in ("id", "title", "implications")
        }
        assert [s["url"] for s in page["sources"]] == ["https://example.gov/copy"]
        assert page["reports"] == read_placements(connection, ids[1]) != []
        assert [r["action"] for r in page["revisions"]] == ["edit"]
        public = read_event_page(connection, ids[1], labels, None, with_revisions=False)
        assert "revisions" not in public
        quiet = read_event_page(connection, ids[2], labels, None, with_revisions=True)
        assert quiet["sources"] == [] and quiet["revisions"] == [] and quiet["reports"] != []
        assert read_event_page(connection, ids[2], labels, ("no-such-status",), True) is None
        assert read_event_page(connection, 10**9, labels, None, True) is None


def test_read_events_in_chunks_gives_every_record_in_order(imported, labels, monkeypatch):
    database, ids = imported
    wanted = [*reversed(ids), 10**9]
    with database.connect() as connection:
        whole = read_events(connection, wanted, labels)
        monkeypatch.setattr(event_reads, "CHUNK", 3)
        chunked = read_events(connection, wanted, labels)
    assert [r["id"] for r in whole] == list(reversed(ids))
    assert len(ids) > 3 and chunked == whole


def test_read_events_numbers_the_records_it_is_given_numbers_for(imported, labels):
    database, ids = imported
    with database.connect() as connection:
        records = read_events(connection, ids[:3], labels, {ids[1]: 7, 10**9: 1})
    assert [r["number"] for r in records] == [None, 7, None]


def test_event_day_and_revisions_oldest_first(imported):
    database, ids = imported
    with database.transaction() as session:
        event = get_event(session, ids[2])
        update_event(session, event, {"implications": "One."}, "ana")
        update_event(session, event, {"implications": "Two."}, "ana")
        expected_day = (event.id, event.date_value, event.status)
        expected = [revision_record(r) for r in event.revisions]
    with database.connect() as connection:
        assert tuple(read_event_day(connection, ids[2])) == expected_day
        assert read_event_day(connection, 10**9) is None
        assert read_revisions(connection, ids[2], newest_first=False) == expected
        assert read_revisions(connection, ids[2]) == expected[::-1]
    assert [r["after"]["implications"] for r in expected] == ["One.", "Two."]
