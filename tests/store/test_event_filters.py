"""The listing's statement on the Core tables finds the events the ORM's ``find_events``
finds, in the same order, on both engines."""

import pytest

from binational.domain import Period
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.store.event_filters import EventQuery, matching_events
from binational.store.events import find_events, get_event, update_event

QUERIES = [
    EventQuery(),
    EventQuery(period=Period.parse("2023Q2")),
    EventQuery(period=Period.parse("2023-05")),
    EventQuery(period=Period.parse("2023Q3")),
    EventQuery(month=4),
    EventQuery(status="published"),
    EventQuery(status="draft"),
    EventQuery(statuses=("draft", "reviewed")),
    EventQuery(institution="hled"),
    EventQuery(any_institution=("hled", "usmca", "sspc")),
    EventQuery(topic="security"),
    EventQuery(period=Period.parse("2023Q2"), status="published"),
    EventQuery(period=Period.parse("2023Q3"), status="published"),
    EventQuery(limit=3),
    EventQuery(limit=4, offset=2),
    EventQuery(status="published", limit=2, offset=1),
]


@pytest.fixture
def imported(database, sample_report_path):
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    with database.transaction() as session:  # one event that a status filter tells apart
        update_event(session, get_event(session, 3), {"status": "draft"}, "ana")
    return database


def test_matching_events_are_find_events(imported):
    found_sets = set()
    for query in QUERIES:
        with imported.sessions() as session:
            expected = [(e.id, e.date_value, e.status) for e in find_events(session, query)]
        with imported.connect() as connection:
            statement = matching_events(query)
            found = [tuple(row) for row in connection.execute(statement)]
        assert found == expected, query
        found_sets.add(tuple(row[0] for row in found))
    # The table is worth something only if its queries find different events.
    assert len(found_sets) >= 10
    assert () in found_sets
