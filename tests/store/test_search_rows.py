"""store/search_rows.py: events as the search index reads them, and what changed
since a data version, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from tests.search.conftest import MANY_INSTITUTIONS, MANY_TOPICS, add_event

from binational.store.data_version import data_version
from binational.store.links import remove_link
from binational.store.models import Event
from binational.store.search_rows import all_rows, new_events, new_revisions, read_rows, recent_ids


def test_rows_carry_live_links_and_topics(database, corpus):
    with database.transaction() as session:
        remove_link(session, session.get(Event, corpus["linked"]), "ibwc", "analyst")
    with database.connect() as connection:
        (row,) = read_rows(connection, [corpus["linked"], 10**6])
    assert row.id == corpus["linked"] and row.status == "reviewed"
    assert sorted(row.institutions) == sorted(set(MANY_INSTITUTIONS) - {"ibwc"})
    assert sorted(row.topics) == sorted(MANY_TOPICS)
    assert row.title == "Quarterly binational review" and row.date_precision == "day"


def test_all_rows_in_chunks_match_read_rows(database, corpus):
    with database.connect() as connection:
        last = data_version(connection)[0]
        chunked = [row for rows in all_rows(connection, last, chunk=4) for row in rows]
        assert chunked == read_rows(connection, range(1, last + 1))
    assert [row.id for row in chunked] == list(range(1, last + 1))


def test_what_changed_since_a_version(database, corpus):
    with database.connect() as connection:
        events, revisions = data_version(connection)
    new = add_event(database, title="Later")
    with database.connect() as connection:
        assert new_events(connection, events, events + 1) == [new]
        assert new_events(connection, events + 1, events + 1, also=[2, 10**6]) == [2]
        assert new_events(connection, events, events) == []
        revised = new_revisions(connection, 0, revisions)
        assert {event for _, event in revised} == {corpus["linked"]}
        assert [r for r, _ in revised] == list(range(1, revisions + 1))
        assert new_revisions(connection, revisions, revisions, also=[1]) == [revised[0]]
        assert recent_ids(connection, "events", events + 1, 3) == [events - 1, events, new]
        assert recent_ids(connection, "revisions", revisions, 2) == [revisions - 1, revisions]
